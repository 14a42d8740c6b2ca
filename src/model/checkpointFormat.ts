/**
 * The checkpoint format alone, free of TensorFlow.js: the page stores and checks checkpoints
 * without loading tfjs (the trainer worker makes and restores them: checkpoint.ts).
 */
import type { ModelSettings } from './settings';
import type { EarlyStop, EpochResult } from './trainerBase';

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
  return (Object.keys(a) as (keyof ModelSettings)[]).filter((k) => !FREE_SETTINGS.includes(k) && JSON.stringify(a[k]) !== JSON.stringify(b?.[k]));
}

/** The checkpoint's array buffers, to transfer instead of copying between threads. */
export function checkpointBuffers(cp: TrainerCheckpoint): ArrayBuffer[] {
  const tensors = [...cp.variables, ...cp.optimizer.moments, ...(cp.bestWeights ?? [])];
  return tensors.map((t) => t.values.buffer as ArrayBuffer);
}

/** Bytes of typed-array data a checkpoint holds (what IndexedDB stores, roughly). */
export function checkpointBytes(cp: TrainerCheckpoint): number {
  const tensors = [...cp.variables, ...cp.optimizer.moments, ...(cp.bestWeights ?? [])];
  return tensors.reduce((sum, t) => sum + t.values.byteLength, 0);
}
