/**
 * The predictions file's controls in the Save and share panel: which rows (known interactions, the top K
 * candidates, all pairs), K, CSV or TSV; Save streams the file to disk with the File System Access API
 * where the browser has it (the rows never pile up in the page), else gathers the chunks as Blob parts
 * and downloads them; a progress bar and Cancel while it runs.
 */
import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { PredictionFileSummary } from '../../model/predictionFile';
import { formatBytes } from './SaveSharePanel';
import { DEFAULT_TOP, MAX_TOP, downloadBlob, predictionFileName, predictionMime, predictionRequest, streamPredictions } from './predictionStream';
import type { ExportContext } from './types';

interface WritableFile {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}
type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<{
  createWritable(): Promise<WritableFile>;
}>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const count = (n: number) => n.toLocaleString('en');

export function PredictionsSaver({ ctx, disabled }: { ctx: ExportContext; disabled: boolean }) {
  const task = useStore(ctx.store, (s) => s.settings.task);
  const graph = useStore(ctx.store, (s) => s.graph);
  const [what, setWhat] = useState<'known' | 'candidates' | 'all'>('candidates');
  const [top, setTop] = useState(String(DEFAULT_TOP));
  const [format, setFormat] = useState<'csv' | 'tsv'>('csv');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [status, setStatus] = useState('');
  const abort = useRef<AbortController | null>(null);
  if (!graph) return null;
  const link = task === 'link';
  const n = graph.nodes.length;

  const save = async () => {
    let request;
    try {
      request = predictionRequest({ what: link ? what : 'known', top: Number(top), format }, task);
    } catch (e) {
      setStatus(message(e));
      return;
    }
    const name = predictionFileName(graph.name, task, request);
    const type = predictionMime(format);
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: 0 });
    setStatus(`Writing ${name}…`);
    try {
      const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
      let summary: PredictionFileSummary;
      if (picker) {
        let file: WritableFile;
        try {
          const handle = await picker({ suggestedName: name, types: [{ description: format.toUpperCase(), accept: { [type]: [`.${format}`] } }] });
          file = await handle.createWritable();
        } catch (e) {
          setStatus((e as Error).name === 'AbortError' ? 'Not saved: no file chosen.' : `Predictions: ${message(e)}`);
          return;
        }
        try {
          summary = await streamPredictions(ctx, request, (bytes) => file.write(bytes), setProgress, controller.signal);
        } catch (e) {
          await file.abort().catch(() => undefined);
          throw e;
        }
        // A cancelled file is dropped, not left half-written under the chosen name.
        await (summary.cancelled ? file.abort() : file.close());
      } else {
        const parts: Blob[] = [];
        summary = await streamPredictions(ctx, request, (bytes) => void parts.push(new Blob([bytes as BlobPart])), setProgress, controller.signal);
        if (!summary.cancelled) downloadBlob(new Blob(parts, { type }), name);
      }
      setStatus(
        summary.cancelled
          ? `Cancelled after ${count(summary.rows)} of ${count(summary.total)} rows; nothing was saved.`
          : `Saved ${name}: ${count(summary.rows)} rows, ${formatBytes(summary.bytes)}.`,
      );
    } catch (e) {
      setStatus(`Predictions: ${message(e)}`);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <div className="predictions-saver" data-testid="predictions-saver">
      {link ? (
        <div className="save-options">
          <label>
            Rows{' '}
            <select value={what} disabled={busy} onChange={(e) => setWhat(e.target.value as typeof what)}>
              <option value="candidates">top K candidate pairs</option>
              <option value="known">known interactions ({count(graph.edgeSrc.length)})</option>
              <option value="all">all pairs ({count((n * (n - 1)) / 2)})</option>
            </select>
          </label>
          {what === 'candidates' && (
            <label>
              K <input type="number" min={1} max={MAX_TOP} step={1} value={top} disabled={busy} onChange={(e) => setTop(e.target.value)} />
            </label>
          )}
          <FormatSelect format={format} setFormat={setFormat} disabled={busy} />
        </div>
      ) : (
        <div className="save-options">
          <span className="muted small">
            {task === 'type'
              ? 'Each known pair’s three most likely types.'
              : task === 'multilabel'
                ? 'Not written for the multilabel task yet: its per-label test scores are in the training panel.'
                : 'Each drug’s ATC group probabilities.'}
          </span>
          <FormatSelect format={format} setFormat={setFormat} disabled={busy} />
        </div>
      )}
      <div className="save-buttons">
        <button type="button" data-export="predictions-csv" disabled={disabled || busy} onClick={() => void save()}>
          Save predictions…
        </button>
        {busy && (
          <button type="button" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        )}
      </div>
      {busy && progress.total > 0 && (
        <progress value={progress.done} max={progress.total} aria-label="Predictions written">
          {Math.round((100 * progress.done) / progress.total)}%
        </progress>
      )}
      <p className="muted small" role="status" aria-live="polite">
        {busy && progress.total > 0 ? `${count(progress.done)} / ${count(progress.total)} rows` : status}
      </p>
    </div>
  );
}

function FormatSelect({ format, setFormat, disabled }: { format: 'csv' | 'tsv'; setFormat: (f: 'csv' | 'tsv') => void; disabled: boolean }) {
  return (
    <label>
      Format{' '}
      <select value={format} disabled={disabled} onChange={(e) => setFormat(e.target.value as 'csv' | 'tsv')}>
        <option value="csv">CSV</option>
        <option value="tsv">TSV</option>
      </select>
    </label>
  );
}
