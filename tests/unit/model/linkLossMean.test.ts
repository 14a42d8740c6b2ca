/**
 * The link BCE's mean over millions of pairs on wasm (float32, summed sequentially there): the
 * two-stage sum keeps the reported loss at the float64 value.
 */
import * as tf from '../../../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { bceWithLogits } from '../../../src/model/linkLoss';
import { Rng } from '../../../src/model/rng';

afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('bceWithLogits on wasm', () => {
  it('averages 2.1 M pair losses to the float64 mean within 1e-6 (relative)', async () => {
    await tf.setBackend('wasm');
    const n = 2_135_822; // ogbl-ddi's training positives and negatives
    const rng = new Rng(4);
    const logits = Float32Array.from({ length: n }, () => 0.2 * rng.normal());
    const labels = Float32Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
    let expected = 0;
    for (let i = 0; i < n; i++) {
      const s = logits[i];
      expected += Math.max(s, 0) - s * labels[i] + Math.log1p(Math.exp(-Math.abs(s)));
    }
    expected /= n;
    const value = tf.tidy(() => bceWithLogits(tf.tensor1d(logits), tf.tensor1d(labels)).dataSync()[0]);
    expect(Math.abs(value - expected) / expected).toBeLessThan(1e-6);
  });
});
