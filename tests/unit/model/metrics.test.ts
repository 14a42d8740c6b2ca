import { describe, expect, it } from 'vitest';
import { accuracy, argmaxRows, auprc, auroc, cohenKappa, confusionMatrix, hitsAtK, macroF1, perClassF1, topConfusions } from '../../../src/model/metrics';

describe('auroc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(auroc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(auroc([0.1, 0.2], [0.9, 0.8])).toBe(0);
  });

  it('counts ties as one half (hand-computed)', () => {
    // pairs (pos, neg): (0.8,0.5) win, (0.8,0.8) tie, (0.5,0.5) tie, (0.5,0.8) loss → (1 + .5 + .5 + 0) / 4
    expect(auroc([0.8, 0.5], [0.5, 0.8])).toBeCloseTo(0.5, 12);
    // pos {3, 2, 2}, neg {2, 1}: (3>2)1 (3>1)1 (2=2).5 (2>1)1 (2=2).5 (2>1)1 → 5 / 6
    expect(auroc([3, 2, 2], [2, 1])).toBeCloseTo(5 / 6, 12);
    // all equal → 0.5
    expect(auroc([1, 1, 1], [1, 1])).toBeCloseTo(0.5, 12);
  });

  it('is NaN without positives or negatives', () => {
    expect(auroc([], [1])).toBeNaN();
    expect(auroc([1], [])).toBeNaN();
  });
});

describe('auprc (average precision)', () => {
  it('is 1 for a perfect ranking', () => {
    expect(auprc([0.9, 0.8], [0.1, 0.2])).toBe(1);
  });

  it('matches hand computation without ties', () => {
    // ranking: P(0.9) N(0.8) P(0.7) N(0.6): recall steps .5 at precision 1, .5 at precision 2/3
    expect(auprc([0.9, 0.7], [0.8, 0.6])).toBeCloseTo(0.5 * 1 + 0.5 * (2 / 3), 12);
  });

  it('lets tied scores enter together (hand-computed)', () => {
    // scores: P 0.9 | {P 0.5, N 0.5, N 0.5} | P 0.1
    // threshold 0.9: tp 1/1 → R=1/3, P=1; threshold 0.5: tp 2/4 → R=2/3, P=1/2; 0.1: tp 3/5 → R=1, P=3/5
    const expected = (1 / 3) * 1 + (1 / 3) * 0.5 + (1 / 3) * 0.6;
    expect(auprc([0.9, 0.5, 0.1], [0.5, 0.5])).toBeCloseTo(expected, 12);
    // everything tied: precision = prevalence
    expect(auprc([1, 1], [1, 1, 1])).toBeCloseTo(2 / 5, 12);
  });
});

describe('hitsAtK (OGB: positives strictly above the K-th highest negative)', () => {
  const pos = [5, 3, 2, 2];
  const neg = [4, 3, 3, 1];
  it('matches hand computation, ties with the threshold not counting', () => {
    // negatives sorted: 4, 3, 3, 1
    expect(hitsAtK(pos, neg, 1)).toBe(1 / 4); // > 4: only 5
    expect(hitsAtK(pos, neg, 2)).toBe(1 / 4); // > 3: only 5 (the positive 3 ties, not counted)
    expect(hitsAtK(pos, neg, 3)).toBe(1 / 4);
    expect(hitsAtK(pos, neg, 4)).toBe(1); // > 1: all
    expect(hitsAtK([3], [3, 0], 1)).toBe(0);
  });
  it('is 1 with fewer than K negatives (as OGB) and NaN without positives', () => {
    expect(hitsAtK(pos, neg, 5)).toBe(1);
    expect(hitsAtK([], neg, 1)).toBeNaN();
  });
  it('works on logits of any sign', () => {
    expect(hitsAtK([-1, -3], [-2, -5, -4], 1)).toBe(1 / 2);
  });
});

describe('accuracy and macro-F1', () => {
  it('accuracy is the fraction of exact matches', () => {
    expect(accuracy([0, 1, 2, 2], [0, 2, 2, 2])).toBe(3 / 4);
    expect(accuracy([], [])).toBeNaN();
  });
  it('macro-F1 averages per-class F1 over classes in truth or predictions (hand-computed)', () => {
    // class 0: tp 1 fp 0 fn 1 → 2/3; class 1: tp 2 fp 2 fn 0 → 4/6; class 2: tp 0 fn 1 → 0
    expect(macroF1([0, 0, 1, 1, 2], [0, 1, 1, 1, 1])).toBeCloseTo(4 / 9, 12);
    // a class only predicted counts with F1 0 (as scikit-learn)
    expect(macroF1([0, 0], [0, 1])).toBeCloseTo(1 / 3, 12);
    expect(macroF1([2, 2, 2], [2, 2, 2])).toBe(1);
  });
  it('argmaxRows takes the first of tied maxima', () => {
    expect(Array.from(argmaxRows([1, 3, 3, 0, 0, 0, -1, -2, 5], 3))).toEqual([1, 0, 2]);
  });
});

/** Pairs (truth, predicted) repeated as a confusion table says: cells[t][p] pairs of true t predicted p. */
function fromCells(cells: number[][]): { truth: number[]; predicted: number[] } {
  const truth: number[] = [];
  const predicted: number[] = [];
  cells.forEach((row, t) =>
    row.forEach((n, p) => {
      for (let i = 0; i < n; i++) {
        truth.push(t);
        predicted.push(p);
      }
    }),
  );
  return { truth, predicted };
}

describe("Cohen's kappa (hand-computed)", () => {
  it('2 × 2: p_o 0.7, p_e (25·30 + 25·20)/50² = 0.5 → κ 0.4', () => {
    const { truth, predicted } = fromCells([
      [20, 5],
      [10, 15],
    ]);
    expect(cohenKappa(truth, predicted)).toBeCloseTo(0.4, 12);
  });
  it('3 classes: p_o 4/6, p_e (2·2 + 2·3 + 2·1)/36 = 1/3 → κ 0.5', () => {
    expect(cohenKappa([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0])).toBeCloseTo(0.5, 12);
  });
  it('is 1 for perfect agreement, 0 for always naming one class, NaN for one class everywhere', () => {
    expect(cohenKappa([0, 1, 2, 1], [0, 1, 2, 1])).toBe(1);
    expect(cohenKappa([0, 0, 0, 1], [0, 0, 0, 0])).toBeCloseTo(0, 12);
    expect(cohenKappa([3, 3], [3, 3])).toBeNaN();
  });
});

describe('per-class F1, confusion matrix and the most confused pairs', () => {
  const truth = [0, 0, 1, 1, 2, 2];
  const predicted = [0, 1, 1, 1, 2, 0];
  it('per-class F1 = 2TP / (support + predicted); a class absent from both is NaN, and macro-F1 skips it', () => {
    const scores = perClassF1(truth, predicted, 4);
    // class 0: tp 1, support 2, predicted 2 → 2/4; class 1: tp 2, 2, 3 → 4/5; class 2: tp 1, 2, 1 → 2/3
    expect(scores.map((s) => s.f1).slice(0, 3)).toEqual([0.5, 0.8, 2 / 3]);
    expect(scores.map((s) => s.support)).toEqual([2, 2, 2, 0]);
    expect(scores.map((s) => s.predicted)).toEqual([2, 3, 1, 0]);
    expect(scores[1].precision).toBeCloseTo(2 / 3, 12);
    expect(scores[2].recall).toBe(0.5);
    expect(scores[3].f1).toBeNaN();
    expect(macroF1(truth, predicted)).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 12);
  });
  it('confusion matrix rows are the truth, columns the prediction', () => {
    const { k, counts } = confusionMatrix(truth, predicted);
    expect(k).toBe(3);
    expect(Array.from(counts)).toEqual([1, 1, 0, 0, 2, 0, 1, 0, 1]);
  });
  it('top confusions: off-diagonal cells, largest first, ties by true then predicted class', () => {
    const { truth: t, predicted: p } = fromCells([
      [9, 1, 3],
      [4, 9, 0],
      [1, 4, 9],
    ]);
    expect(topConfusions(t, p, 3)).toEqual([
      { truth: 1, predicted: 0, count: 4 },
      { truth: 2, predicted: 1, count: 4 },
      { truth: 0, predicted: 2, count: 3 },
    ]);
    expect(topConfusions(t, p).length).toBe(5);
  });
});

describe('AUROC and AUPRC on larger random scores with many ties', () => {
  it('equal a brute-force pair count and a threshold-by-threshold average precision; NaN ranks lowest', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31);
    const pos = Array.from({ length: 300 }, () => Math.round(next() * 40) / 4);
    const neg = Array.from({ length: 500 }, () => Math.round(next() * 30) / 4);
    let wins = 0;
    for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
    expect(auroc(pos, neg)).toBeCloseTo(wins / (pos.length * neg.length), 12);
    const thresholds = [...new Set([...pos, ...neg])].sort((x, y) => y - x);
    let ap = 0;
    let prev = 0;
    for (const t of thresholds) {
      const tp = pos.filter((x) => x >= t).length;
      const fp = neg.filter((x) => x >= t).length;
      ap += (tp / pos.length - prev) * (tp / (tp + fp));
      prev = tp / pos.length;
    }
    expect(auprc(pos, neg)).toBeCloseTo(ap, 12);
    expect(auroc([NaN, 1], [0])).toBe(0.5);
    expect(auroc([2], [NaN, 1])).toBe(1);
  });
});
