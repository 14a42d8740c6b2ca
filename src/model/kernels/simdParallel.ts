/**
 * The SIMD kernels split between threads: the caller and helper threads (running the same module on the
 * same shared memory; the page's trainer worker starts them, workers/simdThreads.ts) take a call's
 * chunks, and the caller waits for the helpers that started before returning.
 *
 *   gemm             by chunks of rows of C (whole 4-row tiles)
 *   csrSpmm          by chunks of rows
 *   pairMlpForward   by chunks of pairs, each thread with its own scratch
 *   pairMlpBackward  the same; each helper sums its chunks into its own dh, dW₁, db₁, dw₂, added to the caller's after
 *   pairMlpBceStep   as pairMlpBackward (db₂ too)
 *   pairMlpScanRows  by chunks of rows, each thread with its own scratch
 *
 * Chunks rather than equal shares: every thread takes the next chunk from a shared counter until none
 * are left, so a thread that the system holds up (the page's own threads, another tab, a helper still
 * waking) leaves its work to the others instead of making them wait; a helper that wakes after the
 * caller has finished is not waited for at all (SimdThreads.run). Calls too small to repay waking the
 * helpers stay on one thread. Why not tfjs's own threads: only its own ops use them; these kernels are
 * this project's.
 */
import type { SimdKernels, SimdModule } from './simdKernels';

/** Pairs per block in the decoder kernels (PAIR_BLOCK in assembly/simd.ts). */
const PAIR_BLOCK = 64;
/** Pairs per chunk the threads take: ~0.2–0.5 ms of work, so the last chunk delays little. */
const PAIR_CHUNK = 16 * PAIR_BLOCK;

/**
 * One thread's scratch for the decoder kernels: X, dZ and dX blocks, W₁ᵀ, float64 sums (db₁, dw₂,
 * db₂; aligned) and, for the BCE step, a block of Z and of scores (assembly/simd.ts).
 */
function pairMlpScratchFloatsPerThread(d: number, m: number): number {
  return PAIR_BLOCK * (2 * d + 2 * m + 1) + m * d + 4 * m + 6;
}

export type SimdFunction = keyof SimdModule;

/** A call whose items the threads take in chunks from a shared counter until none are left. */
export interface ChunkPlan {
  /** Items in all. */
  total: number;
  /** Items per chunk. */
  size: number;
  /** Which argument holds a chunk's item count. */
  countArg: number;
  /** Bytes each argument moves on per item (0: the same for every chunk). */
  strides: number[];
  /** Which argument says "add to this thread's earlier chunks" (false for its first chunk), if any. */
  accumulateArg?: number;
}

/** One call of a module function on a helper thread, taken in chunks. */
export interface SimdCall {
  fn: SimdFunction;
  args: number[];
  chunks: ChunkPlan;
}

/** What one thread did with a call: the sum of its return values and how many chunks it took (0 if it did not start). */
export interface SimdResult {
  value: number;
  chunks: number;
}

/** Helper threads running the SIMD module on `memory`. */
export interface SimdThreads {
  readonly memory: WebAssembly.Memory;
  readonly helpers: number;
  /**
   * Offers calls[t] to helper t (fewer calls than helpers is fine) while `own` runs on this thread,
   * with the counter that chunked calls take their chunks from (zero at the start). A helper that has
   * not started its call when `own` returns does not run it (it may be asleep, or its core busy with
   * something else): this thread does not wait for it. Returns when the helpers that started are
   * done, with what each helper did.
   */
  run(calls: SimdCall[], own: (counter: Int32Array) => void): SimdResult[];
}

/**
 * Takes chunks of `plan` from `counter` (at most `limit`) and runs `fn` on each, its arguments moved
 * to the chunk. The loop of every thread on a chunked call, the caller's and the helpers'.
 */
export function takeChunks(fn: (...args: number[]) => number | void, args: number[], plan: ChunkPlan, counter: Int32Array, limit = Infinity): SimdResult {
  const call = args.slice();
  let value = 0;
  let chunks = 0;
  while (chunks < limit) {
    const start = Atomics.add(counter, 0, plan.size);
    if (start >= plan.total) break;
    for (let i = 0; i < args.length; i++) call[i] = args[i] + plan.strides[i] * start;
    call[plan.countArg] = Math.min(plan.size, plan.total - start);
    if (plan.accumulateArg !== undefined) call[plan.accumulateArg] = chunks > 0 ? 1 : 0;
    value += fn(...call) || 0;
    chunks++;
  }
  return { value, chunks };
}

/** Smallest work (multiply-adds) a product or aggregation is split for. */
const MIN_SPLIT_WORK = 1 << 18;
/** Work (multiply-adds) in a chunk of a product or aggregation: ~5–10 µs, against ~0.1 µs to take one. */
const CHUNK_WORK = 1 << 17;
/** Fewest pairs a decoder or scan call is split for. */
const MIN_SPLIT_PAIRS = 2048;

/** A helper's own dh, dW₁, db₁, dw₂ and db₂. */
function privateGradientFloats(n: number, d: number, m: number): number {
  return n * d + d * m + 2 * m + 1;
}

/** The kernels on one thread, or split between this thread and `threads`' helpers. */
export function parallelKernels(module: SimdModule, relaxed: boolean, memory: WebAssembly.Memory, threads: SimdThreads | null): SimdKernels {
  const serial: SimdKernels = {
    ...module,
    relaxed,
    shared: typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer,
    threads: 1,
    pairMlpScratchFloats: (_n, d, m) => pairMlpScratchFloatsPerThread(d, m),
  };
  if (!threads || threads.helpers < 1) return serial;
  const parts = threads.helpers + 1;

  const fnOf = (fn: SimdFunction) => module[fn] as (...args: number[]) => number | void;

  /** Runs `plan`'s chunks on every thread, thread t with argsOf(t); what each did, this thread's first. */
  const chunked = (fn: SimdFunction, argsOf: (t: number) => number[], plan: ChunkPlan): SimdResult[] => {
    let own: SimdResult = { value: 0, chunks: 0 };
    const calls = Array.from({ length: parts - 1 }, (_, i) => ({ fn, args: argsOf(i + 1), chunks: plan }));
    const results = threads.run(calls, (counter) => {
      own = takeChunks(fnOf(fn), argsOf(0), plan, counter);
    });
    return [own, ...results];
  };

  /**
   * Where thread t writes the decoder's gradients (dh, dW₁, db₁, dw₂, db₂): the caller into the
   * outputs, helpers into their own part of the scratch, added to the caller's after (addHelpers).
   */
  const gradientOutputs = (n: number, d: number, m: number, outputs: number[], scratch: number) => {
    const per = 4 * pairMlpScratchFloatsPerThread(d, m);
    const sizes = [n * d, d * m, m, m, 1];
    const own = (t: number) => scratch + parts * per + 4 * (t - 1) * privateGradientFloats(n, d, m);
    const of = (t: number) => {
      if (t === 0) return outputs;
      let at = own(t);
      return sizes.map((size) => ((at += 4 * size), at - 4 * size));
    };
    return {
      of,
      scratch: (t: number) => scratch + t * per,
      addHelpers(done: SimdResult[], withDb2: boolean) {
        for (let t = 1; t < parts; t++) {
          if (done[t].chunks === 0) continue;
          of(t).forEach((at, i) => (i < 4 || withDb2) && module.addFloats(outputs[i], at, sizes[i]));
        }
      },
    };
  };

  return {
    ...serial,
    threads: parts,
    pairMlpScratchFloats: (n, d, m) => parts * pairMlpScratchFloatsPerThread(d, m) + (parts - 1) * privateGradientFloats(n, d, m),

    gemm(a, ars, aqs, b, c, m, k, n, accumulate) {
      if (m * k * n < MIN_SPLIT_WORK || m < 8) return module.gemm(a, ars, aqs, b, c, m, k, n, accumulate);
      // Moves per row: A by a row (ars floats), C by a row; chunks of whole 4-row tiles.
      const size = 4 * Math.max(1, Math.round(CHUNK_WORK / (4 * k * n)));
      chunked('gemm', () => [a, ars, aqs, b, c, m, k, n, +accumulate], { total: m, size, countArg: 5, strides: [4 * ars, 0, 0, 0, 4 * n, 0, 0, 0, 0] });
    },

    csrSpmm(rowPtr, colIdx, values, x, f, rows, out) {
      const ptr = new Int32Array(memory.buffer, rowPtr, rows + 1);
      const entries = ptr[rows] - ptr[0];
      if (entries * f < MIN_SPLIT_WORK || rows < parts) return module.csrSpmm(rowPtr, colIdx, values, x, f, rows, out);
      // Moves per row: rowPtr by an int, out by a row; chunks of about CHUNK_WORK multiply-adds on average.
      const size = Math.max(1, Math.round((CHUNK_WORK * rows) / (entries * f)));
      chunked('csrSpmm', () => [rowPtr, colIdx, values, x, f, rows, out], { total: rows, size, countArg: 5, strides: [4, 0, 0, 0, 0, 0, 4 * f] });
    },

    pairMlpForward(h, d, a, b, p, w1, m, b1, w2, b2, s, zOut, scratch) {
      if (p < MIN_SPLIT_PAIRS) return module.pairMlpForward(h, d, a, b, p, w1, m, b1, w2, b2, s, zOut, scratch);
      const per = 4 * pairMlpScratchFloatsPerThread(d, m);
      // Moves per pair: a, b and s by one int/float, Z by a row.
      const strides = [0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 4, zOut ? 4 * m : 0, 0];
      chunked('pairMlpForward', (t) => [h, d, a, b, p, w1, m, b1, w2, b2, s, zOut, scratch + t * per], {
        total: p,
        size: PAIR_CHUNK,
        countArg: 4,
        strides,
      });
    },

    pairMlpBackward(h, n, d, a, b, p, w1, m, b1, w2, z, g, dh, dw1, db1, dw2, scratch, accumulate) {
      if (p < MIN_SPLIT_PAIRS || accumulate) return module.pairMlpBackward(h, n, d, a, b, p, w1, m, b1, w2, z, g, dh, dw1, db1, dw2, scratch, accumulate);
      const out = gradientOutputs(n, d, m, [dh, dw1, db1, dw2, 0], scratch);
      // Moves per pair: a, b and g by one int/float, Z by a row.
      const strides = [0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 4 * m, 4, 0, 0, 0, 0, 0, 0];
      const done = chunked('pairMlpBackward', (t) => [h, n, d, a, b, p, w1, m, b1, w2, z, g, ...out.of(t).slice(0, 4), out.scratch(t), 0], {
        total: p,
        size: PAIR_CHUNK,
        countArg: 5,
        strides,
        accumulateArg: 17,
      });
      // The caller's outputs hold the sum; if the helpers took every chunk they start from zero.
      if (done[0].chunks === 0) module.pairMlpBackward(h, n, d, a, b, 0, w1, m, b1, w2, z, g, dh, dw1, db1, dw2, scratch, false);
      out.addHelpers(done, false);
      return done.reduce((sum, r) => sum + r.value, 0);
    },

    pairMlpBceStep(h, n, d, a, b, first, positives, p, w1, m, b1, w2, b2, scale, dh, dw1, db1, dw2, db2, scratch, accumulate) {
      if (p < MIN_SPLIT_PAIRS || accumulate) {
        return module.pairMlpBceStep(h, n, d, a, b, first, positives, p, w1, m, b1, w2, b2, scale, dh, dw1, db1, dw2, db2, scratch, accumulate);
      }
      const out = gradientOutputs(n, d, m, [dh, dw1, db1, dw2, db2], scratch);
      // Moves per pair: a and b by one int, the first pair's index by one.
      const strides = [0, 0, 0, 4, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
      const args = (t: number) => [h, n, d, a, b, first, positives, p, w1, m, b1, w2, b2, scale, ...out.of(t), out.scratch(t), 0];
      const done = chunked('pairMlpBceStep', args, { total: p, size: PAIR_CHUNK, countArg: 7, strides, accumulateArg: 20 });
      if (done[0].chunks === 0) module.pairMlpBceStep(h, n, d, a, b, first, positives, 0, w1, m, b1, w2, b2, scale, dh, dw1, db1, dw2, db2, scratch, false);
      out.addHelpers(done, true);
      return done.reduce((sum, r) => sum + r.value, 0);
    },

    pairMlpScanRows(h, d, u0, rows, n, w1, m, b1, w2, b2, s, scratch) {
      const pairs = rows * (n - u0) - (rows * (rows + 1)) / 2;
      if (pairs < MIN_SPLIT_PAIRS) return module.pairMlpScanRows(h, d, u0, rows, n, w1, m, b1, w2, b2, s, scratch);
      const per = 4 * pairMlpScratchFloatsPerThread(d, m);
      // Moves per row: u0 by one, the output by a row of n; chunks of about PAIR_CHUNK pairs on average.
      const size = Math.max(1, Math.round((PAIR_CHUNK * rows) / pairs));
      chunked('pairMlpScanRows', (t) => [h, d, u0, rows, n, w1, m, b1, w2, b2, s, scratch + t * per], {
        total: rows,
        size,
        countArg: 3,
        strides: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 4 * n, 0],
      });
    },
  };
}
