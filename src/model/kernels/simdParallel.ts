/**
 * The SIMD kernels split between threads: the caller takes the first share of a call, helper threads
 * (running the same module on the same shared memory; the page's trainer worker starts them,
 * workers/simdThreads.ts) the others, and the caller waits for them before returning.
 *
 *   gemm             by rows of C (in fours)
 *   csrSpmm          by rows, balanced by entries
 *   pairMlpForward   by pairs (in blocks of 64), each thread with its own scratch
 *   pairMlpBackward  by pairs; each helper writes its own dh, dW₁, db₁, dw₂, summed into the caller's after
 *   pairMlpScanRow   by columns of a long row
 *
 * Calls too small to repay waking the helpers (~10–50 µs) stay on one thread. Why not tfjs's own
 * threads: only its own ops use them; these kernels are this project's.
 */
import type { SimdKernels, SimdModule } from './simdKernels';

/** Pairs per block in the decoder kernels (PAIR_BLOCK in assembly/simd.ts). */
const PAIR_BLOCK = 64;

/** One thread's scratch for the decoder kernels (float64 sums and their alignment included). */
function pairMlpScratchFloatsPerThread(d: number, m: number): number {
  return PAIR_BLOCK * (2 * d + 2 * m) + m * d + 4 * m + 2;
}

export type SimdFunction = keyof SimdModule;

/** One call of a module function on a helper thread. */
export interface SimdCall {
  fn: SimdFunction;
  args: number[];
}

/** Helper threads running the SIMD module on `memory`. */
export interface SimdThreads {
  readonly memory: WebAssembly.Memory;
  readonly helpers: number;
  /**
   * Runs calls[t] on helper t (fewer calls than helpers is fine) while `own` runs on this thread;
   * returns when all are done, with the helpers' return values (0 for functions without one).
   */
  run(calls: SimdCall[], own: () => void): number[];
}

/** Smallest work (multiply-adds) a product or aggregation is split for. */
const MIN_SPLIT_WORK = 1 << 18;
/** Fewest pairs a decoder call, and row entries a scan row, is split for. */
const MIN_SPLIT_PAIRS = 2048;

/** [start, end) of share t of `total` items in `parts` shares, each a multiple of `align` but the last. */
function share(total: number, parts: number, t: number, align: number): [number, number] {
  const size = Math.ceil(total / parts / align) * align;
  return [Math.min(total, t * size), Math.min(total, (t + 1) * size)];
}

function privateGradientFloats(n: number, d: number, m: number): number {
  return n * d + d * m + 2 * m;
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

  /** Runs share 0 here and shares 1… on the helpers; returns every share's result, this thread's first. */
  const split = (fn: SimdFunction, argsOf: (t: number) => number[]): number[] => {
    let own = 0;
    const calls = Array.from({ length: parts - 1 }, (_, i) => ({ fn, args: argsOf(i + 1) }));
    const results = threads.run(calls, () => {
      own = (module[fn] as (...a: number[]) => number)(...argsOf(0)) ?? 0;
    });
    return [own, ...results];
  };

  return {
    ...serial,
    threads: parts,
    pairMlpScratchFloats: (n, d, m) => parts * pairMlpScratchFloatsPerThread(d, m) + (parts - 1) * privateGradientFloats(n, d, m),

    gemm(a, ars, aqs, b, c, m, k, n, accumulate) {
      if (m * k * n < MIN_SPLIT_WORK || m < 8) return module.gemm(a, ars, aqs, b, c, m, k, n, accumulate);
      split('gemm', (t) => {
        const [i0, i1] = share(m, parts, t, 4);
        return [a + 4 * i0 * ars, ars, aqs, b, c + 4 * i0 * n, i1 - i0, k, n, +accumulate];
      });
    },

    csrSpmm(rowPtr, colIdx, values, x, f, rows, out) {
      const ptr = new Int32Array(memory.buffer, rowPtr, rows + 1);
      const entries = ptr[rows] - ptr[0];
      if (entries * f < MIN_SPLIT_WORK || rows < parts) return module.csrSpmm(rowPtr, colIdx, values, x, f, rows, out);
      // Row boundaries where each share has about entries / parts entries.
      const bounds = [0];
      for (let t = 1, r = 0; t < parts; t++) {
        const target = ptr[0] + (entries * t) / parts;
        while (r < rows && ptr[r] < target) r++;
        bounds.push(Math.max(bounds[t - 1], r));
      }
      bounds.push(rows);
      split('csrSpmm', (t) => [rowPtr + 4 * bounds[t], colIdx, values, x, f, bounds[t + 1] - bounds[t], out + 4 * bounds[t] * f]);
    },

    pairMlpForward(h, d, a, b, p, w1, m, b1, w2, b2, s, zOut, scratch) {
      if (p < MIN_SPLIT_PAIRS) return module.pairMlpForward(h, d, a, b, p, w1, m, b1, w2, b2, s, zOut, scratch);
      const per = 4 * pairMlpScratchFloatsPerThread(d, m);
      split('pairMlpForward', (t) => {
        const [p0, p1] = share(p, parts, t, PAIR_BLOCK);
        return [h, d, a + 4 * p0, b + 4 * p0, p1 - p0, w1, m, b1, w2, b2, s + 4 * p0, zOut ? zOut + 4 * p0 * m : 0, scratch + t * per];
      });
    },

    pairMlpBackward(h, n, d, a, b, p, w1, m, b1, w2, z, g, dh, dw1, db1, dw2, scratch) {
      if (p < MIN_SPLIT_PAIRS) return module.pairMlpBackward(h, n, d, a, b, p, w1, m, b1, w2, z, g, dh, dw1, db1, dw2, scratch);
      const per = 4 * pairMlpScratchFloatsPerThread(d, m);
      const priv = (t: number) => scratch + parts * per + 4 * (t - 1) * privateGradientFloats(n, d, m);
      const outputs = (t: number) =>
        t === 0 ? [dh, dw1, db1, dw2] : [priv(t), priv(t) + 4 * n * d, priv(t) + 4 * (n * d + d * m), priv(t) + 4 * (n * d + d * m + m)];
      const sums = split('pairMlpBackward', (t) => {
        const [p0, p1] = share(p, parts, t, PAIR_BLOCK);
        const [tdh, tdw1, tdb1, tdw2] = outputs(t);
        return [h, n, d, a + 4 * p0, b + 4 * p0, p1 - p0, w1, m, b1, w2, z + 4 * p0 * m, g + 4 * p0, tdh, tdw1, tdb1, tdw2, scratch + t * per];
      });
      for (let t = 1; t < parts; t++) {
        const [tdh, tdw1, tdb1, tdw2] = outputs(t);
        module.addFloats(dh, tdh, n * d);
        module.addFloats(dw1, tdw1, d * m);
        module.addFloats(db1, tdb1, m);
        module.addFloats(dw2, tdw2, m);
      }
      return sums.reduce((x, y) => x + y, 0);
    },

    pairMlpScanRow(h, d, u, from, to, w1, m, b1, w2, b2, s, scratch) {
      if (to - from < MIN_SPLIT_PAIRS) return module.pairMlpScanRow(h, d, u, from, to, w1, m, b1, w2, b2, s, scratch);
      const per = 4 * pairMlpScratchFloatsPerThread(d, m);
      split('pairMlpScanRow', (t) => {
        const [v0, v1] = share(to - from, parts, t, 4);
        return [h, d, u, from + v0, from + v1, w1, m, b1, w2, b2, s + 4 * v0, scratch + t * per];
      });
    },
  };
}
