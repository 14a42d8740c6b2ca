/** Everything that determines a training run. The URL table in src/state/ validates and serialises it. */
import type { AggregatorKind } from './aggregators';
import type { LayerKind } from './layers';
import type { UpdateKind } from './layers/mpnn';

export type ModelKind = LayerKind;
/** '+'-joined feature kinds, e.g. "learned" or "morgan+degree" (see features/spec.ts). */
export type FeatureSpec = string;
export type AggregationMode = 'auto' | 'sparse' | 'dense' | 'kernel';
export type TaskKind = 'link' | 'type' | 'node';
export type DecoderKind = 'dot' | 'mlp' | 'distmult';

export interface ModelSettings {
  model: ModelKind;
  /** Link prediction, interaction-type prediction (typed graphs) or node classification (ATC level 1). */
  task: TaskKind;
  /** Node features, possibly several joined with '+': learned, random, atc, categories, degree, morgan. */
  features: FeatureSpec;
  /** Width of the learned/random features, the hidden layers and the output embeddings. */
  hidden: number;
  /** Number of message-passing layers (ReLU between them, not after the last). */
  layers: number;
  /** GAT attention heads (hidden must be divisible by it). */
  heads: number;
  /** The 'mpnn' model's AGG and UPDATE steps. */
  aggregator: AggregatorKind;
  update: UpdateKind;
  /** Dropout rate on every layer's input during training (seeded masks). */
  dropout: number;
  /** Link task: how a pair's score is computed from its two embeddings. */
  decoder: DecoderKind;
  learningRate: number;
  /**
   * Link task: training positives per optimiser step (each step runs full-graph message passing and
   * the decoder on one batch of positives plus their fresh negatives); 0 = all of them, one step per epoch.
   */
  batchSize: number;
  epochs: number;
  /** Early stopping: stop after this many epochs without a better validation score (0 = never). */
  patience: number;
  seed: number;
  aggregation: AggregationMode;
  /** How many strongest unknown pairs to report as candidates. */
  candidates: number;
}

/** The seed article's model (§3–4): seed GCN layers (neighbour mean + Linear) and the dot-product decoder. */
export const SEED_MODEL: Pick<ModelSettings, 'model' | 'decoder'> = { model: 'seed-gcn', decoder: 'dot' };

/**
 * Defaults = the best setting found on ChCh-Miner (docs/results.md, "Best setting"): Kipf & Welling
 * GCN layers with the MLP decoder, up to 400 epochs with early stopping after 30 without a better
 * validation AUROC; otherwise the reference settings (2 layers × 64, learned embeddings, Adam 0.01,
 * full batch). SEED_MODEL is one click away in the UI.
 */
export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  model: 'gcn',
  task: 'link',
  features: 'learned',
  hidden: 64,
  layers: 2,
  heads: 4,
  aggregator: 'mean',
  update: 'replace',
  dropout: 0,
  decoder: 'mlp',
  learningRate: 0.01,
  batchSize: 0,
  epochs: 400,
  patience: 30,
  seed: 0,
  aggregation: 'auto',
  candidates: 15,
};
