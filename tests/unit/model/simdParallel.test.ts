/**
 * The SIMD kernels split between threads (kernels/simdParallel.ts): with two stand-in helpers that run
 * their shares one after the other on a second instance of the module over the same memory, every
 * split kernel — products (transposed A too), CSR aggregation, the MLP decoder forward and backward
 * and the fused BCE step (in chunks, private gradients summed back, whoever takes the chunks), the scan's long rows — gives what the one-thread kernels give and
 * what the cpu backend gives. (The browser's real helper threads are workers/simdThreads.ts.)
 */
import * as tf from '../../../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendMemory, simdKernelsFor, simdModuleBytes, useSimdThreads, type SimdModule } from '../../../src/model/kernels/simdKernels';
import { takeChunks, type SimdCall, type SimdResult, type SimdThreads } from '../../../src/model/kernels/simdParallel';
import { pairMlpSimd, pairMlpSimdBceLoss, pairMlpSimdRows } from '../../../src/model/kernels/pairMlpSimd';
import { csrSpmmOnce } from '../../../src/model/kernels/csrSpmm';
import { installWasmOverrides } from '../../../src/model/kernels/wasmOverrides';
import { Rng } from '../../../src/model/rng';

const random = (length: number, seed: number) => {
  const rng = new Rng(seed);
  return Float32Array.from({ length }, () => rng.normal());
};

/**
 * Two stand-in helpers on a second instance of the module, run one after the other around the caller.
 * 'mixed': helper 1 takes one chunk of a chunked call before the caller, which takes the rest (helper 2
 * none); 'helpers-first': the helpers run before the caller, so helper 1 takes every chunk and the
 * caller none; 'late': no helper starts before the caller is done, so none runs (the caller takes
 * their calls back). Whole calls run whole where a helper starts.
 */
function sequentialHelpers(order: 'mixed' | 'helpers-first' | 'late'): SimdThreads {
  const memory = backendMemory(tf.backend())!;
  const found = simdModuleBytes(memory)!;
  const helper = new WebAssembly.Instance(new WebAssembly.Module(found.bytes), { env: { memory } }).exports as unknown as SimdModule;
  return {
    memory,
    helpers: 2,
    run(calls, own) {
      const counter = new Int32Array(1);
      const onHelper = (call: SimdCall | undefined, limit: number): SimdResult => {
        if (!call) return { value: 0, chunks: 0 };
        const fn = helper[call.fn] as (...a: number[]) => number | void;
        return takeChunks(fn, call.args, call.chunks, counter, limit);
      };
      if (order === 'late') {
        own(counter);
        return calls.map(() => ({ value: 0, chunks: 0 }));
      }
      if (order === 'helpers-first') {
        const results = calls.map((call) => onHelper(call, Infinity));
        own(counter);
        return results;
      }
      const first = onHelper(calls[0], 1);
      own(counter);
      return [first, ...calls.slice(1).map((call) => onHelper(call, Infinity))];
    },
  };
}

/** Everything the split kernels compute, as plain arrays. */
function outputs(): Float32Array[] {
  return tf.tidy(() => {
    const results: Float32Array[] = [];
    const x = tf.tensor2d(random(301 * 64, 1), [301, 64]);
    const w = tf.tensor2d(random(64 * 48, 2), [64, 48]);
    results.push(tf.matMul(x, w).dataSync() as Float32Array);
    results.push(tf.matMul(x, tf.tensor2d(random(301 * 36, 3), [301, 36]), true).dataSync() as Float32Array);
    // CSR aggregation: 500 rows, ~5,000 entries, 64 features.
    const rng = new Rng(4);
    const rowPtr = new Int32Array(501);
    const cols: number[] = [];
    for (let r = 0; r < 500; r++) {
      const k = r % 37 === 0 ? 0 : rng.int(20);
      for (let j = 0; j < k; j++) cols.push(rng.int(301));
      rowPtr[r + 1] = cols.length;
    }
    const csr = { rowPtr, colIdx: Int32Array.from(cols), values: random(cols.length, 5), numRows: 500, numCols: 301 };
    results.push(csrSpmmOnce(csr, x).dataSync() as Float32Array);
    // The MLP decoder on 5,000 pairs: scores and the five gradients.
    const n = 3000;
    const d = 16;
    const h = tf.tensor2d(random(n * d, 6), [n, d]);
    const w1 = tf.tensor2d(random(d * d, 7), [d, d]);
    const b1 = tf.tensor1d(random(d, 8));
    const w2 = tf.tensor2d(random(d, 9), [d, 1]);
    const b2 = tf.tensor1d([0.2]);
    const a = Int32Array.from({ length: 5000 }, () => rng.int(n));
    const b = Int32Array.from({ length: 5000 }, () => rng.int(n));
    const g = tf.tensor1d(random(5000, 10));
    const f = (hh: tf.Tensor, ww1: tf.Tensor, bb1: tf.Tensor, ww2: tf.Tensor, bb2: tf.Tensor) =>
      tf.sum(tf.mul(pairMlpSimd(hh as tf.Tensor2D, a, b, ww1 as tf.Tensor2D, bb1 as tf.Tensor1D, ww2 as tf.Tensor2D, bb2 as tf.Tensor1D), g));
    results.push(pairMlpSimd(h, a, b, w1, b1, w2, b2).dataSync() as Float32Array);
    for (const grad of tf.grads(f)([h, w1, b1, w2, b2])) results.push(grad.dataSync() as Float32Array);
    // The fused BCE step on the same pairs, the first 1,700 positive: loss and the five gradients.
    const bce = (hh: tf.Tensor, ww1: tf.Tensor, bb1: tf.Tensor, ww2: tf.Tensor, bb2: tf.Tensor) =>
      pairMlpSimdBceLoss(hh as tf.Tensor2D, a, b, 1700, ww1 as tf.Tensor2D, bb1 as tf.Tensor1D, ww2 as tf.Tensor2D, bb2 as tf.Tensor1D);
    results.push(bce(h, w1, b1, w2, b2).dataSync() as Float32Array);
    for (const grad of tf.grads(bce)([h, w1, b1, w2, b2])) results.push(grad.dataSync() as Float32Array);
    const rows = pairMlpSimdRows(h, w1, b1, w2, b2);
    // A block of rows, 11 … 50, each against every later node, that threads take in chunks.
    const block = rows.rows(11, 40);
    for (let r = 0; r < 40; r++) results.push(block.slice(r * n, r * n + n - (11 + r) - 1));
    rows.dispose();
    return results;
  });
}

describe('SIMD kernels split between threads', () => {
  beforeAll(async () => {
    expect(await tf.setBackend('wasm')).toBe(true);
    installWasmOverrides(); // products through the SIMD kernels (training installs them with its first graph)
  });
  afterAll(async () => {
    useSimdThreads(null);
    await tf.setBackend('cpu');
  });

  for (const order of ['mixed', 'helpers-first', 'late'] as const) {
    it(`give the one-thread kernels’ results within 1e-5 (relative to the largest entry), and leave no tensors (${order})`, () => {
      useSimdThreads(null);
      expect(simdKernelsFor(tf.backend())!.threads).toBe(1);
      const one = outputs();
      useSimdThreads(sequentialHelpers(order));
      expect(simdKernelsFor(tf.backend())!.threads).toBe(3);
      const before = tf.memory().numTensors;
      const three = outputs();
      expect(tf.memory().numTensors).toBe(before);
      useSimdThreads(null);
      const names = ['x·W', 'xᵀ·y', 'CSR', 'scores', 'dh', 'dW1', 'db1', 'dw2', 'db2', 'BCE loss', 'BCE dh', 'BCE dW1', 'BCE db1', 'BCE dw2', 'BCE db2'];
      one.forEach((want, i) => {
        const got = three[i];
        const name = names[i] ?? `scan rows, row ${i - names.length}`;
        expect(got.length, name).toBe(want.length);
        const scale = Math.max(1, ...Array.from(want, Math.abs));
        let worst = 0;
        for (let j = 0; j < want.length; j++) worst = Math.max(worst, Math.abs(got[j] - want[j]) / scale);
        expect(worst, name).toBeLessThan(1e-5);
      });
    });
  }
});

describe('takeChunks', () => {
  it('moves each argument by its stride, sets the count and the accumulate flag, and stops at the end or the limit', () => {
    const plan = { total: 2500, size: 1000, countArg: 1, strides: [4, 0, 0, 8], accumulateArg: 2 };
    const seen: number[][] = [];
    const fn = (...args: number[]) => (seen.push(args), args[1]);
    const counter = new Int32Array(1);
    expect(takeChunks(fn, [100, 0, 0, 7], plan, counter, 2)).toEqual({ value: 2000, chunks: 2 });
    expect(seen).toEqual([
      [100, 1000, 0, 7],
      [4100, 1000, 1, 8007],
    ]);
    // Another thread takes the rest, then finds none left.
    expect(takeChunks(fn, [100, 0, 0, 7], plan, counter)).toEqual({ value: 500, chunks: 1 });
    expect(seen[2]).toEqual([8100, 500, 0, 16007]);
    expect(takeChunks(fn, [100, 0, 0, 7], plan, counter)).toEqual({ value: 0, chunks: 0 });
  });
});
