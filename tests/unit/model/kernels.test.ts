/**
 * The registered CsrSpmm kernel (src/model/kernels/) against two references — a dense matmul and a
 * plain-JS loop over the coordinate triples — for values and gradients, on random matrices with
 * isolated rows and columns, duplicate entries and empty matrices, on the cpu and wasm backends.
 * (webgl and webgpu are checked in headless Chromium: tests/browser/kernels.test.ts.)
 */
import * as tf from '../../../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrFromCoo, csrToDense, type Csr } from '../../../src/model/csr';
import { CsrTensors } from '../../../src/model/kernels/csrSpmm';
import { Rng } from '../../../src/model/rng';
import { SparseOperator, type SparseMode } from '../../../src/model/sparseOps';

interface Coo {
  rows: number;
  cols: number;
  r: Int32Array;
  c: Int32Array;
  v: Float32Array;
}

/** Random entries that leave some rows and columns empty (the last fifth) and repeat some entries. */
function randomCoo(rows: number, cols: number, nnz: number, seed: number): Coo {
  const rng = new Rng(seed);
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  const usedRows = Math.max(1, Math.floor(rows * 0.8));
  const usedCols = Math.max(1, Math.floor(cols * 0.8));
  for (let k = 0; k < nnz; k++) {
    r.push(rng.int(usedRows));
    c.push(rng.int(usedCols));
    v.push(2 * rng.next() - 1);
    if (k % 5 === 0) {
      // a duplicate of the entry just drawn, with another value: duplicates must add up
      r.push(r[r.length - 1]);
      c.push(c[c.length - 1]);
      v.push(rng.next());
    }
  }
  return { rows, cols, r: Int32Array.from(r), c: Int32Array.from(c), v: Float32Array.from(v) };
}

const csrOf = (m: Coo): Csr => csrFromCoo(m.rows, m.cols, m.r, m.c, m.v);

/** Plain-JS reference in float64, straight from the triples: y = A · x. */
function referenceProduct(m: Coo, x: Float32Array, f: number, transpose = false): Float64Array {
  const outRows = transpose ? m.cols : m.rows;
  const y = new Float64Array(outRows * f);
  for (let k = 0; k < m.r.length; k++) {
    const [to, from] = transpose ? [m.c[k], m.r[k]] : [m.r[k], m.c[k]];
    for (let j = 0; j < f; j++) y[to * f + j] += m.v[k] * x[from * f + j];
  }
  return y;
}

function randomMatrix(rows: number, f: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length: rows * f }, () => rng.normal());
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-5): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
  expect(worst).toBeLessThan(tol);
}

const CASES = [
  { name: 'square 40×40, 150 entries, f=8', rows: 40, cols: 40, nnz: 150, f: 8 },
  { name: 'rectangular 17×31, f=3', rows: 17, cols: 31, nnz: 60, f: 3 },
  { name: 'one feature', rows: 25, cols: 25, nnz: 80, f: 1 },
  { name: 'wide features 64, 300 nodes', rows: 300, cols: 300, nnz: 3000, f: 64 },
  { name: 'no entries at all', rows: 6, cols: 6, nnz: 0, f: 4 },
  { name: 'f=36: a 32-feature block and a 4-feature rest (wasm SIMD)', rows: 50, cols: 45, nnz: 400, f: 36 },
];

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`CsrSpmm on the ${backend} backend`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
    });
    afterAll(async () => {
      await tf.setBackend('cpu');
    });

    for (const [i, c] of CASES.entries()) {
      it(`values and gradients match dense matmul and the JS reference: ${c.name}`, () => {
        const coo = randomCoo(c.rows, c.cols, c.nnz, 100 + i);
        const csr = csrOf(coo);
        const xv = randomMatrix(c.cols, c.f, 200 + i);
        const wv = randomMatrix(c.rows, c.f, 300 + i); // dL/dY for L = Σ W ⊙ (A·X)
        const a = new CsrTensors(csr);
        const before = tf.memory().numTensors;
        const { y, dx, yDense, dxDense } = tf.tidy(() => {
          const x = tf.tensor2d(xv, [c.cols, c.f]);
          const w = tf.tensor2d(wv, [c.rows, c.f]);
          const dense = tf.tensor2d(csrToDense(csr), [c.rows, c.cols]);
          const loss = (m: (x: tf.Tensor2D) => tf.Tensor2D) => (t: tf.Tensor) => tf.sum(tf.mul(m(t as tf.Tensor2D), w));
          return {
            y: a.multiply(x),
            dx: tf.grad(loss((t) => a.multiply(t)))(x),
            yDense: tf.matMul(dense, x),
            dxDense: tf.grad(loss((t) => tf.matMul(dense, t)))(x),
          };
        });
        expect(y.shape).toEqual([c.rows, c.f]);
        expect(dx.shape).toEqual([c.cols, c.f]);
        expectClose(y.dataSync(), referenceProduct(coo, xv, c.f));
        expectClose(y.dataSync(), yDense.dataSync());
        expectClose(dx.dataSync(), referenceProduct(coo, wv, c.f, true));
        expectClose(dx.dataSync(), dxDense.dataSync());
        tf.dispose([y, dx, yDense, dxDense]);
        expect(tf.memory().numTensors).toBe(before); // nothing leaks out of forward or backward
        a.dispose();
      });
    }

    it('SparseOperator gives the same two-layer loss and gradients in kernel, sparse and dense modes', () => {
      // A small GCN-like computation h2 = A·relu(A·X·W1)·W2 through each mode.
      const coo = randomCoo(50, 50, 400, 7);
      const csr = csrOf(coo);
      const x = tf.variable(tf.tensor2d(randomMatrix(50, 6, 8), [50, 6]));
      const w1 = tf.variable(tf.tensor2d(randomMatrix(6, 5, 9), [6, 5]));
      const w2 = tf.variable(tf.tensor2d(randomMatrix(5, 4, 10), [5, 4]));
      const run = (mode: SparseMode) => {
        const op = new SparseOperator(csr, mode);
        const { value, grads } = tf.variableGrads(() => {
          const h = tf.relu(tf.matMul(op.apply(x), w1)) as tf.Tensor2D;
          return tf.sum(tf.square(tf.matMul(op.apply(h), w2)));
        }, [x, w1, w2]);
        const out = { loss: value.dataSync()[0], grads: [x, w1, w2].map((v) => grads[v.name].dataSync().slice()) };
        tf.dispose([value, ...Object.values(grads)]);
        op.dispose();
        return out;
      };
      const [kernel, sparse, dense] = (['kernel', 'sparse', 'dense'] as const).map(run);
      for (const other of [sparse, dense]) {
        expect(Math.abs(kernel.loss - other.loss) / Math.max(1, Math.abs(other.loss))).toBeLessThan(1e-5);
        kernel.grads.forEach((g, i) => {
          const scale = Math.max(1, ...Array.from(other.grads[i], Math.abs));
          expectClose(
            g.map((v) => v / scale),
            other.grads[i].map((v) => v / scale),
          );
        });
      }
      tf.dispose([x, w1, w2]);
    });
  });
}

describe('CsrSpmm registration', () => {
  it('has a kernel for every backend the app uses, and one gradient', async () => {
    const { CSR_SPMM, registerCsrSpmm } = await import('../../../src/model/kernels/csrSpmm');
    registerCsrSpmm();
    registerCsrSpmm(); // idempotent: no "already registered" warnings or throws
    for (const b of ['cpu', 'wasm', 'webgl', 'webgpu']) expect(tf.getKernel(CSR_SPMM, b)).toBeDefined();
    expect(tf.getGradient(CSR_SPMM)).toBeDefined();
  });
});

describe('wasm BatchMatMul with transposed operands (kernels/wasmMatMul.ts)', () => {
  it('gives the cpu backend’s products for every transpose combination, without leaking tensors', async () => {
    const { installWasmMatMul } = await import('../../../src/model/kernels/wasmMatMul');
    const av = randomMatrix(37, 5, 1);
    const bv = randomMatrix(37, 5, 2);
    const products = () =>
      [
        [false, false, [37, 5], [5, 37]],
        [true, false, [37, 5], [37, 5]],
        [false, true, [37, 5], [37, 5]],
        [true, true, [5, 37], [37, 5]],
      ].map(([ta, tb, sa, sb]) =>
        tf.tidy(() => tf.matMul(tf.tensor2d(av, sa as [number, number]), tf.tensor2d(bv, sb as [number, number]), ta as boolean, tb as boolean).dataSync()),
      );
    await tf.setBackend('cpu');
    const want = products();
    await tf.setBackend('wasm');
    installWasmMatMul();
    const before = tf.memory().numTensors;
    const got = products();
    expect(tf.memory().numTensors).toBe(before);
    got.forEach((g, i) => expectClose(g, want[i]));
    await tf.setBackend('cpu');
  });
});

describe('wasm Slice of column blocks (kernels/wasmSlice.ts)', () => {
  it('gives the cpu backend’s slices for float32, int32 and bool, sizes of −1 and empty blocks included', async () => {
    const { installWasmSlice } = await import('../../../src/model/kernels/wasmSlice');
    const values = randomMatrix(23, 9, 3);
    const cases: [number[], number[]][] = [
      [
        [0, 3],
        [23, 4],
      ],
      [
        [5, 0],
        [-1, 2],
      ],
      [
        [2, 7],
        [10, -1],
      ],
      [
        [0, 0],
        [23, 9],
      ],
      [
        [4, 4],
        [0, 3],
      ],
    ];
    const slices = () =>
      cases.flatMap(([begin, size]) =>
        (['float32', 'int32', 'bool'] as const).map((dtype) =>
          tf.tidy(() => {
            const x = dtype === 'float32' ? tf.tensor2d(values, [23, 9]) : tf.cast(tf.greater(tf.tensor2d(values, [23, 9]), 0), dtype);
            const y = tf.slice(x, begin, size);
            return [...y.shape, ...y.dataSync()];
          }),
        ),
      );
    await tf.setBackend('cpu');
    const want = slices();
    await tf.setBackend('wasm');
    installWasmSlice();
    const before = tf.memory().numTensors;
    const got = slices();
    expect(tf.memory().numTensors).toBe(before);
    expect(got).toEqual(want);
    await tf.setBackend('cpu');
  });
});

describe('PairDot kernel (kernels/pairDotKernel.ts)', () => {
  for (const backend of ['cpu', 'wasm']) {
    it(`matches a plain-JS reference for scores and gradients on ${backend}, repeated and isolated nodes included`, async () => {
      const { pairDotKernel } = await import('../../../src/model/kernels/pairDotKernel');
      await tf.setBackend(backend);
      const n = 30;
      const d = 13; // not a multiple of 8: exercises the kernels' tails
      const rng = new Rng(3);
      const p = 200;
      // Nodes 25..29 never appear; pairs repeat (200 pairs over 25 nodes) and include (u, u).
      const a = Int32Array.from({ length: p }, () => rng.int(25));
      const b = Int32Array.from({ length: p }, (_, i) => (i % 17 === 0 ? a[i] : rng.int(25)));
      const hv = randomMatrix(n, d, 4);
      const gv = randomMatrix(p, 1, 5);
      const before = tf.memory().numTensors;
      const [s, dh] = tf.tidy(() => {
        const h = tf.tensor2d(hv, [n, d]);
        const g = tf.tensor1d(gv);
        return [pairDotKernel(h, a, b), tf.grad((t: tf.Tensor) => tf.sum(tf.mul(pairDotKernel(t as tf.Tensor2D, a, b), g)))(h)];
      });
      const want = new Float64Array(p);
      const wantDh = new Float64Array(n * d);
      for (let i = 0; i < p; i++) {
        for (let j = 0; j < d; j++) {
          want[i] += hv[a[i] * d + j] * hv[b[i] * d + j];
          wantDh[a[i] * d + j] += gv[i] * hv[b[i] * d + j];
          wantDh[b[i] * d + j] += gv[i] * hv[a[i] * d + j];
        }
      }
      expectClose(s.dataSync(), want);
      expectClose(dh.dataSync(), wantDh);
      tf.dispose([s, dh]);
      expect(tf.memory().numTensors).toBe(before);
      await tf.setBackend('cpu');
    });
  }
});
