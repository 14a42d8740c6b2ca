/** What a load reports while it reads (progress) and hands back at the end (graph and report), wherever it runs. */
import type { DrugGraph, LoadReport } from './graph';

export interface ParseProgress {
  file: string;
  bytesRead: number;
  /** File size in bytes, or 0 when unknown (a URL without Content-Length). */
  totalBytes: number;
  /** Position of this file among those being loaded (0-based), and how many there are. */
  fileIndex?: number;
  fileCount?: number;
}

export interface ParseResult {
  graph: DrugGraph;
  report: LoadReport;
}
