/**
 * What the runs table shows, computed from the run records: the metric columns that have values,
 * the best value per column among comparable runs, and each run's settings as short `key=value`
 * chips (the URL's names) with the ones that differ between runs flagged.
 */
import { MODEL_SETTING_KEYS, rowOf, type ModelSettings } from '../../settings/schema';
import { settingApplies } from '../../settings/applies';
import type { EvalMetrics } from '../../model/tasks/trainerBase';
import { meanStd, type MeanStd } from '../../export/meanStd';
import type { RunRecord } from './runs';

/** Metrics at the run's latest epoch, or at its best validation epoch. */
export type MetricsFrom = 'last' | 'best';

export interface MetricColumn {
  /** Shown once over its val and test columns. */
  label: string;
  val: keyof EvalMetrics;
  test: keyof EvalMetrics;
}

export const METRIC_COLUMNS: MetricColumn[] = [
  { label: 'AUROC', val: 'valAuroc', test: 'testAuroc' },
  { label: 'AUPRC', val: 'valAuprc', test: 'testAuprc' },
  { label: 'Hits@20', val: 'valHits20', test: 'testHits20' },
  { label: 'accuracy', val: 'valAccuracy', test: 'testAccuracy' },
  { label: 'macro-F1', val: 'valMacroF1', test: 'testMacroF1' },
];

/** A finite metric value, or null (tasks without it report NaN or nothing). */
export function metricOf(run: RunRecord, key: keyof EvalMetrics, from: MetricsFrom): number | null {
  const v = (from === 'best' ? run.best : run.last)?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The metric columns at least one run has a value for. */
export function visibleMetricColumns(runs: RunRecord[], from: MetricsFrom): MetricColumn[] {
  return METRIC_COLUMNS.filter((c) => runs.some((r) => metricOf(r, c.val, from) !== null || metricOf(r, c.test, from) !== null));
}

/**
 * Ids of the runs holding the highest value of one metric (ties all count). Runs are compared only
 * with runs on the same data set and task, and only where there are at least two to compare.
 */
export function bestRuns(runs: RunRecord[], key: keyof EvalMetrics, from: MetricsFrom): Set<number> {
  const groups = new Map<string, RunRecord[]>();
  for (const r of runs) {
    if (metricOf(r, key, from) === null) continue;
    const g = `${r.dataset}\u0000${r.settings.task}`;
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const ids = new Set<number>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const top = Math.max(...group.map((r) => metricOf(r, key, from)!));
    for (const r of group) if (metricOf(r, key, from) === top) ids.add(r.id);
  }
  return ids;
}

export interface SettingChip {
  name: keyof ModelSettings;
  /** `key=value` with the URL's key, e.g. `lr=0.01`. */
  text: string;
}

/** Settings that shape a run, in the table's order; 'model' has its own column, 'candidates' shapes nothing. */
const CHIP_ORDER = MODEL_SETTING_KEYS.filter((name) => name !== 'model' && name !== 'candidates');

/** Heads matter for GAT only, AGG and UPDATE for the free MPNN only; a heuristic only reads the split. */
const applies = (name: keyof ModelSettings, s: ModelSettings): boolean => settingApplies(name, s.model);

export function settingChips(s: ModelSettings): SettingChip[] {
  // A run saved before a setting existed has no value for it: no chip.
  // An empty relation is the graph's default one, and the per-relation form off is the plain layer
  // (the table has no graph to tell whether either could apply): no chip.
  const unset = (name: keyof ModelSettings) => (name === 'relation' && s[name] === '') || (name === 'hetero' && s[name] === 'off');
  return CHIP_ORDER.filter((name) => applies(name, s) && s[name] !== undefined && !unset(name)).map((name) => {
    const row = rowOf(name) as { key: string; format(v: unknown): string };
    return { name, text: `${row.key}=${row.format(s[name])}` };
  });
}

/** The settings (model included) whose values are not the same in every run. */
export function differingSettings(runs: RunRecord[]): Set<keyof ModelSettings> {
  const names = new Set<keyof ModelSettings>();
  if (runs.length < 2) return names;
  for (const name of ['model', ...CHIP_ORDER] as (keyof ModelSettings)[]) {
    if (runs.some((r) => r.settings[name] !== runs[0].settings[name])) names.add(name);
  }
  return names;
}

/** A seed sweep in the table: its finished runs (Pause or an error leave a run out of the mean). */
export interface SweepGroup {
  id: number;
  /** The runs the sweep was asked for. */
  size: number;
  runs: RunRecord[];
}

/** Ends that count towards a sweep's mean: the run trained its budget or stopped early by itself. */
const COMPLETE = new Set<RunRecord['end']['kind']>(['finished', 'early']);

/**
 * The seed sweeps with at least two finished runs, keyed by the id of the sweep's last row in the
 * table: the summary row goes right after it.
 */
export function sweepGroups(runs: RunRecord[]): Map<number, SweepGroup> {
  const byId = new Map<number, { group: SweepGroup; lastRow: number }>();
  for (const r of runs) {
    if (!r.sweep) continue;
    const entry = byId.get(r.sweep.id) ?? { group: { id: r.sweep.id, size: r.sweep.size, runs: [] }, lastRow: r.id };
    entry.lastRow = r.id;
    if (COMPLETE.has(r.end.kind)) entry.group.runs.push(r);
    byId.set(r.sweep.id, entry);
  }
  return new Map([...byId.values()].filter((e) => e.group.runs.length >= 2).map((e) => [e.lastRow, e.group]));
}

/** A metric's mean and sample std over a sweep's runs. */
export function sweepMetric(group: SweepGroup, key: keyof EvalMetrics, from: MetricsFrom): MeanStd | null {
  return meanStd(group.runs.map((r) => metricOf(r, key, from)));
}
