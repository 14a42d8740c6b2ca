import { describe, expect, it } from 'vitest';
import { apAtK, bestAndWorst, mean, median, perLabelScores, summariseLabels, type LabelScore } from '../../../src/model/labelMetrics';

/**
 * 8 pairs × 3 labels; label 0 has positive/negative ties (0.8, 0.5), label 2 a tie among negatives.
 * Reference values from scikit-learn 1.2.1 and Decagon's apk (ml_metrics), computed outside the project:
 *
 *   import numpy as np
 *   from sklearn.metrics import roc_auc_score, average_precision_score
 *   S = np.array(SCORES).reshape(8, 3); Y = np.array(TRUTH).reshape(8, 3)
 *   roc_auc_score(Y, S, average=None)           # [0.8666666666666667, 0.8666666666666667, 0.8333333333333334]
 *   average_precision_score(Y, S, average=None) # [0.7555555555555555, 0.8055555555555556, 0.75]
 *   def apk(actual, predicted, k):              # Decagon's rank_metrics.apk
 *       predicted = predicted[:k]; score = hits = 0.0
 *       for i, p in enumerate(predicted):
 *           if p in actual and p not in predicted[:i]: hits += 1; score += hits / (i + 1)
 *       return score / min(len(actual), k) if actual else 0.0
 *   for l in (1, 2):                           # the labels without positive/negative ties
 *       pos = [i for i in range(8) if Y[i, l]]; order = sorted(range(8), key=lambda i: -S[i, l])
 *       apk(pos, order, 50), apk(pos, order, 2) # l=1: 0.8055555555555555, 0.5; l=2: 0.75, 0.5
 */
const SCORES = [0.9, 0.1, 0.3, 0.8, 0.4, 0.3, 0.8, 0.35, 0.2, 0.5, 0.8, 0.9, 0.5, 0.2, 0.1, 0.3, 0.7, 0.4, 0.2, 0.6, 0.6, 0.1, 0.05, 0.7];
const TRUTH = [1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0];

describe('apAtK (Decagon AP@k)', () => {
  it('matches Decagon’s apk where no positive ties a negative', () => {
    const col = (l: number, want: 0 | 1) => SCORES.filter((_, i) => i % 3 === l && TRUTH[i] === want);
    expect(apAtK(col(1, 1), col(1, 0), 50)).toBeCloseTo(0.8055555555555555, 12);
    expect(apAtK(col(1, 1), col(1, 0), 2)).toBeCloseTo(0.5, 12);
    expect(apAtK(col(2, 1), col(2, 0), 50)).toBeCloseTo(0.75, 12);
    expect(apAtK(col(2, 1), col(2, 0), 2)).toBeCloseTo(0.5, 12);
  });

  it('puts negatives first within a tie (hand-computed)', () => {
    // pos {0.9, 0.8, 0.5}, neg {0.8, 0.5, 0.3, 0.2, 0.1} → order P N P N P …: (1/1 + 2/3 + 3/5) / 3
    expect(apAtK([0.9, 0.8, 0.5], [0.8, 0.5, 0.3, 0.2, 0.1], 50)).toBeCloseTo((1 + 2 / 3 + 3 / 5) / 3, 12);
    // Only the first k ranks count, divided by min(P, k): the hit at rank 1 of 2 → 1 / 2
    expect(apAtK([0.9, 0.8, 0.5], [0.8, 0.5, 0.3, 0.2, 0.1], 2)).toBeCloseTo(0.5, 12);
    // A constant score: N N N P P → (1/4 + 2/5) / 2, not Decagon's 1
    expect(apAtK([1, 1], [1, 1, 1], 50)).toBeCloseTo((1 / 4 + 2 / 5) / 2, 12);
  });

  it('is NaN without positives and 1 for positives on top', () => {
    expect(apAtK([], [0.3], 50)).toBeNaN();
    expect(apAtK([0.9, 0.8], [0.1], 50)).toBe(1);
  });
});

describe('perLabelScores', () => {
  it('matches scikit-learn’s per-label roc_auc_score and average_precision_score (ties included)', () => {
    const s = perLabelScores(SCORES, TRUTH, 8, 3);
    expect(s.map((x) => x.positives)).toEqual([3, 3, 2]);
    expect(s.map((x) => x.negatives)).toEqual([5, 5, 6]);
    [0.8666666666666667, 0.8666666666666667, 0.8333333333333334].forEach((v, l) => expect(s[l].auroc).toBeCloseTo(v, 12));
    [0.7555555555555555, 0.8055555555555556, 0.75].forEach((v, l) => expect(s[l].auprc).toBeCloseTo(v, 12));
    expect(s[0].apAt50).toBeCloseTo((1 + 2 / 3 + 3 / 5) / 3, 12);
  });

  it('leaves a label without positives (or without negatives) unscored', () => {
    const s = perLabelScores([0.1, 0.9, 0.2, 0.8], [0, 1, 0, 1], 2, 2);
    expect(s[0]).toMatchObject({ positives: 0, negatives: 2 });
    expect(s[0].auroc).toBeNaN();
    expect(s[1]).toMatchObject({ positives: 2, negatives: 0 });
    expect(s[1].apAt50).toBeNaN();
  });

  it('refuses a matrix of the wrong size', () => {
    expect(() => perLabelScores([1, 2, 3], [0, 1, 0], 2, 2)).toThrow(/2 × 2/);
  });
});

describe('summary over labels', () => {
  const score = (label: number, auroc: number, auprc: number): LabelScore => ({ label, positives: 1, negatives: 1, auroc, auprc, apAt50: auprc / 2 });
  const scores = [score(0, 0.9, 0.5), score(1, NaN, NaN), score(2, 0.6, 0.9), score(3, 0.7, 0.1), score(4, 0.8, 0.5)];

  it('means and medians only the scored labels', () => {
    const s = summariseLabels(scores);
    expect(s.scored).toBe(4);
    expect(s.mean.auroc).toBeCloseTo((0.9 + 0.6 + 0.7 + 0.8) / 4, 12);
    expect(s.median.auroc).toBeCloseTo(0.75, 12);
    expect(s.median.auprc).toBeCloseTo(0.5, 12);
    expect(s.mean.apAt50).toBeCloseTo((0.25 + 0.45 + 0.05 + 0.25) / 4, 12);
  });

  it('lists the best and worst by AUPRC, AUROC breaking ties, without overlap', () => {
    const { best, worst } = bestAndWorst(scores, 2);
    expect(best.map((s) => s.label)).toEqual([2, 0]);
    expect(worst.map((s) => s.label)).toEqual([3, 4]);
    // Fewer than 2 × count: the better half is best, the rest worst.
    const few = bestAndWorst(scores, 3);
    expect(few.best.map((s) => s.label)).toEqual([2, 0]);
    expect(few.worst.map((s) => s.label)).toEqual([3, 4]);
  });

  it('mean and median of nothing are NaN; a median of an odd count is the middle value', () => {
    expect(mean([])).toBeNaN();
    expect(median([])).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
  });
});
