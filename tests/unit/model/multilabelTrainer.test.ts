import { describe, expect, it } from 'vitest';
import * as tf from '../../../src/model/tf';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { createTrainer } from '../../../src/model/tasks';
import { balancedBce, labelledPairsOf, MultilabelTrainer, splitLabelledPairs } from '../../../src/model/tasks/multilabelTrainer';
import type { TrainingGraph } from '../../../src/model/tasks/trainerBase';

/**
 * Two groups of 30 drugs, most pairs inside a group. Every pair has the label of its kind ("A–A",
 * "B–B" or "A–B") and, for half the pairs chosen at random, "noise": the first three are learnable
 * from the graph's structure, the last is not.
 */
function twoGroups(seed = 3): TrainingGraph {
  const n = 60;
  const rng = new Rng(seed);
  const seen = new Set<number>();
  const src: number[] = [];
  const dst: number[] = [];
  while (src.length < 360) {
    const u = rng.int(n);
    const sameGroup = rng.next() < 0.85;
    const v = sameGroup ? (u < 30 ? rng.int(30) : 30 + rng.int(30)) : u < 30 ? 30 + rng.int(30) : rng.int(30);
    const lo = Math.min(u, v);
    const hi = Math.max(u, v);
    if (u === v || seen.has(lo * n + hi)) continue;
    seen.add(lo * n + hi);
    src.push(lo);
    dst.push(hi);
  }
  const kind = (e: number) => (dst[e] < 30 ? 0 : src[e] >= 30 ? 1 : 2);
  const edge: number[] = [];
  const label: number[] = [];
  src.forEach((_, e) => {
    edge.push(e);
    label.push(kind(e));
    if (rng.next() < 0.5) {
      edge.push(e);
      label.push(3);
    }
  });
  return {
    numNodes: n,
    edgeSrc: Int32Array.from(src),
    edgeDst: Int32Array.from(dst),
    edgeType: Int32Array.from(src, (_, e) => kind(e)),
    edgeTypes: ['A–A', 'B–B', 'A–B', 'noise'],
    pairLabels: { edge: Int32Array.from(edge), label: Int32Array.from(label) },
  };
}

const settings = (over: Partial<ModelSettings> = {}): ModelSettings => ({
  ...DEFAULT_MODEL_SETTINGS,
  task: 'multilabel',
  hidden: 16,
  layers: 2,
  learningRate: 0.02,
  patience: 0,
  ...over,
});

describe('multilabel pairs and split', () => {
  it('each labelled pair once with all its labels; the seeded split partitions them and keeps the labels', () => {
    const g = twoGroups();
    const all = labelledPairsOf(g);
    expect(all.a.length).toBe(360);
    expect(all.labels.length).toBe(g.pairLabels!.edge.length);
    const key = (a: number, b: number) => `${a}-${b}`;
    const labelsOf = new Map<string, string>();
    for (let i = 0; i < all.a.length; i++) labelsOf.set(key(all.a[i], all.b[i]), Array.from(all.labels.subarray(all.offset[i], all.offset[i + 1])).join(','));
    const split = splitLabelledPairs(g, 4);
    expect([split.train, split.val, split.test].map((p) => p.a.length)).toEqual([360 - 18 - 36, 18, 36]);
    const seen = new Set<string>();
    for (const p of [split.train, split.val, split.test]) {
      for (let i = 0; i < p.a.length; i++) {
        const k = key(p.a[i], p.b[i]);
        expect(seen.has(k)).toBe(false);
        seen.add(k);
        expect(Array.from(p.labels.subarray(p.offset[i], p.offset[i + 1])).join(',')).toBe(labelsOf.get(k));
      }
    }
    expect(seen.size).toBe(360);
    expect(splitLabelledPairs(g, 4).test.a).toEqual(split.test.a);
    expect(splitLabelledPairs(g, 5).test.a).not.toEqual(split.test.a);
  });

  it('refuses a graph without labels, naming what it needs', () => {
    const g = { numNodes: 3, edgeSrc: Int32Array.of(0), edgeDst: Int32Array.of(1) };
    expect(() => labelledPairsOf(g)).toThrow(/pairs with labels/);
  });
});

describe('balancedBce', () => {
  const loss = async (z: number[], y: number[]) => {
    const t = balancedBce(tf.tensor1d(z), Float32Array.from(y));
    const v = (await t.data())[0];
    t.dispose();
    return v;
  };
  const softplus = (x: number) => Math.log1p(Math.exp(x));

  it('weighs the positive and the negative cells half each (hand-computed)', async () => {
    // positive z = 0: log 2; negatives z = 2, −1: softplus(2), softplus(−1) → ½ log 2 + ½ (mean of the two)
    expect(await loss([0, 2, -1], [1, 0, 0])).toBeCloseTo(0.5 * Math.log(2) + 0.25 * (softplus(2) + softplus(-1)), 5);
    expect(await loss([0, 2, -1], [1, 0, 0])).toBeCloseTo(0.9566210149202716, 5);
  });

  it('is the plain mean when every cell is negative, and stable for large logits', async () => {
    expect(await loss([2, -1, 0.5], [0, 0, 0])).toBeCloseTo((softplus(2) + softplus(-1) + softplus(0.5)) / 3, 5);
    expect(await loss([80, -80], [1, 0])).toBeCloseTo(0, 5);
    expect(Number.isFinite(await loss([-80, 80], [1, 0]))).toBe(true);
  });
});

describe('MultilabelTrainer', () => {
  it('is what createTrainer builds for the task; its held-out random pairs are no known pair', () => {
    const g = twoGroups();
    const t = createTrainer(g, settings(), 'cpu') as MultilabelTrainer;
    try {
      expect(t).toBeInstanceOf(MultilabelTrainer);
      const known = new Set(Array.from(g.edgeSrc, (a, i) => a * 60 + g.edgeDst[i]));
      for (const p of [t.heldOutNegatives.val, t.heldOutNegatives.test]) {
        for (let i = 0; i < p.a.length; i++) expect(known.has(p.a[i] * 60 + p.b[i])).toBe(false);
      }
      expect(t.heldOutNegatives.test.a.length).toBe(t.labelSplit.test.a.length);
    } finally {
      t.dispose();
    }
  });

  it('gives a pair one answer: the MLP head’s logits are the same for (a, b) and (b, a)', async () => {
    const t = new MultilabelTrainer(twoGroups(), settings(), 'cpu');
    try {
      const h = tf.randomNormal([60, 16], 0, 1, 'float32', 1) as tf.Tensor2D;
      const ab = t.logits(h, { a: Int32Array.of(1, 7), b: Int32Array.of(40, 9) });
      const ba = t.logits(h, { a: Int32Array.of(40, 9), b: Int32Array.of(1, 7) });
      const [x, y] = [await ab.data(), await ba.data()];
      expect(Array.from(x).every((v, i) => Math.abs(v - y[i]) < 1e-6)).toBe(true);
      tf.dispose([h, ab, ba]);
    } finally {
      t.dispose();
    }
  });

  it('learns the structural labels: the loss falls, the test labels rank well, tensors stay flat across epochs', async () => {
    const t = new MultilabelTrainer(twoGroups(), settings(), 'cpu');
    try {
      const first = await t.runEpoch();
      await t.runEpoch();
      const tensors = tf.memory().numTensors;
      let last = first;
      for (let e = 0; e < 25; e++) {
        last = await t.runEpoch();
        expect(tf.memory().numTensors).toBe(tensors);
      }
      const report = await t.testReport(await t.embeddings());
      const byName = new Map(report.perLabel.map((s) => [s.name, s]));
      // Balanced BCE starts near log 2 and roughly halves in 25 epochs here.
      expect(last.loss).toBeLessThan(first.loss * 0.6);
      // The group labels are learnable; "noise" (a coin flip per pair) is only known-pair vs random pair.
      for (const name of ['A–A', 'B–B']) {
        expect(byName.get(name)!.auroc).toBeGreaterThan(0.85);
        expect(byName.get(name)!.auroc).toBeGreaterThan(byName.get('noise')!.auroc);
      }
      expect(report.summary.scored).toBe(4);
      expect(last.testAuroc).toBeCloseTo(report.summary.mean.auroc, 6);
      expect(last.testAp50).toBeGreaterThan(0);
    } finally {
      t.dispose();
    }
  }, 60_000);

  it('mini-batches: one step per batch, and the same seed gives the same run', async () => {
    const run = async () => {
      const t = new MultilabelTrainer(twoGroups(), settings({ batchSize: 100 }), 'cpu');
      try {
        const losses = [];
        for (let e = 0; e < 3; e++) losses.push((await t.runEpoch()).loss);
        expect(t.optimizerSteps).toBe(3 * Math.ceil(t.labelSplit.train.a.length / 100));
        return losses;
      } finally {
        t.dispose();
      }
    };
    expect(await run()).toEqual(await run());
  });
});
