/**
 * tfjs keeps one global registry of variable names and throws on a duplicate, so two models alive
 * at once (a trainer and a teaching-view model, or a test that failed before disposing) would
 * clash. Every variable gets its readable name plus a process-unique suffix.
 */
import * as tf from './tf';

let next = 0;

/**
 * A trainable variable holding `initial`'s values. Takes ownership of `initial`: it is disposed here
 * (the variable keeps the data), so `trainable(tf.zeros(…))` leaves no stray tensor behind.
 */
export function trainable<R extends tf.Rank>(initial: tf.Tensor<R>, name: string): tf.Variable<R> {
  const v = tf.variable(initial, true, `${name}#${next++}`);
  initial.dispose();
  return v;
}
