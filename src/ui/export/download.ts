/** Hands a finished export to the browser as a download (a Blob URL on a temporary link). */
import type { ExportResult } from './types';

export function downloadResult(result: ExportResult): void {
  const url = URL.createObjectURL(new Blob([result.bytes as BlobPart], { type: result.type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = result.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
