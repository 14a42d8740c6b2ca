import * as tf from '../../../src/model/tf';
import { describe, expect, it } from 'vitest';
import { communities } from '../../helpers/graphs';
import { DEFAULT_MODEL_SETTINGS, SEED_MODEL } from '../../../src/settings/schema';
import { LinkTrainer, pairLogits } from '../../../src/model/tasks/linkTrainer';

describe('LinkTrainer', () => {
  it('keeps tf.memory().numTensors flat over 20 epochs, evaluation and candidates included', async () => {
    const t = new LinkTrainer(communities(60, 1, { between: 0.02 }), { ...DEFAULT_MODEL_SETTINGS, hidden: 8 }, 'cpu');
    await t.runEpoch();
    await t.candidates(5, await t.embeddings());
    await t.knownEdgeProbabilities(await t.embeddings());
    const after1 = tf.memory().numTensors;
    for (let e = 0; e < 19; e++) {
      await t.runEpoch();
      await t.candidates(5, await t.embeddings());
      await t.knownEdgeProbabilities(await t.embeddings());
    }
    expect(tf.memory().numTensors).toBe(after1);
    t.dispose();
  });

  it('trains the same with dense and sparse aggregation over several epochs', async () => {
    const g = communities(40, 6, { between: 0.02 });
    const losses: number[][] = [];
    for (const aggregation of ['sparse', 'dense'] as const) {
      const t = new LinkTrainer(g, { ...DEFAULT_MODEL_SETTINGS, hidden: 8, aggregation }, 'cpu');
      expect(t.aggregationMode).toBe(aggregation);
      const run: number[] = [];
      for (let e = 0; e < 4; e++) run.push((await t.runEpoch()).loss);
      losses.push(run);
      t.dispose();
    }
    losses[1].forEach((l, i) => expect(l).toBeCloseTo(losses[0][i], 5));
  });

  it('trains the same through the dense link loss (dot decoder, N × N weights) as through gathered pairs, without leaks', async () => {
    const g = communities(40, 8, { between: 0.02 });
    const runs: { mode: string; losses: number[] }[] = [];
    for (const aggregation of ['sparse', 'dense'] as const) {
      const t = new LinkTrainer(g, { ...DEFAULT_MODEL_SETTINGS, hidden: 8, decoder: 'dot', aggregation }, 'cpu');
      const losses = [await t.trainEpoch()];
      const tensors = tf.memory().numTensors;
      for (let e = 0; e < 4; e++) losses.push(await t.trainEpoch());
      expect(tf.memory().numTensors).toBe(tensors);
      runs.push({ mode: t.lossMode, losses });
      t.dispose();
    }
    expect(runs.map((r) => r.mode)).toEqual(['gathered', 'dense']);
    runs[1].losses.forEach((l, i) => expect(Math.abs(l - runs[0].losses[i])).toBeLessThan(1e-5));
  });

  it('learns: validation AUROC rises well above chance on a graph with communities', async () => {
    const t = new LinkTrainer(communities(80, 2, { between: 0.02 }), { ...DEFAULT_MODEL_SETTINGS, hidden: 16 }, 'cpu');
    let last = await t.runEpoch();
    for (let e = 0; e < 40; e++) last = await t.runEpoch();
    expect(last.valAuroc).toBeGreaterThan(0.75);
    t.dispose();
  });

  it('gives the same numbers for the same seed, and different ones for another seed', async () => {
    const g = communities(50, 3, { between: 0.02 });
    const run = async (seed: number) => {
      const t = new LinkTrainer(g, { ...DEFAULT_MODEL_SETTINGS, hidden: 8, seed }, 'cpu');
      const r = [await t.runEpoch(), await t.runEpoch(), await t.runEpoch()].map((x) => [x.loss, x.valAuroc]);
      t.dispose();
      return r;
    };
    expect(await run(5)).toEqual(await run(5));
    expect(await run(5)).not.toEqual(await run(6));
  });

  it('draws the same negatives when the next step is prepared during this one (the GPU overlap)', async () => {
    const g = communities(50, 7, { between: 0.02 });
    const run = async (overlap: boolean) => {
      const t = new LinkTrainer(g, { ...DEFAULT_MODEL_SETTINGS, hidden: 8 }, 'cpu');
      expect(t.overlapHostWork).toBe(false); // cpu runs synchronously: nothing to overlap
      t.overlapHostWork = overlap;
      const losses: number[] = [];
      for (let e = 0; e < 5; e++) losses.push(await t.trainEpoch());
      t.dispose();
      return losses;
    };
    const plain = await run(false);
    expect(await run(true)).toEqual(plain);
    expect(new Set(plain).size).toBe(5);
  });

  it('reports candidates that are unknown pairs, strongest first, with the model’s own scores', async () => {
    const g = communities(40, 4, { between: 0.02 });
    // The dot decoder, so the brute force below can score pairs itself (the MLP case: candidates.test.ts).
    const t = new LinkTrainer(g, { ...DEFAULT_MODEL_SETTINGS, ...SEED_MODEL, hidden: 8 }, 'cpu');
    for (let e = 0; e < 5; e++) await t.runEpoch();
    const h = await t.embeddings();
    const c = await t.candidates(10, h);
    const known = new Set(Array.from(g.edgeSrc, (a, i) => `${a}-${g.edgeDst[i]}`));
    expect(c).toHaveLength(10);
    // Brute force over all unknown pairs: the 10th best score must equal the reported 10th.
    const all: number[] = [];
    for (let a = 0; a < 40; a++)
      for (let b = a + 1; b < 40; b++) if (!known.has(`${a}-${b}`)) all.push(pairLogits(h, 8, { a: Int32Array.of(a), b: Int32Array.of(b) })[0]);
    all.sort((x, y) => y - x);
    c.forEach((p, i) => {
      expect(known.has(`${p.a}-${p.b}`)).toBe(false);
      expect(p.score).toBeCloseTo(all[i], 4);
    });
    t.dispose();
  });

  it('stops with a clear message when the loss diverges', async () => {
    const t = new LinkTrainer(communities(30, 5, { between: 0.02 }), { ...DEFAULT_MODEL_SETTINGS, hidden: 8, learningRate: 1e30 }, 'cpu');
    await expect(async () => {
      for (let e = 0; e < 20; e++) await t.trainEpoch();
    }).rejects.toThrow(/loss became/);
    t.dispose();
  });
});
