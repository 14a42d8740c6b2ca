/**
 * Metrics of multi-label pair prediction (the multilabel task: a pair of drugs → its set of side
 * effects), per label as Decagon reports them: AUROC, AUPRC (average precision) and AP@50, then
 * their mean and median over the labels that can be scored. Pure functions over plain arrays.
 */
import { auprc, auroc } from './metrics';

/**
 * Average precision at k as Decagon's `apk` (ml_metrics): rank the label's positive and negative pairs
 * by score, highest first, and average precision@i over the ranks i ≤ k that hold a positive:
 *
 *   AP@k = (1 / min(P, k)) · Σ_{i ≤ k, item i positive} (positives among the first i) / i
 *
 * P = number of positives. Ties: within a group of equal scores the negatives come first (the
 * pessimistic order), so a constant score earns nothing; Decagon's code puts positives first there,
 * as they are listed first, which rewards ties. NaN without positives.
 */
export function apAtK(pos: ArrayLike<number>, neg: ArrayLike<number>, k = 50): number {
  const nPos = pos.length;
  if (nPos === 0) return NaN;
  const n = nPos + neg.length;
  const score = new Float64Array(n);
  const isPos = new Uint8Array(n);
  for (let i = 0; i < nPos; i++) {
    score[i] = pos[i];
    isPos[i] = 1;
  }
  for (let i = 0; i < neg.length; i++) score[nPos + i] = neg[i];
  const order = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => score[b] - score[a] || isPos[a] - isPos[b]);
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < Math.min(k, n); i++) {
    if (!isPos[order[i]]) continue;
    hits++;
    sum += hits / (i + 1);
  }
  return sum / Math.min(nPos, k);
}

/** One label's test scores. Metrics are NaN when the label has no positive or no negative pair there. */
export interface LabelScore {
  /** Index of the label (into the graph's edgeTypes). */
  label: number;
  positives: number;
  negatives: number;
  auroc: number;
  auprc: number;
  apAt50: number;
}

/**
 * Per-label metrics from a rows × labels matrix of scores (row-major) and the matching 0/1 truth:
 * for label l, the positives are the rows whose truth is 1 at l and the negatives all other rows.
 */
export function perLabelScores(scores: ArrayLike<number>, truth: ArrayLike<number>, rows: number, labels: number, k = 50): LabelScore[] {
  if (scores.length !== rows * labels || truth.length !== rows * labels) {
    throw new Error(`perLabelScores: expected ${rows} × ${labels} scores and truth, got ${scores.length} and ${truth.length}`);
  }
  const out: LabelScore[] = [];
  for (let l = 0; l < labels; l++) {
    const pos: number[] = [];
    const neg: number[] = [];
    for (let r = 0; r < rows; r++) (truth[r * labels + l] ? pos : neg).push(scores[r * labels + l]);
    const scored = pos.length > 0 && neg.length > 0;
    out.push({
      label: l,
      positives: pos.length,
      negatives: neg.length,
      auroc: scored ? auroc(pos, neg) : NaN,
      auprc: scored ? auprc(pos, neg) : NaN,
      apAt50: scored ? apAtK(pos, neg, k) : NaN,
    });
  }
  return out;
}

export interface LabelSummary {
  /** Labels with at least one positive and one negative pair (the others are left out of every figure). */
  scored: number;
  mean: { auroc: number; auprc: number; apAt50: number };
  median: { auroc: number; auprc: number; apAt50: number };
}

const METRICS = ['auroc', 'auprc', 'apAt50'] as const;

/** Mean and median of each metric over the scored labels (NaN when none is). */
export function summariseLabels(scores: LabelScore[]): LabelSummary {
  const scored = scores.filter((s) => !Number.isNaN(s.auroc));
  const pick = (f: (xs: number[]) => number) => Object.fromEntries(METRICS.map((m) => [m, f(scored.map((s) => s[m]))])) as LabelSummary['mean'];
  return { scored: scored.length, mean: pick(mean), median: pick(median) };
}

/**
 * The `count` best and worst scored labels by AUPRC (AUROC, then the label index, breaking ties):
 * AUPRC, as it weighs the top of the ranking, where a few positives among many pairs are found or not.
 */
export function bestAndWorst<S extends LabelScore>(scores: S[], count = 5): { best: S[]; worst: S[] } {
  const ranked = scores.filter((s) => !Number.isNaN(s.auroc)).sort((a, b) => b.auprc - a.auprc || b.auroc - a.auroc || a.label - b.label);
  // With fewer than 2 × count scored labels, the better half is "best" and the rest "worst": none in both.
  const k = Math.min(count, Math.ceil(ranked.length / 2));
  return { best: ranked.slice(0, k), worst: ranked.slice(Math.max(k, ranked.length - count)).reverse() };
}

/** One label's test scores with its name. */
export type NamedLabelScore = LabelScore & { name: string };

/** The multilabel task's test report: per-label scores, their summary, the best and worst labels (by AUPRC). */
export interface MultilabelReport {
  summary: LabelSummary;
  perLabel: NamedLabelScore[];
  best: NamedLabelScore[];
  worst: NamedLabelScore[];
}

export function mean(xs: number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
