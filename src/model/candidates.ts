/**
 * The strongest predicted pairs among those not known to interact: a scan of the upper triangle
 * of H·Hᵀ keeping a size-k min-heap, so memory stays O(k) whatever the graph size.
 */
import type { PairSet } from './split';

export interface ScoredPair {
  a: number;
  b: number;
  /** Logit h_a · h_b. */
  score: number;
}

export function topUnknownPairs(h: Float32Array, n: number, d: number, k: number, known: PairSet): ScoredPair[] {
  const heap: ScoredPair[] = [];
  const push = (p: ScoredPair) => {
    heap.push(p);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (heap[parent].score <= heap[i].score) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  };
  const replaceMin = (p: ScoredPair) => {
    heap[0] = p;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l].score < heap[m].score) m = l;
      if (r < heap.length && heap[r].score < heap[m].score) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  };
  if (k <= 0) return [];
  for (let a = 0; a < n; a++) {
    const ao = a * d;
    for (let b = a + 1; b < n; b++) {
      const bo = b * d;
      let s = 0;
      for (let j = 0; j < d; j++) s += h[ao + j] * h[bo + j];
      if (heap.length === k && s <= heap[0].score) continue;
      if (known.has(a, b)) continue;
      if (heap.length < k) push({ a, b, score: s });
      else replaceMin({ a, b, score: s });
    }
  }
  return heap.sort((x, y) => y.score - x.score);
}
