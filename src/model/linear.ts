/**
 * Linear layer y = x · W + b. Default initialisation as PyTorch's nn.Linear (uniform in ±1/√fan_in
 * for W and b); 'glorot' (uniform ±√(6 / (fan_in + fan_out)), zero bias) is PyG's GCNConv/GATConv
 * choice, so our layers start like the reference implementations. All from the project's seeded
 * generator so every backend starts from the same numbers.
 */
import * as tf from './tf';
import type { Rng } from './rng';
import { trainable } from './variables';

export interface LinearOptions {
  init?: 'torch' | 'glorot';
  /** Without bias (e.g. GraphSAGE's root weight, whose bias the neighbour term already has). */
  bias?: boolean;
}

export class Linear {
  readonly weight: tf.Variable<tf.Rank.R2>;
  readonly bias: tf.Variable<tf.Rank.R1> | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    rng: Rng,
    name: string,
    options: LinearOptions = {},
  ) {
    const glorot = options.init === 'glorot';
    const bound = glorot ? Math.sqrt(6 / (inFeatures + outFeatures)) : 1 / Math.sqrt(inFeatures);
    const uniform = (n: number) => Float32Array.from({ length: n }, () => (2 * rng.next() - 1) * bound);
    // tidy disposes the initial-value tensors; variables survive it.
    this.weight = tf.tidy(() => trainable(tf.tensor2d(uniform(inFeatures * outFeatures), [inFeatures, outFeatures]), `${name}/W`));
    const biasInit = () => (glorot ? new Float32Array(outFeatures) : uniform(outFeatures));
    this.bias = options.bias === false ? null : tf.tidy(() => trainable(tf.tensor1d(biasInit()), `${name}/b`));
  }

  apply(x: tf.Tensor2D): tf.Tensor2D {
    const y = tf.matMul(x, this.weight) as tf.Tensor2D;
    return this.bias ? (tf.add(y, this.bias) as tf.Tensor2D) : y;
  }

  variables(): tf.Variable[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  dispose(): void {
    this.weight.dispose();
    this.bias?.dispose();
  }
}
