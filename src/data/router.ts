/**
 * Decides what a text stream is from its first 64 KiB — DrugBank XML, drug-graph JSON or a table — and
 * hands it, head included, to the matching parser.
 */
import { LoadError } from './errors';
import type { TextSink } from './sinks';
import type { LoadContext } from './context';
import { DrugBankXmlSink } from './drugbank/drugbankXml';
import { JsonGraphSink } from './jsonGraph';
import { ogbMetadata } from './ogbMetadata';
import { TableSink } from './table/tableSink';
import { HEAD_CHARS, isCrOnly, tableHeadWait } from './table/tableHead';

export { HEAD_CHARS };

export type Format = 'xml' | 'json' | 'table';

/** The format a file's first non-blank character announces. */
export function formatOf(head: string): Format | undefined {
  const m = /\S/.exec(head);
  if (!m) return undefined;
  const c = m[0];
  if (c === '<') return 'xml';
  if (c === '{' || c === '[') return 'json';
  return 'table';
}

/** Reads a skipped file to its end (so a truncated .gz still says so) and keeps nothing. */
const DISCARD: TextSink = { write: () => {}, end: () => {} };

export class FormatRouter implements TextSink {
  private head = '';
  private target: TextSink | undefined;
  /** A table whose head is not enough yet: dispatch again only once the head is this long (tableHeadWait). */
  private readyAt = 0;
  /** CR-only line ends (classic Mac): each CR becomes LF on the way to the table reader. */
  private crOnly = false;

  constructor(
    private readonly label: string,
    private readonly ctx: LoadContext,
  ) {}

  write(text: string): void {
    if (this.target) {
      this.target.write(this.crOnly ? text.replace(/\r/g, '\n') : text);
      return;
    }
    this.head += text;
    if (this.head.length < HEAD_CHARS || this.head.length < this.readyAt) return;
    this.dispatch(false);
  }

  end(): void {
    if (!this.target) this.dispatch(true);
    this.target!.end();
  }

  private dispatch(atEnd: boolean): void {
    const head = this.head;
    const format = formatOf(head);
    if (format === undefined) {
      if (atEnd) throw new LoadError('empty', this.label, 'the file contains only whitespace.');
      this.head = ''; // A long run of blank space: keep waiting without keeping it.
      this.readyAt = 0;
      return;
    }
    if (format === 'table') {
      this.crOnly = isCrOnly(head);
      const text = this.crOnly ? head.replace(/\r/g, '\n') : head;
      const wait = tableHeadWait(this.label, text, atEnd);
      if (wait > 0) {
        this.readyAt = wait;
        return;
      }
      this.head = '';
      this.dispatchTable(text, atEnd);
      return;
    }
    this.head = '';
    if (format === 'xml') {
      this.target = new DrugBankXmlSink(this.label, this.ctx);
    } else {
      this.target = new JsonGraphSink(this.label, this.ctx);
    }
    this.target.write(head);
  }

  private dispatchTable(head: string, atEnd: boolean): void {
    // A column mapping the user chose wins over the name (their own table may share OGB's name).
    const metadata = this.ctx.columnMappings[this.label] ? null : ogbMetadata(this.label, head, atEnd);
    if (metadata) {
      this.ctx.skippedFiles.push({ label: this.label, what: metadata });
      this.target = DISCARD;
    } else {
      this.target = new TableSink(this.label, this.ctx, head, atEnd);
      if (this.crOnly) this.ctx.builder.warn(`${this.label} has CR-only line ends (classic Mac); each CR was read as a line end.`);
    }
    this.target.write(head);
  }
}
