/**
 * Words for how a run ended: a short cell for the runs table and a sentence for the training
 * panel, so an early stop never reads like the user's pause or a divergence.
 */
import type { EpochMetrics, StopInfo, TrainStatus } from '../../workers/protocol';
import type { RunRecord } from './runs';
import { METRIC_COLUMNS } from './runsView';

export function runEndCell(run: RunRecord): { text: string; title: string } {
  const e = run.end;
  switch (e.kind) {
    case 'running':
      return { text: 'training…', title: 'The run in progress.' };
    case 'paused':
      return { text: 'paused', title: 'Paused by the user; Play goes on with this model.' };
    case 'user':
      return { text: 'stopped by user', title: 'The model was replaced before its epoch budget was spent.' };
    case 'finished':
      return { text: 'finished', title: `Trained its whole budget of ${run.settings.epochs} epochs.` };
    case 'early':
      return {
        text: `early stop, best epoch ${e.bestEpoch}`,
        title: `Validation ${e.metric} did not improve for ${e.patience} epochs; the model was put back to epoch ${e.bestEpoch}'s weights.`,
      };
    case 'diverged':
      return { text: `diverged at epoch ${e.epoch}`, title: e.message };
    case 'error':
      return { text: 'error', title: e.message };
  }
}

const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(3));

export interface RunNoticeInput {
  status: TrainStatus;
  stop: StopInfo | null;
  best: EpochMetrics | null;
  /** The latest epoch trained and the epoch budget. */
  epoch: number;
  budget: number;
  error: string | null;
}

/** Why training is not running now, in one or two sentences; null while it runs or before it starts. */
export function runNotice(s: RunNoticeInput): { kind: 'early' | 'diverged' | 'error' | 'user' | 'finished'; text: string } | null {
  if (s.status === 'stopped' && s.stop?.kind === 'early') {
    const { epoch, patience, bestEpoch, metric } = s.stop;
    const column = METRIC_COLUMNS.find((c) => c.label === metric);
    const best = s.best && column ? ` (validation ${fmt(s.best[column.val])}, test ${fmt(s.best[column.test])})` : '';
    return {
      kind: 'early',
      text:
        `Stopped early at epoch ${epoch}: validation ${metric} has not improved for ${patience} epochs. ` +
        `The best was epoch ${bestEpoch}${best}; its weights were restored, so the network, the candidates ` +
        `and the teaching view show that model. The chart and the numbers above are epoch ${epoch}'s.`,
    };
  }
  if (s.status === 'error' && s.stop?.kind === 'diverged') return { kind: 'diverged', text: `Diverged: ${s.stop.message}` };
  if (s.status === 'error') return { kind: 'error', text: `Stopped by an error: ${s.error ?? 'unknown error'}` };
  if (s.status === 'done' || (s.epoch > 0 && s.epoch >= s.budget && s.status !== 'training')) {
    return { kind: 'finished', text: `Finished: all ${s.epoch} epochs trained.` };
  }
  if (s.status === 'paused' && s.epoch > 0) return { kind: 'user', text: `Paused by you at epoch ${s.epoch} of ${s.budget}.` };
  return null;
}
