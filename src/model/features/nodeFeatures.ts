/**
 * The input node features as tensors: an optional learned embedding table or fixed random vectors
 * (hidden columns each), then fixed blocks (ATC, categories, degree, Morgan), concatenated.
 */
import * as tf from '../tf';
import type { Rng } from '../rng';
import { trainable } from '../variables';
import type { FeatureBlock } from './block';
import type { FeatureKind } from '../../settings/options';

export class NodeFeatures {
  /** The trainable table when 'learned' is among the kinds. */
  readonly embedding: tf.Variable<tf.Rank.R2> | null = null;
  private readonly parts: tf.Tensor2D[] = [];
  readonly dim: number;

  constructor(kinds: FeatureKind[], numNodes: number, hidden: number, rng: Rng, blocks: FeatureBlock[] = []) {
    let dim = 0;
    if (kinds.includes('learned') || kinds.includes('random')) {
      // N(0, 1) as torch.nn.Embedding / torch.randn.
      const data = Float32Array.from({ length: numNodes * hidden }, () => rng.normal());
      const t = tf.tidy(() => {
        const v = tf.tensor2d(data, [numNodes, hidden]);
        return kinds.includes('learned') ? trainable(v, 'features') : v;
      });
      if (kinds.includes('learned')) this.embedding = t as tf.Variable<tf.Rank.R2>;
      this.parts.push(t);
      dim += hidden;
    }
    for (const b of blocks) {
      this.parts.push(tf.tensor2d(b.data, [numNodes, b.dim]));
      dim += b.dim;
    }
    if (this.parts.length === 0) throw new Error('No node features were chosen.');
    this.dim = dim;
  }

  /** N × dim input features (a fresh tensor when several parts are joined: call inside tidy). */
  tensor(): tf.Tensor2D {
    return this.parts.length === 1 ? this.parts[0] : tf.concat(this.parts, 1);
  }

  variables(): tf.Variable[] {
    return this.embedding ? [this.embedding] : [];
  }

  dispose(): void {
    tf.dispose(this.parts);
  }
}
