/**
 * How much of a table's start detection needs, and the line rules every table read shares: a header is
 * only detected from a complete line (never from the first 64 KiB of a longer one), a line longer than
 * MAX_LINE_CHARS ends the wait with an error naming the line, and files whose only line ends are CR
 * (classic Mac) are read with CR as the line end.
 */
import { LoadError } from '../errors';
import { DEFAULT_MAX_ROW_CHARS } from './rowReader';

/** Characters of table text detection looks at after the first (header) line. */
export const HEAD_CHARS = 64 * 1024;
/** The longest header or row a table may have; also RowReader's default cap. */
export const MAX_LINE_CHARS = DEFAULT_MAX_ROW_CHARS;

/** True when the text's line ends are CR only: a CR that is not part of CRLF, and no LF at all. */
export function isCrOnly(head: string): boolean {
  return head.indexOf('\n') < 0 && /\r[^\n]/.test(head);
}

/**
 * Whether `head` (LF line ends) holds enough to detect the table: the first line that is not a comment
 * or blank, complete, and HEAD_CHARS after it (or the whole file). Throws when that first line alone is
 * longer than MAX_LINE_CHARS, so an over-long header is an error rather than a skipped line (which
 * would make the first data row the header).
 *
 * Returns 0 when ready, else the head length worth checking at next. Callers that see the head grow chunk by chunk check again only then, so the scans stay linear
 * in the head: with the first line complete, exactly when HEAD_CHARS more have come; while it is not,
 * once the head has grown by a quarter (and at MAX_LINE_CHARS + 1, where a line is too long or the
 * head is enough). Rescanning a ~1 MB head for every small chunk with a line end was quadratic: 0.5 MB
 * in 1-byte chunks took 10 s.
 */
export function tableHeadWait(label: string, head: string, atEnd: boolean): number {
  if (atEnd) return 0;
  let from = 0;
  let line = 1;
  for (;;) {
    const nl = head.indexOf('\n', from);
    const length = (nl < 0 ? head.length : nl) - from;
    if (length > MAX_LINE_CHARS) {
      throw new LoadError(
        'line-too-long',
        label,
        `the ${from === 0 ? 'first line' : 'header line'} is longer than ${MAX_LINE_CHARS / (1 << 20)} MiB ` +
          `(${length.toLocaleString('en-US')} characters${nl < 0 ? ' without a line end' : ''}). Is this really a table?`,
        line,
      );
    }
    if (nl < 0) return Math.min(MAX_LINE_CHARS + 1, Math.max(head.length + 1, Math.ceil(head.length * 1.25)));
    const skip = head[from] === '#' || head.slice(from, nl).trim() === '';
    if (!skip) {
      const need = Math.min(nl + HEAD_CHARS, MAX_LINE_CHARS + 1);
      return head.length >= need ? 0 : need;
    }
    from = nl + 1;
    line++;
  }
}
