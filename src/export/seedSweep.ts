/**
 * A seed sweep's card: each run's card plus the mean and sample standard deviation of every
 * metric (meanStd.ts). Pure: written by the page's runs table and the CLI's `train --seeds`.
 */
import { formatMeanStd, summarizeMetrics, type MetricSummary } from './meanStd';
import { markdownText, METRIC_KEYS, type RunCard } from './runCard';

export const SEED_SWEEP_FORMAT = 'drug-gnn-playground-seed-sweep/1';

export interface SeedSweepCard {
  format: typeof SEED_SWEEP_FORMAT;
  appVersion: string;
  dataset: string;
  seeds: number[];
  /** How the split relates to the seed: fixed (given or official) or re-drawn per seed. */
  split: string;
  /** Over the runs' last epochs and over their best validation epochs. */
  final: MetricSummary;
  best: MetricSummary;
  runs: RunCard[];
}

export function seedSweepCard(cards: readonly RunCard[], split: string, appVersion: string): SeedSweepCard {
  return {
    format: SEED_SWEEP_FORMAT,
    appVersion,
    dataset: cards[0]?.dataset ?? '',
    seeds: cards.map((c) => c.seed),
    split,
    final: summarizeMetrics(cards.map((c) => c.final)),
    best: summarizeMetrics(cards.map((c) => c.best)),
    runs: [...cards],
  };
}

export function seedSweepCardJson(card: SeedSweepCard): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}

const cellOf = (s: MetricSummary, k: string) => formatMeanStd(k in s.mean ? { mean: s.mean[k], std: s.std[k], n: s.n[k] } : null);

export function seedSweepCardMarkdown(card: SeedSweepCard): string {
  const lines: string[] = [];
  const row = (...cells: string[]) => lines.push(`| ${cells.join(' | ')} |`);
  const first = card.runs[0];
  lines.push(`# ${first?.settings.model ?? 'model'} on ${markdownText(card.dataset)}: mean ± std over ${card.runs.length} seeds`, '');
  lines.push(`Drug GNN Playground ${markdownText(card.appVersion)} · card format \`${card.format}\` · sample standard deviation (n − 1)`, '');
  lines.push(`Seeds ${card.seeds.join(', ')}; split: ${markdownText(card.split)}.`, '');
  const keys = METRIC_KEYS.filter((k) => k in card.final.mean || k in card.best.mean);
  row('', ...keys);
  row('---', ...keys.map(() => '---:'));
  row('last epoch', ...keys.map((k) => cellOf(card.final, k)));
  row('best validation epoch', ...keys.map((k) => cellOf(card.best, k)));
  lines.push('', '## Runs', '');
  row('seed', 'epochs', 'ended', ...keys.map((k) => `${k} (last)`));
  row('---:', '---:', '---', ...keys.map(() => '---:'));
  for (const c of card.runs)
    row(String(c.seed), String(c.epochs), markdownText(c.ended.text), ...keys.map((k) => (typeof c.final?.[k] === 'number' ? c.final[k].toFixed(4) : '—')));
  if (first) {
    lines.push('', '## Settings (seed aside)', '');
    row('setting', 'value');
    row('---', '---');
    for (const [k, v] of Object.entries(first.settings)) if (k !== 'seed') row(k, markdownText(String(v)));
  }
  return `${lines.join('\n')}\n`;
}
