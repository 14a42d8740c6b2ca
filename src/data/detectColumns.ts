/**
 * For the UI's column dialog: reads only the start of a file (through the same unzip/gunzip/decoding
 * pipeline as a load), detects what kind of table it is and returns the header, the first rows and the
 * detected mapping. Never throws for an unmappable table — the dialog exists for exactly that case —
 * but does for a file no column choice can help (a first line over the limit, a decompression bomb).
 */
import { LoadError } from './errors';
import { StopReading, readInput } from './pipeline';
import { HEAD_CHARS, formatOf } from './router';
import { isCrOnly, tableHeadWait } from './table/tableHead';
import { ogbMetadata } from './ogbMetadata';
import { detectTable } from './table/detect';
import type { InputFile } from './input';
import type { TextSink } from './sinks';
import type { ColumnDetection } from './table/layout';
import Papa from 'papaparse';

const PREVIEW_ROWS = 10;

export async function detectColumns(file: InputFile, signal?: AbortSignal): Promise<ColumnDetection> {
  let label = file.name;
  let head = '';
  let readyAt = 0;
  let atEnd = false;
  let seen = false;
  await readInput(
    file,
    (entryLabel): TextSink => {
      // The first data entry of a zip is the one shown.
      if (seen) throw new StopReading();
      seen = true;
      label = entryLabel;
      return {
        write(text) {
          head += text;
          if (head.length < HEAD_CHARS || head.length < readyAt) return;
          const format = formatOf(head);
          // Blank so far: read on without keeping it, as the load does (a bomb of newlines then meets the
          // expansion guard here, before any dialog opens).
          if (format === undefined) {
            head = '';
            readyAt = 0;
            return;
          }
          if (format !== 'table') throw new StopReading();
          // Checked again only once the head is long enough to be ready (linear work, see tableHeadWait).
          readyAt = tableHeadWait(label, lf(head), false);
          if (readyAt === 0) throw new StopReading();
        },
        end() {
          atEnd = true;
        },
      };
    },
    { signal, warn: () => {} },
  );
  const format = formatOf(head);
  const empty: ColumnDetection = {
    file: label,
    delimiter: ',',
    hasHeader: false,
    header: [],
    rows: [],
    role: 'edges',
    mapping: null,
    description: '',
    confidence: 'low',
  };
  if (format === undefined) return { ...empty, problem: 'the file contains no text.' };
  if (format !== 'table') {
    return { ...empty, problem: format === 'xml' ? 'this is XML (DrugBank), not a table.' : 'this is JSON, not a table.' };
  }
  head = lf(head);
  const metadata = ogbMetadata(label, head, atEnd);
  if (metadata) return { ...empty, file: label, role: 'metadata', description: `${metadata}; skipped by the load`, confidence: 'high' };
  try {
    const d = detectTable(label, head, atEnd);
    return {
      file: label,
      delimiter: d.delimiter,
      hasHeader: d.hasHeader,
      header: d.header,
      rows: d.sample.slice(0, PREVIEW_ROWS),
      role: d.role,
      mapping: d.edges ?? null,
      description: d.description,
      confidence: d.confidence,
    };
  } catch (e) {
    if (!(e instanceof LoadError)) throw e;
    // Unmappable: still show the columns so the user can pick them.
    const delimiter = guessDelimiter(head);
    const rows = Papa.parse<string[]>(head, { delimiter, preview: PREVIEW_ROWS + 1, skipEmptyLines: true }).data;
    return {
      ...empty,
      file: label,
      delimiter,
      hasHeader: true,
      header: rows[0] ?? [],
      rows: rows.slice(1, PREVIEW_ROWS + 1),
      problem: e.detail,
    };
  }
}

/** CR-only line ends read as LF, as the load does. */
function lf(head: string): string {
  return isCrOnly(head) ? head.replace(/\r/g, '\n') : head;
}

function guessDelimiter(head: string): string {
  const line = head.slice(0, head.indexOf('\n') >>> 0);
  for (const d of ['\t', ',', ';', '|']) if (line.includes(d)) return d;
  return ',';
}
