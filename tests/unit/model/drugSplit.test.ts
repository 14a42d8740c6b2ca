/** New-drug splits (S1, S2): their invariants on a generated graph, and that training never touches a held-out drug. */
import { describe, expect, it } from 'vitest';
import { communities } from '../../helpers/graphs';
import { drugRoles, newDrugFeatureNote, splitLinksByDrug, trainingNodes, TEST, TRAIN, VAL, type NewDrugMode } from '../../../src/model/drugSplit';
import { drawKey, drawNegatives } from '../../../src/model/negatives';
import { PairSet, type Pairs } from '../../../src/model/split';
import { createTrainer } from '../../../src/model/tasks';
import type { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { splitTypedPairs } from '../../../src/model/tasks/typeTrainer';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';

const N = 200;
const graph = communities(N, 11);
const split = (mode: NewDrugMode, seed = 0, testFraction = 0.1) => splitLinksByDrug(N, graph.edgeSrc, graph.edgeDst, seed, mode, testFraction);
const rolesOf = (seed = 0, testFraction = 0.1) => drugRoles(N, graph.edgeSrc, graph.edgeDst, seed, testFraction);
const pairsOf = (p: Pairs) => Array.from(p.a, (a, i) => [a, p.b[i]] as const);

describe('drugRoles', () => {
  it('holds out floor(5 %) validation and floor(testFraction) test drugs, seeded', () => {
    for (const f of [0.1, 0.3]) {
      const role = rolesOf(0, f);
      const count = (r: number) => role.filter((x) => x === r).length;
      expect(count(VAL)).toBe(Math.floor(N * 0.05));
      expect(count(TEST)).toBe(Math.floor(N * f));
      expect(count(TRAIN)).toBe(N - count(VAL) - count(TEST));
    }
    expect(rolesOf(4)).toEqual(rolesOf(4));
    expect(rolesOf(4)).not.toEqual(rolesOf(5));
  });
});

describe.each(['new-drug-one', 'new-drug-both'] as const)('splitLinksByDrug %s', (mode) => {
  const s = split(mode);
  const role = rolesOf();
  const unseen = new Set(s.unseenNodes);

  it('lists the held-out drugs, and no training pair touches one', () => {
    expect([...unseen].sort((x, y) => x - y)).toEqual([...role.keys()].filter((v) => role[v] !== TRAIN));
    expect(s.trainPos.a.length).toBeGreaterThan(0);
    for (const [a, b] of pairsOf(s.trainPos)) expect(unseen.has(a) || unseen.has(b)).toBe(false);
  });

  it(`val/test pairs (positive and negative) have ${mode === 'new-drug-one' ? 'exactly one drug' : 'both drugs'} of the part's held-out set`, () => {
    for (const [part, pos, neg] of [
      [VAL, s.valPos, s.valNeg],
      [TEST, s.testPos, s.testNeg],
    ] as const) {
      expect(pos.a.length).toBeGreaterThan(0);
      expect(neg.a.length).toBe(pos.a.length);
      for (const [a, b] of [...pairsOf(pos), ...pairsOf(neg)]) {
        const roles = [role[a], role[b]].sort();
        expect(roles).toEqual(mode === 'new-drug-one' ? [TRAIN, part] : [part, part]);
      }
    }
  });

  it('draws distinct negatives that are no known pair, and every positive is a known pair used once', () => {
    const known = new PairSet(N);
    for (let i = 0; i < graph.edgeSrc.length; i++) known.add(graph.edgeSrc[i], graph.edgeDst[i]);
    const negs = [...pairsOf(s.valNeg), ...pairsOf(s.testNeg)];
    for (const [a, b] of negs) expect(known.has(a, b)).toBe(false);
    expect(new Set(negs.map(([a, b]) => a * N + b)).size).toBe(negs.length);
    const pos = [s.trainPos, s.valPos, s.testPos].flatMap(pairsOf);
    for (const [a, b] of pos) expect(known.has(a, b)).toBe(true);
    expect(new Set(pos.map(([a, b]) => a * N + b)).size).toBe(pos.length);
  });

  it('is reproducible from the seed and differs with another', () => {
    expect(split(mode, 3)).toEqual(split(mode, 3));
    expect(split(mode, 3).testPos).not.toEqual(split(mode, 4).testPos);
  });
});

describe('S1 and S2 hold out the same drugs', () => {
  it('and S2 tests only the pairs of S1 whose other drug is also unseen (none: S1 has none)', () => {
    const one = split('new-drug-one');
    const both = split('new-drug-both');
    expect(both.unseenNodes).toEqual(one.unseenNodes);
    // Test pairs of S2 lie among the held-out drugs, S1's cross into training drugs: disjoint sets.
    const s1 = new Set(pairsOf(one.testPos).map(([a, b]) => a * N + b));
    for (const [a, b] of pairsOf(both.testPos)) expect(s1.has(a * N + b)).toBe(false);
  });

  it('refuses a graph too small for a part, with a way out', () => {
    const tiny = communities(12, 1);
    expect(() => splitLinksByDrug(12, tiny.edgeSrc, tiny.edgeDst, 0, 'new-drug-both', 0.1)).toThrow(/no (validation|test) pairs.*raise the test fraction/);
  });
});

describe('training avoids held-out drugs', () => {
  const settings = (over: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, hidden: 8, epochs: 3, patience: 0, ...over });

  it('training negatives are drawn among training drugs only', () => {
    const s = split('new-drug-one');
    const nodes = trainingNodes(N, s.unseenNodes!);
    expect(nodes.length).toBe(N - s.unseenNodes!.length);
    const neg = drawNegatives(N, { key: drawKey(9, 1), count: 5000 }, new PairSet(N).addAll(s.trainPos), nodes);
    const unseen = new Set(s.unseenNodes);
    for (const [a, b] of pairsOf(neg)) {
      expect(a).toBeLessThan(b);
      expect(unseen.has(a) || unseen.has(b)).toBe(false);
    }
  });

  it.each(['mlp', 'dot'] as const)('a held-out drug’s learned row gets no gradient (decoder %s), a training drug’s does', async (decoder) => {
    const t = createTrainer(graph, settings({ splitMode: 'new-drug-one', decoder }), 'cpu') as LinkTrainer;
    try {
      const before = t.model!.features.embedding!.arraySync();
      for (let e = 0; e < 3; e++) await t.runEpoch();
      const after = t.model!.features.embedding!.arraySync();
      const unseen = new Set(t.split.unseenNodes);
      for (let v = 0; v < N; v++) {
        if (unseen.has(v)) expect(after[v]).toEqual(before[v]);
      }
      const trained = t.split.trainPos.a[0];
      expect(after[trained]).not.toEqual(before[trained]);
      expect(t.featureNotes.join(' ')).toMatch(/new-drug-one split holds out drugs.*morgan/);
    } finally {
      t.dispose();
    }
  });

  it('the pairs split is unchanged and has no note; descriptive features silence the note', () => {
    const t = createTrainer(graph, settings({}), 'cpu') as LinkTrainer;
    expect(t.split.unseenNodes).toBeUndefined();
    expect(t.featureNotes.some((n) => /holds out drugs/.test(n))).toBe(false);
    t.dispose();
    expect(newDrugFeatureNote('new-drug-both', ['learned', 'degree'])).toMatch(/new-drug-both/);
    expect(newDrugFeatureNote('new-drug-both', ['learned', 'morgan'])).toBeNull();
    expect(newDrugFeatureNote('pairs', ['learned'])).toBeNull();
  });
});

describe('type task by drug', () => {
  it.each(['new-drug-one', 'new-drug-both'] as const)('%s: training pairs avoid held-out drugs, test pairs follow the rule', (mode) => {
    const s = splitTypedPairs(graph, 0, 0.1, mode);
    const role = drugRoles(N, graph.edgeSrc, graph.edgeDst, 0, 0.1);
    for (const [a, b] of pairsOf(s.train)) expect([role[a], role[b]]).toEqual([TRAIN, TRAIN]);
    expect(s.test.a.length).toBeGreaterThan(0);
    for (const [a, b] of pairsOf(s.test)) {
      expect([role[a], role[b]].sort()).toEqual(mode === 'new-drug-one' ? [TRAIN, TEST] : [TEST, TEST]);
    }
    expect(s.test.type.length).toBe(s.test.a.length);
    expect(splitTypedPairs(graph, 0, 0.1, mode)).toEqual(s);
  });
});
