/** Progress arithmetic for the load bar: throughput and time left. Pure, so it is unit-tested. */
import type { ParseProgress } from '../data/parseResult';

export interface LoadProgressView {
  file: string;
  fileIndex: number;
  fileCount: number;
  bytesRead: number;
  totalBytes: number;
  /** 0–1, or null when the size is unknown. */
  fraction: number | null;
  mbPerSecond: number | null;
  secondsLeft: number | null;
}

export function progressView(p: ParseProgress, startedAt: number, now: number): LoadProgressView {
  const seconds = (now - startedAt) / 1000;
  const rate = seconds > 0.2 ? p.bytesRead / seconds : null;
  const known = p.totalBytes > 0;
  return {
    file: p.file,
    fileIndex: p.fileIndex ?? 0,
    fileCount: p.fileCount ?? 1,
    bytesRead: p.bytesRead,
    totalBytes: p.totalBytes,
    fraction: known ? Math.min(1, p.bytesRead / p.totalBytes) : null,
    mbPerSecond: rate === null ? null : rate / 1e6,
    secondsLeft: rate && known ? Math.max(0, (p.totalBytes - p.bytesRead) / rate) : null,
  };
}

export function formatBytes(n: number): string {
  if (n < 1e3) return `${n} B`;
  if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
  if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
  return `${(n / 1e9).toFixed(2)} GB`;
}
