/**
 * The strongest predicted pairs among those not known to interact, over all N(N−1)/2 pairs, with
 * memory O(k + block) whatever the graph size: a size-k min-heap and, for learned decoders, one
 * block of pairs at a time. Both scans await `pause` between blocks so that a worker can take its
 * messages (pause, reset) during a long scan; `pause` returning false abandons the scan.
 */
import type { PairSet } from './split';

export interface ScoredPair {
  a: number;
  b: number;
  /** The decoder's logit for the pair. */
  score: number;
}

/** Awaited between blocks; false = stop (e.g. the model was rebuilt meanwhile). */
export type ScanPause = () => Promise<boolean> | boolean;

/** The k highest-scoring pairs offered so far (a min-heap on score). */
export class TopK {
  private readonly heap: ScoredPair[] = [];
  constructor(private readonly k: number) {}

  /** Would a pair with this score enter? (Cheap test before building the pair.) */
  admits(score: number): boolean {
    return this.k > 0 && (this.heap.length < this.k || score > this.heap[0].score);
  }

  offer(a: number, b: number, score: number): void {
    if (!this.admits(score)) return;
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push({ a, b, score });
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        if (heap[parent].score <= heap[i].score) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
      return;
    }
    heap[0] = { a, b, score };
    for (let i = 0; ;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l].score < heap[m].score) m = l;
      if (r < heap.length && heap[r].score < heap[m].score) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i], heap[m]];
      i = m;
    }
  }

  /** Strongest first. */
  sorted(): ScoredPair[] {
    return [...this.heap].sort((x, y) => y.score - x.score);
  }
}

/** Dot-product decoder: h_a · h_b straight from the row-major embeddings, ~`block` pairs between pauses. */
export async function topUnknownPairs(
  h: Float32Array,
  n: number,
  d: number,
  k: number,
  known: PairSet,
  pause?: ScanPause,
  block = 1 << 20,
): Promise<ScoredPair[]> {
  const top = new TopK(k);
  if (k <= 0) return [];
  let sinceLast = 0;
  for (let a = 0; a < n; a++) {
    const ao = a * d;
    for (let b = a + 1; b < n; b++) {
      const bo = b * d;
      let s = 0;
      for (let j = 0; j < d; j++) s += h[ao + j] * h[bo + j];
      if (top.admits(s) && !known.has(a, b)) top.offer(a, b, s);
    }
    sinceLast += n - a - 1;
    if (pause && sinceLast >= block) {
      sinceLast = 0;
      if (!(await pause())) return [];
    }
  }
  return top.sorted();
}

/**
 * Any symmetric pair scorer (MLP, DistMult decoders): the unknown pairs of the upper triangle are
 * scored `block` at a time (two reused index arrays; the scorer's tensors live for one block only).
 */
export async function topUnknownPairsBy(
  n: number,
  k: number,
  known: PairSet,
  score: (pairs: { a: Int32Array; b: Int32Array }) => Float32Array | Promise<Float32Array>,
  pause?: ScanPause,
  block = 16_384,
): Promise<ScoredPair[]> {
  if (k <= 0) return [];
  const top = new TopK(k);
  const a = new Int32Array(block);
  const b = new Int32Array(block);
  let fill = 0;
  const flush = async (): Promise<boolean> => {
    const pa = a.subarray(0, fill);
    const pb = b.subarray(0, fill);
    const s = await score({ a: pa, b: pb });
    for (let i = 0; i < fill; i++) top.offer(pa[i], pb[i], s[i]);
    fill = 0;
    return pause ? await pause() : true;
  };
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      if (known.has(u, v)) continue;
      a[fill] = u;
      b[fill] = v;
      if (++fill === block && !(await flush())) return [];
    }
  }
  if (fill > 0 && !(await flush())) return [];
  return top.sorted();
}
