/**
 * The page's session as saved next to a checkpoint: the metrics history and the current run cut to
 * the checkpoint's epoch, so a resume shows exactly the epochs the restored model has trained (the
 * page may already show an epoch or two more when the checkpoint arrives).
 */
import type { EpochMetrics } from '../../workers/protocol';
import type { RunRecord } from '../runs/runs';
import type { PlaygroundState } from '../store';
import type { SavedSession } from './db';

type SessionParts = Pick<PlaygroundState, 'settings' | 'runs' | 'currentRun' | 'nextRunId' | 'history' | 'stop' | 'best'> &
  Partial<Pick<PlaygroundState, 'fileSplit'>>;

/**
 * The session at `epoch` of the current model, or null when the page has not yet shown that epoch
 * (save again later). `best`: the checkpoint's best epoch up to `epoch`.
 */
export function sessionAtEpoch(s: SessionParts, id: string, epoch: number, best: EpochMetrics | null): SavedSession | null {
  const lastShown = s.history.at(-1)?.epoch ?? 0;
  if (lastShown < epoch) return null;
  const history = s.history.filter((h) => h.epoch <= epoch);
  const cut = lastShown > epoch;
  const runs = s.runs.map((r): RunRecord => {
    if (r.id !== s.currentRun || r.epochs <= epoch) return r;
    const last = history.at(-1) ?? null;
    // A run trained on to later epochs is, at this epoch, paused by the reload.
    return { ...r, epochs: epoch, last, best: best ?? r.best, epochMs: r.epochMs.slice(0, epoch), end: { kind: 'paused' } };
  });
  return {
    id,
    settings: s.settings,
    runs,
    currentRun: s.currentRun,
    nextRunId: s.nextRunId,
    history,
    // A stop the page heard of after this epoch has not happened yet at it.
    stop: cut ? null : s.stop,
    best: cut ? best : s.best,
    fileSplit: s.fileSplit ? { texts: s.fileSplit.texts } : null,
  };
}
