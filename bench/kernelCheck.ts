/**
 * Kernel equivalence on a GPU backend, wherever TensorFlow.js runs (the browser test page and the
 * Node + Dawn WebGPU benchmark): CsrSpmm on random CSR matrices with duplicates and empty rows/columns,
 * values and gradients against the cpu backend and the dense product, and PairDot against cpu.
 */
import * as tf from '../src/model/tf';
import { csrFromCoo, csrToDense } from '../src/model/csr';
import { CsrTensors } from '../src/model/kernels/csrSpmm';
import { gpuNegativesAvailable, negativeCountsOnGpu } from '../src/model/kernels/negativeCounts';
import { pairDotKernel } from '../src/model/kernels/pairDotKernel';
import { drawKey, drawNegatives, pairCountMatrix } from '../src/model/negatives';
import { PairSet } from '../src/model/split';
import { gatherRows } from '../src/model/sparseOps';
import { Rng } from '../src/model/rng';

export interface KernelCheck {
  backend: string;
  /** tf.getBackend() while the GPU figures were computed. */
  ran: string;
  cases: { name: string; forwardVsCpu: number; gradientVsCpu: number; forwardVsDense: number; gradientVsDense: number }[];
  /** The PairDot kernel against the cpu one. */
  pairDot: { forwardVsCpu: number; gradientVsCpu: number };
  /** gatherRows (the MLP/DistMult decoders' row selection) against the cpu backend. */
  gatherRows: { forwardVsCpu: number; gradientVsCpu: number };
  /** NegativeCounts (webgpu only, else null): cells of the drawn-pair count matrix that differ from the host's draw (must be 0). */
  negativeCounts: { case: string; pairs: number; differingCells: number }[] | null;
  adapter: string | null;
}

/** Random entries leaving the last fifth of rows/columns empty, with duplicates. */
function randomCsr(rows: number, cols: number, nnz: number, seed: number) {
  const rng = new Rng(seed);
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let k = 0; k < nnz; k++) {
    r.push(rng.int(Math.max(1, Math.floor(rows * 0.8))));
    c.push(rng.int(Math.max(1, Math.floor(cols * 0.8))));
    v.push(2 * rng.next() - 1);
    if (k % 5 === 0) {
      r.push(r[r.length - 1]);
      c.push(c[c.length - 1]);
      v.push(rng.next());
    }
  }
  return csrFromCoo(rows, cols, Int32Array.from(r), Int32Array.from(c), Float32Array.from(v));
}

const CASES = [
  { name: '40×40, f=8', rows: 40, cols: 40, nnz: 150, f: 8 },
  { name: '17×31, f=3', rows: 17, cols: 31, nnz: 60, f: 3 },
  { name: '300×300, f=64', rows: 300, cols: 300, nnz: 3000, f: 64 },
  { name: 'no entries', rows: 6, cols: 6, nnz: 0, f: 4 },
];

export async function productAndGradient(c: (typeof CASES)[number], seed: number, dense: boolean) {
  const csr = randomCsr(c.rows, c.cols, c.nnz, seed);
  const rng = new Rng(seed + 1);
  const xv = Float32Array.from({ length: c.cols * c.f }, () => rng.normal());
  const wv = Float32Array.from({ length: c.rows * c.f }, () => rng.normal());
  const a = new CsrTensors(csr);
  const d = tf.tensor2d(csrToDense(csr), [c.rows, c.cols]);
  const [y, dx] = tf.tidy(() => {
    const x = tf.tensor2d(xv, [c.cols, c.f]);
    const w = tf.tensor2d(wv, [c.rows, c.f]);
    const apply = (t: tf.Tensor2D) => (dense ? tf.matMul(d, t) : a.multiply(t));
    return [apply(x), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(apply(t as tf.Tensor2D), w)))(x)];
  });
  const out = { y: (await y.data()) as Float32Array, dx: (await dx.data()) as Float32Array };
  tf.dispose([y, dx, d]);
  a.dispose();
  return out;
}

/** PairDot scores and gradient (dh of Σ g_i s_i) on the current backend; pairs repeat and include (u, u). */
/** gatherRows and its gradient (dh of Σ g ⊙ rows) on the current backend; indices repeat, some rows are never picked. */
async function gatherAndGradient() {
  const rng = new Rng(78);
  const n = 40;
  const d = 9;
  const idx = Int32Array.from({ length: 300 }, () => rng.int(30));
  const hv = Float32Array.from({ length: n * d }, () => rng.normal());
  const gv = Float32Array.from({ length: idx.length * d }, () => rng.normal());
  const [y, dh] = tf.tidy(() => {
    const h = tf.tensor2d(hv, [n, d]);
    const g = tf.tensor2d(gv, [idx.length, d]);
    return [gatherRows(h, idx), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(gatherRows(t as tf.Tensor2D, idx), g)))(h)];
  });
  const out = { y: (await y.data()) as Float32Array, dx: (await dh.data()) as Float32Array };
  tf.dispose([y, dh]);
  return out;
}

async function pairDotAndGradient() {
  const rng = new Rng(77);
  const n = 30;
  const d = 13;
  const p = 200;
  const a = Int32Array.from({ length: p }, () => rng.int(25));
  const b = Int32Array.from({ length: p }, (_, i) => (i % 17 === 0 ? a[i] : rng.int(25)));
  const hv = Float32Array.from({ length: n * d }, () => rng.normal());
  const gv = Float32Array.from({ length: p }, () => rng.normal());
  const [s, dh] = tf.tidy(() => {
    const h = tf.tensor2d(hv, [n, d]);
    const g = tf.tensor1d(gv);
    return [pairDotKernel(h, a, b), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(pairDotKernel(t as tf.Tensor2D, a, b), g)))(h)];
  });
  const out = { y: (await s.data()) as Float32Array, dx: (await dh.data()) as Float32Array };
  tf.dispose([s, dh]);
  return out;
}

/**
 * The GPU's draw of training negatives against the host's, cell by cell: a graph where a third of
 * the pairs are training pairs (retries happen), and one where every pair is (retries run out).
 */
async function negativeCountsCheck(): Promise<NonNullable<KernelCheck['negativeCounts']>> {
  const cases = [
    { name: '300 nodes, 15k training pairs', n: 300, train: 15_000, count: 40_000 },
    { name: '6 nodes, all 15 pairs training', n: 6, train: 15, count: 500 },
  ];
  const out: NonNullable<KernelCheck['negativeCounts']> = [];
  for (const [i, c] of cases.entries()) {
    const rng = new Rng(90 + i);
    const train = new PairSet(c.n);
    while (train.size < c.train) {
      const u = rng.int(c.n);
      const v = rng.int(c.n);
      if (u !== v) train.add(u, v);
    }
    const draw = { key: drawKey(31 + i, 4), count: c.count };
    const host = pairCountMatrix(c.n, drawNegatives(c.n, draw, train));
    const bits = tf.tensor1d(new Int32Array(train.bitWords()!.buffer), 'int32');
    const counts = negativeCountsOnGpu(c.n, draw, bits);
    const gpu = await counts.data();
    tf.dispose([bits, counts]);
    let differing = 0;
    for (let k = 0; k < host.length; k++) differing += host[k] === gpu[k] ? 0 : 1;
    out.push({ case: c.name, pairs: c.count, differingCells: differing });
  }
  return out;
}

const maxDiff = (p: Float32Array, q: Float32Array) => p.reduce((m, v, i) => Math.max(m, Math.abs(v - q[i])), p.length === q.length ? 0 : Infinity);

export async function use(backend: string): Promise<void> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not initialise`);
  await tf.ready();
}

/** CsrSpmm (values and gradients) and PairDot on `backend` against cpu and the dense product. */
export async function checkKernels(backend: string, adapter: () => Promise<string | null>): Promise<KernelCheck> {
  const cases: KernelCheck['cases'] = [];
  let ran = '';
  for (const [i, c] of CASES.entries()) {
    await use('cpu');
    const ref = await productAndGradient(c, 10 + i, false);
    await use(backend);
    ran = tf.getBackend();
    const got = await productAndGradient(c, 10 + i, false);
    const dense = await productAndGradient(c, 10 + i, true);
    cases.push({
      name: c.name,
      forwardVsCpu: maxDiff(got.y, ref.y),
      gradientVsCpu: maxDiff(got.dx, ref.dx),
      forwardVsDense: maxDiff(got.y, dense.y),
      gradientVsDense: maxDiff(got.dx, dense.dx),
    });
  }
  await use('cpu');
  const ref = await pairDotAndGradient();
  await use(backend);
  const got = await pairDotAndGradient();
  const pairDot = { forwardVsCpu: maxDiff(got.y, ref.y), gradientVsCpu: maxDiff(got.dx, ref.dx) };
  await use('cpu');
  const gatherRef = await gatherAndGradient();
  await use(backend);
  const gatherGot = await gatherAndGradient();
  const gather = { forwardVsCpu: maxDiff(gatherGot.y, gatherRef.y), gradientVsCpu: maxDiff(gatherGot.dx, gatherRef.dx) };
  const negativeCounts = gpuNegativesAvailable(backend) ? await negativeCountsCheck() : null;
  return { backend, ran, cases, pairDot, gatherRows: gather, negativeCounts, adapter: backend === 'webgpu' ? await adapter() : null };
}
