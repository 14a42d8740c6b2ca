/**
 * The type task's trainer on tiny graphs: the seeded split keeps each typed pair's direction (a pair
 * listed both ways with two types is two examples), mini-batches (steps per epoch, seeded, no leaks),
 * and a directed signal only the MLP head on [h_a ‖ h_b] can learn.
 */
import * as tf from '../../../src/model/tf';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { TypeTrainer, splitTypedPairs, uniqueUndirected } from '../../../src/model/tasks/typeTrainer';
import type { TrainingGraph } from '../../../src/model/tasks/trainerBase';
import { captureCheckpoint, restoreCheckpoint } from '../../../src/model/checkpoint';

const small = (over: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, task: 'type', hidden: 8, patience: 0, ...over });

/**
 * n drugs, pairs i < j with j − i in `gaps`, each listed both ways: head before tail in a hidden
 * ranking (drug i's rank is 7i mod n) → type "up", else "down". The undirected edges say nothing about the type.
 */
function rankedPairs(n: number, gaps: number[] = Array.from({ length: n }, (_, k) => k + 1)): TrainingGraph {
  const src: number[] = [];
  const dst: number[] = [];
  const head: number[] = [];
  const tail: number[] = [];
  const type: number[] = [];
  const rank = (i: number) => (7 * i) % n;
  for (let i = 0; i < n; i++)
    for (const gap of gaps) {
      const j = i + gap;
      if (j >= n) continue;
      src.push(i);
      dst.push(j);
      for (const [h, t] of [
        [i, j],
        [j, i],
      ]) {
        head.push(h);
        tail.push(t);
        type.push(rank(h) < rank(t) ? 0 : 1);
      }
    }
  return {
    numNodes: n,
    edgeSrc: Int32Array.from(src),
    edgeDst: Int32Array.from(dst),
    edgeType: Int32Array.from(src, () => 0),
    edgeTypes: ['up', 'down'],
    typedPairs: { head: Int32Array.from(head), tail: Int32Array.from(tail), type: Int32Array.from(type) },
  };
}

const triples = (p: { a: Int32Array; b: Int32Array; type: Int32Array }) => Array.from(p.a, (a, i) => `${a}>${p.b[i]}:${p.type[i]}`);

describe('type task: direction', () => {
  it('the seeded split holds every typed pair as listed, (a, b) and (b, a) both, in exactly one part', () => {
    const g = rankedPairs(9);
    const s = splitTypedPairs(g, 3);
    const all = [...triples(s.train), ...triples(s.val), ...triples(s.test)];
    expect(all.sort()).toEqual(triples({ a: g.typedPairs!.head, b: g.typedPairs!.tail, type: g.typedPairs!.type }).sort());
    expect(new Set(all).size).toBe(9 * 8);
  });

  it('the new-drug splits use the directed pairs too', () => {
    const g = rankedPairs(30);
    const s = splitTypedPairs(g, 1, 0.2, 'new-drug-one');
    const trainDrugs = new Set([...s.train.a, ...s.train.b]);
    for (const p of [s.val, s.test]) p.a.forEach((a, i) => expect(trainDrugs.has(a) && trainDrugs.has(p.b[i])).toBe(false));
    // Both directions of a held-out pair are held out together.
    const test = new Set(triples(s.test).map((t) => t.split(':')[0]));
    for (const t of test) expect(test.has(t.split('>').reverse().join('>'))).toBe(true);
  });

  it('messages flow over each training pair once, whichever directions were listed', () => {
    const u = uniqueUndirected(4, Int32Array.from([0, 1, 2, 3]), Int32Array.from([1, 0, 3, 1]));
    expect(Array.from(u.a)).toEqual([0, 2, 1]);
    expect(Array.from(u.b)).toEqual([1, 3, 3]);
  });

  it('a directed signal: the MLP head on [h_a ‖ h_b] learns it, the symmetric DistMult head cannot', async () => {
    // Sparse, so that one GCN layer does not average every drug into the same vector.
    const g = rankedPairs(40, [1, 2, 5]);
    const accuracy = async (decoder: 'mlp' | 'distmult') => {
      const t = new TypeTrainer(g, small({ decoder, layers: 1, hidden: 16, learningRate: 0.02, batchSize: 64 }), 'cpu');
      let last = await t.runEpoch();
      for (let e = 0; e < 40; e++) last = await t.runEpoch();
      t.dispose();
      return last.testAccuracy!;
    };
    expect(await accuracy('mlp')).toBeGreaterThan(0.8);
    // (a, b) and (b, a) get the same logits, and their types differ: at most one of each pair is right.
    expect(await accuracy('distmult')).toBeLessThan(0.65);
  });
});

describe('type task: mini-batches', () => {
  it('one optimiser step per batch of training pairs, seeded, no tensor leaks; batchSize 0 is one step', async () => {
    const g = rankedPairs(12);
    const run = async (batchSize: number) => {
      const t = new TypeTrainer(g, small({ batchSize, dropout: 0.3 }), 'cpu');
      const count = t.typeSplit.train.a.length;
      const r1 = await t.runEpoch();
      const before = tf.memory().numTensors;
      const r2 = await t.runEpoch();
      expect(tf.memory().numTensors).toBe(before);
      const steps = t.optimizerSteps;
      expect(steps).toBe(2 * t.stepsPerEpoch);
      expect(t.stepsPerEpoch).toBe(batchSize === 0 ? 1 : Math.ceil(count / batchSize));
      t.dispose();
      return [r1.loss, r2.loss, r2.valAccuracy];
    };
    const a = await run(10);
    expect(await run(10)).toEqual(a);
    expect(await run(0)).not.toEqual(a);
  });

  it('a checkpoint restores the batch shuffles and the head’s dropout masks: the resumed run repeats the numbers', async () => {
    const g = rankedPairs(12);
    const settings = small({ batchSize: 10, dropout: 0.3 });
    const straight = new TypeTrainer(g, settings, 'cpu');
    await straight.runEpoch();
    const cp = await captureCheckpoint(straight);
    const expected = await straight.runEpoch();
    straight.dispose();
    const resumed = new TypeTrainer(g, settings, 'cpu');
    await restoreCheckpoint(resumed, cp);
    const got = await resumed.runEpoch();
    expect([got.loss, got.valAccuracy]).toEqual([expected.loss, expected.valAccuracy]);
    resumed.dispose();
  });
});
