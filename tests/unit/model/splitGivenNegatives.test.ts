/** Val/test negatives drawn first from the data's own negatives (a label column's 0 rows). */
import { describe, expect, it } from 'vitest';
import { negativesFromGiven, PairSet, splitLinks, type Pairs } from '../../../src/model/split';
import { randomPairs } from '../../helpers/graphs';

const list = (p: Pairs) => Array.from(p.a, (a, i) => `${a}-${p.b[i]}`);

/** `count` distinct non-edges of the graph, a < b. */
function nonEdges(n: number, known: PairSet, count: number): Pairs {
  const a: number[] = [];
  const b: number[] = [];
  for (let u = 0; u < n && a.length < count; u++)
    for (let v = u + 1; v < n && a.length < count; v += 7)
      if (!known.has(u, v)) {
        a.push(u);
        b.push(v);
      }
  return { a: Int32Array.from(a), b: Int32Array.from(b) };
}

describe('splitLinks with the data’s own negatives', () => {
  const n = 200;
  const { a, b } = randomPairs(n, 1500, 7);
  const known = new PairSet(n).addAll({ a, b });

  it('takes validation’s first, then test’s, then samples the rest', () => {
    expect(negativesFromGiven(10, 75, 150)).toEqual({ val: 10, test: 0 });
    expect(negativesFromGiven(100, 75, 150)).toEqual({ val: 75, test: 25 });
    expect(negativesFromGiven(1000, 75, 150)).toEqual({ val: 75, test: 150 });
  });

  it('uses every given pair when there are fewer than needed; the rest are distinct sampled non-edges', () => {
    const given = nonEdges(n, known, 100);
    const s = splitLinks(n, a, b, 42, undefined, given);
    expect([s.valNeg.a.length, s.testNeg.a.length]).toEqual([75, 150]);
    const givenSet = new Set(list(given));
    const val = list(s.valNeg);
    const test = list(s.testNeg);
    expect(val.every((p) => givenSet.has(p))).toBe(true);
    expect(test.slice(0, 25).every((p) => givenSet.has(p))).toBe(true);
    expect(test.slice(25).some((p) => givenSet.has(p))).toBe(false);
    expect(new Set([...val, ...test]).size).toBe(225);
    for (const p of [s.valNeg, s.testNeg]) for (let i = 0; i < p.a.length; i++) expect(known.has(p.a[i], p.b[i])).toBe(false);
  });

  it('draws a seeded subset when there are more than needed; positives are split as without them', () => {
    const given = nonEdges(n, known, 400);
    const s1 = splitLinks(n, a, b, 42, undefined, given);
    const s2 = splitLinks(n, a, b, 42, undefined, given);
    const s3 = splitLinks(n, a, b, 43, undefined, given);
    const plain = splitLinks(n, a, b, 42);
    expect(list(s1.valNeg)).toEqual(list(s2.valNeg));
    expect(list(s1.valNeg)).not.toEqual(list(s3.valNeg));
    const givenSet = new Set(list(given));
    expect([...list(s1.valNeg), ...list(s1.testNeg)].every((p) => givenSet.has(p))).toBe(true);
    expect(list(s1.valPos)).toEqual(list(plain.valPos));
    expect(list(s1.trainPos)).toEqual(list(plain.trainPos));
    // No given pairs: exactly the split without them.
    expect(list(splitLinks(n, a, b, 42, undefined, { a: new Int32Array(0), b: new Int32Array(0) }).testNeg)).toEqual(list(plain.testNeg));
  });
});

describe('the link trainer', () => {
  it('evaluates against the graph’s own negatives and says so', async () => {
    const { LinkTrainer } = await import('../../../src/model/tasks/linkTrainer');
    const { DEFAULT_MODEL_SETTINGS } = await import('../../../src/settings/schema');
    const { communities } = await import('../../helpers/graphs');
    const g = communities(60, 1, { between: 0.02 });
    const known = new PairSet(g.numNodes).addAll({ a: g.edgeSrc, b: g.edgeDst });
    const given = nonEdges(g.numNodes, known, 5);
    const t = new LinkTrainer({ ...g, negativeSrc: given.a, negativeDst: given.b }, { ...DEFAULT_MODEL_SETTINGS, hidden: 8 }, 'cpu');
    const nVal = t.split.valNeg.a.length;
    expect(nVal).toBeGreaterThan(5);
    expect(list(t.split.valNeg).slice(0, 5).sort()).toEqual(list(given).sort());
    expect(t.featureNotes).toContain(
      `Evaluation uses the data's own negatives: 5 of the ${nVal + t.split.testNeg.a.length} validation and test negative pairs ` +
        'come from the 5 pairs the data labels negative (validation 5, test 0); the rest are sampled uniformly.',
    );
    t.dispose();
  });
});
