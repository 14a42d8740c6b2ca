import { describe, expect, it } from 'vitest';
import { auprc, auroc } from '../../../src/model/metrics';

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
