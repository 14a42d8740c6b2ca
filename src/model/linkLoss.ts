/**
 * OUTPUT for link prediction: a dot-product decoder s(u, v) = h_u · h_v, and binary
 * cross-entropy on logits, mean over positives and negatives together.
 */
import * as tf from '@tensorflow/tfjs';
import { weightedPairBce } from './denseLinkLoss';
import { pairCountMatrix } from './negatives';
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
 * The same loss through the full score matrix H·Hᵀ weighted by pair counts (denseLinkLoss.ts): stays
 * on the GPU (no read-back for gradients), so it is the choice on webgl/webgpu while N × N is small.
 */
export function linkLossDense(h: tf.Tensor2D, pos: Pairs, neg: Pairs): tf.Scalar {
  const n = h.shape[0];
  const weights = (p: Pairs) => tf.tensor2d(pairCountMatrix(n, p), [n, n]);
  const wPos = weights(pos);
  return weightedPairBce(tf.matMul(h, h, false, true), wPos, tf.add(wPos, weights(neg)) as tf.Tensor2D, pos.a.length + neg.a.length);
}

/** BCE over positive and negative logits from any decoder (positives labelled 1, negatives 0). */
export function bceLinkLoss(posLogits: tf.Tensor1D, negLogits: tf.Tensor1D): tf.Scalar {
  const logits = tf.concat([posLogits, negLogits]);
  const labels = tf.concat([tf.ones([posLogits.shape[0]]), tf.zeros([negLogits.shape[0]])]) as tf.Tensor1D;
  return bceWithLogits(logits, labels);
}

/**
 * Mean softmax cross-entropy over rows of logits with integer class labels, as one typed-array
 * kernel: loss = mean_i (logsumexp(z_i) − z_{i,y_i}), gradient (softmax(z_i) − onehot(y_i)) / rows.
 * Why a kernel: on tfjs-wasm the composed logSumExp's backward took 14–20 s for 163 k × 86 logits
 * (DrugBank's interaction types); tf.losses.softmaxCrossEntropy also trips tfjs's leak check when
 * nested in the optimiser's tape. Reads the logits on the CPU side (a read-back on GPU backends).
 */
export function softmaxCrossEntropy(labels: Int32Array, logits: tf.Tensor2D): tf.Scalar {
  const [rows, cols] = logits.shape;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const z = (args[0] as tf.Tensor).dataSync() as Float32Array;
    const p = new Float32Array(rows * cols);
    let total = 0;
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      let max = -Infinity;
      for (let c = 0; c < cols; c++) max = Math.max(max, z[o + c]);
      let sum = 0;
      for (let c = 0; c < cols; c++) sum += p[o + c] = Math.exp(z[o + c] - max);
      for (let c = 0; c < cols; c++) p[o + c] /= sum;
      total += max + Math.log(sum) - z[o + labels[i]];
    }
    return {
      value: tf.scalar(total / rows),
      gradFunc: (dy: tf.Tensor) => {
        const g = dy.dataSync()[0] / rows;
        const dz = new Float32Array(rows * cols);
        for (let i = 0; i < rows; i++) {
          for (let c = 0; c < cols; c++) dz[i * cols + c] = g * p[i * cols + c];
          dz[i * cols + labels[i]] -= g;
        }
        return tf.tensor2d(dz, [rows, cols]);
      },
    };
  });
  return op(logits) as tf.Scalar;
}
