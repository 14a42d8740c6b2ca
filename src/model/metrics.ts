/**
 * Metrics for link prediction (AUROC, AUPRC, Hits@K) and classification (accuracy, macro-F1,
 * Cohen's κ, per-class F1, most confused pairs). Pure functions over plain arrays.
 */

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative,
 * ties counting one half (Mann–Whitney U with average ranks).
 */
export function auroc(pos: ArrayLike<number>, neg: ArrayLike<number>): number {
  const nPos = pos.length;
  const nNeg = neg.length;
  if (nPos === 0 || nNeg === 0) return NaN;
  let rank = 0; // ranks taken by the groups so far (lowest scores first)
  let rankSumPos = 0;
  tieGroups(pos, neg, 'ascending', (p, q) => {
    rankSumPos += p * (rank + (p + q + 1) / 2); // the group's average 1-based rank, once per positive in it
    rank += p + q;
  });
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * Area under the precision–recall curve as average precision (scikit-learn's definition):
 * AP = Σ_n (R_n − R_{n−1}) · P_n over distinct score thresholds, highest first, so tied scores
 * enter together.
 */
export function auprc(pos: ArrayLike<number>, neg: ArrayLike<number>): number {
  const nPos = pos.length;
  if (nPos === 0) return NaN;
  let tp = 0;
  let seen = 0;
  let prevRecall = 0;
  let ap = 0;
  tieGroups(pos, neg, 'descending', (p, q) => {
    tp += p;
    seen += p + q;
    const recall = tp / nPos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
  });
  return ap;
}

/**
 * Calls visit(positives, negatives) for each distinct score, in the given order, with how many
 * positives and negatives have it. Each side is sorted on its own by the typed array's numeric sort
 * (no comparator: several times faster than sorting indices by score, and metrics run every epoch),
 * then the two are merged.
 */
function tieGroups(pos: ArrayLike<number>, neg: ArrayLike<number>, order: 'ascending' | 'descending', visit: (p: number, q: number) => void): void {
  // A NaN score (a diverged model) ranks lowest, as −∞: NaN equals nothing, so it could join no group.
  const sorted = (x: ArrayLike<number>) => {
    const out = new Float64Array(x.length);
    for (let i = 0; i < out.length; i++) out[i] = x[i] === x[i] ? x[i] : -Infinity;
    return out.sort();
  };
  const a = sorted(pos);
  const b = sorted(neg);
  const up = order === 'ascending';
  let i = up ? 0 : a.length - 1;
  let j = up ? 0 : b.length - 1;
  const step = up ? 1 : -1;
  const inA = (k: number) => k >= 0 && k < a.length;
  const inB = (k: number) => k >= 0 && k < b.length;
  while (inA(i) || inB(j)) {
    // The next score in this order: the smaller (or larger) of the two fronts.
    const v = !inB(j) ? a[i] : !inA(i) ? b[j] : up ? Math.min(a[i], b[j]) : Math.max(a[i], b[j]);
    let p = 0;
    let q = 0;
    for (; inA(i) && a[i] === v; i += step) p++;
    for (; inB(j) && b[j] === v; j += step) q++;
    visit(p, q);
  }
}

/**
 * Hits@K as OGB's link-prediction evaluator (ogbl-ddi uses K = 20): the fraction of positive scores
 * strictly greater than the K-th highest negative score. Computed on logits (the same order as
 * probabilities, but no sigmoid saturation into ties). With fewer than K negatives it is 1, as OGB.
 */
export function hitsAtK(pos: ArrayLike<number>, neg: ArrayLike<number>, k: number): number {
  if (pos.length === 0) return NaN;
  if (neg.length < k) return 1;
  const sorted = Float64Array.from(neg as ArrayLike<number>).sort();
  const kth = sorted[sorted.length - k];
  let hits = 0;
  for (let i = 0; i < pos.length; i++) if (pos[i] > kth) hits++;
  return hits / pos.length;
}

/** Fraction of predictions equal to the truth. */
export function accuracy(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (truth.length === 0) return NaN;
  let ok = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === predicted[i]) ok++;
  return ok / truth.length;
}

/**
 * Macro-averaged F1 as scikit-learn's f1_score(average='macro'): F1 = 2TP / (2TP + FP + FN) per
 * class, averaged over every class that occurs in the truth or the predictions (0 for a class
 * that is predicted but never true, or true but never predicted).
 */
export function macroF1(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (truth.length === 0) return NaN;
  const tp = new Map<number, number>();
  const fp = new Map<number, number>();
  const fn = new Map<number, number>();
  const inc = (m: Map<number, number>, c: number) => m.set(c, (m.get(c) ?? 0) + 1);
  for (let i = 0; i < truth.length; i++) {
    const t = truth[i];
    const p = predicted[i];
    if (t === p) inc(tp, t);
    else {
      inc(fp, p);
      inc(fn, t);
    }
  }
  const classes = new Set([...tp.keys(), ...fp.keys(), ...fn.keys()]);
  let sum = 0;
  for (const c of classes) {
    const t = tp.get(c) ?? 0;
    const denom = 2 * t + (fp.get(c) ?? 0) + (fn.get(c) ?? 0);
    sum += denom === 0 ? 0 : (2 * t) / denom;
  }
  return sum / classes.size;
}

/**
 * Confusion counts as a row-major k × k array: cell [t * k + p] counts pairs of true class t
 * predicted as p. Classes are 0..k−1; k defaults to one more than the largest class seen.
 */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, k?: number): { k: number; counts: Float64Array } {
  let n = k ?? 0;
  if (k === undefined) for (let i = 0; i < truth.length; i++) n = Math.max(n, truth[i] + 1, predicted[i] + 1);
  const counts = new Float64Array(n * n);
  for (let i = 0; i < truth.length; i++) counts[truth[i] * n + predicted[i]]++;
  return { k: n, counts };
}

/**
 * Cohen's κ as scikit-learn's cohen_kappa_score: (p_o − p_e) / (1 − p_e), p_o the observed agreement
 * (accuracy), p_e the agreement expected by chance from the truth's and the predictions' class
 * frequencies. It discounts the easy accuracy of always naming a frequent class. NaN when p_e = 1.
 */
export function cohenKappa(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const n = truth.length;
  if (n === 0) return NaN;
  const { k, counts } = confusionMatrix(truth, predicted);
  let agree = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    agree += counts[c * k + c];
    let row = 0;
    let col = 0;
    for (let j = 0; j < k; j++) {
      row += counts[c * k + j];
      col += counts[j * k + c];
    }
    expected += (row / n) * (col / n);
  }
  return expected === 1 ? NaN : (agree / n - expected) / (1 - expected);
}

export interface ClassScore {
  cls: number;
  /** 2TP / (2TP + FP + FN); NaN when the class is neither true nor predicted. */
  f1: number;
  precision: number;
  recall: number;
  /** How many pairs truly are of this class. */
  support: number;
  /** How many pairs were predicted as this class. */
  predicted: number;
}

/** F1, precision, recall, support and predicted count for each class 0..k−1. */
export function perClassF1(truth: ArrayLike<number>, predicted: ArrayLike<number>, k: number): ClassScore[] {
  const { counts } = confusionMatrix(truth, predicted, k);
  const out: ClassScore[] = [];
  for (let c = 0; c < k; c++) {
    const tp = counts[c * k + c];
    let support = 0;
    let pred = 0;
    for (let j = 0; j < k; j++) {
      support += counts[c * k + j];
      pred += counts[j * k + c];
    }
    const denom = support + pred; // = 2TP + FP + FN
    out.push({
      cls: c,
      f1: denom === 0 ? NaN : (2 * tp) / denom,
      precision: pred === 0 ? NaN : tp / pred,
      recall: support === 0 ? NaN : tp / support,
      support,
      predicted: pred,
    });
  }
  return out;
}

export interface Confusion {
  truth: number;
  predicted: number;
  count: number;
}

/** The `top` largest off-diagonal confusion cells (true class, predicted class, count), largest first. */
export function topConfusions(truth: ArrayLike<number>, predicted: ArrayLike<number>, top = 10): Confusion[] {
  const cells = new Map<string, Confusion>();
  for (let i = 0; i < truth.length; i++) {
    if (truth[i] === predicted[i]) continue;
    const key = `${truth[i]},${predicted[i]}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { truth: truth[i], predicted: predicted[i], count: 1 });
  }
  return [...cells.values()].sort((x, y) => y.count - x.count || x.truth - y.truth || x.predicted - y.predicted).slice(0, top);
}

/** Index of the largest value in each row of a row-major rows × cols array (first on ties). */
export function argmaxRows(values: ArrayLike<number>, cols: number): Int32Array {
  const rows = values.length / cols;
  const out = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < cols; c++) if (values[r * cols + c] > values[r * cols + best]) best = c;
    out[r] = best;
  }
  return out;
}

/** The link task's validation and test metrics from the scores of their positive and negative pairs. */
export function linkMetrics(valPos: ArrayLike<number>, valNeg: ArrayLike<number>, testPos: ArrayLike<number>, testNeg: ArrayLike<number>) {
  return {
    valAuroc: auroc(valPos, valNeg),
    valAuprc: auprc(valPos, valNeg),
    testAuroc: auroc(testPos, testNeg),
    testAuprc: auprc(testPos, testNeg),
    valHits20: hitsAtK(valPos, valNeg, 20),
    testHits20: hitsAtK(testPos, testNeg, 20),
  };
}
