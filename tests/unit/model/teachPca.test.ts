/** PCA against hand-computed cases, and the projection history's bounded, aligned record. */
import { describe, expect, it } from 'vitest';
import { pca2d } from '../../../src/model/teach/pca';
import { ProjectionHistory } from '../../../src/model/teach/projectionHistory';

describe('pca2d', () => {
  it('finds the axes and variances of a cross (cov = diag(2, 0.5))', () => {
    // Points ±2 on x and ±1 on y: mean 0, population covariance diag(8/4, 2/4).
    const x = Float32Array.from([2, 0, -2, 0, 0, 1, 0, -1]);
    const p = pca2d(x, 4, 2);
    expect(p.variance[0]).toBeCloseTo(2, 8);
    expect(p.variance[1]).toBeCloseTo(0.5, 8);
    expect(p.totalVariance).toBeCloseTo(2.5, 8);
    expect(Math.abs(p.axes[0][0])).toBeCloseTo(1, 8);
    expect(Array.from(p.points).map((v) => Math.abs(v))).toEqual([2, 0, 2, 0, 0, 1, 0, 1].map((v) => expect.closeTo(v, 6)));
  });

  it('projects points on a line in 3-D to the line (second axis empty)', () => {
    // (1,1,0), (2,2,0), (3,3,0): mean (2,2,0); first axis (1,1,0)/√2; coordinates -√2, 0, √2.
    const x = Float32Array.from([1, 1, 0, 2, 2, 0, 3, 3, 0]);
    const p = pca2d(x, 3, 3);
    expect(p.axes[0][0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(p.axes[0][1]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(p.variance[0]).toBeCloseTo(4 / 3, 6);
    expect(p.variance[1]).toBeCloseTo(0, 6);
    expect(Array.from(p.points)).toEqual([-Math.SQRT2, 0, 0, 0, Math.SQRT2, 0].map((v) => expect.closeTo(v, 5)));
  });

  it('is deterministic with a fixed sign (largest loading positive)', () => {
    const x = Float32Array.from({ length: 60 }, (_, i) => Math.sin(i * 1.7) * (i % 3) + (i % 5));
    const p = pca2d(x, 20, 3);
    const q = pca2d(x, 20, 3);
    expect(Array.from(p.points)).toEqual(Array.from(q.points));
    for (const axis of p.axes) {
      const big = axis.reduce((best, v) => (Math.abs(v) > Math.abs(best) ? v : best), 0);
      expect(big).toBeGreaterThan(0);
      expect(Math.hypot(...axis)).toBeCloseTo(1, 8);
    }
    expect(p.axes[0].reduce((s, v, i) => s + v * p.axes[1][i], 0)).toBeCloseTo(0, 6);
  });
});

describe('ProjectionHistory', () => {
  const vectors = (t: number) => [{ label: 'after layer 1', data: Float32Array.from([t, 0, -t, 0, 0, 1, 0, -1]), cols: 2 }];

  it('keeps at most maxFrames, first and latest included, and serves the frame at or before an epoch', () => {
    const h = new ProjectionHistory(8);
    for (let e = 0; e <= 100; e++) h.record(e, vectors(2 + e / 100));
    const epochs = h.epochs;
    expect(epochs.length).toBeLessThanOrEqual(8);
    expect(epochs[0]).toBe(0);
    expect(epochs.at(-1)).toBe(100);
    expect([...epochs].sort((a, b) => a - b)).toEqual(epochs);
    const mid = h.get(epochs[2] + 1)!;
    expect(mid.epoch).toBe(epochs[2]);
    expect(h.get()!.epoch).toBe(100);
  });

  it('aligns the axes of consecutive frames (PCA sign is arbitrary)', () => {
    const h = new ProjectionHistory();
    h.record(0, vectors(2));
    // The same cloud mirrored: the recorded projection must not flip.
    h.record(1, [{ label: 'after layer 1', data: Float32Array.from([-2, 0, 2, 0, 0, -1, 0, 1]), cols: 2 }]);
    const a = h.get(0)!.layers[0].points;
    const b = h.get(1)!.layers[0].points;
    let corr = 0;
    for (let i = 0; i < a.length; i++) corr += a[i] * b[i];
    expect(corr).toBeGreaterThan(0);
  });
});
