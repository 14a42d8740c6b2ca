/**
 * The checkpoint format alone, free of TensorFlow.js: the page stores and checks checkpoints
 * without loading tfjs (the trainer worker makes and restores them: checkpoint.ts).
 */
import { rowOf, SETTINGS, type ModelSettings } from '../settings/schema';
import type { EarlyStop, EpochResult } from './tasks/trainerBase';

export const CHECKPOINT_FORMAT = 'drug-gnn-checkpoint/1';

export interface SavedTensor {
  shape: number[];
  values: Float32Array;
}

export interface TrainerCheckpoint {
  format: typeof CHECKPOINT_FORMAT;
  /** The settings the trainer was built with; a restore checks that the model they build is the same. */
  settings: ModelSettings;
  numNodes: number;
  epoch: number;
  weightsEpoch: number;
  variables: SavedTensor[];
  optimizer: {
    iterations: number;
    /** β₁ᵗ and β₂ᵗ as Adam accumulated them (float32 products, not recomputed powers: bitwise resumes). */
    accBeta1: number;
    accBeta2: number;
    /** First moments, then second moments, one per variable; empty before the first step. */
    moments: SavedTensor[];
  };
  best: EpochResult | null;
  bestWeights: SavedTensor[] | null;
  earlyStop: EarlyStop | null;
  stopReason: string | null;
  /** States of trainer.randomStreams(), in its order. */
  rngStates: number[];
}

/** Settings that do not change what the trainer computes from here on: a checkpoint may differ in them. */
const FREE_SETTINGS: (keyof ModelSettings)[] = ['epochs', 'candidates'];

/** Settings in which two trainers differ in what they compute (the epoch budget and candidate count aside). */
export function settingsDiffer(a: ModelSettings, b: ModelSettings): (keyof ModelSettings)[] {
  return (Object.keys(a) as (keyof ModelSettings)[]).filter((k) => !FREE_SETTINGS.includes(k) && JSON.stringify(a[k]) !== JSON.stringify(savedValue(b, k)));
}

/** A saved value; a setting added after the save was written reads as its default (what the run used). */
function savedValue(saved: ModelSettings | undefined, key: keyof ModelSettings): unknown {
  const value = saved?.[key];
  return value === undefined && rowOf(key).addedLater ? SETTINGS[key].defaultValue : value;
}

/** The checkpoint's array buffers, to transfer instead of copying between threads. */
export function checkpointBuffers(cp: TrainerCheckpoint): ArrayBuffer[] {
  return allTensors(cp).map((t) => t.values.buffer as ArrayBuffer);
}

/** Bytes of array data a checkpoint holds (what IndexedDB stores, roughly). */
export function checkpointBytes(cp: TrainerCheckpoint | PackedCheckpoint): number {
  if (isPacked(cp)) return cp.data.size;
  return allTensors(cp).reduce((sum, t) => sum + t.values.byteLength, 0);
}

export const PACKED_FORMAT = 'drug-gnn-checkpoint-packed/1';

/**
 * A checkpoint with all its arrays in one Blob, made in the trainer worker: the page hands a Blob to
 * IndexedDB (and back to the worker) by reference, so it never copies or serialises megabytes of
 * weights on its own thread while training plays.
 */
export interface PackedCheckpoint {
  packed: typeof PACKED_FORMAT;
  /** The checkpoint with every tensor's values left empty (shapes, counters, settings kept). */
  meta: TrainerCheckpoint;
  /** Float32 count of each tensor in `data`, in the order of allTensors(). */
  lengths: number[];
  data: Blob;
}

export const isPacked = (cp: TrainerCheckpoint | PackedCheckpoint): cp is PackedCheckpoint => (cp as PackedCheckpoint).packed === PACKED_FORMAT;

/** The header of either form: epochs, best, settings (no array data). */
export const checkpointMeta = (cp: TrainerCheckpoint | PackedCheckpoint): TrainerCheckpoint => (isPacked(cp) ? cp.meta : cp);

function allTensors(cp: TrainerCheckpoint): SavedTensor[] {
  return [...cp.variables, ...cp.optimizer.moments, ...(cp.bestWeights ?? [])];
}

/** Copies the arrays into one Blob (call in the worker: the copy happens there). */
export function packCheckpoint(cp: TrainerCheckpoint): PackedCheckpoint {
  const tensors = allTensors(cp);
  const empty = (t: SavedTensor): SavedTensor => ({ shape: t.shape, values: new Float32Array(0) });
  const meta: TrainerCheckpoint = {
    ...cp,
    variables: cp.variables.map(empty),
    optimizer: { ...cp.optimizer, moments: cp.optimizer.moments.map(empty) },
    bestWeights: cp.bestWeights ? cp.bestWeights.map(empty) : null,
  };
  return {
    packed: PACKED_FORMAT,
    meta,
    lengths: tensors.map((t) => t.values.length),
    data: new Blob(tensors.map((t) => t.values as Float32Array<ArrayBuffer>)),
  };
}

/** The plain checkpoint back from its packed form; a truncated or mismatched Blob is refused. */
export async function unpackCheckpoint(p: PackedCheckpoint): Promise<TrainerCheckpoint> {
  const all = new Float32Array(await p.data.arrayBuffer());
  const total = p.lengths.reduce((s, n) => s + n, 0);
  if (all.length !== total) throw new Error(`the checkpoint's data holds ${all.length} numbers, its header lists ${total}`);
  const cp: TrainerCheckpoint = structuredClone(p.meta);
  let at = 0;
  allTensors(cp).forEach((t, i) => {
    t.values = all.slice(at, at + p.lengths[i]);
    at += p.lengths[i];
  });
  return cp;
}
