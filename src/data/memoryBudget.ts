/**
 * The parse worker's memory budget: a load that would build a graph too large for a browser tab is
 * stopped with a message naming the file, before the tab runs out of memory (a crashed tab loses the
 * graph and model already loaded). The estimate counts what GraphBuilder holds while it grows: the
 * edge columns, pair hash, types and weights in growable typed arrays (up to 2× their use) plus the
 * final copies, and per drug its object, id and index entry.
 */
import { LoadError } from './errors';
import type { LoadContext } from './context';

/**
 * 1 GiB of estimated graph: about 16 M interactions, over ten times the largest real sets the app
 * is meant for (ogbl-ddi: 1.33 M pairs, DrugBank 5.1: ~1.4 M). Past it a tab risks its memory limit
 * once the page and the trainer worker hold their copies too.
 */
export const PARSE_MEMORY_BUDGET = 2 ** 30;

/** Bytes per interaction and per drug (see the module comment); measured sizes are below these. */
export const BYTES_PER_EDGE = 64;
export const BYTES_PER_DRUG = 400;
/** A buffered negative-label row: two id strings until the load ends. */
export const BYTES_PER_NEGATIVE = 100;

export function estimateLoadBytes(ctx: LoadContext): number {
  const negatives = ctx.negatives.reduce((s, f) => s + f.ids.length / 2, 0);
  return ctx.builder.edgeCount * BYTES_PER_EDGE + ctx.builder.nodes.length * BYTES_PER_DRUG + negatives * BYTES_PER_NEGATIVE;
}

/** Chromium's heap figures, where the platform offers them (not a standard API). */
interface HeapInfo {
  usedJSHeapSize: number;
  jsHeapSizeLimit: number;
}
const heapInfo = (): HeapInfo | undefined => (globalThis.performance as unknown as { memory?: HeapInfo } | undefined)?.memory;

const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;

/** Throws a 'memory' LoadError naming `file` when the load is past `budget` (or the heap near its limit). */
export function checkMemory(ctx: LoadContext, file: string, budget: number, heap: () => HeapInfo | undefined = heapInfo): void {
  const b = ctx.builder;
  const sofar = `${b.nodes.length.toLocaleString('en-US')} drugs and ${b.edgeCount.toLocaleString('en-US')} interactions so far`;
  const estimate = estimateLoadBytes(ctx);
  if (estimate > budget) {
    throw new LoadError(
      'memory',
      file,
      `loading stopped at about ${mb(estimate)} of graph (${sofar}), past this tab's budget of ${mb(budget)}: ` +
        'a larger graph risks the tab running out of memory. Load a part of the data, or use the CLI (npm run cli -- inspect / train), which has no such budget.',
    );
  }
  const h = heap();
  if (h && h.jsHeapSizeLimit > 0 && h.usedJSHeapSize > 0.85 * h.jsHeapSizeLimit) {
    throw new LoadError(
      'memory',
      file,
      `loading stopped (${sofar}): the parse worker uses ${mb(h.usedJSHeapSize)} of its ${mb(h.jsHeapSizeLimit)} heap, close to the limit.`,
    );
  }
}
