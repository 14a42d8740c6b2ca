/**
 * A checkpoint holds the whole training state: training k epochs in one go and training j, saving,
 * building a fresh trainer from the same graph and settings, restoring and training k − j more give
 * bitwise the same losses and metrics on cpu (dropout masks, mini-batch shuffles, Adam's moments and
 * early stopping's kept weights included), with no tensor left behind.
 */
import * as tf from '../../../src/model/tf';
import { describe, expect, it } from 'vitest';
import { communities } from '../../helpers/graphs';
import { captureCheckpoint, restoreCheckpoint } from '../../../src/model/checkpoint';
import { checkpointBytes, packCheckpoint, unpackCheckpoint, type TrainerCheckpoint } from '../../../src/model/checkpointFormat';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { createTrainer } from '../../../src/model/tasks';
import type { EpochResult, TrainerBase } from '../../../src/model/tasks/trainerBase';

const graph = communities(40, 7);
const settings = (over: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, hidden: 8, patience: 0, ...over });

/** The epochs' numbers without their timing. */
async function train(t: TrainerBase, epochs: number): Promise<Omit<EpochResult, 'ms'>[]> {
  const out: Omit<EpochResult, 'ms'>[] = [];
  for (let i = 0; i < epochs && !t.stopReason; i++) {
    const { ms: _ms, ...rest } = await t.runEpoch();
    out.push(rest);
  }
  return out;
}

/** What the trainer knows about its run, timings left out. */
function runState(t: TrainerBase) {
  const { ms: _ms, ...best } = t.best ?? { ms: 0 };
  return { epoch: t.epoch, weightsEpoch: t.weightsEpoch, best, earlyStop: t.earlyStop, stop: t.stopReason };
}

async function resumeMatches(s: ModelSettings, k: number, j: number, packed = false) {
  const before = tf.memory().numTensors;
  const straight = createTrainer(graph, s, 'cpu');
  const expected = await train(straight, k);
  const expectedEmbeddings = await straight.embeddings();
  const expectedState = runState(straight);
  straight.dispose();

  const first = createTrainer(graph, s, 'cpu');
  const head = await train(first, j);
  // Through structured clone, as IndexedDB stores it, or packed into one Blob as the page stores it.
  const captured = await captureCheckpoint(first);
  const cp: TrainerCheckpoint = packed ? await unpackCheckpoint(packCheckpoint(captured)) : structuredClone(captured);
  first.dispose();

  const resumed = createTrainer(graph, s, 'cpu');
  await restoreCheckpoint(resumed, cp);
  expect(resumed.epoch).toBe(j);
  const tail = await train(resumed, k - j);
  expect([...head, ...tail]).toEqual(expected);
  expect(await resumed.embeddings()).toEqual(expectedEmbeddings);
  expect(runState(resumed)).toEqual(expectedState);
  resumed.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return { cp, expected };
}

describe('trainer checkpoints resume with the same numbers', () => {
  it('link, full batch, dropout: 4 + 4 epochs equal 8', async () => {
    const { cp } = await resumeMatches(settings({ dropout: 0.3 }), 8, 4);
    expect(cp.optimizer.iterations).toBe(4);
    expect(cp.optimizer.moments.length).toBe(2 * cp.variables.length);
    expect(checkpointBytes(cp)).toBe(3 * cp.variables.reduce((s, v) => s + v.values.byteLength, 0));
  });

  it('link, mini-batches, dropout: the shuffles go on where they stopped', async () => {
    const { cp } = await resumeMatches(settings({ dropout: 0.2, batchSize: 30 }), 6, 3);
    expect(cp.optimizer.iterations).toBeGreaterThan(3); // several Adam steps per epoch
    expect(cp.rngStates.length).toBe(2);
  });

  it('link, ogbl-ddi recipe settings (auc loss, 3 negatives, edge dropout, jk cat, batches): 3 + 3 epochs equal 6', async () => {
    await resumeMatches(settings({ loss: 'auc', negatives: 3, edgeDropout: 0.3, jk: 'cat', batchSize: 30, decoder: 'mlp' }), 6, 3);
  });

  it('link with early stopping: the kept best weights and the stop come back', async () => {
    // Best at epoch 13, stop at 21: saved at 15, between the two, so the restore at the stop needs the kept copy.
    const s = settings({ patience: 8, learningRate: 0.05 });
    const { cp, expected } = await resumeMatches(s, 200, 15);
    expect(cp.bestWeights).not.toBeNull();
    expect(cp.best!.epoch).toBeLessThan(15);
    expect(expected.length).toBeLessThan(200); // the run did stop early after the resume
  });

  it('packed into one Blob and back (the form the page stores), with early stopping’s kept weights', async () => {
    const { cp } = await resumeMatches(settings({ patience: 8, learningRate: 0.05 }), 200, 15, true);
    expect(cp.bestWeights).not.toBeNull();
    const packed = packCheckpoint(cp);
    expect(packed.data.size).toBe(checkpointBytes(cp));
    expect(checkpointBytes(packed)).toBe(checkpointBytes(cp));
    expect(packed.meta.variables[0].values.length).toBe(0);
    await expect(unpackCheckpoint({ ...packed, data: packed.data.slice(0, 8) })).rejects.toThrow(/holds 2 numbers, its header lists/);
  });

  it('node classification, dropout: 3 + 3 epochs equal 6', async () => {
    await resumeMatches(settings({ task: 'node', dropout: 0.3 }), 6, 3);
  });

  it('a checkpoint that does not fit is refused with the reason, and the trainer is untouched', async () => {
    const t = createTrainer(graph, settings({}), 'cpu');
    await train(t, 2);
    const cp = await captureCheckpoint(t);
    t.dispose();
    const other = createTrainer(graph, settings({ hidden: 16 }), 'cpu');
    const before = await other.embeddings();
    const tensors = tf.memory().numTensors;
    await expect(restoreCheckpoint(other, cp)).rejects.toThrow(/settings differ: hidden=8 \(now 16\)/);
    expect(await other.embeddings()).toEqual(before);
    expect(other.epoch).toBe(0);
    expect(tf.memory().numTensors).toBe(tensors);
    await expect(restoreCheckpoint(other, { ...cp, format: 'x' } as unknown as TrainerCheckpoint)).rejects.toThrow(/not a training checkpoint/);
    other.dispose();
  });

  it('a checkpoint saved before a setting existed restores when the setting is at its default, not otherwise', async () => {
    const t = createTrainer(graph, settings({}), 'cpu');
    await train(t, 2);
    const cp = await captureCheckpoint(t);
    const embeddings = await t.embeddings();
    t.dispose();
    const { testFraction: _dropped, ...older } = cp.settings;
    const oldCp = { ...cp, settings: older as ModelSettings };
    const same = createTrainer(graph, settings({}), 'cpu');
    await restoreCheckpoint(same, oldCp);
    expect(await same.embeddings()).toEqual(embeddings);
    same.dispose();
    const other = createTrainer(graph, settings({ testFraction: 0.2 }), 'cpu');
    await expect(restoreCheckpoint(other, oldCp)).rejects.toThrow(/settings differ: testFraction=undefined \(now 0.2\)/);
    other.dispose();
  });

  it('restoring into a trainer that already trained replaces its state without leaking', async () => {
    const s = settings({});
    const a = createTrainer(graph, s, 'cpu');
    await train(a, 2);
    const cp = await captureCheckpoint(a);
    const expected = await train(a, 2);
    a.dispose();
    const b = createTrainer(graph, s, 'cpu');
    await train(b, 5);
    const tensors = tf.memory().numTensors;
    await restoreCheckpoint(b, cp);
    expect(tf.memory().numTensors).toBe(tensors);
    expect(await train(b, 2)).toEqual(expected);
    b.dispose();
  });
});
