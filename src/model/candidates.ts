/**
 * The strongest predicted pairs among those not known to interact, over all N(N−1)/2 pairs or, on a
 * typed graph, over the predicted relation's two kinds only (drug × protein for drug-target: a
 * protein–protein pair is no candidate binding), with memory O(k + block) whatever the graph size:
 * a size-k min-heap and, for learned decoders, one block of pairs at a time. Both scans await
 * `pause` between blocks so that a worker can take its messages (pause, reset) during a long scan;
 * `pause` returning false abandons the scan.
 */
import type { PairSet } from './split';

/**
 * The pairs a scan considers: every node of `left` with every node of `right` (the relation's two
 * kinds), or when both are the same array, each unordered pair of it once. Pairs come out as
 * (left node, right node). Absent: all nodes, pairs a < b.
 */
export interface PairSpace {
  left: Int32Array;
  right: Int32Array;
}

/** Every node, for graphs without kinds. */
export function allNodesSpace(n: number): PairSpace {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  return { left: all, right: all };
}

/** How many pairs a space holds. */
export function pairSpaceSize({ left, right }: PairSpace): number {
  return left === right ? (left.length * (left.length - 1)) / 2 : left.length * right.length;
}

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
  space: PairSpace = allNodesSpace(n),
): Promise<ScoredPair[]> {
  const top = new TopK(k);
  if (k <= 0) return [];
  const { left, right } = space;
  const within = left === right;
  let sinceLast = 0;
  for (let i = 0; i < left.length; i++) {
    const a = left[i];
    const ao = a * d;
    const from = within ? i + 1 : 0;
    for (let j = from; j < right.length; j++) {
      const b = right[j];
      if (a === b) continue;
      const bo = b * d;
      let s = 0;
      for (let t = 0; t < d; t++) s += h[ao + t] * h[bo + t];
      if (top.admits(s) && !known.has(a, b)) top.offer(a, b, s);
    }
    sinceLast += right.length - from;
    if (pause && sinceLast >= block) {
      sinceLast = 0;
      if (!(await pause())) return [];
    }
  }
  return top.sorted();
}

/**
 * Any symmetric pair scorer (MLP, DistMult decoders): the unknown pairs of the space (default: the
 * upper triangle) are scored `block` at a time (two reused index arrays; the scorer's tensors live
 * for one block only).
 */
export async function topUnknownPairsBy(
  n: number,
  k: number,
  known: PairSet,
  score: (pairs: { a: Int32Array; b: Int32Array }) => Float32Array | Promise<Float32Array>,
  pause?: ScanPause,
  block = 16_384,
  space: PairSpace = allNodesSpace(n),
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
  const { left, right } = space;
  const within = left === right;
  for (let i = 0; i < left.length; i++) {
    const u = left[i];
    for (let j = within ? i + 1 : 0; j < right.length; j++) {
      const v = right[j];
      if (u === v || known.has(u, v)) continue;
      a[fill] = u;
      b[fill] = v;
      if (++fill === block && !(await flush())) return [];
    }
  }
  if (fill > 0 && !(await flush())) return [];
  return top.sorted();
}

/**
 * All N(N−1)/2 pairs, scored a block of rows at a time: `scoreRows(u0, count)` gives, for each row
 * u = u0 + r, s(u, v) for v > u at [r·n + v − u − 1] (a decoder's fast row path, pairMlpSimdRows,
 * whose threads take the rows in chunks); known pairs are looked up only for scores that would enter
 * the top k. Pauses after each block of about `block` pairs.
 */
export async function topUnknownPairsByRow(
  n: number,
  k: number,
  known: PairSet,
  scoreRows: (u0: number, count: number) => Float32Array,
  pause?: ScanPause,
  block = 1 << 18,
): Promise<ScoredPair[]> {
  if (k <= 0) return [];
  const top = new TopK(k);
  const rowsPerBlock = Math.max(1, Math.floor(block / n));
  for (let u0 = 0; u0 + 1 < n; u0 += rowsPerBlock) {
    const count = Math.min(rowsPerBlock, n - 1 - u0);
    const s = scoreRows(u0, count);
    for (let r = 0; r < count; r++) {
      const u = u0 + r;
      offerRow(top, known, u, s.subarray(r * n, r * n + n - u - 1));
    }
    if (pause && u0 + count + 1 < n && !(await pause())) return [];
  }
  return top.sorted();
}

/**
 * Offers row u's unknown pairs (u, u + 1 + j) with scores s[j] to `top`. A function of its own: as
 * the inner loop of the async scan, V8 optimised it on the stack and threw that code away at the end
 * of each row (over a hundred times a scan), compiling again in the background.
 */
function offerRow(top: TopK, known: PairSet, u: number, s: Float32Array): void {
  for (let j = 0; j < s.length; j++) {
    if (top.admits(s[j]) && !known.has(u, u + 1 + j)) top.offer(u, u + 1 + j, s[j]);
  }
}

/**
 * The nodes `v` pairs with in a space: the other end's kind (proteins for a drug in drug × protein),
 * its own kind for a one-kind space, none when `v` is of neither kind.
 */
export function partnersIn(space: PairSpace, v: number): Int32Array {
  const { left, right } = space;
  const others = left.includes(v) ? right : right.includes(v) ? left : new Int32Array(0);
  return others.filter((u) => u !== v);
}

/**
 * The k strongest pairs (v, u) over u in `partners` that are not known, scored `block` at a time by
 * any pair scorer; strongest first, a = v.
 */
export async function topUnknownPartners(
  v: number,
  partners: Int32Array,
  k: number,
  known: PairSet,
  score: (pairs: { a: Int32Array; b: Int32Array }) => Float32Array | Promise<Float32Array>,
  block = 16_384,
): Promise<ScoredPair[]> {
  const top = new TopK(k);
  const unknown = partners.filter((u) => !known.has(v, u));
  for (let from = 0; from < unknown.length; from += block) {
    const b = unknown.subarray(from, Math.min(unknown.length, from + block));
    const s = await score({ a: new Int32Array(b.length).fill(v), b });
    for (let i = 0; i < b.length; i++) top.offer(v, b[i], s[i]);
  }
  return top.sorted();
}
