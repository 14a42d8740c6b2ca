/**
 * The teaching view's heuristic numbers: a pair's terms (common neighbours with their weights, Katz's
 * walks by length) checked by hand on a six-node graph, summing to the scores the model uses, and a
 * drug's strongest unknown partners against a brute force.
 */
import { describe, expect, it } from 'vitest';
import { commonNeighbourWeights, heuristicScorer, neighbourLists, pairScore } from '../../../src/model/heuristics';
import { katzPairScores } from '../../../src/model/katz';
import { explainHeuristicPair, meanCommonNeighbours, strongestPartners } from '../../../src/model/teach/heuristicPair';
import { HEURISTIC_KINDS } from '../../../src/settings/options';

// 0–2, 1–2, 0–3, 1–3, 3–4, 2–5. Degrees: 0:2, 1:2, 2:3 {0,1,5}, 3:3 {0,1,4}, 4:1, 5:1.
const A = Int32Array.from([0, 1, 0, 1, 3, 2]);
const B = Int32Array.from([2, 2, 3, 3, 4, 5]);
const g = neighbourLists(6, A, B);

describe('explainHeuristicPair', () => {
  it('aa on (0, 1): common neighbours 2 and 3 (degree 3), each 1/ln 3, summing to the score', () => {
    const e = explainHeuristicPair('aa', g, 0, 1);
    expect(e.common.map((t) => [t.node, t.degree])).toEqual([
      [2, 3],
      [3, 3],
    ]);
    for (const t of e.common) expect(t.weight).toBeCloseTo(1 / Math.log(3), 12);
    expect(e.score).toBeCloseTo(2 / Math.log(3), 12);
    expect([e.degreeA, e.degreeB, e.numNodes, e.numPairs]).toEqual([2, 2, 6, 6]);
    expect(e.walks).toBeNull();
  });

  it('ra on (4, 0): one common neighbour 3, term 1/3; no common neighbour for (4, 5)', () => {
    const e = explainHeuristicPair('ra', g, 4, 0);
    expect(e.common).toEqual([{ node: 3, degree: 3, weight: 1 / 3 }]);
    expect(explainHeuristicPair('cn', g, 4, 5).common).toEqual([]);
  });

  it('katz on (0, 1): 0 direct walks, 2 of length 2 (via 2, 3), 0 of length 3 (bipartite-like paths); terms β^l × walks', () => {
    const e = explainHeuristicPair('katz', g, 0, 1);
    // Length 3 from 0 to 1: 0→x→y→1 needs y ∈ N(1) = {2, 3} adjacent to x ∈ N(0) = {2, 3}: 2–3 is no pair.
    expect(e.walks!.map((w) => w.walks)).toEqual([0, 2, 0]);
    expect(e.walks!.map((w) => w.factor)).toEqual([0.05, 0.05 ** 2, 0.05 ** 3]);
    expect(e.score).toBeCloseTo(2 * 0.0025, 15);
    expect(e.beta).toBe(0.05);
  });

  it('for every heuristic and pair the terms sum to the score the model ranks by', () => {
    for (const kind of HEURISTIC_KINDS)
      for (let a = 0; a < 6; a++)
        for (let b = 0; b < 6; b++) {
          if (a === b) continue;
          const e = explainHeuristicPair(kind, g, a, b);
          const model = heuristicScorer(kind, g).pairScores({ a: Int32Array.of(a), b: Int32Array.of(b) })[0];
          expect(e.score).toBeCloseTo(model, 6);
          if (kind !== 'katz') expect(e.score).toBeCloseTo(pairScore(g, commonNeighbourWeights(kind, g), a, b), 12);
          else expect(e.walks![1].walks).toBe(e.common.length);
        }
    expect(explainHeuristicPair('katz', g, 2, 3).score).toBeCloseTo(katzPairScores(g, { a: Int32Array.of(2), b: Int32Array.of(3) })[0], 6);
  });
});

describe('meanCommonNeighbours', () => {
  it('is the mean of |N(a) ∩ N(b)| over all pairs a ≠ b (brute force), 16/30 here', () => {
    let sum = 0;
    for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) if (a !== b) sum += explainHeuristicPair('cn', g, a, b).common.length;
    expect(meanCommonNeighbours(g)).toBeCloseTo(sum / 30, 12);
    // Degrees 2, 2, 3, 3, 1, 1: Σ d(d − 1) = 2 + 2 + 6 + 6 = 16.
    expect(meanCommonNeighbours(g)).toBeCloseTo(16 / 30, 12);
  });
});

describe('strongestPartners', () => {
  it('ranks the drug’s partners by score, leaving out known pairs, as a brute force does', () => {
    const known = new Set(['0,2', '0,3']);
    const isKnown = (x: number, y: number) => known.has(`${Math.min(x, y)},${Math.max(x, y)}`);
    for (const kind of HEURISTIC_KINDS) {
      const got = strongestPartners(kind, g, 0, 3, isKnown);
      const brute = [1, 4, 5]
        .map((node) => ({ node, score: explainHeuristicPair(kind, g, 0, node).score }))
        .sort((x, y) => y.score - x.score || x.node - y.node);
      expect(got.map((p) => p.node)).toEqual(brute.map((p) => p.node));
      got.forEach((p, i) => expect(p.score).toBeCloseTo(brute[i].score, 6));
    }
  });
});
