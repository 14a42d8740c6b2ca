import type { EpochMetrics, TrainerUpdate } from '../../../src/workers/protocol';

/** A worker update carrying `metrics` only (no recolouring, no candidates), as tests of the page's bookkeeping need. */
export const trainerUpdate = (status: TrainerUpdate['status'], metrics: EpochMetrics | null): TrainerUpdate => ({
  status,
  metrics,
  edgeProbabilities: null,
  candidates: [],
  error: null,
  selectionMetric: 'AUROC',
});
