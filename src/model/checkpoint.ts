/**
 * A trainer's whole training state as plain typed arrays and JSON (structured-clone friendly, for
 * IndexedDB): the variables, Adam's step count, bias-correction powers and moments, the epoch
 * counters, early stopping's best epoch and kept weights, and the states of the random streams
 * training still draws from (dropout masks, mini-batch shuffles). Restored into a fresh trainer
 * built from the same graph and settings, the run goes on with exactly the numbers it would have had
 * (cpu); the training negatives need nothing saved: epoch k's are a pure function of (seed, k).
 */
import * as tf from './tf';
import { CHECKPOINT_FORMAT, settingsDiffer, type SavedTensor, type TrainerCheckpoint } from './checkpointFormat';
import type { TrainerBase } from './tasks/trainerBase';

/** Adam's private bias-correction accumulators (tfjs keeps them as scalar variables). */
interface AdamInternals {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
}

async function save(t: tf.Tensor): Promise<SavedTensor> {
  return { shape: [...t.shape], values: Float32Array.from((await t.data()) as Float32Array) };
}

/** Reads the trainer's state (asynchronous reads: no GPU stall). Call between epochs. */
export async function captureCheckpoint(trainer: TrainerBase): Promise<TrainerCheckpoint> {
  const variables = await Promise.all(trainer.variables().map(save));
  const weights = await trainer.optimizer.getWeights();
  const [iter, ...moments] = weights;
  const internals = trainer.optimizer as unknown as AdamInternals;
  const optimizer = {
    iterations: trainer.optimizer.iterations,
    accBeta1: (await internals.accBeta1.data())[0],
    accBeta2: (await internals.accBeta2.data())[0],
    moments: await Promise.all(moments.map((m) => save(m.tensor))),
  };
  iter.tensor.dispose(); // a fresh scalar; the moments are Adam's own variables
  const kept = trainer.keptBestWeights;
  return {
    format: CHECKPOINT_FORMAT,
    settings: { ...trainer.settings },
    numNodes: trainer.graph.numNodes,
    epoch: trainer.epoch,
    weightsEpoch: trainer.weightsEpoch,
    variables,
    optimizer,
    best: trainer.best ? { ...trainer.best } : null,
    bestWeights: kept ? await Promise.all(kept.map(save)) : null,
    earlyStop: trainer.earlyStop ? { ...trainer.earlyStop } : null,
    stopReason: trainer.stopReason,
    rngStates: trainer.randomStreams().map((r) => r.state),
  };
}

const shapeText = (s: number[]) => `[${s.join('×')}]`;

/** Why the checkpoint cannot go into this trainer, or null when it fits. */
export function checkpointMismatch(trainer: TrainerBase, cp: TrainerCheckpoint): string | null {
  if (cp?.format !== CHECKPOINT_FORMAT) return `not a training checkpoint (format ${JSON.stringify(cp?.format)}, expected ${CHECKPOINT_FORMAT})`;
  if (cp.numNodes !== trainer.graph.numNodes) return `it was saved on a graph of ${cp.numNodes} drugs, this one has ${trainer.graph.numNodes}`;
  const differ = settingsDiffer(trainer.settings, cp.settings);
  if (differ.length > 0)
    return `its settings differ: ${differ.map((k) => `${k}=${JSON.stringify(cp.settings?.[k])} (now ${JSON.stringify(trainer.settings[k])})`).join(', ')}`;
  const vars = trainer.variables();
  if (cp.variables.length !== vars.length) return `it holds ${cp.variables.length} weight tensors, this model has ${vars.length}`;
  for (const [i, v] of vars.entries()) {
    const saved = cp.variables[i];
    if (saved.shape.join() !== v.shape.join() || saved.values.length !== v.size) {
      return `weight ${i + 1} (${v.name}) is ${shapeText(saved.shape)} in the checkpoint, ${shapeText(v.shape)} in this model`;
    }
  }
  const m = cp.optimizer.moments.length;
  if (m !== 0 && m !== 2 * vars.length) return `it holds ${m} optimiser moments, this model needs ${2 * vars.length}`;
  if (cp.bestWeights && cp.bestWeights.length !== vars.length) return `its best-epoch weights hold ${cp.bestWeights.length} tensors, not ${vars.length}`;
  if (cp.rngStates.length !== trainer.randomStreams().length)
    return `it holds ${cp.rngStates.length} random streams, this trainer draws from ${trainer.randomStreams().length}`;
  return null;
}

/**
 * Puts a checkpoint's state into a trainer built from the same graph and settings (normally fresh).
 * Checks everything first, so a mismatch throws with the reason and leaves the trainer as it was.
 */
export async function restoreCheckpoint(trainer: TrainerBase, cp: TrainerCheckpoint): Promise<void> {
  const problem = checkpointMismatch(trainer, cp);
  if (problem) throw new Error(`This checkpoint does not fit the model: ${problem}.`);
  const vars = trainer.variables();
  tf.tidy(() => vars.forEach((v, i) => v.assign(tf.tensor(cp.variables[i].values, v.shape, v.dtype))));

  // setWeights does not free the moments Adam may already hold: free them first (the iteration scalar too).
  tf.dispose((await trainer.optimizer.getWeights()).map((w) => w.tensor));
  const o = cp.optimizer;
  const named = [
    { name: 'iter', tensor: tf.scalar(o.iterations, 'int32') },
    ...o.moments.map((m, i) => ({ name: `${vars[i % vars.length].name}/${i < vars.length ? 'm' : 'v'}`, tensor: tf.tensor(m.values, m.shape) })),
  ];
  await trainer.optimizer.setWeights(named);
  // Adam made variables sharing these tensors' data; the tensors themselves can go.
  tf.dispose(named.map((w) => w.tensor));
  const internals = trainer.optimizer as unknown as AdamInternals;
  tf.tidy(() => {
    internals.accBeta1.assign(tf.scalar(o.accBeta1));
    internals.accBeta2.assign(tf.scalar(o.accBeta2));
  });

  trainer.setKeptBestWeights(cp.bestWeights ? cp.bestWeights.map((w) => tf.tensor(w.values, w.shape)) : null);
  trainer.epoch = cp.epoch;
  trainer.weightsEpoch = cp.weightsEpoch;
  trainer.best = cp.best ? { ...cp.best } : null;
  trainer.earlyStop = cp.earlyStop ? { ...cp.earlyStop } : null;
  trainer.stopReason = cp.stopReason;
  trainer.randomStreams().forEach((r, i) => (r.state = cp.rngStates[i]));
}
