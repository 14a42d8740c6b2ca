/**
 * The stepper's numbers recombine to the model's own output: for every layer kind the model offers,
 * several nodes and depths, the messages v received recombine (with the aggregator the explanation
 * names) to m_v, the update's spelled-out terms add up to the pre-activation, the activation gives
 * h_v, which is the next layer's input, and the last one is the model's forward output for v.
 */
import * as tf from '../../../src/model/tf';
import { afterEach, describe, expect, it } from 'vitest';
import { messageGraphFromPairs } from '../../../src/model/messageGraph';
import { GraphOperators } from '../../../src/model/graphOperators';
import { LAYER_KINDS, type LayerKind } from '../../../src/settings/options';
import { GnnModel } from '../../../src/model/model';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS, SEED_MODEL, type ModelSettings } from '../../../src/settings/schema';
import { PairSet } from '../../../src/model/split';
import { combine, weightedSum } from '../../../src/model/teach/aggregation';
import { explainNode } from '../../../src/model/teach/explainNode';
import type { LayerExplanation, NodeExplanation } from '../../../src/model/teach/types';

/** A random undirected graph with one isolated node (the last) and no duplicate pairs. */
function randomGraph(n: number, m: number, seed: number) {
  const rng = new Rng(seed);
  const seen = new PairSet(n);
  const a: number[] = [];
  const b: number[] = [];
  while (a.length < m) {
    const u = rng.int(n - 1);
    const v = rng.int(n - 1);
    if (u === v || seen.has(u, v)) continue;
    seen.add(u, v);
    a.push(Math.min(u, v));
    b.push(Math.max(u, v));
  }
  return { pairs: { a: Int32Array.from(a), b: Int32Array.from(b) }, known: seen };
}

// A failed test must not leave named variables behind for the next one.
afterEach(() => tf.disposeVariables());

const lookup = (known: PairSet) => ({ known: (x: number, y: number) => known.has(x, y), train: (x: number, y: number) => known.has(x, y) });

function close(a: number[], b: ArrayLike<number>, tol = 1e-5) {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(Math.abs(x - b[i])).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]))));
}

function checkLayer(l: LayerExplanation, kind: string) {
  // AGG recombines.
  expect(l.aggregator, `${kind} layer ${l.layer}: aggregator`).not.toBe('unknown');
  const msgs = l.neighbours.map((n) => n.message);
  const d = l.aggregated.length;
  const recombined =
    l.aggregator === 'gcn' || l.aggregator === 'attention'
      ? weightedSum(
          msgs,
          d,
          l.neighbours.map((n) => n.weight!),
        )
      : combine(l.aggregator as 'mean' | 'sum' | 'max', msgs, d);
  close(recombined, l.aggregated);
  for (const t of l.aggregationTerms) expect(t.values).toEqual(msgs.map((m) => m[t.component]));
  // UPDATE recombines (GIN's MLP is not a single Linear: it shows the traced vectors only).
  if (kind === 'gin') expect(l.update).toBeNull();
  else {
    expect(l.update, `${kind} layer ${l.layer}: update`).not.toBeNull();
    for (const c of l.update!.components) {
      const sum = c.parts.reduce((s, p) => s + p.terms.reduce((t, x) => t + x.product, 0) + p.restSum, 0) + c.bias;
      expect(Math.abs(sum - c.pre)).toBeLessThan(1e-4 * Math.max(1, Math.abs(c.pre)));
      expect(c.pre).toBe(l.pre[c.component]);
      for (const p of c.parts) for (const t of p.terms) expect(t.product).toBeCloseTo(t.x * t.w, 6);
    }
  }
  // Activation.
  if (l.activation === 'relu')
    close(
      l.post,
      l.pre.map((x) => Math.max(0, x)),
      0,
    );
  else expect(l.activation).toBe('identity');
}

function checkExplanation(e: NodeExplanation, kind: string, forward: number[][], v: number) {
  e.layers.forEach((l, i) => {
    checkLayer(l, kind);
    if (i > 0) expect(l.input).toEqual(e.layers[i - 1].post);
    expect(l.activation).toBe(i < e.layers.length - 1 ? 'relu' : 'identity');
  });
  expect(e.output).toEqual(e.layers.at(-1)!.post);
  close(e.output, forward[v]);
  // Output: the dot-product decoder on the explained vectors.
  const p = e.decoder.partner;
  const s = e.output.reduce((acc, x, k) => acc + x * forward[p][k], 0);
  expect(Math.abs(e.decoder.score - s)).toBeLessThan(1e-4 * Math.max(1, Math.abs(s)));
  expect(e.decoder.probability).toBeCloseTo(1 / (1 + Math.exp(-e.decoder.score)), 10);
  const termSum = e.decoder.terms.reduce((acc, t) => acc + t.product, 0) + e.decoder.restSum;
  expect(Math.abs(termSum - e.decoder.score)).toBeLessThan(1e-4 * Math.max(1, Math.abs(s)));
}

interface Case {
  name: string;
  settings: Partial<ModelSettings>;
}

const CASES: Case[] = [
  ...LAYER_KINDS.filter((k) => k !== 'mpnn').map((k: LayerKind) => ({ name: k, settings: { model: k } })),
  ...(LAYER_KINDS.includes('mpnn')
    ? (['sum', 'mean', 'max'] as const).flatMap((aggregator) =>
        (['replace', 'add', 'concat'] as const).map((update) => ({
          name: `mpnn ${aggregator}/${update}`,
          settings: { model: 'mpnn' as LayerKind, aggregator, update },
        })),
      )
    : []),
];

describe('explainNode recombines to the model output', () => {
  for (const c of CASES) {
    for (const layers of [2, 3]) {
      it(`${c.name}, ${layers} layers, several nodes, sparse and dense aggregation`, async () => {
        const n = 14;
        const { pairs, known } = randomGraph(n, 24, 5 + layers);
        const settings = { ...DEFAULT_MODEL_SETTINGS, hidden: 6, heads: 2, layers, ...c.settings };
        const model = new GnnModel(settings, n, new Rng(layers * 17 + 3));
        for (const mode of ['sparse', 'dense'] as const) {
          const ops = new GraphOperators(messageGraphFromPairs(n, pairs.a, pairs.b), mode);
          const forward = tf.tidy(() => model.forward(ops).arraySync());
          const before = tf.memory().numTensors;
          for (const v of [0, 3, 7, n - 1]) {
            const e = await explainNode(model, ops, v, lookup(known), { components: [0, 2, 5] });
            expect(e.layers).toHaveLength(layers);
            checkExplanation(e, String(settings.model), forward, v);
            // The last node is isolated: no messages (self-loop aggregators still see v itself).
            if (v === n - 1) for (const l of e.layers) expect(l.neighbours.filter((x) => !x.self)).toHaveLength(0);
          }
          expect(tf.memory().numTensors).toBe(before); // nothing leaked
          ops.dispose();
        }
        model.dispose();
      });
    }
  }
});

describe('explainNode on the hand-computed seed GCN (5 nodes)', () => {
  it('names the mean, spells out W m + b and ReLU, and reports hops and partners', async () => {
    const a = Int32Array.from([0, 1, 1]);
    const b = Int32Array.from([1, 2, 3]);
    const model = new GnnModel({ ...DEFAULT_MODEL_SETTINGS, ...SEED_MODEL, hidden: 2 }, 5, new Rng(1));
    const emb = model.features.embedding!;
    emb.assign(
      tf.tensor2d([
        [1, 0],
        [0, 1],
        [1, 1],
        [2, -1],
        [3, 3],
      ]),
    );
    const lin = model.layers.map((l) => (l as unknown as { linear: { weight: tf.Variable; bias: tf.Variable } }).linear);
    lin[0].weight.assign(
      tf.tensor2d([
        [1, -1],
        [0.5, 2],
      ]),
    );
    lin[0].bias.assign(tf.tensor1d([0.1, -0.2]));
    lin[1].weight.assign(
      tf.tensor2d([
        [2, 0],
        [1, 1],
      ]),
    );
    lin[1].bias.assign(tf.tensor1d([0, 0.5]));
    const ops = new GraphOperators(messageGraphFromPairs(5, a, b), 'sparse');
    const known = new PairSet(5);
    for (let i = 0; i < a.length; i++) known.add(a[i], b[i]);
    const e = await explainNode(model, ops, 1, lookup(known));
    const [l1, l2] = e.layers;
    expect(l1.aggregator).toBe('mean');
    expect(l1.neighbours.map((x) => x.node).sort()).toEqual([0, 2, 3]);
    close(l1.aggregated, [4 / 3, 0]);
    close(l1.pre, [4 / 3 + 0.1, -4 / 3 - 0.2]);
    close(l1.post, [4 / 3 + 0.1, 0]);
    expect(l1.update!.parts).toEqual([expect.objectContaining({ name: 'linear', input: 'aggregated', identity: false })]);
    expect(l1.update!.components[0].bias).toBeCloseTo(0.1, 6);
    close(e.output, [3, 2.3]);
    expect(l2.aggregationTerms[0]).toEqual({
      component: 0,
      values: [0.6000000238418579, expect.closeTo(0.6, 6), expect.closeTo(0.6, 6)],
      result: expect.closeTo(0.6, 6),
    });
    expect(e.hops).toEqual([[0, 2, 3], []]);
    // Node 4 is the only non-partner of 1; its output is [0, 0.5] → score 1.15.
    expect(e.decoder.strongestUnknown).toBe(4);
    expect(e.decoder.partner).toBe(4);
    expect(e.decoder.status).toBe('unknown');
    expect(e.decoder.score).toBeCloseTo(1.15, 5);
    expect(e.decoder.knownPartners.map((p) => p.node).sort()).toEqual([0, 2, 3]);
    const withPartner = await explainNode(model, ops, 1, lookup(known), { partner: 0 });
    expect(withPartner.decoder.status).toBe('train');
    expect(withPartner.decoder.rankAmongKnown).toBe(1);
    ops.dispose();
    model.dispose();
  });
});
