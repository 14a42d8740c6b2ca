/** Drop files anywhere on the page: an overlay shows while files are dragged over it. */
import { useEffect, useState } from 'react';
import { useDataLoader } from './context';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** How deep a dropped folder is read (SumGNN's split folder is one level; a data folder may hold it). */
const MAX_FOLDER_DEPTH = 3;

/**
 * The files of a drop, a dropped folder's files included: `dataTransfer.files` lists a folder as one
 * unreadable entry, so folders are read through the entries API. The entries are taken now, while
 * the drop event lasts; their files are read afterwards.
 */
function droppedFiles(dt: DataTransfer): () => Promise<File[]> {
  const files = Array.from(dt.files);
  const entries = Array.from(dt.items ?? []).map((item) => item.webkitGetAsEntry?.() ?? null);
  if (!entries.some((e) => e?.isDirectory)) return async () => files;
  const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));
  const children = async (dir: FileSystemDirectoryEntry) => {
    const reader = dir.createReader();
    const all: FileSystemEntry[] = [];
    // readEntries gives a batch at a time (100 in Chromium) until an empty one.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) return all;
      all.push(...batch);
    }
  };
  const walk = async (entry: FileSystemEntry, depth: number): Promise<File[]> => {
    if (entry.isFile) return [await fileOf(entry as FileSystemFileEntry)];
    if (!entry.isDirectory || depth >= MAX_FOLDER_DEPTH) return [];
    const nested = await Promise.all((await children(entry as FileSystemDirectoryEntry)).map((e) => walk(e, depth + 1)));
    return nested.flat();
  };
  // Items without an entry are not files (dragged text, links).
  return async () => (await Promise.all(entries.map((e) => (e ? walk(e, 0) : Promise.resolve([]))))).flat();
}

export function FileDrop() {
  const loader = useDataLoader();
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => hasFiles(e) && e.preventDefault();
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const read = droppedFiles(e.dataTransfer!);
      void read().then((files) => loader.loadFiles(files, 'ask'));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overHandler);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overHandler);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [loader]);
  if (!over) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div>
        Drop DrugBank XML (.xml, .zip), DDI tables (.csv, .tsv, .gz) or companion tables to load them, or split files (or their folder) for the data loaded
      </div>
    </div>
  );
}
