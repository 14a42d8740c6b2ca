/**
 * One benchmark measurement: build a LinkTrainer for a graph on the current backend, run one
 * warm-up epoch (profiled for the peak of tensor memory), then time `epochs` training epochs.
 * Runs wherever TensorFlow.js runs: the Node section and the browser page share it.
 */
import * as tf from '../src/model/tf';
import { LinkTrainer } from '../src/model/tasks/linkTrainer';
import type { TrainingGraph } from '../src/model/tasks/trainerBase';
import type { LinkSplit } from '../src/model/split';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../src/settings/schema';
import type { AggregationMode } from '../src/settings/options';
import type { SparseMode } from '../src/model/sparseOps';

export type BenchModel = 'seed-gcn' | 'gcn';

/** The reference protocol's model (ChCh-Miner's SOURCE.md, so figures compare with its PyG runs): 64→64→64, learned embeddings, link prediction, dot decoder. */
export const benchSettings = (model: BenchModel): ModelSettings => ({
  ...DEFAULT_MODEL_SETTINGS,
  model,
  task: 'link',
  features: 'learned',
  hidden: 64,
  layers: 2,
  dropout: 0,
  decoder: 'dot',
  aggregation: 'auto',
  seed: 0,
});

export interface Measurement {
  model: BenchModel;
  decoder: ModelSettings['decoder'];
  backend: string;
  aggregation: string;
  /** The link loss: per pair ('gathered') or through the N × N score matrix ('dense'). */
  loss: 'gathered' | 'dense';
  nodes: number;
  /** Undirected training pairs (each carries messages both ways). */
  trainPairs: number;
  setupMs: number;
  epochMs: number[];
  medianMs: number;
  /** Median epoch time per 100k training pairs: flat when cost is linear in edges. */
  msPer100kPairs: number;
  /** Peak bytes held by tensors during the warm-up epoch (tf.profile); null where not measured. */
  peakTensorMB: number | null;
  /** Tensor count after each timed epoch: equal numbers = nothing leaks. */
  tensorsAfterEpoch: number[];
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function measureTraining(
  graph: TrainingGraph,
  model: BenchModel,
  epochs: number,
  options: { split?: LinkSplit; profile?: boolean; aggregation?: 'auto' | SparseMode; decoder?: ModelSettings['decoder']; loss?: 'auto' | 'gathered' } = {},
): Promise<Measurement> {
  const backend = tf.getBackend();
  const t0 = performance.now();
  // 'kernel' is a SparseMode the settings table may not list yet; the trainer takes any SparseMode.
  const settings = { ...benchSettings(model), aggregation: (options.aggregation ?? 'auto') as AggregationMode, decoder: options.decoder ?? 'dot' };
  const trainer = new LinkTrainer(graph, settings, backend, { ...(options.split ? { split: options.split } : {}), loss: options.loss });
  const setupMs = performance.now() - t0;
  try {
    let peakTensorMB: number | null = null;
    if (options.profile) {
      const info = await tf.profile(async () => {
        await trainer.trainEpoch();
      });
      peakTensorMB = info.peakBytes / 2 ** 20;
    } else {
      await trainer.trainEpoch();
    }
    const epochMs: number[] = [];
    const tensorsAfterEpoch: number[] = [];
    for (let e = 0; e < epochs; e++) {
      const t = performance.now();
      await trainer.trainEpoch();
      epochMs.push(performance.now() - t);
      tensorsAfterEpoch.push(tf.memory().numTensors);
    }
    const trainPairs = trainer.split.trainPos.a.length;
    const medianMs = median(epochMs);
    return {
      model,
      decoder: settings.decoder,
      backend,
      aggregation: trainer.aggregationMode,
      loss: trainer.lossMode,
      nodes: graph.numNodes,
      trainPairs,
      setupMs,
      epochMs,
      medianMs,
      msPer100kPairs: (medianMs * 1e5) / Math.max(1, trainPairs),
      peakTensorMB,
      tensorsAfterEpoch,
    };
  } finally {
    trainer.dispose();
  }
}
