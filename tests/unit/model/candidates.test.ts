/**
 * The candidate scan over all N(N−1)/2 pairs: block by block for learned decoders, the same k best
 * unknown pairs as a brute-force sort, pauses between blocks, abandoned when told, no tensor leaks;
 * on wasm the MLP decoder's row scan (SIMD, h read in place) gives the pair path's scores.
 */
import * as tf from '../../../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { TopK, topUnknownPairs, topUnknownPairsBy, topUnknownPairsByRow } from '../../../src/model/candidates';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import { PairSet } from '../../../src/model/split';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';

const N = 30;
const rng = new Rng(9);
const known = new PairSet(N);
for (let i = 0; i < 120; i++) {
  const u = rng.int(N);
  const v = rng.int(N);
  if (u !== v) known.add(u, v);
}
/** A symmetric score with no ties among the first ranks. */
const f = (a: number, b: number) => Math.sin(0.7 * (a + b) + 0.013 * a * b) + 0.001 * (a + b);

function bruteForce(k: number, score: (a: number, b: number) => number) {
  const all: { a: number; b: number; score: number }[] = [];
  for (let a = 0; a < N; a++) for (let b = a + 1; b < N; b++) if (!known.has(a, b)) all.push({ a, b, score: score(a, b) });
  return all.sort((x, y) => y.score - x.score).slice(0, k);
}

describe('candidate scans', () => {
  it('TopK keeps the k largest, strongest first', () => {
    const t = new TopK(3);
    [5, 1, 9, 3, 7, 2].forEach((s, i) => t.offer(i, i + 1, s));
    expect(t.sorted().map((p) => p.score)).toEqual([9, 7, 5]);
    expect(t.admits(4)).toBe(false);
    expect(t.admits(6)).toBe(true);
    expect(new TopK(0).admits(100)).toBe(false);
  });

  it('a learned scorer in blocks (7 pairs, last block partial) finds the brute-force top 10, never a known pair', async () => {
    const blocks: number[] = [];
    let pauses = 0;
    const got = await topUnknownPairsBy(
      N,
      10,
      known,
      (p) => (blocks.push(p.a.length), Float32Array.from(p.a, (a, i) => f(a, p.b[i]))),
      () => (pauses++, true),
      7,
    );
    const want = bruteForce(10, (a, b) => Math.fround(f(a, b)));
    expect(got.map((p) => [p.a, p.b])).toEqual(want.map((p) => [p.a, p.b]));
    const unknown = (N * (N - 1)) / 2 - known.size;
    expect(blocks.reduce((s, x) => s + x, 0)).toBe(unknown);
    expect(Math.max(...blocks)).toBe(7);
    expect(pauses).toBe(blocks.length);
  });

  it('the dot scan pauses every ~block pairs, and either scan gives up when pause says stop', async () => {
    const d = 3;
    const h = Float32Array.from({ length: N * d }, () => rng.normal());
    let pauses = 0;
    const dot = (a: number, b: number) => h[a * d] * h[b * d] + h[a * d + 1] * h[b * d + 1] + h[a * d + 2] * h[b * d + 2];
    const got = await topUnknownPairs(h, N, d, 5, known, () => (pauses++, true), 50);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(435 / 50) - 1);
    got.forEach((p, i) => expect(p.score).toBeCloseTo(bruteForce(5, dot)[i].score, 5));
    expect(await topUnknownPairs(h, N, d, 5, known, () => false, 50)).toEqual([]);
    expect(
      await topUnknownPairsBy(
        N,
        5,
        known,
        (p) => new Float32Array(p.a.length),
        () => false,
        7,
      ),
    ).toEqual([]);
  });

  it('LinkTrainer with the MLP decoder: the model’s own top unknown pairs, no tensors left, [] once disposed mid-scan', async () => {
    const a: number[] = [];
    const b: number[] = [];
    for (let u = 0; u < 60; u++)
      for (let v = u + 1; v < 60; v++)
        if ((u + v) % 5 === 0 && rng.next() < 0.6) {
          a.push(u);
          b.push(v);
        }
    const g = { numNodes: 60, edgeSrc: Int32Array.from(a), edgeDst: Int32Array.from(b) };
    const t = new LinkTrainer(g, { ...DEFAULT_MODEL_SETTINGS, model: 'gcn', decoder: 'mlp', hidden: 8 }, 'cpu');
    for (let e = 0; e < 5; e++) await t.runEpoch();
    const h = await t.embeddings();
    const before = tf.memory().numTensors;
    const c = await t.candidates(8, h);
    expect(tf.memory().numTensors).toBe(before);
    // Brute force through the decoder over every pair at once.
    const pa: number[] = [];
    const pb: number[] = [];
    const knownSet = new PairSet(60);
    for (let i = 0; i < a.length; i++) knownSet.add(a[i], b[i]);
    for (let u = 0; u < 60; u++)
      for (let v = u + 1; v < 60; v++)
        if (!knownSet.has(u, v)) {
          pa.push(u);
          pb.push(v);
        }
    const s = await t.scorePairs(h, { a: Int32Array.from(pa), b: Int32Array.from(pb) });
    // scorePairs in blocks (here of 100, last one partial) gives the same logits as in one go.
    const one = await t.scorePairs(h, { a: Int32Array.from(pa), b: Int32Array.from(pb) }, 1 << 30);
    expect(pa.length % 100).not.toBe(0);
    expect(Array.from(await t.scorePairs(h, { a: Int32Array.from(pa), b: Int32Array.from(pb) }, 100))).toEqual(Array.from(one));
    expect(Array.from(s)).toEqual(Array.from(one));
    expect(tf.memory().numTensors).toBe(before);
    const best = [...s].sort((x, y) => y - x).slice(0, 8);
    expect(c.map((p) => p.score)).toEqual(best);
    c.forEach((p) => expect(knownSet.has(p.a, p.b)).toBe(false));
    // Disposed while the scan waits between blocks: it stops quietly.
    let first = true;
    const stopped = await t.candidates(8, h, () => {
      if (first) t.dispose();
      first = false;
      return true;
    });
    expect(stopped).toEqual([]);
  });

  it('the row scan: brute-force top 10 and pauses; on wasm the MLP decoder’s SIMD rows equal its pair scores within 1e-5', async () => {
    let pauses = 0;
    // Rows u0 … u0 + count − 1 at a stride of N, row u's scores for v > u from its start (the rest NaN: never read).
    const rowsOf = (u0: number, count: number) => {
      const s = new Float32Array(count * N).fill(NaN);
      for (let r = 0; r < count; r++) for (let v = u0 + r + 1; v < N; v++) s[r * N + v - (u0 + r) - 1] = f(u0 + r, v);
      return s;
    };
    const got = await topUnknownPairsByRow(N, 10, known, rowsOf, () => (pauses++, true), 50);
    expect(got.map((p) => [p.a, p.b])).toEqual(bruteForce(10, (a, b) => Math.fround(f(a, b))).map((p) => [p.a, p.b]));
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(435 / 50) - 1);
    expect(await topUnknownPairsByRow(N, 10, known, rowsOf, () => false, 50)).toEqual([]);
    // Blocks of several rows (200 pairs: 6 rows of 30) give the same top 10.
    expect(await topUnknownPairsByRow(N, 10, known, rowsOf, () => true, 200)).toEqual(got);

    await tf.setBackend('wasm');
    try {
      const n = 70;
      const g = { numNodes: n, edgeSrc: Int32Array.from({ length: 60 }, (_, i) => i), edgeDst: Int32Array.from({ length: 60 }, (_, i) => i + 5) };
      const t = new LinkTrainer(g, { ...DEFAULT_MODEL_SETTINGS, model: 'gcn', decoder: 'mlp', hidden: 12 }, 'wasm');
      for (let e = 0; e < 3; e++) await t.runEpoch();
      const h = await t.embeddings();
      const before = tf.memory().numTensors;
      const c = await t.candidates(20, h);
      expect(tf.memory().numTensors).toBe(before);
      const s = await t.scorePairs(h, { a: Int32Array.from(c, (p) => p.a), b: Int32Array.from(c, (p) => p.b) });
      c.forEach((p, i) => expect(Math.abs(p.score - s[i])).toBeLessThan(1e-5));
      // No unknown pair outside the list scores above its last one.
      const listed = new Set(c.map((p) => p.a * n + p.b));
      let above = 0;
      const pa: number[] = [];
      const pb: number[] = [];
      for (let u = 0; u < n; u++) {
        for (let v = u + 1; v < n; v++) {
          pa.push(u);
          pb.push(v);
        }
      }
      const all = await t.scorePairs(h, { a: Int32Array.from(pa), b: Int32Array.from(pb) });
      for (let i = 0; i < pa.length; i++) if (!(pb[i] - pa[i] === 5 && pa[i] < 60) && !listed.has(pa[i] * n + pb[i]) && all[i] > c[19].score + 1e-5) above++;
      expect(above).toBe(0);
      t.dispose();
    } finally {
      await tf.setBackend('cpu');
    }
  });
});
