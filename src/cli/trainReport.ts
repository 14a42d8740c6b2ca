/** What `train` prints and returns per run, shared by one run and a sweep over seeds (trainSeeds.ts). */
import type { EpochResult, TrainerBase } from '../model/tasks/trainerBase';

export const f4 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(4));

export function progressLine(r: EpochResult, epochs: number, task: string): string {
  const head = `epoch ${String(r.epoch).padStart(String(epochs).length)}/${epochs}  loss ${r.loss.toFixed(4)}`;
  return `${head}  val ${partMetrics(r, 'val', task)} | test ${partMetrics(r, 'test', task)}  ${r.ms.toFixed(0)} ms`;
}

/** One part's (val or test) metrics of the task, e.g. "auroc 0.9 auprc 0.8 hits@20 0.5". */
export function partMetrics(r: Partial<EpochResult> | null | undefined, part: 'val' | 'test', task: string): string {
  const m = (name: string) => f4((r as Record<string, number | undefined> | null | undefined)?.[`${part}${name}`]);
  if (task === 'link') return `auroc ${m('Auroc')} auprc ${m('Auprc')} hits@20 ${m('Hits20')}`;
  if (task === 'type') return `acc ${m('Accuracy')} macro-F1 ${m('MacroF1')} κ ${m('Kappa')}`;
  // Means over the labels scored on that part.
  if (task === 'multilabel') return `mean auroc ${m('Auroc')} auprc ${m('Auprc')} ap@50 ${m('Ap50')}`;
  return `acc ${m('Accuracy')} macro-F1 ${m('MacroF1')}`;
}

/** Test (and validation) metrics of one epoch without the bookkeeping fields. */
export function metricsOf(r: EpochResult | null): Record<string, number> | null {
  if (!r) return null;
  const out: Record<string, number> = { epoch: r.epoch };
  for (const [k, v] of Object.entries(r)) if (/^(val|test)/.test(k) && typeof v === 'number' && !Number.isNaN(v)) out[k] = v;
  return out;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One run's outcome as the CLI's JSON reports it, for a single run and for each run of a sweep. */
export function runOutcome(trainer: TrainerBase, last: EpochResult | null, best: EpochResult | null, times: number[]) {
  return {
    epochs: trainer.epoch,
    medianEpochMs: Math.round(median(times) * 10) / 10,
    last: metricsOf(last),
    best: metricsOf(best),
    test: metricsOf(last) && Object.fromEntries(Object.entries(metricsOf(last)!).filter(([k]) => k.startsWith('test'))),
    stopReason: trainer.stopReason,
  };
}

/** How a run ended, as its run card says. */
export function runEnded(
  trainer: TrainerBase,
  error: string | null | undefined,
  loaded = false,
): { kind: 'diverged' | 'loaded' | 'early' | 'finished'; text: string } {
  if (error) return { kind: 'diverged', text: error };
  if (loaded) return { kind: 'loaded', text: 'evaluated a saved model' };
  if (trainer.earlyStop) return { kind: 'early', text: `early stop, best epoch ${trainer.earlyStop.bestEpoch}` };
  return { kind: 'finished', text: 'finished' };
}
