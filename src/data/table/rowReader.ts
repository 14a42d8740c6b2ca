/**
 * Streaming CSV/TSV rows on top of papaparse's low-level Parser: text arrives in chunks, complete rows
 * go out with the physical line they start on. RFC-4180 quoting (quoted delimiters, doubled quotes,
 * multi-line fields) is papaparse's; this class adds chunk stitching, line numbers and a length cap so
 * that a runaway quote or a gigabyte-long line is reported and skipped instead of eating memory.
 */
import Papa from 'papaparse';

export interface RowReaderOptions {
  delimiter: string;
  /** Called once per non-empty row; `line` is the 1-based physical line the row starts on. */
  onRow: (fields: string[], line: number) => void;
  /** Called for rows that cannot be read (too long, runaway quote). */
  onSkip: (reason: string, line: number) => void;
  /** Longest row (in characters) we are willing to hold. */
  maxRowChars?: number;
}

export const DEFAULT_MAX_ROW_CHARS = 1 << 20;

interface PapaResult {
  data: string[][];
  meta: { cursor: number };
}

export class RowReader {
  private readonly parser: Papa.Parser;
  private readonly maxRow: number;
  private readonly collapseSpaces: boolean;
  private rest = '';
  /** Physical line number of the first character of `rest`. */
  private line = 1;
  /** Skipping the remainder of an over-long line until its newline. */
  private discarding = false;

  constructor(private readonly opts: RowReaderOptions) {
    this.parser = new Papa.Parser({ delimiter: opts.delimiter, newline: '\n', quoteChar: '"' });
    this.maxRow = opts.maxRowChars ?? DEFAULT_MAX_ROW_CHARS;
    // Space-separated files (SumGNN's "head tail rel") may align columns with several spaces.
    this.collapseSpaces = opts.delimiter === ' ';
  }

  write(text: string): void {
    if (this.discarding) {
      const nl = text.indexOf('\n');
      if (nl < 0) return;
      this.discarding = false;
      this.line++;
      text = text.slice(nl + 1);
    }
    // No line end in the new text: no row can end in it, so append without parsing the unfinished row
    // again (a long line arriving in many chunks would otherwise cost quadratic time).
    if (this.rest.length > 0 && text.indexOf('\n') < 0) {
      this.rest += text;
      if (this.rest.length > this.maxRow) this.overflow();
      return;
    }
    const input = this.rest.length > 0 ? this.rest + text : text;
    this.rest = '';
    this.parse(input, false);
  }

  end(): void {
    if (this.discarding) return;
    const input = this.rest;
    this.rest = '';
    if (input.length > 0) this.parse(input, true);
  }

  private parse(input: string, last: boolean): void {
    const res = this.parser.parse(input, 0, !last) as PapaResult;
    const hasQuote = input.indexOf('"') >= 0;
    for (const row of res.data) {
      const start = this.line;
      this.line += hasQuote ? 1 + newlinesIn(row) : 1;
      this.emit(row, start);
    }
    if (last) return;
    const cursor = res.meta.cursor;
    if (cursor < input.length) this.rest = input.slice(cursor);
    if (this.rest.length > this.maxRow) this.overflow();
  }

  /** The unfinished row is longer than the cap: report it, drop it up to its first newline, go on. */
  private overflow(): void {
    const rest = this.rest;
    const nl = rest.indexOf('\n');
    const quoted = nl >= 0; // A newline inside the row means papaparse is waiting for a closing quote.
    this.opts.onSkip(
      quoted
        ? `quoted field not closed within ${fmtChars(this.maxRow)} (row skipped up to the end of its first line)`
        : `line longer than ${fmtChars(this.maxRow)} (skipped)`,
      this.line,
    );
    this.rest = '';
    if (quoted) {
      this.line++;
      this.parse(rest.slice(nl + 1), false);
    } else {
      this.discarding = true;
    }
  }

  private emit(row: string[], line: number): void {
    let fields = row;
    const n = fields.length;
    if (n === 1 && fields[0].length <= 1 && (fields[0] === '' || fields[0] === '\r')) return; // blank line
    // CRLF files: the newline is '\n', so the last field keeps a '\r'.
    const lastField = fields[n - 1];
    if (lastField.length > 0 && lastField.charCodeAt(lastField.length - 1) === 13) fields[n - 1] = lastField.slice(0, -1);
    if (this.collapseSpaces) fields = fields.filter((f) => f !== '');
    this.opts.onRow(fields, line);
  }
}

function newlinesIn(row: string[]): number {
  let n = 0;
  for (const f of row) {
    let i = f.indexOf('\n');
    while (i >= 0) {
      n++;
      i = f.indexOf('\n', i + 1);
    }
  }
  return n;
}

function fmtChars(n: number): string {
  return n >= 1 << 20 ? `${n / (1 << 20)} MiB` : `${n.toLocaleString('en-US')} characters`;
}
