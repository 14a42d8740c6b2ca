/**
 * The truncated Katz index against walks counted by hand on a four-node graph, against the dense
 * matrix-power formula Σ β^l A^l on a random graph (pair scores and the candidate scan), and as a
 * model: the heuristic trainer with model katz.
 */
import { describe, expect, it } from 'vitest';
import { heuristicScorer, neighbourLists } from '../../../src/model/heuristics';
import { KATZ_BETA, KATZ_MAX_LENGTH, KatzWalks, katzPairScores, topUnknownByKatz } from '../../../src/model/katz';
import { PairSet } from '../../../src/model/split';
import { Rng } from '../../../src/model/rng';
import { auroc } from '../../../src/model/metrics';
import { createTrainer } from '../../../src/model/tasks';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import type { HeuristicTrainer } from '../../../src/model/tasks/heuristicTrainer';
import { add, matmul, scale, zeros, type M } from './dense';

// A triangle 0–1–2 with a pendant 3 on 2 (plus a repeat and a self-loop that must not count).
const tiny = neighbourLists(4, Int32Array.from([0, 1, 2, 2, 1, 3]), Int32Array.from([1, 2, 0, 3, 0, 3]));

describe('Katz on a triangle with a pendant', () => {
  it('uses L = 3 and β = 0.05 by default', () => {
    expect(KATZ_MAX_LENGTH).toBe(3);
    expect(KATZ_BETA).toBe(0.05);
  });

  it('(0, 1): 1 walk of length 1, 1 of length 2 (via 2), 3 of length 3 (0-1-0-1, 0-1-2-1, 0-2-0-1)', () => {
    const w = new KatzWalks(tiny);
    w.from(0);
    expect(w.pathCounts(1)).toEqual([1, 1, 3]);
    expect(w.score(1)).toBeCloseTo(0.05 + 0.0025 + 3 * 0.000125, 15);
  });

  it('(0, 3): not adjacent, 1 walk of length 2 (0-2-3) and 1 of length 3 (0-1-2-3)', () => {
    const w = new KatzWalks(tiny);
    w.from(0);
    expect(w.pathCounts(3)).toEqual([0, 1, 1]);
    expect(katzPairScores(tiny, { a: Int32Array.from([0, 3]), b: Int32Array.from([3, 0]) })).toEqual(Float32Array.from([0.002625, 0.002625]));
  });

  it('L = 1 is adjacency; L = 2 adds common neighbours', () => {
    const one = new KatzWalks(tiny, 1, 0.5);
    one.from(3);
    expect([0, 1, 2].map((b) => one.score(b))).toEqual([0, 0, 0.5]);
    const two = new KatzWalks(tiny, 2, 0.5);
    two.from(3);
    expect(two.pathCounts(0)).toEqual([0, 1]);
    expect(two.score(0)).toBe(0.25);
  });

  it('refuses a walk length below 1', () => {
    expect(() => new KatzWalks(tiny, 0)).toThrow(/at least 1/);
  });
});

describe('Katz against the dense formula Σ_l β^l A^l', () => {
  const n = 40;
  const rng = new Rng(3);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 120; i++) {
    a.push(rng.int(n));
    b.push(rng.int(n));
  }
  const g = neighbourLists(n, Int32Array.from(a), Int32Array.from(b));
  const A = zeros(n, n);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) A[a[i]][b[i]] = A[b[i]][a[i]] = 1;
  const dense = (L: number, beta: number): M => {
    let power = A;
    let sum = scale(A, beta);
    for (let l = 2; l <= L; l++) {
      power = matmul(power, A);
      sum = add(sum, scale(power, beta ** l));
    }
    return sum;
  };

  for (const [L, beta] of [
    [3, 0.05],
    [4, 0.1],
    [2, 0.3],
  ] as const) {
    it(`L = ${L}, β = ${beta}: every pair's score, both orders`, () => {
      const K = dense(L, beta);
      const pa: number[] = [];
      const pb: number[] = [];
      for (let x = 0; x < n; x++)
        for (let y = 0; y < n; y++)
          if (x !== y) {
            pa.push(x);
            pb.push(y);
          }
      const got = katzPairScores(g, { a: Int32Array.from(pa), b: Int32Array.from(pb) }, L, beta);
      pa.forEach((x, i) => expect(got[i]).toBeCloseTo(K[x][pb[i]], 6));
    });
  }

  it('the candidate scan returns the dense formula’s top unknown pairs', async () => {
    const K = dense(KATZ_MAX_LENGTH, KATZ_BETA);
    const known = new PairSet(n);
    for (let i = 0; i < a.length; i++) known.add(a[i], b[i]);
    const all: number[] = [];
    for (let x = 0; x < n; x++) for (let y = x + 1; y < n; y++) if (!A[x][y] && K[x][y] > 0) all.push(K[x][y]);
    all.sort((p, q) => q - p);
    const top = await topUnknownByKatz(g, 30, known);
    expect(top.map((p) => p.score)).toEqual(all.slice(0, 30).map((s) => expect.closeTo(s, 12)));
    for (const p of top) {
      expect(known.has(p.a, p.b)).toBe(false);
      expect(p.score).toBeCloseTo(K[p.a][p.b], 12);
    }
    // Through the model-facing interface, the same pairs.
    const viaScorer = await heuristicScorer('katz', g).topUnknown(30, known);
    expect(viaScorer).toEqual(top);
  });

  it('a pause answering false abandons the scan', async () => {
    const top = await topUnknownByKatz(g, 5, new PairSet(n), () => false, 4);
    expect(top).toEqual([]);
  });
});

describe('HeuristicTrainer with model katz', () => {
  it('evaluates once, with test AUROC equal to the Katz scores’ on the training pairs', async () => {
    const n = 30;
    const src: number[] = [];
    const dst: number[] = [];
    for (let x = 0; x < n; x++)
      for (let y = x + 1; y < n; y++)
        if (x < 15 === y < 15 && (x + 2 * y) % 3 !== 0) {
          src.push(x);
          dst.push(y);
        }
    const t = createTrainer(
      { numNodes: n, edgeSrc: Int32Array.from(src), edgeDst: Int32Array.from(dst) },
      { ...DEFAULT_MODEL_SETTINGS, model: 'katz' },
      'cpu',
    ) as HeuristicTrainer;
    expect(t.model).toBeNull();
    const r = await t.runEpoch();
    expect(t.stopReason).toMatch(/katz is a heuristic/);
    const { trainPos, testPos, testNeg } = t.split;
    const train = neighbourLists(n, trainPos.a, trainPos.b);
    expect(r.testAuroc).toBeCloseTo(auroc(Array.from(katzPairScores(train, testPos)), Array.from(katzPairScores(train, testNeg))), 12);
    expect(r.testAuroc).toBeGreaterThan(0.75);
    t.dispose();
  });
});
