/**
 * The trainer worker's checkpoint() and restore(): a checkpoint asked for while Play runs is taken
 * between two epochs (never half an epoch), and a second service set up on the same graph and
 * settings and given it trains on with exactly the numbers of the run that went on.
 */
import * as tf from '../../../src/model/tf';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrugGraph } from '../../../src/data/graph';
import { communities } from '../../helpers/graphs';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import type { TrainerCheckpoint } from '../../../src/model/checkpointFormat';
import type { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import type { TrainerUpdate } from '../../../src/workers/protocol';
import { TrainerService } from '../../../src/workers/trainerService';

afterEach(() => tf.disposeVariables());

const settings: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, hidden: 8, epochs: 12, candidates: 5, dropout: 0.2, batchSize: 40 };
const g = communities(40, 3);
const graph: DrugGraph = { name: 'C', nodes: g.nodes!, edgeSrc: g.edgeSrc, edgeDst: g.edgeDst, edgeTypes: [] };

async function started(): Promise<TrainerService> {
  const service = new TrainerService();
  await service.init('cpu');
  await service.setup(graph, settings);
  return service;
}

describe('TrainerService checkpoint() and restore()', () => {
  it('a checkpoint taken during Play resumes in another service with the same losses', async () => {
    const a = await started();
    const trainer = (a as unknown as { trainer: LinkTrainer }).trainer;
    // On a GPU an epoch awaits the device between its optimiser steps and its epoch count; the cpu
    // backend answers at once, so a pause stands in for that gap: a checkpoint must not land in it.
    const internals = trainer as unknown as { epochSteps(): Promise<number> };
    const steps = internals.epochSteps.bind(trainer);
    internals.epochSteps = async () => {
      const loss = await steps();
      await new Promise((r) => setTimeout(r, 30));
      return loss;
    };
    const losses = new Map<number, number>();
    let cp: Promise<TrainerCheckpoint> | null = null;
    await a.play((u: TrainerUpdate) => {
      if (u.metrics) losses.set(u.metrics.epoch, u.metrics.loss);
      // Asked for while the next epoch runs, as the page's saver may.
      if (u.metrics?.epoch === 5) setTimeout(() => (cp = a.checkpoint()), 10);
    });
    expect(losses.size).toBe(12);
    const saved = await cp!;
    // Taken between epochs: the epoch count and Adam's steps agree.
    expect(trainer.stepsPerEpoch).toBeGreaterThan(1);
    expect(saved.epoch).toBe(6);
    expect(saved.optimizer.iterations).toBe(saved.epoch * trainer.stepsPerEpoch);

    const b = await started();
    const view = await b.restore(saved);
    expect(view.status).toBe('paused');
    expect(view.edgeProbabilities!.length).toBe(graph.edgeSrc.length);
    for (let e = saved.epoch + 1; e <= 12; e++) {
      const u = await b.step();
      expect(u.metrics!.epoch).toBe(e);
      expect(u.metrics!.loss).toBe(losses.get(e));
    }
  });

  it('a checkpoint of other settings is refused and the model stays', async () => {
    const a = await started();
    await a.step();
    const cp = await a.checkpoint();
    const b = new TrainerService();
    await b.init('cpu');
    await b.setup(graph, { ...settings, model: 'sage' });
    await b.step();
    await expect(b.restore(cp)).rejects.toThrow(/settings differ: model="gcn" \(now "sage"\)/);
    expect((await b.step()).metrics!.epoch).toBe(2);
  });
});
