/**
 * Interaction-type heads: logits (pairs × types) for a pair (a, b) from the two drugs' embeddings.
 *
 *   distmult    z_t(a, b) = Σ_j h_a[j] R[j, t] h_b[j] + c_t        per-type DistMult: symmetric in a and b
 *   concat-mlp  z(a, b) = W₂ · Dropout(ReLU(W₁ [h_a ‖ h_b] + b₁)) + b₂   W₁: 2d × 2d, W₂: 2d × types
 *
 * DeepDDI's types are directed ("#Drug1 may increase the … of #Drug2"), which a symmetric head cannot
 * tell apart; the concatenation can (the published-level recipe, docs/results.md). The `decoder`
 * setting picks the head for the type task: mlp → concat-mlp; distmult → distmult; dot has no
 * per-type weights, so it maps to distmult (a weighted dot product per type), as before.
 */
import * as tf from './tf';
import { Linear } from './linear';
import type { Rng } from './rng';
import type { DecoderKind } from '../settings/options';
import { gatherRows } from './sparseOps';
import type { Pairs } from './split';

export type TypeHeadKind = 'distmult' | 'concat-mlp';

/** The head the type task builds for a `decoder` setting. */
export function typeHeadKind(decoder: DecoderKind): TypeHeadKind {
  return decoder === 'mlp' ? 'concat-mlp' : 'distmult';
}

export interface TypeHead {
  readonly kind: TypeHeadKind;
  /** Logits, pairs × types, differentiable in h and the head's weights. `training` switches dropout on. */
  logits(h: tf.Tensor2D, pairs: Pairs, training?: boolean): tf.Tensor2D;
  variables(): tf.Variable[];
  /** Random streams training draws from (dropout masks), for checkpoints. */
  randomStreams(): Rng[];
  dispose(): void;
}

/** The per-type DistMult head's weight name; modelFile.ts recognises files saved before the concat head by it. */
export const DISTMULT_TYPE_HEAD_NAME = 'decoder/types';

/** Per-type DistMult: one Linear on h_a ⊙ h_b (its weight's column t is type t's diagonal relation). */
export class DistMultTypeHead implements TypeHead {
  readonly kind = 'distmult' as const;
  readonly relations: Linear;
  constructor(dim: number, numTypes: number, rng: Rng) {
    this.relations = new Linear(dim, numTypes, rng, DISTMULT_TYPE_HEAD_NAME);
  }
  logits(h: tf.Tensor2D, pairs: Pairs): tf.Tensor2D {
    return this.relations.apply(tf.mul(gatherRows(h, pairs.a), gatherRows(h, pairs.b)) as tf.Tensor2D);
  }
  variables(): tf.Variable[] {
    return this.relations.variables();
  }
  randomStreams(): Rng[] {
    return [];
  }
  dispose(): void {
    this.relations.dispose();
  }
}

/** MLP on the concatenation [h_a ‖ h_b]: direction-aware (swapping a and b changes the logits). */
export class ConcatMlpTypeHead implements TypeHead {
  readonly kind = 'concat-mlp' as const;
  readonly hidden: Linear;
  readonly out: Linear;
  constructor(
    dim: number,
    numTypes: number,
    rng: Rng,
    /** Fraction of the hidden units zeroed while training. */
    readonly dropout: number,
    /** Draws the dropout masks (seeded, so runs repeat on every backend). */
    readonly dropoutRng: Rng,
  ) {
    this.hidden = new Linear(2 * dim, 2 * dim, rng, 'decoder/type-hidden');
    this.out = new Linear(2 * dim, numTypes, rng, 'decoder/type-out');
  }
  logits(h: tf.Tensor2D, pairs: Pairs, training = false): tf.Tensor2D {
    const x = tf.concat([gatherRows(h, pairs.a), gatherRows(h, pairs.b)], 1) as tf.Tensor2D;
    let z = tf.relu(this.hidden.apply(x)) as tf.Tensor2D;
    if (training && this.dropout > 0) z = tf.mul(z, this.mask(z.shape as [number, number])) as tf.Tensor2D;
    return this.out.apply(z);
  }
  /** Inverted dropout's mask, as GnnModel's. */
  private mask(shape: [number, number]): tf.Tensor2D {
    const p = this.dropout;
    const keep = 1 / (1 - p);
    const m = new Float32Array(shape[0] * shape[1]);
    for (let i = 0; i < m.length; i++) m[i] = this.dropoutRng.next() < p ? 0 : keep;
    return tf.tensor2d(m, shape);
  }
  variables(): tf.Variable[] {
    return [...this.hidden.variables(), ...this.out.variables()];
  }
  randomStreams(): Rng[] {
    return [this.dropoutRng];
  }
  dispose(): void {
    this.hidden.dispose();
    this.out.dispose();
  }
}

/** The head for the settings: weights from `rng`, dropout masks from `dropoutRng`. */
export function createTypeHead(decoder: DecoderKind, dim: number, numTypes: number, dropout: number, rng: Rng, dropoutRng: Rng): TypeHead {
  return typeHeadKind(decoder) === 'concat-mlp' ? new ConcatMlpTypeHead(dim, numTypes, rng, dropout, dropoutRng) : new DistMultTypeHead(dim, numTypes, rng);
}
