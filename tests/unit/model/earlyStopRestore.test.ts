/**
 * Early stopping puts the best validation epoch's weights back: the trainer's embeddings and
 * metrics afterwards are bitwise those computed right after the best epoch (cpu), for every task;
 * the kept copy costs one set of weights (none without early stopping) and no tensor leaks.
 */
import * as tf from '../../../src/model/tf';
import { describe, expect, it } from 'vitest';
import { communities } from '../../helpers/graphs';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { createTrainer } from '../../../src/model/tasks';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import type { EpochResult, TrainerBase } from '../../../src/model/tasks/trainerBase';

const settings = (over: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, hidden: 8, ...over });

/** Trains until early stopping (or `max` epochs), keeping each epoch's result and embeddings. */
async function runToStop(t: TrainerBase, max = 300) {
  const results = new Map<number, EpochResult>();
  const embeddings = new Map<number, Float32Array>();
  while (!t.stopReason && t.epoch < max) {
    const r = await t.runEpoch();
    results.set(r.epoch, r);
    // Taken right after the epoch, before the next one trains (the stopping epoch's are taken after the restore).
    embeddings.set(r.epoch, await t.embeddings());
  }
  return { results, embeddings };
}

describe('early stopping restores the best epoch’s weights', () => {
  for (const task of ['link', 'type', 'node'] as const) {
    it(`${task}: afterwards the embeddings and metrics are bitwise the best epoch’s`, async () => {
      const t = createTrainer(communities(40, 7), settings({ task, patience: 4, learningRate: 0.05 }), 'cpu');
      const { results, embeddings } = await runToStop(t);
      expect(t.earlyStop, 'the run should stop early').not.toBeNull();
      const best = t.best!;
      const last = t.epoch;
      expect(last - best.epoch).toBe(4);

      const now = await t.embeddings();
      expect(now).toEqual(embeddings.get(best.epoch));
      expect(t.weightsEpoch).toBe(best.epoch);
      expect(t.stopReason).toMatch(new RegExp(`the best was at epoch ${best.epoch}, whose weights the model holds again`));
      // Not trivially so: the epoch before the stop (no restore yet) had other weights.
      expect(embeddings.get(last - 1)).not.toEqual(now);
      // Head variables (decoder / classifier) are restored too: evaluation gives the best epoch's numbers exactly.
      const again = await t.evaluate(now);
      const { epoch: _e, loss: _l, ms: _m, ...bestMetrics } = results.get(best.epoch)!;
      expect(again).toEqual(bestMetrics);
      t.dispose();
    });
  }

  it('restores once: an epoch stepped after the stop trains on from the best weights', async () => {
    const t = new LinkTrainer(communities(40, 7), settings({ patience: 4, learningRate: 0.05 }), 'cpu');
    const { embeddings } = await runToStop(t);
    const bestEpoch = t.best!.epoch;
    await t.runEpoch();
    expect(t.weightsEpoch).toBe(t.epoch);
    expect(await t.embeddings()).not.toEqual(embeddings.get(bestEpoch));
    t.dispose();
  });
});

describe('the kept copy of the best weights', () => {
  it('keeps tf.memory().numTensors flat over epochs that improve and epochs that do not, through the stop', async () => {
    const before = tf.memory().numTensors;
    const t = new LinkTrainer(communities(60, 3), settings({ patience: 12, learningRate: 0.05 }), 'cpu');
    const counts: number[] = [];
    const improved: boolean[] = [];
    let bestEpoch = 0;
    while (!t.stopReason && t.epoch < 300) {
      await t.runEpoch();
      await t.knownEdgeProbabilities(await t.embeddings());
      improved.push(t.best!.epoch !== bestEpoch);
      bestEpoch = t.best!.epoch;
      counts.push(tf.memory().numTensors);
    }
    expect(t.earlyStop).not.toBeNull();
    // Both kinds of epoch happened after the first, so both code paths were counted.
    expect(improved.slice(1).filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(improved.slice(1).filter((x) => !x).length).toBeGreaterThanOrEqual(12);
    expect(new Set(counts)).toEqual(new Set([counts[0]]));
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('costs one tensor per trainable variable with early stopping on, and none with it off', async () => {
    const g = communities(40, 5);
    const count = async (patience: number) => {
      const before = tf.memory().numTensors;
      const t = new LinkTrainer(g, settings({ patience }), 'cpu');
      await t.runEpoch();
      const n = tf.memory().numTensors - before;
      const variables = t.model!.variables().length + t.decoder.variables().length;
      t.dispose();
      return { n, variables };
    };
    const off = await count(0);
    const on = await count(30);
    expect(on.n - off.n).toBe(on.variables);
    expect(on.variables).toBeGreaterThan(0);
  });
});
