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

/**
 * The same search for any symmetric pair scorer (MLP, DistMult decoders): scores the upper triangle
 * in blocks of about `block` pairs, keeping the k best unknown ones.
 */
export function topUnknownPairsBy(
  n: number,
  k: number,
  known: PairSet,
  score: (pairs: { a: Int32Array; b: Int32Array }) => Float32Array,
  block = 65_536,
): ScoredPair[] {
  if (k <= 0) return [];
  const best: ScoredPair[] = [];
  let a: number[] = [];
  let b: number[] = [];
  const flush = () => {
    if (a.length === 0) return;
    const s = score({ a: Int32Array.from(a), b: Int32Array.from(b) });
    for (let i = 0; i < s.length; i++) best.push({ a: a[i], b: b[i], score: s[i] });
    // Keep the list short: sort and cut whenever it grows past 4k.
    if (best.length > 4 * k) best.sort((x, y) => y.score - x.score).splice(k);
    a = [];
    b = [];
  };
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      if (known.has(u, v)) continue;
      a.push(u);
      b.push(v);
      if (a.length >= block) flush();
    }
  }
  flush();
  return best.sort((x, y) => y.score - x.score).slice(0, k);
}
