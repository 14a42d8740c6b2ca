/**
 * The one error type loaders throw. It names the file and, where known, the place, so the UI can say
 * "bad.xml, line 12, column 7: …" and keep the graph it already has.
 */

export type LoadErrorKind =
  | 'empty' // no bytes, or nothing but whitespace
  | 'binary' // not text (NUL bytes, image, PDF, spreadsheet, pickle …)
  | 'unsupported' // a container or format we recognise but cannot read (bzip2, xz, 7z …)
  | 'truncated' // zip or gzip stream that ends early
  | 'no-data-in-archive' // zip without an XML or table entry
  | 'malformed-xml' // XML syntax error (with line and column)
  | 'not-drugbank' // well-formed XML, but not a DrugBank export
  | 'malformed-json'
  | 'unmappable' // a table whose columns cannot be mapped to drugs / interactions
  | 'no-interactions' // the files only annotate drugs, or contain no usable rows
  | 'line-too-long' // a table's header (or first) line longer than the line limit
  | 'too-large' // decompression past the expansion-ratio or size guard (a zip/gzip bomb)
  | 'checksum' // a gzip or zip member whose CRC-32 does not match its data
  | 'io' // reading failed (network, permission, HTTP status)
  | 'refused' // a link the fetch policy does not allow (another site over plain http)
  | 'memory' // past the parse worker's memory budget
  | 'cancelled';

export class LoadError extends Error {
  override readonly name = 'LoadError';

  constructor(
    readonly kind: LoadErrorKind,
    /** File (or "archive.zip/entry.xml") the problem is in. */
    readonly file: string,
    /** The human message without the location; `message` carries the full sentence. */
    readonly detail: string,
    /** 1-based line. */
    readonly line?: number,
    /** 1-based column. */
    readonly column?: number,
  ) {
    super(formatLocation(file, line, column) + detail);
  }
}

function formatLocation(file: string, line?: number, column?: number): string {
  let s = file;
  if (line !== undefined) s += `, line ${line}`;
  if (column !== undefined) s += `, column ${column}`;
  return `${s}: `;
}

/** Plain-data view of a LoadError, as it arrives on the page after crossing the worker boundary. */
export interface LoadErrorInfo {
  name: 'LoadError';
  message: string;
  kind: LoadErrorKind;
  file: string;
  detail: string;
  line?: number;
  column?: number;
}

/** True for a LoadError and for its structured-clone copy coming back from the parse worker. */
export function isLoadError(e: unknown): e is LoadErrorInfo {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'LoadError';
}

export function cancelled(file: string): LoadError {
  return new LoadError('cancelled', file, 'loading was cancelled.');
}
