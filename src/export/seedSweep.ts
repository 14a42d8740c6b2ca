/**
 * Repeated runs over seeds: the mean and sample standard deviation of every metric, and the sweep's
 * card (each run's card plus the summary). Pure: shared by the page's runs table and the CLI's
 * `train --seeds`.
 */
import { markdownText, METRIC_KEYS, type RunCard } from './runCard';

export const SEED_SWEEP_FORMAT = 'drug-gnn-playground-seed-sweep/1';

export interface MeanStd {
  mean: number;
  /** Sample standard deviation (n − 1), as published leaderboards report it; null for a single value. */
  std: number | null;
  n: number;
}

/** Mean and sample standard deviation of the finite values (NaN and missing values are left out); null when none. */
export function meanStd(values: readonly (number | null | undefined)[]): MeanStd | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, std: null, n };
  // Two passes: the squared deviations from the mean, not E[x²] − mean², which cancels badly for close values.
  const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
  return { mean, std: Math.sqrt(ss / (n - 1)), n };
}

/** Per metric, over a set of runs' metric records: `mean` and `std` objects keyed by metric name. */
export interface MetricSummary {
  mean: Record<string, number>;
  std: Record<string, number | null>;
  /** How many runs had each metric. */
  n: Record<string, number>;
}

/** Summarises every numeric key of the records whose name passes `keep` (by default: val… and test… metrics). */
export function summarizeMetrics(
  records: readonly (Record<string, unknown> | null | undefined)[],
  keep: (key: string) => boolean = (k) => /^(val|test)/.test(k),
): MetricSummary {
  const out: MetricSummary = { mean: {}, std: {}, n: {} };
  const keys = [...new Set(records.flatMap((r) => (r ? Object.keys(r) : [])))].filter(keep);
  for (const k of keys) {
    const s = meanStd(records.map((r) => r?.[k] as number | undefined));
    if (!s) continue;
    out.mean[k] = s.mean;
    out.std[k] = s.std;
    out.n[k] = s.n;
  }
  return out;
}

/** "0.9123 ± 0.0040" (or "0.9123" alone when there is no spread to report). */
export function formatMeanStd(s: MeanStd | null, digits = 4): string {
  if (!s) return '—';
  return s.std === null ? s.mean.toFixed(digits) : `${s.mean.toFixed(digits)} ± ${s.std.toFixed(digits)}`;
}

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
  for (const c of card.runs) row(String(c.seed), String(c.epochs), markdownText(c.ended.text), ...keys.map((k) => (typeof c.final?.[k] === 'number' ? c.final[k].toFixed(4) : '—')));
  if (first) {
    lines.push('', '## Settings (seed aside)', '');
    row('setting', 'value');
    row('---', '---');
    for (const [k, v] of Object.entries(first.settings)) if (k !== 'seed') row(k, markdownText(String(v)));
  }
  return `${lines.join('\n')}\n`;
}
