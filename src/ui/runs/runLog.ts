/**
 * Keeps the store's list of runs in step with the trainer: a run starts with its model's first
 * epoch (or its divergence), follows every update, and is closed when the model is replaced.
 */
import { modelSettingsOf } from '../../settings/schema';
import type { EpochMetrics, TrainerUpdate } from '../../workers/protocol';
import { closeRun, newRun, runEndOf, withEpoch, type RunRecord, type SweepTag } from './runs';
import type { PlaygroundState, PlaygroundStore } from '../store';

/** The run with the split files in use, when they serve its task (a type split the type task, a link split the link task). */
function withSplitFiles(run: RunRecord, s: PlaygroundState): RunRecord {
  const given = s.fileSplit;
  return given && given.counts.kind === run.settings.task ? { ...run, splitFiles: given.files } : run;
}

export class RunLog {
  constructor(private readonly store: PlaygroundStore) {}

  /** The seed sweep's tag for the next run to start (null: the next run is on its own). */
  private nextSweep: SweepTag | null = null;

  tagNextRun(tag: SweepTag | null): void {
    this.nextSweep = tag;
  }

  /** Call with each worker update before the store's history takes its metrics. */
  record(u: TrainerUpdate): void {
    const s = this.store.getState();
    const metrics = u.metrics && u.metrics.epoch !== s.history.at(-1)?.epoch ? u.metrics : null;
    let { runs, currentRun, nextRunId } = s;
    if (currentRun === null) {
      if (!metrics && u.stop?.kind !== 'diverged') return;
      currentRun = nextRunId++;
      const run = withSplitFiles(newRun(currentRun, s.graph?.name ?? '—', modelSettingsOf(s.settings), s.backend?.chosen ?? '—'), s);
      runs = [...runs, this.nextSweep ? { ...run, sweep: this.nextSweep } : run];
      this.nextSweep = null;
    }
    const update = (r: RunRecord): RunRecord => {
      const next = metrics ? withEpoch(r, metrics, u.best, u.selectionMetric) : r;
      return { ...next, end: runEndOf(u.status, u.stop, u.error) };
    };
    // A run the user removed from the table stays removed (its id no longer matches a row).
    this.store.setState({ runs: runs.map((r) => (r.id === currentRun ? update(r) : r)), currentRun, nextRunId });
  }

  /** The model is being replaced: the run in progress ends here. */
  close(): void {
    const { runs, currentRun } = this.store.getState();
    if (currentRun === null) return;
    this.store.setState({ runs: runs.map((r) => (r.id === currentRun ? closeRun(r) : r)), currentRun: null });
  }

  /** A new epoch budget for the same model. */
  setBudget(epochs: number): void {
    const { runs, currentRun } = this.store.getState();
    this.store.setState({ runs: runs.map((r) => (r.id === currentRun ? { ...r, settings: { ...r.settings, epochs } } : r)) });
  }

  /**
   * A model loaded from a file starts a run of its own: its evaluation on this graph as the first
   * point (no training time: nothing was trained here).
   */
  startLoaded(file: string, metrics: EpochMetrics, appVersion: string, selectionMetric: string): void {
    this.close();
    const s = this.store.getState();
    const id = s.nextRunId;
    const run: RunRecord = {
      ...withSplitFiles(newRun(id, s.graph?.name ?? '—', modelSettingsOf(s.settings), s.backend?.chosen ?? '—'), s),
      epochs: metrics.epoch,
      end: { kind: 'paused' },
      last: metrics,
      best: metrics,
      selectionMetric,
      curve: [metrics],
      loadedFrom: { file, epoch: metrics.epoch, appVersion },
    };
    this.store.setState({ runs: [...s.runs, run], currentRun: id, nextRunId: id + 1 });
  }

  /** Adds facts learnt later (fingerprints) to a run still in the table. */
  patch(id: number, partial: Partial<Pick<RunRecord, 'fingerprints'>>): void {
    this.store.setState({ runs: this.store.getState().runs.map((r) => (r.id === id ? { ...r, ...partial } : r)) });
  }

  remove(id: number): void {
    this.store.setState({ runs: this.store.getState().runs.filter((r) => r.id !== id) });
  }
}
