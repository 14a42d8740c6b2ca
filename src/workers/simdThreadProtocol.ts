/**
 * How the trainer worker hands SIMD kernel calls to its helper threads (simdThreads.ts →
 * simdThread.worker.ts): a small SharedArrayBuffer both sides read with Atomics.
 *
 *   int32 [0]      generation: the caller adds 1 to start a round; helpers wait on it
 *   int32 [2]      items of the call taken so far (kernels/simdParallel.ts, takeChunks)
 *   int32 [4 + t]  helper t's state this round: IDLE → POSTED (by the caller) → RUNNING (the helper
 *                  took it) → DONE; or POSTED → IDLE, the caller taking back a call no helper started
 *   float64 slot t (from byte SLOT_OFFSET): a call (writeCall) and, after the round, what it did
 */
import type { ChunkPlan, SimdCall, SimdFunction, SimdResult } from '../model/kernels/simdParallel';

export const SIMD_FUNCTIONS: SimdFunction[] = [
  'gemm',
  'pairMlpForward',
  'pairMlpBackward',
  'pairMlpBceStep',
  'pairMlpScanRows',
  'csrSpmm',
  'copyRows',
  'addFloats',
];
export const GENERATION = 0;
export const COUNTER = 2;
export const STATES = 4;
export const SLOT_OFFSET = 64;
/** Helpers the control block has state words for. */
export const MAX_HELPERS = SLOT_OFFSET / 4 - STATES;
export const IDLE = 0;
export const POSTED = 1;
export const RUNNING = 2;
export const DONE = 3;
const MAX_ARGS = 24;
// Slot fields: function index (−1: none), value, chunks, argument count, chunk plan (total or −1,
// size, count argument, accumulate argument or −1), arguments, their strides.
const FN = 0;
const VALUE = 1;
const CHUNKS = 2;
const ARG_COUNT = 3;
const TOTAL = 4;
const SIZE = 5;
const COUNT_ARG = 6;
const ACCUMULATE_ARG = 7;
const ARGS = 8;
const STRIDES = ARGS + MAX_ARGS;
/** Float64s per helper. */
export const SLOT_SIZE = STRIDES + MAX_ARGS;

export function controlBytes(helpers: number): number {
  if (helpers > MAX_HELPERS) throw new Error(`at most ${MAX_HELPERS} SIMD helper threads`);
  return SLOT_OFFSET + 8 * SLOT_SIZE * helpers;
}

/** Writes `call` (or none) into a helper's slot. */
export function writeCall(slot: Float64Array, call: SimdCall | undefined): void {
  slot[FN] = call ? SIMD_FUNCTIONS.indexOf(call.fn) : -1;
  if (!call) return;
  if (call.args.length > MAX_ARGS) throw new Error(`a SIMD call has ${call.args.length} arguments; slots hold ${MAX_ARGS}`);
  slot[ARG_COUNT] = call.args.length;
  slot.set(call.args, ARGS);
  const plan = call.chunks;
  slot[TOTAL] = plan.total;
  slot[SIZE] = plan.size;
  slot[COUNT_ARG] = plan.countArg;
  slot[ACCUMULATE_ARG] = plan.accumulateArg ?? -1;
  slot.set(plan.strides, STRIDES);
}

/** The call in a helper's slot, if any. */
export function readCall(slot: Float64Array): SimdCall | undefined {
  const fn = SIMD_FUNCTIONS[slot[FN]];
  if (!fn) return undefined;
  const count = slot[ARG_COUNT];
  const args = Array.from(slot.subarray(ARGS, ARGS + count));
  const chunks: ChunkPlan = {
    total: slot[TOTAL],
    size: slot[SIZE],
    countArg: slot[COUNT_ARG],
    strides: Array.from(slot.subarray(STRIDES, STRIDES + count)),
    ...(slot[ACCUMULATE_ARG] >= 0 ? { accumulateArg: slot[ACCUMULATE_ARG] } : {}),
  };
  return { fn, args, chunks };
}

export function writeResult(slot: Float64Array, result: SimdResult): void {
  slot[VALUE] = result.value;
  slot[CHUNKS] = result.chunks;
}

export function readResult(slot: Float64Array): SimdResult {
  return { value: slot[VALUE], chunks: slot[CHUNKS] };
}

/** The first message to a helper: the module to instantiate, on which memory, and the control block. */
export interface SimdThreadStart {
  index: number;
  bytes: Uint8Array;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
}
