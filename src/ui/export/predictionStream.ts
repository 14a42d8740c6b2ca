/**
 * The page's side of a predictions file: what the user asked for (checked), the file's name, and the
 * stream of chunks from the trainer worker (predictionRows), each written before the next is asked
 * for. The page never holds the rows, only encoded chunks on their way to a sink: a file on disk (File
 * System Access API), Blob parts, or — for window.playground.export — one array.
 */
import * as Comlink from 'comlink';
import type { PredictionChunk, PredictionFileRequest, PredictionFileSummary } from '../../model/predictionFile';
import { PREDICTION_SCOPES, type PredictionScope } from '../../model/predictionRows';
import type { ExportContext, ExportOptions } from './types';

/** The most candidates a file may ask for (the scan keeps them all in a heap). */
export const MAX_TOP = 1_000_000;
export const DEFAULT_TOP = 100;

export const predictionMime = (format: 'csv' | 'tsv') => (format === 'tsv' ? 'text/tab-separated-values' : 'text/csv');

/** Options {what, top, format} checked against the model's task; throws a sentence naming the bad value. */
export function predictionRequest(options: ExportOptions | undefined, task: string): PredictionFileRequest {
  const o = options ?? {};
  const what = (o.what ?? (task === 'link' ? 'candidates' : 'known')) as PredictionScope;
  if (!PREDICTION_SCOPES.includes(what)) throw new Error(`what must be one of ${PREDICTION_SCOPES.join(', ')}, not “${String(o.what)}”.`);
  if (task !== 'link' && what !== 'known') throw new Error(`The ${task} task predicts the known rows only (what: known).`);
  const top = o.top === undefined ? DEFAULT_TOP : Number(o.top);
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP)
    throw new Error(`top must be a whole number from 1 to ${MAX_TOP.toLocaleString('en')}, not “${String(o.top)}”.`);
  const format = o.format ?? 'csv';
  if (format !== 'csv' && format !== 'tsv') throw new Error(`format must be csv or tsv, not “${String(o.format)}”.`);
  return { what, top, format };
}

/** e.g. "demo-candidates-top150.csv", "ogbl-ddi-all-pairs.tsv", "demo-type-predictions.csv". */
export function predictionFileName(graphName: string, task: string, r: PredictionFileRequest): string {
  const base =
    graphName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'graph';
  const what = task !== 'link' ? `${task}-predictions` : r.what === 'candidates' ? `candidates-top${r.top}` : r.what === 'all' ? 'all-pairs' : 'known';
  return `${base}-${what}.${r.format}`;
}

/**
 * Streams the file through `write` (awaited per chunk). Training is paused first so that every row comes
 * from one model. Aborting the signal stops the worker after its current block; the summary then says `cancelled`.
 */
export async function streamPredictions(
  ctx: ExportContext,
  request: PredictionFileRequest,
  write: (bytes: Uint8Array) => Promise<void> | void,
  onProgress?: (chunk: { done: number; total: number }) => void,
  signal?: AbortSignal,
): Promise<PredictionFileSummary> {
  await ctx.controller.pause();
  const api = ctx.controller.trainer;
  const onAbort = () => void api.cancelPredictionRows();
  signal?.addEventListener('abort', onAbort);
  try {
    return await api.predictionRows(
      request,
      Comlink.proxy(async (chunk: PredictionChunk) => {
        if (signal?.aborted) return false;
        await write(chunk.bytes);
        onProgress?.({ done: chunk.done, total: chunk.total });
        return !signal?.aborted;
      }),
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** Hands a Blob to the browser as a download (a Blob URL on a temporary link). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
