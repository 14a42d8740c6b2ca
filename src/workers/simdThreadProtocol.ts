/**
 * How the trainer worker hands SIMD kernel calls to its helper threads (simdThreads.ts →
 * simdThread.worker.ts): a small SharedArrayBuffer both sides read with Atomics.
 *
 *   int32 [0]  generation: the caller adds 1 to start a round; helpers wait on it
 *   int32 [1]  helpers still running this round; the last one to finish wakes the caller
 *   float64 slot t (from byte SLOT_OFFSET): [function index or −1, result, arguments…]
 */
import type { SimdFunction } from '../model/kernels/simdParallel';

export const SIMD_FUNCTIONS: SimdFunction[] = ['gemm', 'pairMlpForward', 'pairMlpBackward', 'pairMlpScanRow', 'csrSpmm', 'copyRows', 'addFloats'];
export const GENERATION = 0;
export const PENDING = 1;
export const SLOT_OFFSET = 64;
/** Float64s per helper: function, result, and up to 22 arguments. */
export const SLOT_SIZE = 24;

export function controlBytes(helpers: number): number {
  return SLOT_OFFSET + 8 * SLOT_SIZE * helpers;
}

/** The first message to a helper: the module to instantiate, on which memory, and the control block. */
export interface SimdThreadStart {
  index: number;
  bytes: Uint8Array;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
}
