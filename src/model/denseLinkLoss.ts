/**
 * The dot decoder's BCE loss through the full score matrix S = H·Hᵀ, weighted by how often each pair
 * is a positive (W⁺) or a drawn negative (W⁻):
 *
 *   loss = Σ_uv [W⁺_uv · softplus(−S_uv) + W⁻_uv · softplus(S_uv)] / pairs
 *        = Σ_uv [(W⁺ + W⁻)_uv · softplus(S_uv) − W⁺_uv · S_uv] / pairs
 *   ∂loss/∂S = ((W⁺ + W⁻) ⊙ σ(S) − W⁺) / pairs
 *
 * — the same number as the mean BCE over the gathered pairs (linkLoss.ts), for GPUs: no per-pair
 * index arrays to upload and no scatter in the gradient (two N×N·d matmuls instead). With the
 * negatives drawn on the GPU (kernels/negativeCounts.ts) nothing crosses to the device per epoch.
 * Memory is a few N × N matrices, so it is used while N is small (DENSE_LOSS_MAX_NODES).
 */
import * as tf from './tf';
import { gpuNegativesAvailable, negativeCountsOnGpu } from './kernels/negativeCounts';
import { drawNegatives, pairCountMatrix, type NegativeDraw } from './negatives';
import type { PairSet, Pairs } from './split';

/** Largest graph for the dense loss: 4 B × N² is 100 MB per matrix at 5,000 drugs (ogbl-ddi: 4,267). */
export const DENSE_LOSS_MAX_NODES = 5000;

/**
 * The weighted BCE above from the score matrix, given W⁺ and W⁺ + W⁻, with its gradient written out.
 * Nested tidies keep at most three N × N temporaries alive at a time (at ogbl-ddi's 4,267 drugs each
 * is 73 MB); tf.softplus is tfjs's stable one-kernel form (exact to ~1e-7 per pair).
 */
export function weightedPairBce(s: tf.Tensor2D, wPos: tf.Tensor2D, wAll: tf.Tensor2D, pairs: number): tf.Scalar {
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const scores = args[0] as tf.Tensor2D;
    // Saved: the forward pass's intermediates are disposed before the backward pass runs.
    (args[1] as tf.GradSaveFunc)([scores, wAll, wPos]);
    const value = tf.tidy(() => {
      const all = tf.tidy(() => tf.sum(tf.mul(wAll, tf.softplus(scores))));
      const pos = tf.tidy(() => tf.sum(tf.mul(wPos, scores)));
      return tf.div(tf.sub(all, pos), pairs);
    });
    return {
      value,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [sc, all, pos] = saved;
        return tf.tidy(() => {
          const weighted = tf.tidy(() => tf.sub(tf.mul(all, tf.sigmoid(sc)), pos));
          return tf.mul(weighted, tf.div(dy, pairs));
        });
      },
    };
  });
  return op(s) as tf.Scalar;
}

/**
 * The dense loss of one trainer: W⁺ of the full training positives kept on the device, W⁻ from the
 * epoch's draw — made on the GPU where the backend can, else counted on the host.
 */
export class DenseLinkLoss {
  private readonly wPos: tf.Tensor2D;
  private readonly trainBits: tf.Tensor1D | null;

  constructor(
    private readonly n: number,
    private readonly positives: Pairs,
    private readonly train: PairSet,
    backend: string = tf.getBackend(),
  ) {
    this.wPos = tf.keep(tf.tensor2d(pairCountMatrix(n, positives), [n, n]));
    const words = gpuNegativesAvailable(backend) ? train.bitWords() : null;
    this.trainBits = words ? tf.keep(tf.tensor1d(new Int32Array(words.buffer), 'int32')) : null;
  }

  /** True when negatives are drawn on the device: the host has nothing to prepare per epoch. */
  get drawsOnDevice(): boolean {
    return this.trainBits !== null;
  }

  /** Mean BCE over `pos` and the negatives (drawn pairs, or a draw to make here). */
  loss(h: tf.Tensor2D, pos: Pairs, neg: Pairs | NegativeDraw): tf.Scalar {
    const n = this.n;
    const wPos = pos === this.positives ? this.wPos : tf.tensor2d(pairCountMatrix(n, pos), [n, n]);
    const negPairs = 'a' in neg ? neg : null;
    const count = negPairs ? negPairs.a.length : (neg as NegativeDraw).count;
    const wAll = tf.tidy(() => tf.add<tf.Tensor2D>(wPos, this.negativeWeights(negPairs ?? (neg as NegativeDraw))));
    return weightedPairBce(tf.matMul(h, h, false, true), wPos, wAll, pos.a.length + count);
  }

  /** W⁻: counted on the GPU from the draw where it can, else from the pairs drawn here. */
  private negativeWeights(neg: Pairs | NegativeDraw): tf.Tensor2D {
    const n = this.n;
    if ('a' in neg) return tf.tensor2d(pairCountMatrix(n, neg), [n, n]);
    if (this.trainBits) return tf.cast(negativeCountsOnGpu(n, neg, this.trainBits), 'float32');
    return tf.tensor2d(pairCountMatrix(n, drawNegatives(n, neg, this.train)), [n, n]);
  }

  dispose(): void {
    this.wPos.dispose();
    this.trainBits?.dispose();
  }
}
