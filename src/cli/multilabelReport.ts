/**
 * The multilabel task's end-of-run report for the CLI: per-label AUROC, AUPRC and AP@50 on the test
 * pairs, their mean and median over the scored labels, and the best and worst labels by name.
 */
import type { MultilabelReport, NamedLabelScore } from '../model/labelMetrics';

const num = (x: number) => (Number.isNaN(x) ? null : Math.round(x * 1e4) / 1e4);

export interface LabelRow {
  label: string;
  positives: number;
  negatives: number;
  auroc: number | null;
  auprc: number | null;
  apAt50: number | null;
}

export interface MultilabelReportJson {
  labels: {
    /** Labels in the data. */
    count: number;
    /** Labels with a positive and a negative test pair: the ones the mean and median go over. */
    scored: number;
    mean: { auroc: number | null; auprc: number | null; apAt50: number | null };
    median: { auroc: number | null; auprc: number | null; apAt50: number | null };
    best: LabelRow[];
    worst: LabelRow[];
    /** Every label in the data's order (unscored ones with null metrics). */
    perLabel: LabelRow[];
  };
}

const row = (s: NamedLabelScore): LabelRow => ({
  label: s.name,
  positives: s.positives,
  negatives: s.negatives,
  auroc: num(s.auroc),
  auprc: num(s.auprc),
  apAt50: num(s.apAt50),
});

const rounded = (m: MultilabelReport['summary']['mean']) => ({ auroc: num(m.auroc), auprc: num(m.auprc), apAt50: num(m.apAt50) });

export function multilabelReportJson(r: MultilabelReport): MultilabelReportJson {
  return {
    labels: {
      count: r.perLabel.length,
      scored: r.summary.scored,
      mean: rounded(r.summary.mean),
      median: rounded(r.summary.median),
      best: r.best.map(row),
      worst: r.worst.map(row),
      perLabel: r.perLabel.map(row),
    },
  };
}

/** Human lines: the summary, then the best and worst labels. */
export function multilabelReportLines(r: MultilabelReportJson): string[] {
  const f = (x: number | null) => (x === null ? '—' : x.toFixed(3));
  const m = r.labels;
  const line = (x: LabelRow) => `  ${x.label}: AUROC ${f(x.auroc)}, AUPRC ${f(x.auprc)}, AP@50 ${f(x.apAt50)} (${x.positives} positive test pair(s))`;
  return [
    `test per label (${m.scored} of ${m.count} labels have a positive test pair): ` +
      `mean AUROC ${f(m.mean.auroc)}, AUPRC ${f(m.mean.auprc)}, AP@50 ${f(m.mean.apAt50)}; ` +
      `median AUROC ${f(m.median.auroc)}, AUPRC ${f(m.median.auprc)}, AP@50 ${f(m.median.apAt50)}`,
    'best labels (by AUPRC):',
    ...m.best.map(line),
    'worst labels:',
    ...m.worst.map(line),
  ];
}
