/**
 * Input node features. 'random': fixed N(0, 1) features, as `torch.randn` in the seed's code.
 * 'learned': an embedding table initialised the same way and trained with the model.
 */
import * as tf from '@tensorflow/tfjs';
import type { FeatureKind } from './settings';
import type { Rng } from './rng';

export class NodeFeatures {
  readonly values: tf.Tensor2D;
  readonly trainable: boolean;

  constructor(kind: FeatureKind, numNodes: number, dim: number, rng: Rng) {
    const data = Float32Array.from({ length: numNodes * dim }, () => rng.normal());
    this.trainable = kind === 'learned';
    this.values = tf.tidy(() => {
      const t = tf.tensor2d(data, [numNodes, dim]);
      return this.trainable ? tf.variable(t, true, 'features') : t;
    });
  }

  variables(): tf.Variable[] {
    return this.trainable ? [this.values as tf.Variable<tf.Rank.R2>] : [];
  }

  dispose(): void {
    this.values.dispose();
  }
}
