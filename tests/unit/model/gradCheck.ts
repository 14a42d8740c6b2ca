/** Central finite differences against tf's analytic gradients (float32: eps 1e-2, tolerance ~2e-3). */
import * as tf from '../../../src/model/tf';
import { expect } from 'vitest';

export function checkGradients(loss: () => tf.Scalar, variables: tf.Variable[], opts: { eps?: number; tol?: number; samples?: number } = {}): number {
  const eps = opts.eps ?? 1e-2;
  const tol = opts.tol ?? 2e-3;
  const samples = opts.samples ?? 8;
  const { value, grads } = tf.variableGrads(loss, variables);
  value.dispose();
  let checked = 0;
  for (const v of variables) {
    const analytic = grads[v.name].dataSync();
    const base = v.dataSync().slice();
    const step = Math.max(1, Math.floor(base.length / samples));
    for (let k = 0; k < base.length; k += step) {
      const at = (delta: number) => {
        const x = base.slice();
        x[k] += delta;
        v.assign(tf.tensor(x, v.shape));
        return tf.tidy(() => loss().dataSync()[0]);
      };
      const numeric = (at(eps) - at(-eps)) / (2 * eps);
      v.assign(tf.tensor(base, v.shape));
      expect(Math.abs(numeric - analytic[k]), `${v.name}[${k}]: numeric ${numeric} vs analytic ${analytic[k]}`).toBeLessThan(
        tol * Math.max(1, Math.abs(numeric)),
      );
      checked++;
    }
  }
  tf.dispose(Object.values(grads));
  return checked;
}
