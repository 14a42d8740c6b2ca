/**
 * Common neighbours, Adamic–Adar and resource allocation against hand-computed values on a tiny
 * graph, the two-hop candidate scan against a dense brute force, and the heuristic trainer: one
 * evaluation, no parameters, metrics on the training pairs' neighbourhoods only.
 */
import { describe, expect, it } from 'vitest';
import { commonNeighbourWeights, neighbourLists, pairScore, pairScores, topUnknownByHeuristic } from '../../../src/model/heuristics';
import { PairSet } from '../../../src/model/split';
import { Rng } from '../../../src/model/rng';
import { auroc, hitsAtK } from '../../../src/model/metrics';
import { createTrainer } from '../../../src/model/tasks';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import type { CommonNeighbourKind } from '../../../src/model/heuristics';
import type { HeuristicTrainer } from '../../../src/model/tasks/heuristicTrainer';

// 0–2, 1–2, 0–3, 1–3, 3–4, 2–5, plus a repeat (2–0) and a self-loop (4–4), which must not count.
// Degrees: 0:2, 1:2, 2:3 {0,1,5}, 3:3 {0,1,4}, 4:1, 5:1.
const A = Int32Array.from([0, 1, 0, 1, 3, 2, 2, 4]);
const B = Int32Array.from([2, 2, 3, 3, 4, 5, 0, 4]);
const g = neighbourLists(6, A, B);
const score = (kind: CommonNeighbourKind, a: number, b: number) => pairScore(g, commonNeighbourWeights(kind, g), a, b);

describe('neighbourhood heuristics on a six-node graph', () => {
  it('neighbour lists are sorted, without repeats or self-loops', () => {
    const row = (v: number) => Array.from(g.col.subarray(g.rowPtr[v], g.rowPtr[v + 1]));
    expect([0, 1, 2, 3, 4, 5].map(row)).toEqual([[2, 3], [2, 3], [0, 1, 5], [0, 1, 4], [3], [2]]);
  });

  it('(0, 1) shares 2 and 3, both of degree 3: CN 2, AA 2/ln 3, RA 2/3', () => {
    expect(score('cn', 0, 1)).toBe(2);
    expect(score('aa', 0, 1)).toBeCloseTo(2 / Math.log(3), 12);
    expect(score('ra', 0, 1)).toBeCloseTo(2 / 3, 12);
  });

  it('(2, 3) shares 0 and 1 of degree 2: CN 2, AA 2/ln 2, RA 1 (order of the pair does not matter)', () => {
    expect(score('cn', 3, 2)).toBe(2);
    expect(score('aa', 2, 3)).toBeCloseTo(2 / Math.log(2), 12);
    expect(score('ra', 2, 3)).toBeCloseTo(1, 12);
  });

  it('a degree-1 drug next to a hub: (4, 0) shares only 3: CN 1, AA 1/ln 3, RA 1/3', () => {
    expect(score('cn', 4, 0)).toBe(1);
    expect(score('aa', 4, 0)).toBeCloseTo(1 / Math.log(3), 12);
    expect(score('ra', 4, 0)).toBeCloseTo(1 / 3, 12);
  });

  it('two degree-1 drugs with no common neighbour score 0 under every heuristic (finite, no log(1) division)', () => {
    for (const kind of ['cn', 'aa', 'ra'] as const) expect(score(kind, 4, 5)).toBe(0);
  });

  it('the strongest unknown pairs are the two pairs with two common neighbours, known pairs left out', async () => {
    const known = new PairSet(6);
    for (let i = 0; i < A.length; i++) known.add(A[i], B[i]);
    const top = await topUnknownByHeuristic(g, commonNeighbourWeights('cn', g), 2, known);
    expect(top.map((p) => [p.a, p.b, p.score]).sort()).toEqual([
      [0, 1, 2],
      [2, 3, 2],
    ]);
  });
});

describe('two-hop candidate scan', () => {
  it('matches a dense brute force (A·diag(w)·A) on a random graph, for each heuristic', async () => {
    const n = 60;
    const rng = new Rng(7);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 300; i++) {
      a.push(rng.int(n));
      b.push(rng.int(n));
    }
    const lists = neighbourLists(n, Int32Array.from(a), Int32Array.from(b));
    const adj = new Uint8Array(n * n);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) adj[a[i] * n + b[i]] = adj[b[i] * n + a[i]] = 1;
    const deg = Array.from({ length: n }, (_, v) => adj.subarray(v * n, (v + 1) * n).reduce((s, x) => s + x, 0));
    const known = new PairSet(n);
    for (let i = 0; i < a.length; i++) known.add(a[i], b[i]);
    for (const kind of ['cn', 'aa', 'ra'] as const) {
      const w = (v: number) => (kind === 'cn' ? 1 : kind === 'aa' ? 1 / Math.log(deg[v]) : 1 / deg[v]);
      const all: number[] = [];
      for (let x = 0; x < n; x++)
        for (let y = x + 1; y < n; y++) {
          let s = 0;
          for (let v = 0; v < n; v++) if (adj[x * n + v] && adj[y * n + v]) s += w(v);
          if (!adj[x * n + y] && s > 0) all.push(s);
          expect(pairScore(lists, commonNeighbourWeights(kind, lists), x, y)).toBeCloseTo(s, 10);
        }
      // The batched scorer (pairs grouped by first drug, both orders) agrees with the merge, pair by pair.
      const pa: number[] = [];
      const pb: number[] = [];
      for (let x = 0; x < n; x++)
        for (let y = 0; y < n; y++)
          if (x !== y && (x * 31 + y) % 3 === 0) {
            pa.push(x);
            pb.push(y);
          }
      const batched = pairScores(lists, commonNeighbourWeights(kind, lists), { a: Int32Array.from(pa), b: Int32Array.from(pb) });
      pa.forEach((x, i) => expect(batched[i]).toBe(Math.fround(pairScore(lists, commonNeighbourWeights(kind, lists), x, pb[i]))));
      all.sort((p, q) => q - p);
      const top = await topUnknownByHeuristic(lists, commonNeighbourWeights(kind, lists), 25, known);
      expect(top.map((p) => p.score)).toEqual(all.slice(0, 25).map((s) => expect.closeTo(s, 10)));
      for (const p of top) expect(known.has(p.a, p.b)).toBe(false);
    }
  });
});

describe('HeuristicTrainer', () => {
  // Two dense blocks joined by one pair: held-out pairs inside a block share neighbours.
  const n = 40;
  const src: number[] = [];
  const dst: number[] = [];
  for (let x = 0; x < n; x++)
    for (let y = x + 1; y < n; y++)
      if (x < 20 === y < 20 && (x * 7 + y * 3) % 4 !== 0) {
        src.push(x);
        dst.push(y);
      }
  src.push(0);
  dst.push(39);
  const graph = { numNodes: n, edgeSrc: Int32Array.from(src), edgeDst: Int32Array.from(dst) };

  it('has no parameters, evaluates once and stops, with metrics from the training pairs only', async () => {
    const t = createTrainer(graph, { ...DEFAULT_MODEL_SETTINGS, model: 'cn' }, 'cpu') as HeuristicTrainer;
    expect(t.model).toBeNull();
    expect(t.variables()).toEqual([]);
    const r = await t.runEpoch();
    expect(r.epoch).toBe(1);
    expect(Number.isNaN(r.loss)).toBe(true);
    expect(t.stopReason).toMatch(/nothing to learn/);
    // Independent count on the training pairs: a held-out positive must not be its own evidence.
    const adj = new Set<string>();
    const { trainPos, testPos, testNeg } = t.split;
    for (let i = 0; i < trainPos.a.length; i++) adj.add(`${trainPos.a[i]},${trainPos.b[i]}`).add(`${trainPos.b[i]},${trainPos.a[i]}`);
    const cn = (x: number, y: number) => Array.from({ length: n }, (_, v) => v).filter((v) => adj.has(`${x},${v}`) && adj.has(`${y},${v}`)).length;
    const tp = Array.from(testPos.a, (x, i) => cn(x, testPos.b[i]));
    const tn = Array.from(testNeg.a, (x, i) => cn(x, testNeg.b[i]));
    expect(r.testAuroc).toBeCloseTo(auroc(tp, tn), 12);
    expect(r.testHits20).toBeCloseTo(hitsAtK(tp, tn, 20), 12);
    // Negatives across the blocks share no neighbour, those inside do: well above chance, short of perfect.
    expect(r.testAuroc).toBeGreaterThan(0.75);
    const cands = await t.candidates(5, new Float32Array(0));
    expect(cands).toHaveLength(5);
    expect(t.strengthOf(cands[0].score)).toBeGreaterThan(0);
    expect(t.strengthOf(cands[0].score)).toBeLessThanOrEqual(1);
    t.dispose();
  });

  it('refuses the node task (heuristics only score pairs)', () => {
    expect(() => createTrainer(graph, { ...DEFAULT_MODEL_SETTINGS, model: 'aa', task: 'node' }, 'cpu')).toThrow(/link-prediction heuristic/);
  });
});
