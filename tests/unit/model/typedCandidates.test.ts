/**
 * Candidates on a typed graph: with a relation chosen, the strongest unknown pairs are scanned over
 * the relation's two kinds only (drug × protein for drug-target), and a node's own candidates are
 * of the kind it pairs with. Checked against hand-computed scores and against a brute-force ranking.
 */
import { describe, expect, it } from 'vitest';
import type { DrugGraph } from '../../../src/data/graph';
import { drugProteinGraph } from './recipeFixtures';
import { pairSpaceSize, partnersIn, topUnknownPairs, topUnknownPairsBy, topUnknownPartners } from '../../../src/model/candidates';
import { PairSet } from '../../../src/model/split';
import { createTrainer } from '../../../src/model/tasks';
import type { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';

describe('candidate scans over a pair space', () => {
  // Drugs 0, 1; proteins 2, 3, 4. One-wide embeddings h = [1, 2, 3, 4, 5]: a pair's dot is the product.
  const h = Float32Array.from([1, 2, 3, 4, 5]);
  const space = { left: Int32Array.from([0, 1]), right: Int32Array.from([2, 3, 4]) };
  const known = new PairSet(5);
  known.add(1, 4);
  const product = (p: { a: Int32Array; b: Int32Array }) => Float32Array.from(p.a, (a, i) => h[a] * h[p.b[i]]);
  // By hand: unknown drug–protein pairs (1,3) = 8, (1,2) = 6, (0,4) = 5, (0,3) = 4, (0,2) = 3; (1,4) = 10 is known.
  const expected = [
    { a: 1, b: 3, score: 8 },
    { a: 1, b: 2, score: 6 },
    { a: 0, b: 4, score: 5 },
  ];

  it('dot scan: drug × protein only, known pairs left out', async () => {
    expect(await topUnknownPairs(h, 5, 1, 3, known, undefined, undefined, space)).toEqual(expected);
    // Without the space the protein–protein pair (3,4) = 20 would lead.
    expect((await topUnknownPairs(h, 5, 1, 1, known))[0]).toEqual({ a: 3, b: 4, score: 20 });
  });

  it('any scorer: the same pairs, in blocks smaller than the space', async () => {
    expect(await topUnknownPairsBy(5, 3, known, product, undefined, 2, space)).toEqual(expected);
    expect(pairSpaceSize(space)).toBe(6);
    expect(pairSpaceSize({ left: space.left, right: space.left })).toBe(1);
  });

  it('a node pairs with the other kind; its known partners are left out', async () => {
    expect([...partnersIn(space, 2)]).toEqual([0, 1]);
    expect([...partnersIn(space, 1)]).toEqual([2, 3, 4]);
    expect([...partnersIn({ left: space.left, right: space.left }, 0)]).toEqual([1]);
    expect(await topUnknownPartners(2, partnersIn(space, 2), 5, known, product)).toEqual([
      { a: 2, b: 1, score: 6 },
      { a: 2, b: 0, score: 3 },
    ]);
    expect(await topUnknownPartners(1, partnersIn(space, 1), 5, known, product, 1)).toEqual([
      { a: 1, b: 3, score: 8 },
      { a: 1, b: 2, score: 6 },
    ]);
  });
});

const typedGraph = (): DrugGraph => drugProteinGraph({ seed: 11, drugs: 30, proteins: 12, drugPairs: 80, targetPairs: 60 });

describe('a link trainer on a drug-target relation', () => {
  const g = typedGraph();
  const graph = { ...g, numNodes: g.nodes.length };
  const kindOf = (i: number) => g.kinds![g.nodeKind![i]];
  const knownPair = new Set(Array.from(g.edgeSrc, (a, e) => `${Math.min(a, g.edgeDst[e])},${Math.max(a, g.edgeDst[e])}`));
  const key = (a: number, b: number) => `${Math.min(a, b)},${Math.max(a, b)}`;

  for (const decoder of ['dot', 'mlp'] as const) {
    it(`${decoder}: candidates are the strongest unknown drug–protein pairs`, async () => {
      const t = createTrainer(graph, { ...DEFAULT_MODEL_SETTINGS, hidden: 8, epochs: 1, decoder, relation: 'drug-target' }, 'cpu') as LinkTrainer;
      try {
        await t.runEpoch();
        const h = await t.embeddings();
        const list = await t.candidates(15, h);
        expect(list).toHaveLength(15);
        for (const c of list) {
          expect([kindOf(c.a), kindOf(c.b)]).toEqual(['drug', 'protein']);
          expect(knownPair.has(key(c.a, c.b))).toBe(false);
        }
        // Brute force: every unknown drug–protein pair scored by the trainer's own pair scorer.
        const drugs = g.nodes.flatMap((_, i) => (kindOf(i) === 'drug' ? [i] : []));
        const proteins = g.nodes.flatMap((_, i) => (kindOf(i) === 'protein' ? [i] : []));
        const pairs = drugs.flatMap((a) => proteins.filter((b) => !knownPair.has(key(a, b))).map((b) => [a, b]));
        const scores = await t.scorePairs(h, { a: Int32Array.from(pairs, (p) => p[0]), b: Int32Array.from(pairs, (p) => p[1]) });
        const best = [...scores].sort((x, y) => y - x).slice(0, 15);
        list.forEach((c, i) => expect(c.score).toBeCloseTo(best[i], 4));

        // A protein's own candidates are drugs, strongest first, none already known.
        const p = proteins[0];
        const mine = await t.nodeCandidates(p, 5, h);
        expect(mine).toHaveLength(5);
        for (const c of mine) {
          expect(c.a).toBe(p);
          expect(kindOf(c.b)).toBe('drug');
          expect(knownPair.has(key(p, c.b))).toBe(false);
        }
        const mineBrute = [...(await t.scorePairs(h, { a: new Int32Array(drugs.length).fill(p), b: Int32Array.from(drugs) }))]
          .map((s, i) => ({ s, d: drugs[i] }))
          .filter(({ d }) => !knownPair.has(key(p, d)))
          .sort((x, y) => y.s - x.s);
        mine.forEach((c, i) => expect(c.score).toBeCloseTo(mineBrute[i].s, 4));
      } finally {
        t.dispose();
      }
    });
  }
});
