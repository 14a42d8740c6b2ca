/**
 * window.kernelsPage: runs the CsrSpmm kernel on a GPU backend and on cpu in the same page and
 * reports the largest differences; and times training epochs for the benchmark.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { csrFromCoo, csrToDense } from '../../../src/model/csr';
import { CsrTensors } from '../../../src/model/kernels/csrSpmm';
import { pairDotKernel } from '../../../src/model/kernels/pairDotKernel';
import { Rng } from '../../../src/model/rng';
import type { SparseMode } from '../../../src/model/sparseOps';
import { measureTraining, type BenchModel, type Measurement } from '../../../bench/trainMeasure';

export interface KernelCheck {
  backend: string;
  /** tf.getBackend() while the GPU figures were computed. */
  ran: string;
  cases: { name: string; forwardVsCpu: number; gradientVsCpu: number; forwardVsDense: number; gradientVsDense: number }[];
  /** The PairDot kernel against the cpu one. */
  pairDot: { forwardVsCpu: number; gradientVsCpu: number };
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

async function productAndGradient(c: (typeof CASES)[number], seed: number, dense: boolean) {
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

const maxDiff = (p: Float32Array, q: Float32Array) => p.reduce((m, v, i) => Math.max(m, Math.abs(v - q[i])), p.length === q.length ? 0 : Infinity);

async function use(backend: string): Promise<void> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not initialise`);
  await tf.ready();
}

async function adapterInfo(): Promise<string | null> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ isFallbackAdapter?: boolean; info?: { vendor: string; architecture: string; description: string } } | null> } }).gpu;
  const adapter = await gpu?.requestAdapter();
  if (!adapter) return null;
  const i = adapter.info;
  return `${i?.vendor ?? '?'} ${i?.architecture ?? ''} ${i?.description ?? ''}${adapter.isFallbackAdapter ? ' (fallback adapter: software)' : ''}`.trim();
}

async function check(backend: string): Promise<KernelCheck> {
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
  return { backend, ran, cases, pairDot, adapter: backend === 'webgpu' ? await adapterInfo() : null };
}

const fromBase64 = (s: string) => new Int32Array(Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0)).buffer);

/** Times training on `backend`; the pairs come base64-encoded (Int32Array bytes) from the bench. */
async function train(
  backend: string,
  numNodes: number,
  a64: string,
  b64: string,
  model: BenchModel,
  epochs: number,
  aggregation: 'auto' | SparseMode,
): Promise<Measurement> {
  await use(backend);
  return measureTraining({ numNodes, edgeSrc: fromBase64(a64), edgeDst: fromBase64(b64) }, model, epochs, { aggregation });
}

declare global {
  interface Window {
    kernelsPage: { check: typeof check; train: typeof train; adapterInfo: typeof adapterInfo; ready: boolean };
  }
}
window.kernelsPage = { check, train, adapterInfo, ready: true };
