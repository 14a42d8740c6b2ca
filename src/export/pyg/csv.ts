/** CSV text through papaparse's writer (already the app's CSV reader): RFC 4180 quoting, LF line ends. */
import Papa from 'papaparse';

export function csvText(header: string[], rows: Iterable<(string | number | undefined | null)[]>): string {
  return `${Papa.unparse({ fields: header, data: Array.from(rows, (r) => r.map((v) => v ?? '')) }, { newline: '\n' })}\n`;
}
