/** Mean and sample standard deviation over seeds, against values worked out by hand. */
import { describe, expect, it } from 'vitest';
import { formatMeanStd, meanStd, summarizeMetrics } from '../../../src/export/meanStd';

describe('meanStd', () => {
  it('gives the mean and the n − 1 standard deviation', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, 32 / 7 → std √(32/7) ≈ 2.13809.
    const s = meanStd([2, 4, 4, 4, 5, 5, 7, 9])!;
    expect(s.mean).toBe(5);
    expect(s.std).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.n).toBe(8);
    // Two values a, b: std = |a − b| / √2.
    expect(meanStd([0.9, 0.8])!.std).toBeCloseTo(0.1 / Math.SQRT2, 12);
  });

  it('keeps its precision for close values (no E[x²] − mean² cancellation)', () => {
    const s = meanStd([1e9 + 1, 1e9 + 2, 1e9 + 3])!;
    expect(s.mean).toBe(1e9 + 2);
    expect(s.std).toBe(1);
  });

  it('leaves out missing and NaN values; one value has no spread; none gives null', () => {
    expect(meanStd([3, NaN, undefined, null, 5])).toEqual({ mean: 4, std: Math.SQRT2, n: 2 });
    expect(meanStd([0.7])).toEqual({ mean: 0.7, std: null, n: 1 });
    expect(meanStd([NaN])).toBeNull();
  });
});

describe('summarizeMetrics', () => {
  it('summarises every val/test key, each over the runs that have it', () => {
    const s = summarizeMetrics([
      { epoch: 10, loss: 0.3, valAuroc: 0.8, testAuroc: 0.7, testHits20: 0.5 },
      { epoch: 12, loss: 0.2, valAuroc: 0.9, testAuroc: 0.9 },
      null,
    ]);
    expect(Object.keys(s.mean).sort()).toEqual(['testAuroc', 'testHits20', 'valAuroc']);
    expect(s.mean.valAuroc).toBeCloseTo(0.85, 12);
    expect(s.std.testAuroc).toBeCloseTo(0.2 / Math.SQRT2, 12);
    expect(s.n).toMatchObject({ testAuroc: 2, testHits20: 1 });
    expect(s.std.testHits20).toBeNull();
  });

  it('formats as "mean ± std"', () => {
    expect(formatMeanStd({ mean: 0.91234, std: 0.00401, n: 3 })).toBe('0.9123 ± 0.0040');
    expect(formatMeanStd({ mean: 0.5, std: null, n: 1 }, 3)).toBe('0.500');
    expect(formatMeanStd(null)).toBe('—');
  });
});
