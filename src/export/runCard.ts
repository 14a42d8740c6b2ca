/**
 * Run cards and the runs table as files: pure writers (no DOM, no TensorFlow.js) shared by the page
 * and the CLI. A card holds what it takes to repeat and compare a run: app version, data and split
 * fingerprints, every setting, backend, per-epoch curves, final and best metrics, timings.
 */
import Papa from 'papaparse';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../settings/schema';
import type { EpochResult } from '../model/tasks/trainerBase';

export const RUN_CARD_FORMAT = 'drug-gnn-playground-run-card/1';

/** What a card is made from: a runs-table row (src/ui/runs/runs.ts RunRecord) or a CLI run. */
export interface RunCardInput {
  id: number;
  dataset: string;
  settings: ModelSettings;
  backend: string;
  epochs: number;
  /** How the run ended, in words (e.g. "early stop, best epoch 41"), and its kind. */
  ended: { kind: string; text: string };
  last: EpochResult | null;
  best: EpochResult | null;
  selectionMetric: string;
  epochMs: number[];
  curve?: EpochResult[];
  loadedFrom?: { file: string; epoch: number; appVersion: string };
  fingerprints?: { data: string; split: string | null };
  /** The split files it trained on (absent: the seeded split, or ogbl-ddi's official one in the CLI). */
  splitFiles?: string[];
}

/** Metrics a card may hold, in the order they are listed; those no epoch of the run has are left out. */
export const METRIC_KEYS = [
  'loss',
  'valAuroc',
  'valAuprc',
  'valHits20',
  'valAccuracy',
  'valMacroF1',
  'testAuroc',
  'testAuprc',
  'testHits20',
  'testAccuracy',
  'testMacroF1',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface RunCard {
  format: typeof RUN_CARD_FORMAT;
  appVersion: string;
  run: number;
  dataset: string;
  dataFingerprint: string | null;
  splitFingerprint: string | null;
  /** The split files the run trained on; null: a split drawn from the seed (or ogbl-ddi's official split). */
  splitFiles: string[] | null;
  /** Set when the weights came from a saved model file. */
  loadedFrom: { file: string; epoch: number; appVersion: string } | null;
  task: ModelSettings['task'];
  settings: ModelSettings;
  seed: number;
  backend: string;
  epochs: number;
  ended: { kind: string; text: string };
  selectionMetric: string;
  /** Metrics of the last epoch and of the best validation epoch (with their epoch numbers). */
  final: Partial<Record<MetricKey | 'epoch', number>> | null;
  best: Partial<Record<MetricKey | 'epoch', number>> | null;
  timings: { medianEpochMs: number | null; totalTrainMs: number; epochsTimed: number };
  /** One array per metric, aligned with `epoch` (null where an epoch has no value, e.g. a loaded model's loss). */
  curves: { epoch: number[] } & Partial<Record<MetricKey, (number | null)[]>>;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function metricsOf(r: EpochResult | null): RunCard['final'] {
  if (!r) return null;
  const out: Partial<Record<MetricKey | 'epoch', number>> = { epoch: r.epoch };
  for (const k of METRIC_KEYS) if (finite(r[k])) out[k] = r[k];
  return out;
}

export function runCard(run: RunCardInput, appVersion: string): RunCard {
  const curve = run.curve ?? [];
  const curves: RunCard['curves'] = { epoch: curve.map((r) => r.epoch) };
  for (const k of METRIC_KEYS) {
    if (curve.some((r) => finite(r[k]))) curves[k] = curve.map((r) => (finite(r[k]) ? (r[k] as number) : null));
  }
  return {
    format: RUN_CARD_FORMAT,
    appVersion,
    run: run.id,
    dataset: run.dataset,
    dataFingerprint: run.fingerprints?.data ?? null,
    splitFingerprint: run.fingerprints?.split ?? null,
    splitFiles: run.splitFiles ?? null,
    loadedFrom: run.loadedFrom ?? null,
    task: run.settings.task,
    settings: { ...run.settings },
    seed: run.settings.seed,
    backend: run.backend,
    epochs: run.epochs,
    ended: run.ended,
    selectionMetric: run.selectionMetric,
    final: metricsOf(run.last),
    best: metricsOf(run.best),
    timings: { medianEpochMs: median(run.epochMs), totalTrainMs: run.epochMs.reduce((a, b) => a + b, 0), epochsTimed: run.epochMs.length },
    curves,
  };
}

export function runCardJson(card: RunCard): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}

/** Text from data files shown literally in Markdown: every ASCII punctuation mark escaped, no line breaks. */
export function markdownText(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

const num = (v: number | null | undefined, digits = 4) => (finite(v) ? (Number.isInteger(v) ? String(v) : v.toFixed(digits)) : '—');

export function runCardMarkdown(card: RunCard): string {
  const lines: string[] = [];
  const row = (...cells: string[]) => lines.push(`| ${cells.join(' | ')} |`);
  lines.push(`# Run ${card.run}: ${card.settings.model} on ${markdownText(card.dataset)}`, '');
  lines.push(`Drug GNN Playground ${markdownText(card.appVersion)} · run card format \`${card.format}\``, '');
  if (card.loadedFrom) {
    lines.push(
      `Weights loaded from the model file ${markdownText(card.loadedFrom.file)} (epoch ${card.loadedFrom.epoch}, saved by version ${markdownText(card.loadedFrom.appVersion)}).`,
      '',
    );
  }
  lines.push('## Data', '');
  row('what', 'value');
  row('---', '---');
  row('data set', markdownText(card.dataset));
  row('data fingerprint (SHA-256)', card.dataFingerprint ? `\`${card.dataFingerprint}\`` : 'unknown');
  row(
    'split',
    card.splitFiles ? `from the file(s) ${markdownText(card.splitFiles.join(', '))}` : `drawn from the seed (${card.seed}) or the data's official split`,
  );
  row('split fingerprint (SHA-256)', card.splitFingerprint ? `\`${card.splitFingerprint}\`` : card.task === 'link' ? 'unknown' : '— (not the link task)');
  lines.push('', '## Settings', '');
  row('setting', 'value');
  row('---', '---');
  for (const [k, v] of Object.entries(card.settings)) row(k, markdownText(String(v)));
  row('backend', card.backend);
  lines.push('', '## Outcome', '');
  lines.push(
    `${card.epochs} epochs; ended: ${markdownText(card.ended.text)}. The best epoch is chosen by validation ${markdownText(card.selectionMetric || '—')}.`,
    '',
  );
  const keys = METRIC_KEYS.filter((k) => finite(card.final?.[k]) || finite(card.best?.[k]));
  row('', 'epoch', ...keys);
  row('---', ...['epoch', ...keys].map(() => '---:'));
  row('last epoch', num(card.final?.epoch), ...keys.map((k) => num(card.final?.[k])));
  row('best validation epoch', num(card.best?.epoch), ...keys.map((k) => num(card.best?.[k])));
  lines.push('', '## Timings', '');
  lines.push(
    `Median training time per epoch: ${card.timings.medianEpochMs === null ? '—' : `${card.timings.medianEpochMs.toFixed(1)} ms`}; ` +
      `total ${(card.timings.totalTrainMs / 1000).toFixed(2)} s over ${card.timings.epochsTimed} timed epochs.`,
    '',
  );
  lines.push('## Curves', '');
  const curveKeys = METRIC_KEYS.filter((k) => card.curves[k]);
  row('epoch', ...curveKeys);
  row(...['epoch', ...curveKeys].map(() => '---:'));
  card.curves.epoch.forEach((e, i) => row(String(e), ...curveKeys.map((k) => num(card.curves[k]![i]))));
  return `${lines.join('\n')}\n`;
}

/** The settings' columns, in ModelSettings order (the defaults' keys: one list of settings). */
const SETTING_KEYS = Object.keys(DEFAULT_MODEL_SETTINGS) as (keyof ModelSettings)[];

/**
 * The runs table as CSV (RFC 4180 quoting by papaparse): one row per run with every setting, how it
 * ended, the last and best epochs' metrics, timings and fingerprints. Cells that a spreadsheet would
 * take for a formula (=, +, -, @ first) are quoted with a leading ' (papaparse's escapeFormulae).
 */
export function runsCsv(runs: readonly RunCardInput[]): string {
  const metricKeys = METRIC_KEYS.filter((k) => runs.some((r) => finite(r.last?.[k]) || finite(r.best?.[k])));
  const fields = [
    'run',
    'dataset',
    'loaded_from',
    ...SETTING_KEYS,
    'backend',
    'epochs_trained',
    'ended',
    'selection_metric',
    'last_epoch',
    ...metricKeys.map((k) => `last_${k}`),
    'best_epoch',
    ...metricKeys.map((k) => `best_${k}`),
    'median_epoch_ms',
    'total_train_ms',
    'data_fingerprint',
    'split_fingerprint',
  ];
  const cell = (v: unknown) => (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v)) ? '' : v);
  const data = runs.map((r) => [
    r.id,
    r.dataset,
    r.loadedFrom?.file ?? '',
    ...SETTING_KEYS.map((k) => r.settings[k]),
    r.backend,
    r.epochs,
    r.ended.text,
    r.selectionMetric,
    cell(r.last?.epoch),
    ...metricKeys.map((k) => cell(r.last?.[k])),
    cell(r.best?.epoch),
    ...metricKeys.map((k) => cell(r.best?.[k])),
    cell(median(r.epochMs)),
    r.epochMs.reduce((a, b) => a + b, 0),
    r.fingerprints?.data ?? '',
    r.fingerprints?.split ?? '',
  ]);
  return `${Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\n' })}\n`;
}
