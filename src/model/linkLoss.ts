/**
 * OUTPUT for link prediction: a dot-product decoder s(u, v) = h_u · h_v, and binary
 * cross-entropy on logits, mean over positives and negatives together.
 */
import * as tf from '@tensorflow/tfjs';
import { pairDotProducts } from './sparseOps';
import type { Pairs } from './split';

/** Logits for the given pairs (differentiable; gradient scatters back in linear time). */
export function dotScores(h: tf.Tensor2D, pairs: Pairs): tf.Tensor1D {
  return pairDotProducts(h, pairs.a, pairs.b);
}

/** BCE with logits, written in the numerically stable form max(s,0) − s·y + log(1 + e^{−|s|}). */
export function bceWithLogits(logits: tf.Tensor1D, labels: tf.Tensor1D): tf.Scalar {
  const stable = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
  return tf.mean(stable);
}

/** Loss over positives and negatives via gathered pair scores (any backend, linear in pairs). */
export function linkLossGathered(h: tf.Tensor2D, pos: Pairs, neg: Pairs): tf.Scalar {
  const logits = tf.concat([dotScores(h, pos), dotScores(h, neg)]);
  const labels = tf.concat([tf.ones([pos.a.length]), tf.zeros([neg.a.length])]) as tf.Tensor1D;
  return bceWithLogits(logits, labels);
}

/**
 * The same loss through the full score matrix H·Hᵀ weighted by pair counts: stays on the GPU
 * (no read-back for gradients), so it is the choice on webgl/webgpu while N × N is small.
 */
export function linkLossDense(h: tf.Tensor2D, pos: Pairs, neg: Pairs): tf.Scalar {
  const n = h.shape[0];
  const wPos = new Float32Array(n * n);
  const wNeg = new Float32Array(n * n);
  for (let i = 0; i < pos.a.length; i++) wPos[pos.a[i] * n + pos.b[i]] += 1;
  for (let i = 0; i < neg.a.length; i++) wNeg[neg.a[i] * n + neg.b[i]] += 1;
  const s = tf.matMul(h, h, false, true);
  const softplus = (x: tf.Tensor) => tf.add(tf.relu(x), tf.log1p(tf.exp(tf.neg(tf.abs(x)))));
  const total = tf.add(
    tf.sum(tf.mul(tf.tensor2d(wPos, [n, n]), softplus(tf.neg(s)))),
    tf.sum(tf.mul(tf.tensor2d(wNeg, [n, n]), softplus(s))),
  );
  return tf.div(total, pos.a.length + neg.a.length) as tf.Scalar;
}
