/**
 * OUTPUT (the seed's §3.3) for pairs of drugs: a score per pair from its two embeddings.
 *
 *   dot       s(u, v) = h_u · h_v
 *   distmult  s(u, v) = Σ_j h_u[j] r[j] h_v[j]          (a learned diagonal relation, r starts at 1)
 *   mlp       s(u, v) = w₂ · ReLU(W₁ (h_u ⊙ h_v) + b₁) + b₂   (as the OGB link-prediction examples)
 *
 * (The type task's heads, per type and direction-aware, are in typeHeads.ts.)
 * All are symmetric in u and v, as the interactions are. Rows are picked with gatherRows, whose
 * gradient scatters back in linear time (see sparseOps.ts).
 */
import * as tf from './tf';
import { Linear } from './linear';
import type { Rng } from './rng';
import type { DecoderKind } from '../settings/options';
import { gatherRows, pairDotProducts } from './sparseOps';
import { PAIR_MLP_BACKENDS, pairHadamardKernel, pairMlpHeadKernel } from './kernels/pairMlpKernel';
import { pairMlpSimd, pairMlpSimdAvailable, pairMlpSimdBceLoss, pairMlpSimdRows, type RowScorer } from './kernels/pairMlpSimd';
import type { Pairs } from './split';
import { trainable } from './variables';

/**
 * Most pairs one learned decoder call handles: tfjs-webgpu transposes tall tensors in 16-row tiles,
 * and a dispatch of more than 65,535 tiles (≈ 1.05 M rows) fails ("Dispatch size exceeds WebGPU
 * limits"), which ogbl-ddi's 1.07 M training pairs hit in the weights' gradients. Longer lists are
 * scored in blocks and concatenated; the gradient flows through the concatenation unchanged.
 */
export const MAX_PAIRS_PER_CALL = 1 << 19;

function inBlocks(pairs: Pairs, score: (p: Pairs) => tf.Tensor1D): tf.Tensor1D {
  const count = pairs.a.length;
  if (count <= MAX_PAIRS_PER_CALL) return score(pairs);
  const parts: tf.Tensor1D[] = [];
  for (let from = 0; from < count; from += MAX_PAIRS_PER_CALL) {
    const to = Math.min(count, from + MAX_PAIRS_PER_CALL);
    parts.push(score({ a: pairs.a.subarray(from, to), b: pairs.b.subarray(from, to) }));
  }
  return tf.concat(parts);
}

export interface LinkDecoder {
  readonly kind: DecoderKind;
  /** Logits for the pairs, differentiable in h and the decoder's weights. */
  score(h: tf.Tensor2D, pairs: Pairs): tf.Tensor1D;
  /** A faster way to score whole rows (u, v₀…v₁) of the candidate scan, where this backend has one; else null. */
  rowScorer(h: tf.Tensor2D): RowScorer | null;
  /**
   * Mean BCE over the pairs' logits, the first `positives` labelled 1 and the rest 0, in one fused
   * kernel where this backend has one (the same value and gradients as bceWithLogits of score); else null.
   */
  bceLoss?(h: tf.Tensor2D, pairs: Pairs, positives: number): tf.Scalar | null;
  variables(): tf.Variable[];
  dispose(): void;
}

class DotDecoder implements LinkDecoder {
  readonly kind = 'dot' as const;
  score(h: tf.Tensor2D, pairs: Pairs): tf.Tensor1D {
    return pairDotProducts(h, pairs.a, pairs.b);
  }
  rowScorer(): null {
    return null;
  }
  variables(): tf.Variable[] {
    return [];
  }
  dispose(): void {}
}

class DistMultDecoder implements LinkDecoder {
  readonly kind = 'distmult' as const;
  readonly relation: tf.Variable<tf.Rank.R1>;
  constructor(dim: number) {
    this.relation = trainable(tf.ones([dim]) as tf.Tensor1D, 'decoder/relation');
  }
  score(h: tf.Tensor2D, pairs: Pairs): tf.Tensor1D {
    return inBlocks(pairs, (p) => tf.sum(tf.mul(tf.mul(gatherRows(h, p.a), this.relation), gatherRows(h, p.b)), 1));
  }
  rowScorer(): null {
    return null;
  }
  variables(): tf.Variable[] {
    return [this.relation];
  }
  dispose(): void {
    this.relation.dispose();
  }
}

class MlpDecoder implements LinkDecoder {
  readonly kind = 'mlp' as const;
  private readonly lin1: Linear;
  private readonly lin2: Linear;
  constructor(dim: number, rng: Rng) {
    this.lin1 = new Linear(dim, dim, rng, 'decoder/lin1');
    this.lin2 = new Linear(dim, 1, rng, 'decoder/lin2');
  }
  score(h: tf.Tensor2D, pairs: Pairs): tf.Tensor1D {
    // wasm with SIMD: the whole decoder in one kernel (kernels/pairMlpSimd.ts); cpu and wasm otherwise:
    // everything but the W₁ product in fused loops (kernels/pairMlp.ts).
    if (pairMlpSimdAvailable(this.lin1.inFeatures, this.lin1.outFeatures)) {
      return inBlocks(pairs, (p) => pairMlpSimd(h, p.a, p.b, this.lin1.weight, this.lin1.bias!, this.lin2.weight, this.lin2.bias!));
    }
    if (PAIR_MLP_BACKENDS.includes(tf.getBackend())) return inBlocks(pairs, (p) => this.fusedScore(h, p));
    return inBlocks(pairs, (p) => {
      const x = tf.mul(gatherRows(h, p.a), gatherRows(h, p.b)) as tf.Tensor2D;
      return tf.reshape(this.lin2.apply(tf.relu(this.lin1.apply(x))), [p.a.length]);
    });
  }

  bceLoss(h: tf.Tensor2D, pairs: Pairs, positives: number): tf.Scalar | null {
    if (!pairMlpSimdAvailable(this.lin1.inFeatures, this.lin1.outFeatures)) return null;
    return pairMlpSimdBceLoss(h, pairs.a, pairs.b, positives, this.lin1.weight, this.lin1.bias!, this.lin2.weight, this.lin2.bias!);
  }

  rowScorer(h: tf.Tensor2D): RowScorer | null {
    if (!pairMlpSimdAvailable(this.lin1.inFeatures, this.lin1.outFeatures)) return null;
    return pairMlpSimdRows(h, this.lin1.weight, this.lin1.bias!, this.lin2.weight, this.lin2.bias!);
  }

  private fusedScore(h: tf.Tensor2D, p: Pairs): tf.Tensor1D {
    const z = tf.matMul(pairHadamardKernel(h, p.a, p.b), this.lin1.weight) as tf.Tensor2D;
    return pairMlpHeadKernel(z, this.lin1.bias!, this.lin2.weight, this.lin2.bias!);
  }
  variables(): tf.Variable[] {
    return [...this.lin1.variables(), ...this.lin2.variables()];
  }
  dispose(): void {
    this.lin1.dispose();
    this.lin2.dispose();
  }
}

export function createLinkDecoder(kind: DecoderKind, dim: number, rng: Rng): LinkDecoder {
  if (kind === 'distmult') return new DistMultDecoder(dim);
  if (kind === 'mlp') return new MlpDecoder(dim, rng);
  return new DotDecoder();
}
