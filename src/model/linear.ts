/**
 * Linear layer y = x · W + b, initialised as PyTorch's nn.Linear (uniform in ±1/√fan_in for W and b),
 * from the project's seeded generator so every backend starts from the same numbers.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from './rng';

export class Linear {
  readonly weight: tf.Variable<tf.Rank.R2>;
  readonly bias: tf.Variable<tf.Rank.R1>;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    rng: Rng,
    name: string,
  ) {
    const bound = 1 / Math.sqrt(inFeatures);
    const uniform = (n: number) => Float32Array.from({ length: n }, () => (2 * rng.next() - 1) * bound);
    // tidy disposes the initial-value tensors; variables survive it.
    this.weight = tf.tidy(() =>
      tf.variable(tf.tensor2d(uniform(inFeatures * outFeatures), [inFeatures, outFeatures]), true, `${name}/W`),
    );
    this.bias = tf.tidy(() => tf.variable(tf.tensor1d(uniform(outFeatures)), true, `${name}/b`));
  }

  apply(x: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.matMul(x, this.weight), this.bias);
  }

  variables(): tf.Variable[] {
    return [this.weight, this.bias];
  }

  dispose(): void {
    this.weight.dispose();
    this.bias.dispose();
  }
}
