/**
 * The session's training runs as plain records, and the pure steps that keep them up to date.
 * A run is one model from its first trained epoch until the model is replaced (reset, new data,
 * settings that rebuild it); the run in progress is updated after every epoch.
 */
import type { ModelSettings } from '../../settings/schema';
import type { EpochMetrics, StopInfo, TrainStatus } from '../../workers/protocol';

/** Why a run ended, or where the one in progress stands. */
export type RunEnd =
  | { kind: 'running' }
  /** The user paused; it becomes 'user' if the model is replaced before the budget is spent. */
  | { kind: 'paused' }
  | { kind: 'user' }
  | { kind: 'finished' }
  | { kind: 'early'; bestEpoch: number; patience: number; metric: string }
  | { kind: 'diverged'; epoch: number; message: string }
  | { kind: 'error'; message: string };

export interface RunRecord {
  id: number;
  /** Name of the graph it trained on. */
  dataset: string;
  /** The model settings it started with (the epoch budget follows later changes: same model). */
  settings: ModelSettings;
  backend: string;
  /** Epochs trained. */
  epochs: number;
  end: RunEnd;
  /** Metrics of the latest epoch and of the best validation epoch. */
  last: EpochMetrics | null;
  best: EpochMetrics | null;
  /** The validation metric that picks the best epoch, e.g. "AUROC". */
  selectionMetric: string;
  /** Training time of every epoch, for the median. */
  epochMs: number[];
  /** Every epoch's loss and metrics, in order (run cards' curves). */
  curve?: EpochMetrics[];
  /** Set when the model came from a saved model file: its name and the epoch its weights come from. */
  loadedFrom?: { file: string; epoch: number; appVersion: string };
  /** Fingerprints of the data and of the link split (src/data/fingerprint.ts), once the worker has computed them. */
  fingerprints?: { data: string; split: string | null };
  /** Set on the runs of a seed sweep: the sweep's id (its first run's id), this run's place in it and its length. */
  sweep?: SweepTag;
  /** The split files it trained on (absent: the seeded split). */
  splitFiles?: string[];
}

export interface SweepTag {
  id: number;
  index: number;
  size: number;
}

/** What the worker reported, as the run's state. */
export function runEndOf(status: TrainStatus, stop: StopInfo | null | undefined, error: string | null): RunEnd {
  switch (status) {
    case 'training':
      return { kind: 'running' };
    case 'done':
      return { kind: 'finished' };
    case 'stopped':
      if (stop?.kind === 'early') return { kind: 'early', bestEpoch: stop.bestEpoch, patience: stop.patience, metric: stop.metric };
      return { kind: 'user' };
    case 'error':
      if (stop?.kind === 'diverged') return { kind: 'diverged', epoch: stop.epoch, message: stop.message };
      return { kind: 'error', message: error ?? 'unknown error' };
    default:
      return { kind: 'paused' };
  }
}

export function newRun(id: number, dataset: string, settings: ModelSettings, backend: string): RunRecord {
  return { id, dataset, settings, backend, epochs: 0, end: { kind: 'running' }, last: null, best: null, selectionMetric: '', epochMs: [], curve: [] };
}

/** The run after one more epoch. */
export function withEpoch(run: RunRecord, metrics: EpochMetrics, best: EpochMetrics | null | undefined, selectionMetric: string | undefined): RunRecord {
  return {
    ...run,
    epochs: metrics.epoch,
    last: metrics,
    best: best ?? run.best,
    selectionMetric: selectionMetric ?? run.selectionMetric,
    epochMs: [...run.epochMs, metrics.ms],
    curve: [...(run.curve ?? []), metrics],
  };
}

/**
 * The run when its model is replaced: a run still paused or going was stopped by the user, unless
 * it had already trained its whole budget.
 */
export function closeRun(run: RunRecord): RunRecord {
  if (run.end.kind !== 'running' && run.end.kind !== 'paused') return run;
  return { ...run, end: run.epochs >= run.settings.epochs ? { kind: 'finished' } : { kind: 'user' } };
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
