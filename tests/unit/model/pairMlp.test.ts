/**
 * The MLP decoder's fused kernels (src/model/kernels/pairMlp*.ts) against the plain tfjs-ops
 * decoder — rows picked by one-hot selection matrices, Hadamard, matMul, bias, ReLU, matMul — for
 * scores and the gradients of h, W₁, b₁, w₂, b₂, on cpu and wasm; pairs repeat, include (u, u), and
 * some nodes appear in none; on wasm also the one-kernel SIMD decoder (pairMlpSimd.ts) for widths that
 * are multiples of 4, over pair counts that are and are not multiples of its 64-pair blocks. Also the
 * decoder end to end: MlpDecoder.score gives the reference. And the fused BCE training step
 * (pairMlpSimdBceLoss) against bceWithLogits of the plain scores, value and gradients.
 */
import * as tf from '../../../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkDecoder } from '../../../src/model/decoders';
import { pairHadamardKernel, pairMlpHeadKernel } from '../../../src/model/kernels/pairMlpKernel';
import { pairMlpSimd, pairMlpSimdAvailable, pairMlpSimdBceLoss } from '../../../src/model/kernels/pairMlpSimd';
import { bceWithLogits } from '../../../src/model/linkLoss';
import { Rng } from '../../../src/model/rng';

function randomMatrix(length: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-5): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
  expect(worst).toBeLessThan(tol);
}

/** One-hot rows: S · h picks rows idx of h with a plain matMul (differentiable on every backend). */
const selection = (idx: Int32Array, n: number): tf.Tensor2D => tf.oneHot(tf.tensor1d(idx, 'int32'), n).toFloat() as tf.Tensor2D;

interface Weights {
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
}

const plainScores = (h: tf.Tensor2D, a: Int32Array, b: Int32Array, w: Weights): tf.Tensor1D => {
  const n = h.shape[0];
  const x = tf.mul(tf.matMul(selection(a, n), h), tf.matMul(selection(b, n), h)) as tf.Tensor2D;
  const r = tf.relu(tf.add(tf.matMul(x, w.w1), w.b1)) as tf.Tensor2D;
  return tf.reshape(tf.add(tf.matMul(r, w.w2), w.b2), [a.length]);
};

const fusedScores = (h: tf.Tensor2D, a: Int32Array, b: Int32Array, w: Weights): tf.Tensor1D =>
  pairMlpHeadKernel(tf.matMul(pairHadamardKernel(h, a, b), w.w1) as tf.Tensor2D, w.b1, w.w2, w.b2);

const simdScores = (h: tf.Tensor2D, a: Int32Array, b: Int32Array, w: Weights): tf.Tensor1D => pairMlpSimd(h, a, b, w.w1, w.b1, w.w2, w.b2);

const CASES = [
  { name: '30 nodes, 200 pairs, d = 13', n: 30, d: 13, p: 200 },
  { name: '200 nodes, 1,000 pairs, d = 64', n: 200, d: 64, p: 1000 },
  { name: '50 nodes, 128 pairs, d = 12', n: 50, d: 12, p: 128 },
  { name: 'one pair, d = 1', n: 3, d: 1, p: 1 },
  { name: 'one pair, d = 4', n: 3, d: 4, p: 1 },
];

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`MLP decoder kernels on ${backend}`, () => {
    beforeAll(async () => {
      expect(await tf.setBackend(backend)).toBe(true);
    });
    afterAll(async () => {
      await tf.setBackend('cpu');
    });

    for (const [ci, c] of CASES.entries()) {
      it(`scores and all five gradients equal the plain ops within 1e-5: ${c.name}`, () => {
        const rng = new Rng(10 + ci);
        const used = Math.max(1, Math.floor(c.n * 0.8)); // the last fifth of the nodes is in no pair
        const a = Int32Array.from({ length: c.p }, () => rng.int(used));
        const b = Int32Array.from({ length: c.p }, (_, i) => (i % 17 === 0 ? a[i] : rng.int(used)));
        const upstream = randomMatrix(c.p, 20 + ci);
        const before = tf.memory().numTensors;
        const run = (scores: typeof plainScores) =>
          tf.tidy(() => {
            const h = tf.tensor2d(randomMatrix(c.n * c.d, 1), [c.n, c.d]);
            const w1 = tf.tensor2d(randomMatrix(c.d * c.d, 2), [c.d, c.d]);
            // A bias that puts about half of the pre-activations below zero, so the ReLU's mask matters.
            const b1 = tf.tensor1d(randomMatrix(c.d, 3));
            const w2 = tf.tensor2d(randomMatrix(c.d, 4), [c.d, 1]);
            const b2 = tf.tensor1d([0.3]);
            const g = tf.tensor1d(upstream);
            const f = (hh: tf.Tensor, ww1: tf.Tensor, bb1: tf.Tensor, ww2: tf.Tensor, bb2: tf.Tensor) =>
              tf.sum(
                tf.mul(scores(hh as tf.Tensor2D, a, b, { w1: ww1 as tf.Tensor2D, b1: bb1 as tf.Tensor1D, w2: ww2 as tf.Tensor2D, b2: bb2 as tf.Tensor1D }), g),
              );
            const grads = tf.grads(f)([h, w1, b1, w2, b2]);
            return [scores(h, a, b, { w1, b1, w2, b2 }), ...grads].map((t) => t.dataSync().slice());
          });
        const want = run(plainScores);
        const kernels = [fusedScores];
        if (backend === 'wasm' && c.d % 4 === 0) {
          expect(pairMlpSimdAvailable(c.d, c.d)).toBe(true); // Node 20 and Chromium both have SIMD
          kernels.push(simdScores);
        }
        for (const kernel of kernels) {
          const got = run(kernel);
          expect(tf.memory().numTensors).toBe(before); // forward and backward leave nothing behind
          ['scores', 'dh', 'dW1', 'db1', 'dw2', 'db2'].forEach((name, i) => {
            // Relative to the largest entry: sums of 1,000 products are compared, not single ones.
            const scale = Math.max(1, ...Array.from(want[i], Math.abs));
            expect(got[i].length, `${kernel === simdScores ? 'SIMD ' : ''}${name}`).toBe(want[i].length);
            expectClose(
              got[i].map((v) => v / scale),
              want[i].map((v) => v / scale),
            );
          });
        }
      });
    }

    if (backend === 'wasm') {
      it('the fused BCE step gives bceWithLogits of the plain scores and its five gradients within 1e-5, scaled by the upstream gradient', () => {
        for (const [n, d, p, positives] of [
          [200, 64, 1000, 400],
          [60, 16, 130, 130],
          [60, 8, 70, 0],
        ]) {
          const rng = new Rng(n + p);
          const a = Int32Array.from({ length: p }, () => rng.int(n));
          const b = Int32Array.from({ length: p }, (_, i) => (i % 13 === 0 ? a[i] : rng.int(n)));
          const before = tf.memory().numTensors;
          const run = (loss: (hh: tf.Tensor2D, w: Weights) => tf.Scalar) =>
            tf.tidy(() => {
              const h = tf.tensor2d(randomMatrix(n * d, 1), [n, d]);
              const w1 = tf.tensor2d(randomMatrix(d * d, 2), [d, d]);
              const b1 = tf.tensor1d(randomMatrix(d, 3));
              const w2 = tf.tensor2d(randomMatrix(d, 4), [d, 1]);
              const b2 = tf.tensor1d([0.3]);
              const f = (hh: tf.Tensor, ww1: tf.Tensor, bb1: tf.Tensor, ww2: tf.Tensor, bb2: tf.Tensor) =>
                tf.mul(loss(hh as tf.Tensor2D, { w1: ww1 as tf.Tensor2D, b1: bb1 as tf.Tensor1D, w2: ww2 as tf.Tensor2D, b2: bb2 as tf.Tensor1D }), 2.5);
              const grads = tf.grads(f)([h, w1, b1, w2, b2]);
              return [loss(h, { w1, b1, w2, b2 }), ...grads].map((t) => t.dataSync().slice());
            });
          const labels = Float32Array.from({ length: p }, (_, i) => (i < positives ? 1 : 0));
          const want = run((h, w) => bceWithLogits(plainScores(h, a, b, w), tf.tensor1d(labels)));
          const got = run((h, w) => pairMlpSimdBceLoss(h, a, b, positives, w.w1, w.b1, w.w2, w.b2));
          expect(tf.memory().numTensors).toBe(before);
          ['loss', 'dh', 'dW1', 'db1', 'dw2', 'db2'].forEach((name, i) => {
            const scale = Math.max(1, ...Array.from(want[i], Math.abs));
            expect(got[i].length, name).toBe(want[i].length);
            expectClose(
              got[i].map((v) => v / scale),
              want[i].map((v) => v / scale),
            );
          });
        }
      });
    }

    it('MlpDecoder.score takes the fused path and equals the plain ops on its own weights', () => {
      const n = 40;
      const d = 16;
      const decoder = createLinkDecoder('mlp', d, new Rng(7));
      const [w1, b1, w2, b2] = decoder.variables();
      const rng = new Rng(8);
      const a = Int32Array.from({ length: 300 }, () => rng.int(n));
      const b = Int32Array.from({ length: 300 }, () => rng.int(n));
      const [got, want] = tf.tidy(() => {
        const h = tf.tensor2d(randomMatrix(n * d, 9), [n, d]);
        const w = { w1: w1 as tf.Tensor2D, b1: b1 as tf.Tensor1D, w2: w2 as tf.Tensor2D, b2: b2 as tf.Tensor1D };
        return [decoder.score(h, { a, b }).dataSync(), plainScores(h, a, b, w).dataSync()];
      });
      expectClose(got, want);
      decoder.dispose();
    });
  });
}
