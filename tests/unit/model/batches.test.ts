/**
 * Mini-batch link training (settings.batchSize): the batches cover every training positive once per
 * epoch, one Adam step per batch, batch size ≥ #pairs is exactly the full-batch run, and no tensors leak.
 */
import * as tf from '../../../src/model/tf';
import { describe, expect, it } from 'vitest';
import { batchIndices, pickPairs } from '../../../src/model/batches';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { PairSet } from '../../../src/model/split';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { communities } from './recipeFixtures';
import { recordTrainingCalls } from './trainingCalls';

const settings = (over: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, model: 'seed-gcn', decoder: 'dot', hidden: 8, ...over });

describe('batchIndices', () => {
  it('covers 0..count−1 once in ⌈count / size⌉ batches, the last one shorter', () => {
    const b = batchIndices(10, 4, new Rng(1));
    expect(b.map((x) => x.length)).toEqual([4, 4, 2]);
    expect([...b.flatMap((x) => [...x])].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Shuffled, not in order (the chance of the identity permutation is 1 / 10!).
    expect(b.flatMap((x) => [...x])).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('is one batch in the original order, drawing no random numbers, for size 0 or ≥ count', () => {
    for (const size of [0, 10, 11]) {
      const rng = new Rng(5);
      expect(batchIndices(10, size, rng).map((x) => [...x])).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
      expect(rng.next()).toBe(new Rng(5).next());
    }
  });

  it('picks pairs by index', () => {
    const p = { a: Int32Array.from([0, 1, 2]), b: Int32Array.from([5, 6, 7]) };
    const q = pickPairs(p, Int32Array.from([2, 0]));
    expect([...q.a, ...q.b]).toEqual([2, 0, 7, 5]);
  });
});

describe('LinkTrainer with mini-batches', () => {
  const graph = communities(50, 3);

  it('batch size ≥ #training pairs gives exactly the full-batch run', async () => {
    const run = async (batchSize: number) => {
      const t = new LinkTrainer(graph, settings({ batchSize }), 'cpu');
      const out: number[][] = [];
      for (let e = 0; e < 3; e++) {
        const r = await t.runEpoch();
        out.push([r.loss, r.valAuroc, r.testAuroc]);
      }
      out.push([t.optimizerSteps]);
      t.dispose();
      return out;
    };
    const full = await run(0);
    const count = new LinkTrainer(graph, settings({}), 'cpu');
    const n = count.split.trainPos.a.length;
    count.dispose();
    expect(await run(n)).toEqual(full);
    expect(await run(n + 100)).toEqual(full);
    expect(full.at(-1)).toEqual([3]);
    const half = await run(Math.ceil(n / 2));
    expect(half.at(-1)).toEqual([6]);
    expect(half[0][0]).not.toBe(full[0][0]);
  });

  it('takes ⌈#pairs / batch⌉ Adam steps per epoch, each on a disjoint batch of positives with as many fresh negatives', async () => {
    for (const decoder of ['dot', 'mlp'] as const) {
      const t = new LinkTrainer(graph, settings({ batchSize: 64, decoder }), 'cpu');
      const n = t.split.trainPos.a.length;
      const steps = Math.ceil(n / 64);
      expect(t.stepsPerEpoch).toBe(steps);
      // What the decoder scored during training: positives then negatives of each step.
      const calls = recordTrainingCalls(t).pairs;
      await t.trainEpoch();
      expect(t.optimizerSteps).toBe(steps);
      expect(calls).toHaveLength(2 * steps);
      const train = new PairSet(graph.numNodes).addAll(t.split.trainPos);
      const seen = new PairSet(graph.numNodes);
      for (let s = 0; s < steps; s++) {
        const [pos, neg] = [calls[2 * s], calls[2 * s + 1]];
        expect(pos.a.length).toBe(s < steps - 1 ? 64 : n - 64 * (steps - 1));
        expect(neg.a.length).toBe(pos.a.length);
        for (let i = 0; i < pos.a.length; i++) {
          expect(train.has(pos.a[i], pos.b[i])).toBe(true);
          expect(seen.has(pos.a[i], pos.b[i])).toBe(false);
          seen.add(pos.a[i], pos.b[i]);
          expect(train.has(neg.a[i], neg.b[i])).toBe(false);
        }
      }
      expect(seen.size).toBe(n);
      await t.trainEpoch();
      expect(t.optimizerSteps).toBe(2 * steps);
      expect(t.epoch).toBe(2);
      t.dispose();
    }
  });

  it('learns, and keeps tf.memory().numTensors flat across epochs', async () => {
    const t = new LinkTrainer(communities(80, 2), settings({ hidden: 16, batchSize: 100, decoder: 'mlp' }), 'cpu');
    let last = await t.runEpoch();
    const after1 = tf.memory().numTensors;
    for (let e = 0; e < 15; e++) {
      last = await t.runEpoch();
      expect(tf.memory().numTensors).toBe(after1);
    }
    expect(t.stepsPerEpoch).toBeGreaterThan(3);
    expect(last.valAuroc).toBeGreaterThan(0.75);
    t.dispose();
  });
});
