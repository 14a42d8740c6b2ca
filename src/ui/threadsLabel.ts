/** The backend line's thread part: how many threads the wasm backend runs on and, for one, why. */
import type { WasmThreads } from '../workers/protocol';
import type { IsolationState } from './crossOriginIsolation';

export interface ThreadsLabel {
  /** Short, for the one-line header: "4 threads", "1 thread (no cross-origin isolation)". */
  short: string;
  /** The whole reason, for the backend list and the tooltip. */
  detail: string;
}

export function threadsLabel(t: WasmThreads, isolation: IsolationState | null): ThreadsLabel {
  const count = `${t.threads} thread${t.threads === 1 ? '' : 's'}`;
  if (t.threads > 1)
    return {
      short: count,
      detail: `${count} (cross-origin isolated; ${t.requested} asked for; SIMD kernels on ${t.kernelThreads}, TensorFlow.js's own ops on ${t.tfjsThreads})`,
    };
  if (!t.isolated) {
    const why = isolation && !isolation.isolated ? isolation.reason : 'the page is not cross-origin isolated';
    return { short: `${count} (no cross-origin isolation)`, detail: `${count} (no cross-origin isolation: ${why})` };
  }
  if (t.requested <= 1) return { short: count, detail: `${count} (${t.requested} asked for: #threads= or one core)` };
  return { short: `${count} (threaded build not loaded)`, detail: `${count}: ${t.requested} asked for, but the threaded wasm build did not load` };
}
