/**
 * Mini-batches of training pairs for link prediction: which positives (and their negatives) each
 * optimiser step of an epoch sees. Pure data, seeded, so runs repeat.
 */
import type { Rng } from './rng';
import type { Pairs } from './split';

/**
 * Index batches covering 0..count−1 once. With batchSize 0 or ≥ count: one batch in the original
 * order and no random numbers drawn, so such a run is exactly the full-batch one. Otherwise a fresh
 * permutation (as OGB's DataLoader with shuffle=True) cut into ⌈count / batchSize⌉ batches, the last shorter.
 */
export function batchIndices(count: number, batchSize: number, rng: Rng): Int32Array[] {
  const all = new Int32Array(count);
  for (let i = 0; i < count; i++) all[i] = i;
  if (batchSize <= 0 || batchSize >= count) return [all];
  rng.shuffle(all);
  const out: Int32Array[] = [];
  for (let from = 0; from < count; from += batchSize) out.push(all.subarray(from, Math.min(count, from + batchSize)));
  return out;
}

/** The pairs at the given indices. */
export function pickPairs(p: Pairs, idx: Int32Array): Pairs {
  const a = new Int32Array(idx.length);
  const b = new Int32Array(idx.length);
  for (let i = 0; i < idx.length; i++) {
    a[i] = p.a[idx[i]];
    b[i] = p.b[idx[i]];
  }
  return { a, b };
}

/**
 * The negatives of the positives at the given indices, when each positive i has `perPositive`
 * negatives at i·k … i·k + k − 1 (the layout of an epoch's draw), in the same grouped order.
 */
export function pickNegatives(neg: Pairs, idx: Int32Array, perPositive: number): Pairs {
  if (perPositive === 1) return pickPairs(neg, idx);
  const k = perPositive;
  const a = new Int32Array(idx.length * k);
  const b = new Int32Array(idx.length * k);
  for (let i = 0; i < idx.length; i++) {
    const from = idx[i] * k;
    a.set(neg.a.subarray(from, from + k), i * k);
    b.set(neg.b.subarray(from, from + k), i * k);
  }
  return { a, b };
}
