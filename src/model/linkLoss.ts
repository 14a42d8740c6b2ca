/**
 * OUTPUT for link prediction: a dot-product decoder s(u, v) = h_u · h_v, and binary
 * cross-entropy on logits, mean over positives and negatives together.
 */
import * as tf from './tf';
import { weightedPairBce } from './denseLinkLoss';
import { pairCountMatrix } from './negatives';
import { pairDotProducts } from './sparseOps';
import type { Pairs } from './split';
import type { LinkLossKind } from '../settings/options';

/** Logits for the given pairs (differentiable; gradient scatters back in linear time). */
export function dotScores(h: tf.Tensor2D, pairs: Pairs): tf.Tensor1D {
  return pairDotProducts(h, pairs.a, pairs.b);
}

/**
 * Mean of a long vector summed in two stages of √n: wasm sums sequentially in float32, which drifts
 * by ~1e-3 (relative) over 163 k rows of untrained losses, ~3e-6 over ogbl-ddi's 2 × 1.07 M link
 * losses; the stages keep it near 1e-6 and below.
 */
export function blockMean(x: tf.Tensor1D): tf.Scalar {
  const n = x.shape[0];
  const side = Math.ceil(Math.sqrt(n));
  const square = tf.reshape(tf.pad(x, [[0, side * side - n]]), [side, side]);
  return tf.div(tf.sum(tf.sum(square, 1)), n);
}

/** BCE with logits, written in the numerically stable form max(s,0) − s·y + log(1 + e^{−|s|}). */
export function bceWithLogits(logits: tf.Tensor1D, labels: tf.Tensor1D): tf.Scalar {
  const stable = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
  return blockMean(stable as tf.Tensor1D);
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
  return bceLinkLossJoined(tf.concat([posLogits, negLogits]), posLogits.shape[0]);
}

/** BCE over the logits of `positives` positives followed by negatives (one decoder call over both). */
export function bceLinkLossJoined(logits: tf.Tensor1D, positives: number): tf.Scalar {
  const labels = tf.concat([tf.ones([positives]), tf.zeros([logits.shape[0] - positives])]) as tf.Tensor1D;
  return bceWithLogits(logits, labels);
}

/**
 * PLNLP's pairwise AUC loss (Wang et al. 2021): a positive should outscore each of its negatives by a
 * margin of 1, as a squared error: mean over positives i and their negatives j of (1 − s⁺ᵢ + s⁻ᵢⱼ)².
 * `hinge` clips it at 0, (max(0, 1 − s⁺ᵢ + s⁻ᵢⱼ))², so pairs already ranked by the margin cost nothing.
 * Negative j of positive i is at i·k + j (the layout of an epoch's draw). A mean where PLNLP sums: the
 * same direction, and Adam's steps barely depend on the scale.
 */
export function pairwiseAucLoss(posLogits: tf.Tensor1D, negLogits: tf.Tensor1D, hinge = false): tf.Scalar {
  const p = posLogits.shape[0];
  const k = negLogits.shape[0] / p;
  if (!Number.isInteger(k) || k < 1) throw new Error(`${negLogits.shape[0]} negatives do not divide among ${p} positives`);
  const margin = tf.add(tf.sub(tf.reshape(negLogits, [p, k]), tf.reshape(posLogits, [p, 1])), 1);
  const clipped = hinge ? tf.relu(margin) : margin;
  return blockMean(tf.reshape(tf.square(clipped), [-1]) as tf.Tensor1D);
}

/** The link task's training loss by settings.loss, from the logits of positives and their k negatives each. */
export function linkTrainingLoss(kind: LinkLossKind, posLogits: tf.Tensor1D, negLogits: tf.Tensor1D): tf.Scalar {
  return kind === 'bce' ? bceLinkLoss(posLogits, negLogits) : pairwiseAucLoss(posLogits, negLogits, kind === 'hinge');
}

/**
 * Mean softmax cross-entropy over rows of logits with integer class labels:
 * loss = mean_i (logsumexp(z_i) − z_{i,y_i}), gradient (softmax(z_i) − onehot(y_i)) / rows.
 * Written with its own gradient because on tfjs-wasm the composed logSumExp's backward took 14–20 s
 * for 163 k × 86 logits (DrugBank's interaction types), and tf.losses.softmaxCrossEntropy trips
 * tfjs's leak check when nested in the optimiser's tape (it saves a new tensor for its backward).
 * Two forms of the same maths, by backend, as measured at that size (forward + backward, medians,
 * scripts/softmax-loss-timing.ts): tfjs ops on wasm (240–250 ms; the typed-array loops: 410–420 ms)
 * and on GPUs (the loops' read-back inside the optimiser's step stalls WebGPU, or fails on
 * SwiftShader's); the loops on cpu (320 ms; the ops: 5.3 s there).
 */
export function softmaxCrossEntropy(labels: Int32Array, logits: tf.Tensor2D): tf.Scalar {
  return tf.getBackend() === 'cpu' ? softmaxCrossEntropyHost(labels, logits) : softmaxCrossEntropyOps(labels, logits);
}

/**
 * The form from tfjs ops: the forward is logSumExp minus the label's logit (a gather), the backward
 * one native softmax kernel minus a one-hot; nothing is read back. The logits are saved for the
 * backward (free on GPUs and cpu; a copy on wasm, which tfjs's IS_TEST leak check counts as a leak).
 */
export function softmaxCrossEntropyOps(labels: Int32Array, logits: tf.Tensor2D): tf.Scalar {
  const [rows, cols] = logits.shape;
  const flat = Int32Array.from(labels, (y, i) => i * cols + y);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const z = args[0] as tf.Tensor2D;
    (args[1] as tf.GradSaveFunc)([z]);
    const picked = tf.gather(tf.reshape(z, [-1]), tf.tensor1d(flat, 'int32'));
    return {
      value: blockMean(tf.sub(tf.logSumExp(z, 1), picked) as tf.Tensor1D),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        // int32, then cast: tfjs-wasm's OneHot ignores a float32 dtype and writes integer bit patterns.
        const onehot = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), cols), 'float32');
        return tf.mul(tf.sub(tf.softmax(saved[0]), onehot), tf.div(dy, rows));
      },
    };
  });
  return op(logits) as tf.Scalar;
}

/** The form in typed-array loops, one pass each way; reads the logits (free on cpu, a read-back elsewhere). */
export function softmaxCrossEntropyHost(labels: Int32Array, logits: tf.Tensor2D): tf.Scalar {
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
