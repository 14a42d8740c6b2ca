/**
 * `train --seeds 0-9` (or `0,3,7`): one run per seed on the same data, then the mean and sample
 * standard deviation of every validation and test metric, as leaderboards report them. A given split
 * (--split, --ogbl-ddi) stays fixed and the seed varies the initial weights and negative samples (OGB's
 * protocol); without one the seeded split is drawn again for every seed as well.
 */
import * as tf from '../model/tf';
import { writeFile } from 'node:fs/promises';
import { APP_VERSION } from '../appVersion';
import { graphFingerprint, splitFingerprint } from '../data/fingerprint';
import { runCard, type RunCard } from '../export/runCard';
import { formatMeanStd, summarizeMetrics, type MetricSummary } from '../export/meanStd';
import { seedSweepCard, seedSweepCardJson, seedSweepCardMarkdown } from '../export/seedSweep';
import type { ModelArgs, Parsed } from './train';
import type { EpochResult } from '../model/tasks/trainerBase';
import { buildTrainer, commandLog, loadData, startBackend, trainToEnd } from './session';
import { partMetrics, runEnded, runOutcome } from './trainReport';

/** Most seeds one sweep takes (a typo like 0-99999 should not start a day of training). */
export const MAX_SEEDS = 1000;
const MAX_SEED = 2147483647;

/** "0-9", "0,3,7" or both mixed ("0-2,5"): distinct seeds in the order given. */
export function parseSeedList(text: string): number[] {
  const seeds: number[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new Error(`--seeds expects seeds like 0-9 or 0,3,7, got "${text}"`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new Error(`--seeds: the range ${part.trim()} runs backwards`);
    if (to > MAX_SEED) throw new Error(`--seeds: a seed is at most ${MAX_SEED}`);
    if (seeds.length + (to - from + 1) > MAX_SEEDS) throw new Error(`--seeds: at most ${MAX_SEEDS} seeds`);
    for (let s = from; s <= to; s++) {
      if (seeds.includes(s)) throw new Error(`--seeds: seed ${s} is given twice`);
      seeds.push(s);
    }
  }
  return seeds;
}

/** Takes `--seeds LIST` out of the arguments; refuses the flags that mean one run. */
export function takeSeedsArg(args: string[]): { seeds?: number[]; rest: string[] } {
  const i = args.indexOf('--seeds');
  if (i < 0) return { rest: args };
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new Error('--seeds needs a value');
  const rest = [...args.slice(0, i), ...args.slice(i + 2)];
  for (const single of ['--seed', '--model-file', '--save-model', '--save-split']) {
    if (rest.includes(single)) throw new Error(`--seeds trains one model per seed: it cannot go with ${single}`);
  }
  return { seeds: parseSeedList(value), rest };
}

/** A summary as one line: "test auroc 0.9123 ± 0.0040, …" over the metrics a run of this task has. */
function summaryLine(s: MetricSummary): string {
  return Object.keys(s.mean)
    .map((k) => `${k} ${formatMeanStd({ mean: s.mean[k], std: s.std[k], n: s.n[k] })}`)
    .join(', ');
}

export async function trainSeeds(parsed: Parsed, own: ModelArgs, seeds: number[]): Promise<number> {
  const log = commandLog(parsed.json);
  const backendError = await startBackend(parsed.backend, log);
  if (backendError) {
    console.error(`error: ${backendError}`);
    return 1;
  }
  const { graph, split } = await loadData(parsed);
  const fixed = parsed.ogbl ? 'ogbl-ddi official' : parsed.split;
  const splitName = fixed ? `${fixed} (fixed; the seed varies the initial weights and negatives)` : 'seeded (drawn again for every seed)';
  const base = parsed.settings;
  log(
    `${graph.name}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions; task ${base.task}, model ${base.model}, ` +
      `${base.layers} layers × ${base.hidden}, split ${splitName}; ${seeds.length} seeds: ${seeds.join(', ')}; backend ${tf.getBackend()}`,
  );
  const ids = graph.nodes.map((n) => n.id);
  const dataFingerprint = own.runCard ? await graphFingerprint(graph) : '';
  const runs: Record<string, unknown>[] = [];
  const cards: RunCard[] = [];
  let failed = false;
  for (const seed of seeds) {
    const settings = { ...base, seed };
    const trainer = await buildTrainer(graph, settings, split, Boolean(parsed.ogbl));
    const curve: EpochResult[] = [];
    const { times, last, error } = await trainToEnd(trainer, settings.epochs, (r) => curve.push(r));
    const best = trainer.best;
    failed ||= error !== null;
    const test = (r: typeof last) => `test ${partMetrics(r, 'test', settings.task === 'node' ? 'type' : settings.task)}`;
    log(
      `seed ${seed}: ${trainer.epoch} epochs${trainer.stopReason ? ` (${trainer.stopReason})` : ''}; last epoch ${test(last)}; ` +
        `best validation epoch ${best?.epoch ?? '—'} ${test(best)}${error ? `; ${error}` : ''}`,
    );
    runs.push({
      seed,
      ...runOutcome(trainer, last, best, times),
      error,
    });
    if (own.runCard) {
      const link = trainer.linkPredictor();
      cards.push(
        runCard(
          {
            id: cards.length + 1,
            dataset: graph.name,
            settings,
            backend: tf.getBackend(),
            epochs: trainer.epoch,
            ended: runEnded(trainer, error),
            last,
            best,
            selectionMetric: trainer.selectionMetric,
            epochMs: times,
            curve,
            fingerprints: { data: dataFingerprint, split: link ? await splitFingerprint(link.split, ids) : null },
          },
          APP_VERSION,
        ),
      );
    }
    trainer.dispose();
  }
  const last = summarizeMetrics(runs.map((r) => r.last as Record<string, number> | null));
  const best = summarizeMetrics(runs.map((r) => r.best as Record<string, number> | null));
  log(`mean ± std over ${seeds.length} seeds (sample std), last epoch: ${summaryLine(last)}`);
  log(`mean ± std over ${seeds.length} seeds (sample std), best validation epoch: ${summaryLine(best)}`);
  if (own.runCard) {
    const card = seedSweepCard(cards, splitName, APP_VERSION);
    await writeFile(own.runCard, /\.md$/i.test(own.runCard) ? seedSweepCardMarkdown(card) : seedSweepCardJson(card));
    log(`sweep card written to ${own.runCard}`);
  }
  if (parsed.json) {
    console.log(
      JSON.stringify({
        dataset: graph.name,
        nodes: graph.nodes.length,
        edges: graph.edgeSrc.length,
        split: splitName,
        backend: tf.getBackend(),
        // The seed is the one setting that varies: it is each run's.
        settings: Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'seed')),
        seeds,
        runs,
        // Over the runs' last epochs and over their best validation epochs; std is the sample std (n − 1).
        mean: { last: last.mean, best: best.mean },
        std: { last: last.std, best: best.std },
      }),
    );
  }
  return failed ? 2 : 0;
}
