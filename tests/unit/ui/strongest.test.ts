import { describe, expect, it } from 'vitest';
import { kthLargest, strongestFirst } from '../../../src/ui/network/strongest';
import { visibleSet } from '../../../src/ui/network/viewFilter';

/** The reference: a full sort, strongest first, ties by index, NaN last. */
function fullSort(indices: number[], p: Float32Array, k: number): number[] {
  const key = (i: number) => (Number.isNaN(p[i]) ? -Infinity : p[i]);
  return [...indices].sort((a, b) => key(b) - key(a) || a - b).slice(0, Math.max(0, k));
}

function lcg(seed: number) {
  return () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('kthLargest', () => {
  it('finds the value at each position of the descending order, with repeats', () => {
    const rand = lcg(3);
    const values = Array.from({ length: 200 }, () => Math.floor(rand() * 20) / 20);
    const sorted = [...values].sort((a, b) => b - a);
    for (const k of [0, 1, 7, 50, 199]) expect(kthLargest(Float64Array.from(values), k)).toBe(sorted[k]);
  });
});

describe('strongestFirst', () => {
  it('equals a full sort on random strengths with many ties and missing values', () => {
    const rand = lcg(7);
    for (let trial = 0; trial < 40; trial++) {
      const n = 1 + Math.floor(rand() * 3000);
      // Coarse strengths (many ties), some NaN.
      const p = Float32Array.from({ length: n }, () => (rand() < 0.05 ? NaN : Math.floor(rand() * 30) / 29));
      const indices = Array.from({ length: n }, (_, i) => i).filter(() => rand() < 0.7);
      const k = [0, 1, 5, 100, indices.length, indices.length + 3][trial % 6];
      const got = strongestFirst(Int32Array.from(indices), indices.length, p, k);
      expect(Array.from(got)).toEqual(fullSort(indices, p, k));
    }
  });

  it('reads only the first `count` indices', () => {
    const p = Float32Array.from([0.1, 0.9, 0.5, 0.7]);
    expect(Array.from(strongestFirst(Int32Array.from([0, 2, 1, 3]), 2, p, 5))).toEqual([2, 0]);
  });
});

describe('visibleSet on a big graph', () => {
  it('picks the same edges as a full sort, and keeps every edge when there are no predictions', () => {
    const rand = lcg(11);
    const m = 200_000;
    const src = new Int32Array(m);
    const dst = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      src[i] = Math.floor(rand() * 2000);
      dst[i] = 2000 + Math.floor(rand() * 2000);
    }
    const p = Float32Array.from({ length: m }, () => Math.round(rand() * 1000) / 1000);
    const filter = { maxEdges: 1000, minStrength: 0.2, focus: [] as number[], hops: 1 };
    const v = visibleSet(4000, src, dst, p, filter);
    const matching = Array.from({ length: m }, (_, i) => i).filter((i) => p[i] >= 0.2);
    expect(v.matching).toBe(matching.length);
    expect(Array.from(v.edges)).toEqual(fullSort(matching, p, 1000));
    const plain = visibleSet(4000, src, dst, null, filter);
    expect(Array.from(plain.edges)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(plain.matching).toBe(m);
  });
});
