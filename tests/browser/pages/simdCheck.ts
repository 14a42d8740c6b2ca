/**
 * The wasm backend's own SIMD kernels (src/model/kernels/simdKernels.ts and its callers: wasmMatMul,
 * wasmSlice, csrSpmmCpu, pairMlpSimd) against the cpu backend in the same page. The wasm backend is
 * set up as the app's trainer worker sets it up (workers/backends.ts: wasm paths, thread count), so
 * in a cross-origin isolated page tfjs runs its threaded build and the shared-memory module is used.
 * Every kernel of the module is counted while the comparisons run, so a comparison that quietly
 * took tfjs's own kernel instead shows up as a zero.
 */
import * as tf from '../../../src/model/tf';
import { productAndGradient, use } from '../../../bench/kernelCheck';
import { pairMlpSimd, pairMlpSimdAvailable, pairMlpSimdBceLoss, pairMlpSimdRows } from '../../../src/model/kernels/pairMlpSimd';
import { bceWithLogits } from '../../../src/model/linkLoss';
import { simdKernelsFor, type SimdKernels } from '../../../src/model/kernels/simdKernels';
import { installWasmOverrides } from '../../../src/model/kernels/wasmOverrides';
import { Rng } from '../../../src/model/rng';
import { chooseBackend } from '../../../src/workers/backends';

const KERNELS = ['gemm', 'pairMlpForward', 'pairMlpBackward', 'pairMlpBceStep', 'pairMlpScanRows', 'csrSpmm', 'copyRows'] as const;
type KernelName = (typeof KERNELS)[number];

export interface SimdCheck {
  /** The backend chooseBackend('wasm') settled on, with every probe's detail. */
  chosen: string;
  probes: string[];
  isolated: boolean;
  /** Threads of tfjs's wasm backend (1 in its single-threaded build). */
  threads: number | null;
  /** Whether the backend's own heap (HEAPU8, what tfjs's kernels use) lives in a SharedArrayBuffer. */
  heapShared: boolean;
  /** The SIMD module simdKernelsFor loaded, null if none. */
  module: { relaxed: boolean; shared: boolean } | null;
  /** Calls of each SIMD kernel during the comparisons. */
  calls: Record<KernelName, number>;
  /**
   * Largest difference from cpu, relative to max(1, largest |cpu entry|) (slices are copies: 0
   * expected), and the SIMD kernel calls the wasm side of the comparison made (only the kernels it called).
   */
  cases: Case[];
}

interface Case {
  name: string;
  worst: number;
  simdCalls: Partial<Record<KernelName, number>>;
}

/** Calls of each kernel since countCalls wrapped them. */
const calls: Record<KernelName, number> = Object.fromEntries(KERNELS.map((k) => [k, 0])) as Record<KernelName, number>;

/** Wraps the module's kernels with counters into `calls` (the page's one instance, shared with the app's code). */
function countCalls(simd: SimdKernels): void {
  const target = simd as unknown as Record<KernelName, (...args: unknown[]) => unknown>;
  for (const name of KERNELS) {
    const kernel = target[name];
    target[name] = (...args) => {
      calls[name]++;
      return kernel(...args);
    };
  }
}

function worstRelative(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let scale = 1;
  for (let i = 0; i < want.length; i++) scale = Math.max(scale, Math.abs(want[i]));
  let worst = 0;
  // NaN anywhere makes the result NaN, which fails every bound.
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / scale);
  return worst;
}

const random = (length: number, seed: number) => {
  const rng = new Rng(seed);
  return Float32Array.from({ length }, () => rng.normal());
};

/** Runs `reference` on cpu and `tested` on wasm (both return the same list of arrays): one case per array. */
async function onBoth(names: string[], reference: () => Promise<ArrayLike<number>[]>, tested: () => Promise<ArrayLike<number>[]>): Promise<Case[]> {
  await use('cpu');
  const want = await reference();
  await use('wasm');
  const before = { ...calls };
  const got = await tested();
  const simdCalls = Object.fromEntries(KERNELS.filter((k) => calls[k] > before[k]).map((k) => [k, calls[k] - before[k]]));
  if (want.length !== names.length) throw new Error(`${names.length} names for ${want.length} results`);
  return want.map((w, i) => ({ name: names[i], worst: worstRelative(got[i], w), simdCalls }));
}

async function read(tensors: tf.Tensor[]): Promise<Float32Array[]> {
  const out = await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array>));
  tf.dispose(tensors);
  return out;
}

/** m × k · k × n with every transpose combination: rows not a multiple of 4, k over 256, n over 128. */
const MATMUL_SHAPES: [number, number, number][] = [
  [300, 64, 64],
  [301, 37, 20],
  [7, 513, 132],
];

async function matMulCases(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [si, [m, k, n]] of MATMUL_SHAPES.entries()) {
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ]) {
      const av = random(m * k, 100 + si);
      const bv = random(k * n, 200 + si);
      const product = () => read([tf.tidy(() => tf.matMul(tf.tensor2d(av, ta ? [k, m] : [m, k]), tf.tensor2d(bv, tb ? [n, k] : [k, n]), ta, tb))]);
      cases.push(...(await onBoth([`matMul ${m}×${k}·${k}×${n}${ta ? ' Aᵀ' : ''}${tb ? ' Bᵀ' : ''}`], product, product)));
    }
  }
  return cases;
}

interface Mlp {
  h: tf.Tensor2D;
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
}

/** One-hot rows: S · h picks rows idx of h with a plain matMul (differentiable on every backend). */
const selection = (idx: Int32Array, n: number) => tf.cast(tf.oneHot(tf.tensor1d(idx, 'int32'), n), 'float32') as tf.Tensor2D;

/** The decoder in plain ops, as tests/unit/model/pairMlp.test.ts writes it. */
function plainScores(w: Mlp, a: Int32Array, b: Int32Array): tf.Tensor1D {
  const n = w.h.shape[0];
  const x = tf.mul(tf.matMul(selection(a, n), w.h), tf.matMul(selection(b, n), w.h)) as tf.Tensor2D;
  const r = tf.relu(tf.add(tf.matMul(x, w.w1), w.b1)) as tf.Tensor2D;
  return tf.reshape(tf.add(tf.matMul(r, w.w2), w.b2), [a.length]);
}

const MLP_CASES = [
  { name: '200 nodes, 1,000 pairs, d = m = 64', n: 200, d: 64, m: 64, p: 1000, scanRows: [0, 157] },
  { name: '50 nodes, 130 pairs, d = 12, m = 20', n: 50, d: 12, m: 20, p: 130, scanRows: [30] },
];

/** Scores and all five gradients of the decoder (pairMlpSimd against plain ops), and the candidate scan's rows. */
async function mlpCases(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [ci, c] of MLP_CASES.entries()) {
    const rng = new Rng(300 + ci);
    const used = Math.floor(c.n * 0.8); // the last fifth of the nodes is in no pair
    const a = Int32Array.from({ length: c.p }, () => rng.int(used));
    const b = Int32Array.from({ length: c.p }, (_, i) => (i % 17 === 0 ? a[i] : rng.int(used)));
    const upstream = random(c.p, 310 + ci);
    const weights = (): Mlp => ({
      h: tf.tensor2d(random(c.n * c.d, 320 + ci), [c.n, c.d]),
      w1: tf.tensor2d(random(c.d * c.m, 330 + ci), [c.d, c.m]),
      // A bias that puts about half of the pre-activations below zero, so the ReLU's mask matters.
      b1: tf.tensor1d(random(c.m, 340 + ci)),
      w2: tf.tensor2d(random(c.m, 350 + ci), [c.m, 1]),
      b2: tf.tensor1d([0.3]),
    });
    const withGradients = (scores: (w: Mlp) => tf.Tensor1D) => () =>
      read(
        tf.tidy(() => {
          const w = weights();
          const g = tf.tensor1d(upstream);
          const f = (h: tf.Tensor, w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => tf.sum(tf.mul(scores({ h, w1, b1, w2, b2 } as Mlp), g));
          return [scores(w), ...tf.grads(f)([w.h, w.w1, w.b1, w.w2, w.b2])];
        }),
      );
    if (!pairMlpSimdAvailable(c.d, c.m)) throw new Error(`pairMlpSimd is not available for d = ${c.d}, m = ${c.m}`);
    const outputs = ['scores', 'dh', 'dW1', 'db1', 'dw2', 'db2'].map((what) => `MLP decoder ${c.name}: ${what}`);
    const decoder = await onBoth(
      outputs,
      withGradients((w) => plainScores(w, a, b)),
      withGradients((w) => pairMlpSimd(w.h, a, b, w.w1, w.b1, w.w2, w.b2)),
    );
    cases.push(...decoder);

    // The fused BCE training step: the loss and its five gradients, the first 40 % of the pairs positive.
    const positives = Math.floor(0.4 * c.p);
    const labels = Float32Array.from({ length: c.p }, (_, i) => (i < positives ? 1 : 0));
    const lossWithGradients = (loss: (w: Mlp) => tf.Scalar) => () =>
      read(
        tf.tidy(() => {
          const w = weights();
          const f = (h: tf.Tensor, w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => loss({ h, w1, b1, w2, b2 } as Mlp);
          return [loss(w), ...tf.grads(f)([w.h, w.w1, w.b1, w.w2, w.b2])];
        }),
      );
    const bce = await onBoth(
      ['loss', 'dh', 'dW1', 'db1', 'dw2', 'db2'].map((what) => `MLP BCE step ${c.name}: ${what}`),
      lossWithGradients((w) => bceWithLogits(plainScores(w, a, b), tf.tensor1d(labels))),
      lossWithGradients((w) => pairMlpSimdBceLoss(w.h, a, b, positives, w.w1, w.b1, w.w2, w.b2)),
    );
    cases.push(...bce);

    // Single rows of the scan: s(u, v) for every v > u (a block of one row).
    for (const u of c.scanRows) {
      const v = Int32Array.from({ length: c.n - u - 1 }, (_, i) => u + 1 + i);
      const row = await onBoth(
        [`MLP scan row ${c.name}: u = ${u}, v > u`],
        () => read([tf.tidy(() => plainScores(weights(), new Int32Array(v.length).fill(u), v))]),
        async () => {
          const w = weights();
          const rows = pairMlpSimdRows(w.h, w.w1, w.b1, w.w2, w.b2);
          const scores = rows.rows(u, 1).slice(0, v.length);
          rows.dispose();
          tf.dispose(Object.values(w));
          return [scores];
        },
      );
      cases.push(...row);
    }

    // A block of rows, each against every later node (what the scan calls): from the first row, or from a tenth of n.
    const u0 = c.n > 100 ? 0 : Math.floor(c.n / 5);
    const count = c.n > 100 ? c.n - 1 : Math.floor(c.n / 2);
    const pu: number[] = [];
    const pv: number[] = [];
    for (let u = u0; u < u0 + count; u++) {
      for (let v = u + 1; v < c.n; v++) {
        pu.push(u);
        pv.push(v);
      }
    }
    const block = await onBoth(
      [`MLP scan, rows ${c.name}: u ∈ [${u0}, ${u0 + count}), v > u`],
      () => read([tf.tidy(() => plainScores(weights(), Int32Array.from(pu), Int32Array.from(pv)))]),
      async () => {
        const w = weights();
        const rows = pairMlpSimdRows(w.h, w.w1, w.b1, w.w2, w.b2);
        const s = rows.rows(u0, count);
        const scores = new Float32Array(pu.length);
        let at = 0;
        for (let r = 0; r < count; r++) {
          const row = s.subarray(r * c.n, r * c.n + c.n - (u0 + r) - 1);
          scores.set(row, at);
          at += row.length;
        }
        rows.dispose();
        tf.dispose(Object.values(w));
        return [scores];
      },
    );
    cases.push(...block);
  }
  return cases;
}

/** CsrSpmm at 64 features (bench/kernelCheck.ts's random CSR: duplicates, empty rows and columns), values and gradient. */
async function csrCases(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const [i, c] of [
    { name: '300×300, f=64', rows: 300, cols: 300, nnz: 3000, f: 64 },
    { name: '120×300, f=64', rows: 120, cols: 300, nnz: 1500, f: 64 },
  ].entries()) {
    const run = async () => {
      const r = await productAndGradient(c, 400 + i, false);
      return [r.y, r.dx];
    };
    cases.push(...(await onBoth([`CsrSpmm ${c.name}: values`, `CsrSpmm ${c.name}: gradient`], run, run)));
  }
  return cases;
}

/** Column blocks of a matrix, as R-GCN cuts relations out of its messages: aligned, odd-width, int32. */
async function sliceCases(): Promise<Case[]> {
  const xv = random(300 * 192, 500);
  const iv = Int32Array.from(xv, (v) => Math.round(1000 * v));
  const cases: Case[] = [];
  for (const [name, dtype, begin, size] of [
    ['rows 10–259, columns 64–127 of 300×192', 'float32', [10, 64], [250, 64]],
    ['columns 3–9 of 300×192', 'float32', [0, 3], [300, 7]],
    ['int32 rows 5–104, columns 101–102 of 300×192', 'int32', [5, 101], [100, 2]],
  ] as const) {
    const slice = () => tf.tidy(() => tf.slice(dtype === 'int32' ? tf.tensor2d(iv, [300, 192], 'int32') : tf.tensor2d(xv, [300, 192]), [...begin], [...size]));
    const run = async () => {
      const t = slice();
      const values = await t.data();
      t.dispose();
      return [values as ArrayLike<number>];
    };
    cases.push(...(await onBoth([`slice ${name}`], run, run)));
  }
  return cases;
}

/** The whole check; call once per page (the wasm backend and its threads are set up once). */
export async function checkSimdKernels(): Promise<SimdCheck> {
  const choice = await chooseBackend('wasm');
  const backend = tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } };
  const simd = choice.chosen === 'wasm' ? simdKernelsFor(tf.backend()) : null;
  const base = {
    chosen: choice.chosen,
    probes: choice.probes.map((p) => `${p.name}: ${p.detail}`),
    isolated: globalThis.crossOriginIsolated === true,
    threads: choice.wasmThreads?.threads ?? null,
    heapShared: typeof SharedArrayBuffer !== 'undefined' && backend.wasm?.HEAPU8?.buffer instanceof SharedArrayBuffer,
    module: simd ? { relaxed: simd.relaxed, shared: simd.shared } : null,
  };
  if (!simd) return { ...base, calls, cases: [] };
  installWasmOverrides(); // as the app's first CSR product or MLP decoder does
  countCalls(simd);
  const cases = [...(await matMulCases()), ...(await mlpCases()), ...(await csrCases()), ...(await sliceCases())];
  return { ...base, calls, cases };
}
