/** Tiny graphs and models with hand-set weights, shared by the model tests. */
import * as tf from '../../../src/model/tf';
import { messageGraphFromPairs } from '../../../src/model/messageGraph';
import { GraphOperators } from '../../../src/model/graphOperators';
import { GnnModel } from '../../../src/model/model';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS, SEED_MODEL } from '../../../src/settings/schema';
import type { SeedGcnLayer } from '../../../src/model/layers/seedGcn';
import type { SparseMode } from '../../../src/model/sparseOps';

/** 5 nodes: 1 is the hub of 0, 2, 3; node 4 is isolated. */
export const TINY_PAIRS = { a: Int32Array.from([0, 1, 1]), b: Int32Array.from([1, 2, 3]) };
export const TINY_X = [
  [1, 0],
  [0, 1],
  [1, 1],
  [2, -1],
  [3, 3],
];
export const TINY_W1 = [
  [1, -1],
  [0.5, 2],
];
export const TINY_B1 = [0.1, -0.2];
export const TINY_W2 = [
  [2, 0],
  [1, 1],
];
export const TINY_B2 = [0, 0.5];

export function tinyOperators(mode: SparseMode): GraphOperators {
  return new GraphOperators(messageGraphFromPairs(5, TINY_PAIRS.a, TINY_PAIRS.b), mode);
}

/** The seed GCN on the tiny graph with the weights above. */
export function tinySeedModel(): GnnModel {
  const model = new GnnModel({ ...DEFAULT_MODEL_SETTINGS, ...SEED_MODEL, hidden: 2, features: 'learned' }, 5, new Rng(1));
  model.features.embedding!.assign(tf.tensor2d(TINY_X));
  const [l1, l2] = model.layers as SeedGcnLayer[];
  l1.linear.weight.assign(tf.tensor2d(TINY_W1));
  l1.linear.bias!.assign(tf.tensor1d(TINY_B1));
  l2.linear.weight.assign(tf.tensor2d(TINY_W2));
  l2.linear.bias!.assign(tf.tensor1d(TINY_B2));
  return model;
}

/** Random seed-GCN model on a random graph (for gradient and equivalence checks). */
export function randomSetup(n: number, m: number, seed: number, hidden = 4) {
  const rng = new Rng(seed);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < m; i++) {
    const u = rng.int(n);
    let v = rng.int(n);
    if (u === v) v = (v + 1) % n;
    a.push(Math.min(u, v));
    b.push(Math.max(u, v));
  }
  const pairs = { a: Int32Array.from(a), b: Int32Array.from(b) };
  const model = new GnnModel({ ...DEFAULT_MODEL_SETTINGS, ...SEED_MODEL, hidden, features: 'learned' }, n, rng.fork(1));
  return { pairs, model, graph: messageGraphFromPairs(n, pairs.a, pairs.b) };
}
