/** What `train` prints and returns per run, shared by one run and a sweep over seeds (trainSeeds.ts). */
import type { EpochResult, TrainerBase } from '../model/tasks/trainerBase';

export const f4 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(4));

export function progressLine(r: EpochResult, epochs: number, task: string): string {
  const head = `epoch ${String(r.epoch).padStart(String(epochs).length)}/${epochs}  loss ${r.loss.toFixed(4)}`;
  const body =
    task === 'link'
      ? `val auroc ${f4(r.valAuroc)} auprc ${f4(r.valAuprc)} hits@20 ${f4(r.valHits20)} | test auroc ${f4(r.testAuroc)} auprc ${f4(r.testAuprc)} hits@20 ${f4(r.testHits20)}`
      : task === 'type'
        ? `val acc ${f4(r.valAccuracy)} macro-F1 ${f4(r.valMacroF1)} κ ${f4(r.valKappa)} | test acc ${f4(r.testAccuracy)} macro-F1 ${f4(r.testMacroF1)} κ ${f4(r.testKappa)}`
        : `val acc ${f4(r.valAccuracy)} macro-F1 ${f4(r.valMacroF1)} | test acc ${f4(r.testAccuracy)} macro-F1 ${f4(r.testMacroF1)}`;
  return `${head}  ${body}  ${r.ms.toFixed(0)} ms`;
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
