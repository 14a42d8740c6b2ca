/**
 * "Why this prediction": gradient × input shares are shares (non-negative, sum to 1 over all nodes),
 * and, for a bias-free model, every level's signed values sum to 2·score (the score is positively
 * homogeneous of degree 2 in the vectors: Euler's theorem), whatever the depth or layer kind.
 */
import * as tf from '../../../src/model/tf';
import { afterEach, describe, expect, it } from 'vitest';
import { messageGraphFromPairs } from '../../../src/model/messageGraph';
import { GraphOperators } from '../../../src/model/graphOperators';
import { GnnModel } from '../../../src/model/model';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import { createLinkDecoder } from '../../../src/model/decoders';
import { decoderPairScore, explainPair } from '../../../src/model/teach/attribution';
import { hopRings } from '../../../src/model/teach/neighbourhood';

afterEach(() => tf.disposeVariables());

const A = Int32Array.from([0, 0, 1, 2, 3, 4, 5, 6, 2]);
const B = Int32Array.from([1, 2, 3, 4, 5, 6, 7, 7, 5]);

function zeroBiases(model: GnnModel) {
  for (const v of model.variables()) if (v.rank === 1) v.assign(tf.zerosLike(v));
}

describe('explainPair', () => {
  for (const kind of ['seed-gcn', 'gcn', 'sage', 'gat'] as const) {
    it(`${kind}: levels sum to 2·score without biases (not GAT); shares are shares`, async () => {
      const model = new GnnModel({ ...DEFAULT_MODEL_SETTINGS, model: kind, hidden: 4, heads: 2, layers: 2 }, 9, new Rng(4));
      zeroBiases(model);
      const ops = new GraphOperators(messageGraphFromPairs(9, A, B), 'sparse');
      const r = await explainPair(model, ops, 0, 7, 100);
      const h = tf.tidy(() => model.forward(ops).arraySync());
      const s = h[0].reduce((acc, x, k) => acc + x * h[7][k], 0);
      expect(r.score).toBeCloseTo(s, 5);
      expect(r.levels).toHaveLength(2);
      for (const lv of r.levels) {
        // Attention's softmax is not homogeneous, so Euler's identity holds for the others only.
        if (kind !== 'gat') expect(Math.abs(lv.total - 2 * r.score)).toBeLessThan(1e-3 * Math.max(1, Math.abs(r.score)));
        const shares = lv.top.reduce((acc, t) => acc + t.share, 0);
        expect(shares).toBeCloseTo(1, 5); // topK covers every node here
        for (const t of lv.top) expect(t.share).toBeGreaterThanOrEqual(0);
      }
      // Nothing outside the pair's receptive field can contribute.
      const field = new Set([0, 7, ...hopRings(ops.graph, 0, 2).flat(), ...hopRings(ops.graph, 7, 2).flat()]);
      for (const lv of r.levels) for (const t of lv.top) expect(field.has(t.node)).toBe(true);
      // Edges run from attributed nodes toward the pair and are message edges.
      const edges = new Set(Array.from(ops.graph.src, (u, i) => `${u}>${ops.graph.dst[i]}`));
      for (const e of r.edges) expect(edges.has(`${e.source}>${e.target}`)).toBe(true);
      expect(r.edges.some((e) => e.target === 0 || e.target === 7)).toBe(true);
      if (kind === 'gat') expect(r.edges.some((e) => e.attention !== undefined)).toBe(true);
      ops.dispose();
      model.dispose();
    });
  }

  it('the last hidden level only credits direct neighbours of the pair (seed GCN: no self term)', async () => {
    const model = new GnnModel({ ...DEFAULT_MODEL_SETTINGS, model: 'seed-gcn', hidden: 4 }, 9, new Rng(2));
    const ops = new GraphOperators(messageGraphFromPairs(9, A, B), 'sparse');
    const r = await explainPair(model, ops, 0, 7, 100);
    const direct = new Set([...hopRings(ops.graph, 0, 1)[0], ...hopRings(ops.graph, 7, 1)[0]]);
    for (const t of r.levels[1].top) expect(direct.has(t.node)).toBe(true);
    ops.dispose();
    model.dispose();
  });

  for (const kind of ['mlp', 'distmult'] as const) {
    it(`explains the ${kind} decoder's own score; bias-free, levels still sum to 2·score`, async () => {
      const model = new GnnModel({ ...DEFAULT_MODEL_SETTINGS, model: 'gcn', hidden: 4, layers: 2 }, 9, new Rng(6));
      const decoder = createLinkDecoder(kind, 4, new Rng(7));
      zeroBiases(model);
      if (kind === 'mlp') {
        // Hand-set, bias-free: some hidden units active whatever the signs of h_a ⊙ h_b.
        const [w1, b1, w2, b2] = decoder.variables();
        w1.assign(
          tf.tensor2d([
            [1, 0.5, 0, -0.3],
            [0.2, -1, -0.4, 0],
            [0, -0.3, 1, 0.2],
            [-0.1, 0, 0.5, -1],
          ]),
        );
        w2.assign(tf.tensor2d([[1], [-0.5], [0.8], [0.6]]));
        b1.assign(tf.zerosLike(b1));
        b2.assign(tf.zerosLike(b2));
      }
      if (kind === 'distmult') decoder.variables()[0].assign(tf.tensor1d([0.5, -1, 2, 1.5]));
      const ops = new GraphOperators(messageGraphFromPairs(9, A, B), 'sparse');
      const r = await explainPair(model, ops, 0, 7, 100, decoderPairScore(decoder));
      const own = tf.tidy(() => decoder.score(model.forward(ops), { a: Int32Array.of(0), b: Int32Array.of(7) }).arraySync()[0]);
      const dot = tf.tidy(() => {
        const h = model.forward(ops).arraySync();
        return h[0].reduce((acc, x, k) => acc + x * h[7][k], 0);
      });
      expect(r.score).toBeCloseTo(own, 5);
      expect(Math.abs(r.score)).toBeGreaterThan(1e-3); // a real score, so the sums below are not 0 = 0
      expect(Math.abs(r.score - dot)).toBeGreaterThan(1e-3); // not the dot product
      expect(r.probability).toBeCloseTo(1 / (1 + Math.exp(-own)), 6);
      for (const lv of r.levels) expect(Math.abs(lv.total - 2 * r.score)).toBeLessThan(1e-3 * Math.max(1, Math.abs(r.score)));
      ops.dispose();
      model.dispose();
      decoder.dispose();
    });
  }
});
