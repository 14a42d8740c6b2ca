/**
 * The ogbl-ddi recipe settings besides the loss: k negatives per positive (count, grouping, seeded),
 * edge dropout (seeded per epoch, kept pairs' operators normalised as the dense formula, evaluation
 * on all pairs, no leaks), jumping knowledge (every mode against dense formulas, gradients), and
 * the new rows' defaults being today's behaviour.
 */
import * as tf from '../../../src/model/tf';
import { afterAll, describe, expect, it } from 'vitest';
import { pickNegatives } from '../../../src/model/batches';
import { csrToDense } from '../../../src/model/csr';
import { keptPairs } from '../../../src/model/edgeDropout';
import type { GraphOperators } from '../../../src/model/graphOperators';
import type { KipfGcnLayer } from '../../../src/model/layers/gcn';
import { GnnModel } from '../../../src/model/model';
import { Rng } from '../../../src/model/rng';
import { PairSet, type Pairs } from '../../../src/model/split';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { DEFAULT_MODEL_SETTINGS, SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { JK_MODES } from '../../../src/settings/options';
import { addRow, adjacency, expectClose, gcnNorm, hcat, matmul, relu, type M } from './dense';
import { TINY_PAIRS, tinyOperators } from './fixtures';
import { checkGradients } from './gradCheck';
import { communities } from './recipeFixtures';
import { recordTrainingCalls } from './trainingCalls';

const settings = (over: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, hidden: 8, ...over });
const pairKeys = (p: Pairs): string[] => Array.from(p.a, (a, i) => `${a}-${p.b[i]}`);

/** The pairs the decoder scored in training (positives, then negatives, per step). */
const recordScoredPairs = (t: LinkTrainer): Pairs[] => recordTrainingCalls(t).pairs;

describe('negatives per positive', () => {
  const graph = communities(40, 7);

  it('draws k fresh non-training pairs per positive, the same for the same seed, new each epoch', async () => {
    const run = async (negatives: number, seed = 0) => {
      const t = new LinkTrainer(graph, settings({ negatives, decoder: 'mlp', seed }), 'cpu');
      const calls = recordScoredPairs(t);
      await t.trainEpoch();
      await t.trainEpoch();
      const train = new PairSet(graph.numNodes).addAll(t.split.trainPos);
      const count = t.split.trainPos.a.length;
      t.dispose();
      return { calls, train, count };
    };
    const { calls, train, count } = await run(4);
    expect(calls.map((p) => p.a.length)).toEqual([count, 4 * count, count, 4 * count]);
    for (const neg of [calls[1], calls[3]]) for (let i = 0; i < neg.a.length; i++) expect(train.has(neg.a[i], neg.b[i])).toBe(false);
    expect(pairKeys(calls[3])).not.toEqual(pairKeys(calls[1]));
    const again = await run(4);
    expect(pairKeys(again.calls[1])).toEqual(pairKeys(calls[1]));
    expect(pairKeys(again.calls[3])).toEqual(pairKeys(calls[3]));
    expect(pairKeys((await run(4, 1)).calls[1])).not.toEqual(pairKeys(calls[1]));
    // One per positive is the draw's first `count` pairs: the default's negatives are today's.
    expect(pairKeys((await run(1)).calls[1])).toEqual(pairKeys(calls[1]).slice(0, count));
  });

  it('mini-batches take each positive’s own k negatives along', async () => {
    const whole = new LinkTrainer(graph, settings({ negatives: 3, decoder: 'mlp' }), 'cpu');
    const wholeCalls = recordScoredPairs(whole);
    await whole.trainEpoch();
    whole.dispose();
    const negOf = new Map<string, string[]>();
    const [pos, neg] = wholeCalls;
    pairKeys(pos).forEach((key, i) => negOf.set(key, pairKeys(neg).slice(3 * i, 3 * i + 3)));

    const batched = new LinkTrainer(graph, settings({ negatives: 3, decoder: 'mlp', batchSize: 16 }), 'cpu');
    const calls = recordScoredPairs(batched);
    await batched.trainEpoch();
    expect(calls).toHaveLength(2 * batched.stepsPerEpoch);
    batched.dispose();
    for (let s = 0; s < calls.length; s += 2) {
      const negKeys = pairKeys(calls[s + 1]);
      expect(negKeys).toHaveLength(3 * calls[s].a.length);
      pairKeys(calls[s]).forEach((key, i) => expect(negKeys.slice(3 * i, 3 * i + 3)).toEqual(negOf.get(key)));
    }
  });

  it('pickNegatives copies each picked positive’s group of k', () => {
    const neg = { a: Int32Array.from([0, 1, 2, 3, 4, 5]), b: Int32Array.from([10, 11, 12, 13, 14, 15]) };
    const got = pickNegatives(neg, Int32Array.from([2, 0]), 2);
    expect([...got.a, ...got.b]).toEqual([4, 5, 0, 1, 14, 15, 10, 11]);
  });
});

describe('edge dropout', () => {
  const many = { a: Int32Array.from({ length: 20_000 }, (_, i) => i), b: Int32Array.from({ length: 20_000 }, (_, i) => i + 1) };

  it('keeps each pair with probability 1 − fraction, the same pairs for the same (seed, epoch), others for another epoch', () => {
    const kept = keptPairs(many, 0.3, 9, 0);
    expect(kept.a.length / many.a.length).toBeGreaterThan(0.68);
    expect(kept.a.length / many.a.length).toBeLessThan(0.72);
    // A subsequence of the pairs, both ends of a pair kept together.
    for (let i = 0; i < kept.a.length; i++) expect(kept.b[i]).toBe(kept.a[i] + 1);
    expect(pairKeys(keptPairs(many, 0.3, 9, 0))).toEqual(pairKeys(kept));
    expect(pairKeys(keptPairs(many, 0.3, 9, 1))).not.toEqual(pairKeys(kept));
    expect(pairKeys(keptPairs(many, 0.3, 10, 0))).not.toEqual(pairKeys(kept));
    expect(keptPairs(many, 0, 9, 0)).toBe(many);
  });

  it('trains over the epoch’s kept pairs with their own GCN normalisation, evaluates over all, without leaking tensors', async () => {
    const graph = communities(40, 3);
    const t = new LinkTrainer(graph, settings({ edgeDropout: 0.5, model: 'gcn' }), 'cpu');
    const used: { ops: GraphOperators; training: boolean }[] = [];
    const model = t.model!;
    const forward = model.forward.bind(model);
    model.forward = (ops, training = false) => (used.push({ ops, training }), forward(ops, training));
    const train = new PairSet(graph.numNodes).addAll(t.split.trainPos);
    const trainCount = t.split.trainPos.a.length;
    const keptSets: string[][] = [];
    let tensorsAfterFirst = 0;
    for (let e = 0; e < 3; e++) {
      used.length = 0;
      await t.runEpoch();
      if (e === 0) tensorsAfterFirst = tf.memory().numTensors;
      else expect(tf.memory().numTensors).toBe(tensorsAfterFirst);
      const trainingOps = used.filter((u) => u.training).map((u) => u.ops);
      const evalOps = used.filter((u) => !u.training).map((u) => u.ops);
      expect(trainingOps).toHaveLength(1);
      expect(evalOps.length).toBeGreaterThan(0);
      for (const ops of evalOps) expect(ops).toBe(t.operators);
      const g = trainingOps[0].graph;
      // Message edges: both directions of the kept pairs, all of them training pairs, about half of them.
      const half = g.src.length / 2;
      expect(half / trainCount).toBeGreaterThan(0.35);
      expect(half / trainCount).toBeLessThan(0.65);
      const a = g.src.subarray(0, half);
      const b = g.dst.subarray(0, half);
      expect([...g.src.subarray(half)]).toEqual([...b]);
      for (let i = 0; i < half; i++) expect(train.has(a[i], b[i])).toBe(true);
      keptSets.push(pairKeys({ a, b }));
      // Normalisation from the kept graph's degrees: D^-1/2 (A_kept + I) D^-1/2.
      const dense = csrToDense(trainingOps[0].neighbourhood('gcn').matrix);
      const want = gcnNorm(adjacency(graph.numNodes, a, b));
      const got: M = want.map((row, r) => Array.from(dense.subarray(r * row.length, (r + 1) * row.length)));
      expectClose(got, want);
    }
    expect(keptSets[1]).not.toEqual(keptSets[0]);
    t.dispose();
  });

  it('is seeded: two runs with the same seed give the same losses', async () => {
    const graph = communities(30, 4);
    const run = async () => {
      const t = new LinkTrainer(graph, settings({ edgeDropout: 0.4 }), 'cpu');
      const losses = [await t.trainEpoch(), await t.trainEpoch()];
      t.dispose();
      return losses;
    };
    expect(await run()).toEqual(await run());
  });
});

describe('jumping knowledge against dense formulas', () => {
  afterAll(() => tf.disposeVariables());
  const N = 5;
  const A = gcnNorm(adjacency(N, TINY_PAIRS.a, TINY_PAIRS.b));
  const rng = new Rng(31);
  const X: M = Array.from({ length: N }, () => [rng.normal(), rng.normal(), rng.normal()]);
  const arr = (v: tf.Tensor) => v.arraySync() as M;

  /** A 3-layer Kipf GCN over the tiny graph with input X and non-zero biases. */
  function model(jk: ModelSettings['jk']): GnnModel {
    const m = new GnnModel(settings({ model: 'gcn', hidden: 3, layers: 3, jk, features: 'learned' }), N, new Rng(8));
    m.features.embedding!.assign(tf.tensor2d(X));
    (m.layers as KipfGcnLayer[]).forEach((l, i) => l.bias.assign(tf.tensor1d([0.1 * (i + 1), -0.2, 0.3])));
    return m;
  }

  /** Each layer's output by hand: relu(Â H W + b) for the hidden layers, the last one without relu. */
  function layerOutputs(m: GnnModel): M[] {
    const outs: M[] = [];
    let h = X;
    (m.layers as KipfGcnLayer[]).forEach((l, i) => {
      const z = addRow(matmul(matmul(A, h), arr(l.linear.weight)), l.bias.arraySync() as number[]);
      h = i < m.layers.length - 1 ? relu(z) : z;
      outs.push(h);
    });
    return outs;
  }

  const expected: Record<ModelSettings['jk'], (outs: M[], m: GnnModel) => M> = {
    last: (outs) => outs[2],
    sum: (outs) => outs[0].map((row, i) => row.map((x, j) => x + outs[1][i][j] + outs[2][i][j])),
    max: (outs) => outs[0].map((row, i) => row.map((x, j) => Math.max(x, outs[1][i][j], outs[2][i][j]))),
    cat: (outs, m) => addRow(matmul(hcat(hcat(outs[0], outs[1]), outs[2]), arr(m.jkLinear!.weight)), m.jkLinear!.bias!.arraySync() as number[]),
  };

  for (const jk of JK_MODES) {
    it(`${jk}: forward values and finite-difference gradients`, () => {
      const m = model(jk);
      const ops = tinyOperators('sparse');
      const out = tf.tidy(() => m.forward(ops));
      expect(out.shape).toEqual([N, 3]);
      expectClose(arr(out), expected[jk](layerOutputs(m), m));
      out.dispose();
      const r = tf.tensor2d(Array.from({ length: N }, () => [rng.normal(), rng.normal(), rng.normal()]));
      expect(checkGradients(() => tf.sum(tf.mul(m.forward(ops), r)), m.variables())).toBeGreaterThan(10);
      // Only 'cat' has weights of its own (after the layers', so saved models keep their order).
      expect(m.variables()).toHaveLength(jk === 'cat' ? 1 + 3 * 2 + 2 : 1 + 3 * 2);
      r.dispose();
      ops.dispose();
      m.dispose();
    });
  }

  it('last is the plain stack: the same initial weights with jk last, sum or max', () => {
    const weights = (jk: ModelSettings['jk']) => {
      const m = model(jk);
      const w = m.variables().map((v) => Array.from(v.dataSync()));
      m.dispose();
      return w;
    };
    expect(weights('sum')).toEqual(weights('last'));
    expect(weights('cat').slice(0, 7)).toEqual(weights('last'));
  });
});

describe('the recipe rows default to today’s behaviour', () => {
  it('last, bce, 1 negative, no edge dropout; marked added later (old models read as these)', () => {
    expect([SETTINGS.jk, SETTINGS.loss, SETTINGS.negatives, SETTINGS.edgeDropout].map((r) => [r.defaultValue, r.addedLater])).toEqual([
      ['last', true],
      ['bce', true],
      [1, true],
      [0, true],
    ]);
    expect(SETTINGS.hidden.parse('512')).toEqual({ value: 512 });
  });

  it('with the defaults, training passes messages over all training pairs (the same operators as evaluation)', async () => {
    const t = new LinkTrainer(communities(30, 2), settings({}), 'cpu');
    const seen: GraphOperators[] = [];
    const model = t.model!;
    const forward = model.forward.bind(model);
    model.forward = (ops, training = false) => (seen.push(ops), forward(ops, training));
    await t.runEpoch();
    expect(seen.length).toBeGreaterThan(1);
    for (const ops of seen) expect(ops).toBe(t.operators);
    expect(t.operators.graph.src.length).toBe(2 * t.split.trainPos.a.length);
    t.dispose();
  });
});
