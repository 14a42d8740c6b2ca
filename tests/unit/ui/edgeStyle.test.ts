import { describe, expect, it } from 'vitest';
import { CANDIDATE_STYLE, knownEdgeStyle, STRENGTH_BINS, strengthBin, updateBins } from '../../../src/ui/network/edgeStyle';
import { strengthColor } from '../../../src/ui/colorScale';

describe('edge strength bins', () => {
  it('maps probabilities to bins 0…31 and missing ones to -1', () => {
    expect([0, 0.5, 1, -0.2, 1.7].map(strengthBin)).toEqual([0, 16, STRENGTH_BINS - 1, 0, STRENGTH_BINS - 1]);
    expect([NaN, Infinity].map(strengthBin)).toEqual([-1, -1]);
  });

  it('draws stronger bins wider on the strength scale, and candidates apart from every bin', () => {
    const styles = Array.from({ length: STRENGTH_BINS }, (_, b) => knownEdgeStyle(b));
    expect(styles[0].color).toBe(strengthColor(0));
    expect(styles[STRENGTH_BINS - 1].color).toBe(strengthColor(1));
    expect(styles.every((s, b) => b === 0 || s.width > styles[b - 1].width)).toBe(true);
    expect(knownEdgeStyle(-1).color).toBe(strengthColor(NaN));
    expect(styles.map((s) => s.color)).not.toContain(CANDIDATE_STYLE.color);
  });

  it('updates only the bins of the drawn edges that changed, and counts them', () => {
    const probabilities = new Float32Array([0.1, 0.2, 0.9, 0.5]);
    const drawn = new Int32Array([2, 0]);
    const bins = new Int8Array(drawn.length).fill(-1);
    expect(updateBins(bins, drawn, probabilities)).toBe(2);
    expect([...bins]).toEqual([strengthBin(0.9), strengthBin(0.1)]);
    expect(updateBins(bins, drawn, probabilities)).toBe(0);
    probabilities[2] = 0.905; // same bin
    probabilities[0] = 0.6;
    expect(updateBins(bins, drawn, probabilities)).toBe(1);
    expect([...bins]).toEqual([strengthBin(0.9), strengthBin(0.6)]);
    expect(updateBins(bins, drawn, null)).toBe(2);
    expect([...bins]).toEqual([-1, -1]);
  });
});
