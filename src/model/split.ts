/**
 * Link-prediction splits: which known pairs train the model (and carry messages), which validate,
 * which test, and the fixed negatives that val/test are scored against. Pure data, seeded.
 */
import { Rng } from './rng';
import type { SplitMode } from '../settings/options';

/** Unordered node pairs as two parallel index arrays, a[i] < b[i]. */
export interface Pairs {
  a: Int32Array;
  b: Int32Array;
}

export interface LinkSplit {
  numNodes: number;
  trainPos: Pairs;
  valPos: Pairs;
  valNeg: Pairs;
  testPos: Pairs;
  testNeg: Pairs;
  /** New-drug splits (drugSplit.ts): the held-out drugs, which training never touches, not even in a negative. */
  unseenNodes?: Int32Array;
  /** New-drug splits: the mode and the validation and test drugs (their union is unseenNodes), as split files record them. */
  heldOut?: HeldOutDrugs;
}

export interface HeldOutDrugs {
  mode: Exclude<SplitMode, 'pairs'>;
  /** Sorted node indices. */
  val: Int32Array;
  test: Int32Array;
}

export const VAL_FRACTION = 0.05;
export const TEST_FRACTION = 0.1;

export const pairCount = (p: Pairs): number => p.a.length;

/**
 * A set of unordered pairs keyed by lo * n + hi (exact while n² < 2^53). Up to 16,384 nodes the keys
 * live in a bit set (≤ 32 MB): negative sampling probes it once per training pair every epoch, and on
 * ogbl-ddi (1.07 M pairs) that took ~300 ms per epoch with a Set<number> and ~45 ms with bits.
 */
export class PairSet {
  private readonly keys: Set<number> | null;
  private readonly bits: Uint8Array | null;
  private count = 0;
  constructor(private readonly n: number) {
    const dense = n <= 16_384;
    // Whole 32-bit words, so the GPU can read the same bits (bitWords).
    this.bits = dense ? new Uint8Array(4 * Math.ceil((n * n) / 32)) : null;
    this.keys = dense ? null : new Set<number>();
  }
  add(u: number, v: number): void {
    const k = this.key(u, v);
    if (this.bits) {
      const mask = 1 << (k & 7);
      if (!(this.bits[k >>> 3] & mask)) this.count++;
      this.bits[k >>> 3] |= mask;
    } else {
      this.keys!.add(k);
    }
  }
  has(u: number, v: number): boolean {
    const k = this.key(u, v);
    return this.bits ? (this.bits[k >>> 3] & (1 << (k & 7))) !== 0 : this.keys!.has(k);
  }
  addAll(p: Pairs): this {
    for (let i = 0; i < p.a.length; i++) this.add(p.a[i], p.b[i]);
    return this;
  }
  /**
   * The bit set as 32-bit words (bit k of the set is bit k & 31 of word k >> 5 on little-endian
   * hosts, i.e. every host browsers run on), or null above 16,384 nodes (keys in a Set).
   */
  bitWords(): Uint32Array | null {
    return this.bits ? new Uint32Array(this.bits.buffer) : null;
  }
  get size(): number {
    return this.bits ? this.count : this.keys!.size;
  }
  private key(u: number, v: number): number {
    return u < v ? u * this.n + v : v * this.n + u;
  }
}

function pick(src: Int32Array, dst: Int32Array, order: Uint32Array, from: number, to: number): Pairs {
  const a = new Int32Array(to - from);
  const b = new Int32Array(to - from);
  for (let i = from; i < to; i++) {
    const e = order[i];
    a[i - from] = Math.min(src[e], dst[e]);
    b[i - from] = Math.max(src[e], dst[e]);
  }
  return { a, b };
}

/** x's pairs, then y's. */
export function concatPairs(x: Pairs, y: Pairs): Pairs {
  const a = new Int32Array(x.a.length + y.a.length);
  const b = new Int32Array(a.length);
  a.set(x.a);
  a.set(y.a, x.a.length);
  b.set(x.b);
  b.set(y.b, x.b.length);
  return { a, b };
}

/**
 * Draws `count` distinct uniform pairs u ≠ v that are in none of `exclude`; adds them to `exclude`
 * so later draws stay distinct from them too.
 */
export function sampleNegatives(numNodes: number, count: number, exclude: PairSet, rng: Rng): Pairs {
  const maxPairs = (numNodes * (numNodes - 1)) / 2;
  if (exclude.size + count > maxPairs) {
    throw new Error(`The graph is too dense to draw ${count} distinct negative pairs.`);
  }
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  for (let i = 0; i < count;) {
    const u = rng.int(numNodes);
    const v = rng.int(numNodes);
    if (u === v || exclude.has(u, v)) continue;
    exclude.add(u, v);
    a[i] = Math.min(u, v);
    b[i] = Math.max(u, v);
    i++;
  }
  return { a, b };
}

/**
 * How many of the val and test negatives come from `given` known non-interactions: validation's
 * first, then test's; the rest are sampled.
 */
export function negativesFromGiven(given: number, nVal: number, nTest: number): { val: number; test: number } {
  const val = Math.min(given, nVal);
  return { val, test: Math.min(given - val, nTest) };
}

/**
 * 85 / 5 / 10 split of the known pairs (test share settable), with val/test negatives drawn once, all from one seed.
 * `given`: the data's own non-interactions (a label column's negatives, a < b); val/test negatives are
 * drawn from them first, in a seeded order, and sampled uniformly only for the rest.
 */
export function splitLinks(numNodes: number, src: Int32Array, dst: Int32Array, seed: number, testFraction = TEST_FRACTION, given?: Pairs): LinkSplit {
  const rng = new Rng(seed);
  const order = new Uint32Array(src.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  rng.fork(1).shuffle(order);
  const nVal = Math.floor(src.length * VAL_FRACTION);
  const nTest = Math.floor(src.length * testFraction);
  const valPos = pick(src, dst, order, 0, nVal);
  const testPos = pick(src, dst, order, nVal, nVal + nTest);
  const trainPos = pick(src, dst, order, nVal + nTest, src.length);
  const known = new PairSet(numNodes);
  for (let i = 0; i < src.length; i++) known.add(src[i], dst[i]);
  const negRng = rng.fork(2);
  if (!given || given.a.length === 0) {
    const valNeg = sampleNegatives(numNodes, nVal, known, negRng);
    const testNeg = sampleNegatives(numNodes, nTest, known, negRng);
    return { numNodes, trainPos, valPos, valNeg, testPos, testNeg };
  }
  const take = negativesFromGiven(given.a.length, nVal, nTest);
  const givenOrder = new Uint32Array(given.a.length);
  for (let i = 0; i < givenOrder.length; i++) givenOrder[i] = i;
  rng.fork(4).shuffle(givenOrder);
  const fromGiven = pick(given.a, given.b, givenOrder, 0, take.val + take.test);
  // Sampled negatives must not repeat a given one.
  known.addAll(fromGiven);
  const join = (a: Pairs, b: Pairs): Pairs => ({ a: Int32Array.from([...a.a, ...b.a]), b: Int32Array.from([...a.b, ...b.b]) });
  const part = (from: number, to: number): Pairs => ({ a: fromGiven.a.slice(from, to), b: fromGiven.b.slice(from, to) });
  const valNeg = join(part(0, take.val), sampleNegatives(numNodes, nVal - take.val, known, negRng));
  const testNeg = join(part(take.val, take.val + take.test), sampleNegatives(numNodes, nTest - take.test, known, negRng));
  return { numNodes, trainPos, valPos, valNeg, testPos, testNeg };
}

/** Which part of a split a known pair belongs to. */
export type SplitPart = 'train' | 'val' | 'test' | 'none';
export const SPLIT_PARTS: readonly SplitPart[] = ['train', 'val', 'test', 'none'];

/**
 * For each pair of `pairs`, the part of `split` holding it as a positive (index into SPLIT_PARTS):
 * 'none' for a known pair the split left out (e.g. a fixed split file over another graph).
 */
export function splitPartOf(split: LinkSplit, pairs: Pairs): Uint8Array {
  const keyOf = (u: number, v: number) => (u < v ? u * split.numNodes + v : v * split.numNodes + u);
  const part = new Map<number, number>();
  [split.trainPos, split.valPos, split.testPos].forEach((p, k) => {
    for (let i = 0; i < p.a.length; i++) part.set(keyOf(p.a[i], p.b[i]), k);
  });
  const out = new Uint8Array(pairs.a.length);
  for (let i = 0; i < out.length; i++) out[i] = part.get(keyOf(pairs.a[i], pairs.b[i])) ?? 3;
  return out;
}
