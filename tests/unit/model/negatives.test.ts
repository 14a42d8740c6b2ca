import * as tf from '../../../src/model/tf';
import { beforeAll, describe, expect, it } from 'vitest';
import { DenseLinkLoss, weightedPairBce } from '../../../src/model/denseLinkLoss';
import { bceLinkLoss, dotScores } from '../../../src/model/linkLoss';
import { drawKey, drawNegatives, mix32, pairCountMatrix } from '../../../src/model/negatives';
import { PairSet } from '../../../src/model/split';
import { randomPairs } from '../../helpers/graphs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('counter-based training negatives', () => {
  it('hash the same as an independent implementation of lowbias32 (Python, exact u32 arithmetic)', () => {
    // Values from a Python reference: x ^= x >> 16; x *= 0x7feb352d; x ^= x >> 15; x *= 0x846ca68b; x ^= x >> 16 (mod 2^32).
    expect([0, 1, 12345, 0xdeadbeef, 0xffffffff].map(mix32)).toEqual([0, 1753845952, 2435775735, 3861431939, 1734902346]);
    expect(drawKey(7, 3)).toBe(2174397183);
    // The same reference's first four pairs of that draw on 10 nodes without training pairs (node = ⌊y·n / 2³²⌋).
    const p = drawNegatives(10, { key: drawKey(7, 3), count: 4 }, new PairSet(10));
    expect([...p.a].map((a, i) => [a, p.b[i]])).toEqual([
      [5, 8],
      [0, 4],
      [0, 7],
      [0, 2],
    ]);
  });

  it('are lo < hi pairs outside the training pairs, the same for the same draw, and pair i does not depend on the count', () => {
    const n = 60;
    const train = new PairSet(n).addAll(randomPairs(n, 900, 1)); // half of all 1,770 pairs
    const key = drawKey(123, 0);
    const first = drawNegatives(n, { key, count: 5000 }, train);
    for (let i = 0; i < first.a.length; i++) {
      expect(first.a[i]).toBeLessThan(first.b[i]);
      expect(train.has(first.a[i], first.b[i])).toBe(false);
    }
    const again = drawNegatives(n, { key, count: 5000 }, train);
    expect(again.a).toEqual(first.a);
    expect(again.b).toEqual(first.b);
    const prefix = drawNegatives(n, { key, count: 100 }, train);
    expect(prefix.a).toEqual(first.a.subarray(0, 100));
    expect(prefix.b).toEqual(first.b.subarray(0, 100));
    const next = drawNegatives(n, { key: drawKey(123, 1), count: 5000 }, train);
    let same = 0;
    for (let i = 0; i < 5000; i++) same += next.a[i] === first.a[i] && next.b[i] === first.b[i] ? 1 : 0;
    expect(same).toBeLessThan(50); // ~1/870 chance per pair
  });

  it('are uniform over the non-training pairs', () => {
    const n = 20;
    const train = new PairSet(n).addAll(randomPairs(n, 95, 2)); // 95 of 190 pairs
    const count = 190_000;
    const counts = pairCountMatrix(n, drawNegatives(n, { key: drawKey(5, 9), count }, train));
    const expected = count / (190 - 95);
    let chi2 = 0;
    for (let u = 0; u < n; u++) {
      for (let v = u + 1; v < n; v++) {
        const c = counts[u * n + v];
        if (train.has(u, v)) expect(c).toBe(0);
        else chi2 += (c - expected) ** 2 / expected;
      }
      for (let v = 0; v <= u; v++) expect(counts[u * n + v]).toBe(0); // only (lo, hi) cells
    }
    // 94 degrees of freedom: mean 94, sd ≈ 13.7; 160 is beyond the 99.99th percentile.
    expect(chi2).toBeLessThan(160);
    expect(chi2).toBeGreaterThan(40);
  });

  it('count duplicate pairs in the weight matrix', () => {
    const w = pairCountMatrix(4, { a: Int32Array.from([0, 0, 1]), b: Int32Array.from([3, 3, 2]) });
    expect(Array.from(w)).toEqual([0, 0, 0, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('the dense link loss', () => {
  it('equals the gathered BCE in value and gradient, negatives given as a draw or as pairs', () => {
    const n = 25;
    const pos = randomPairs(n, 60, 3);
    const train = new PairSet(n).addAll(pos);
    const draw = { key: drawKey(11, 2), count: pos.a.length };
    const negPairs = drawNegatives(n, draw, train);
    const h = tf.variable(tf.randomNormal([n, 6], 0, 0.7, 'float32', 4)) as tf.Variable<tf.Rank.R2>;
    const dense = new DenseLinkLoss(n, pos, train, 'cpu');
    expect(dense.drawsOnDevice).toBe(false);
    const grad = (f: () => tf.Scalar) => {
      const { value, grads } = tf.variableGrads(f, [h]);
      const out = { loss: value.dataSync()[0], grad: Array.from(grads[h.name].dataSync()) };
      tf.dispose([value, grads[h.name]]);
      return out;
    };
    const reference = grad(() => bceLinkLoss(dotScores(h, pos), dotScores(h, negPairs)));
    for (const neg of [draw, negPairs]) {
      const before = tf.memory().numTensors;
      const r = grad(() => dense.loss(h, pos, neg));
      expect(tf.memory().numTensors).toBe(before);
      expect(Math.abs(r.loss - reference.loss)).toBeLessThan(1e-6);
      r.grad.forEach((g, i) => expect(Math.abs(g - reference.grad[i])).toBeLessThan(1e-6));
    }
    dense.dispose();
    h.dispose();
  });

  it('has the gradient of its value (finite differences in float64 arithmetic on the scores)', () => {
    const n = 4;
    const s = [0.3, -1.2, 2.5, 0.1, -1.2, 0.7, -0.4, 1.9, 2.5, -0.4, -3.0, 0.05, 0.1, 1.9, 0.05, 0.8];
    const wPos = [0, 1, 0, 2, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0];
    const wNeg = [0, 0, 3, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    const pairs = 8;
    const value = (x: number[]) => x.reduce((t, v, i) => t + wPos[i] * Math.log1p(Math.exp(-v)) + wNeg[i] * Math.log1p(Math.exp(v)), 0) / pairs;
    const st = tf.variable(tf.tensor2d(s, [n, n]));
    const { value: got, grads } = tf.variableGrads(
      () =>
        weightedPairBce(
          st,
          tf.tensor2d(wPos, [n, n]),
          tf.tensor2d(
            wPos.map((w, i) => w + wNeg[i]),
            [n, n],
          ),
          pairs,
        ),
      [st],
    );
    expect(Math.abs(got.dataSync()[0] - value(s))).toBeLessThan(1e-6);
    const g = grads[st.name].dataSync();
    for (let i = 0; i < s.length; i++) {
      const eps = 1e-5;
      const up = s.slice();
      up[i] += eps;
      const down = s.slice();
      down[i] -= eps;
      expect(Math.abs(g[i] - (value(up) - value(down)) / (2 * eps))).toBeLessThan(1e-6);
    }
    tf.dispose([st, got, grads[st.name]]);
  });
});
