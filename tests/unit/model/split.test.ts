import { describe, expect, it } from 'vitest';
import { messageGraphFromPairs } from '../../../src/model/messageGraph';
import { PairSet, SPLIT_PARTS, splitLinks, splitPartOf, type Pairs } from '../../../src/model/split';
import { randomPairs } from '../../helpers/graphs';

function randomGraph(n: number, m: number, seed: number) {
  const { a, b } = randomPairs(n, m, seed);
  return { n, src: a, dst: b, known: new PairSet(n).addAll({ a, b }) };
}

const list = (p: Pairs) => Array.from(p.a, (a, i) => `${a}-${p.b[i]}`);

describe('splitLinks', () => {
  const g = randomGraph(200, 1500, 7);

  it('is deterministic for a seed and differs across seeds', () => {
    const s1 = splitLinks(g.n, g.src, g.dst, 42);
    const s2 = splitLinks(g.n, g.src, g.dst, 42);
    const s3 = splitLinks(g.n, g.src, g.dst, 43);
    expect(list(s1.valPos)).toEqual(list(s2.valPos));
    expect(list(s1.testNeg)).toEqual(list(s2.testNeg));
    expect(list(s1.valPos)).not.toEqual(list(s3.valPos));
  });

  it('splits 85 / 5 / 10 and uses every known pair exactly once', () => {
    const s = splitLinks(g.n, g.src, g.dst, 1);
    expect(s.valPos.a.length).toBe(Math.floor(1500 * 0.05));
    expect(s.testPos.a.length).toBe(Math.floor(1500 * 0.1));
    expect(s.trainPos.a.length).toBe(1500 - 75 - 150);
    const all = [...list(s.trainPos), ...list(s.valPos), ...list(s.testPos)];
    expect(new Set(all).size).toBe(1500);
  });

  it('keeps val/test positives out of the message-passing graph', () => {
    const s = splitLinks(g.n, g.src, g.dst, 3);
    const mg = messageGraphFromPairs(g.n, s.trainPos.a, s.trainPos.b);
    const messageEdges = new PairSet(g.n);
    for (let i = 0; i < mg.src.length; i++) messageEdges.add(mg.src[i], mg.dst[i]);
    expect(mg.src.length).toBe(2 * s.trainPos.a.length);
    for (const p of [s.valPos, s.testPos]) {
      for (let i = 0; i < p.a.length; i++) expect(messageEdges.has(p.a[i], p.b[i])).toBe(false);
    }
  });

  it('draws val/test negatives that are distinct, not self-loops and never known pairs', () => {
    const s = splitLinks(g.n, g.src, g.dst, 5);
    const negs = [...list(s.valNeg), ...list(s.testNeg)];
    expect(new Set(negs).size).toBe(negs.length);
    expect(s.valNeg.a.length).toBe(s.valPos.a.length);
    expect(s.testNeg.a.length).toBe(s.testPos.a.length);
    for (const p of [s.valNeg, s.testNeg]) {
      for (let i = 0; i < p.a.length; i++) {
        expect(p.a[i]).toBeLessThan(p.b[i]);
        expect(g.known.has(p.a[i], p.b[i])).toBe(false);
      }
    }
  });
});

describe('splitPartOf', () => {
  const pairs = (xs: [number, number][]): Pairs => ({ a: Int32Array.from(xs.map((p) => p[0])), b: Int32Array.from(xs.map((p) => p[1])) });
  it('names the part holding each pair, in either orientation, and none for pairs left out', () => {
    const empty = pairs([]);
    const split = {
      numNodes: 5,
      trainPos: pairs([
        [0, 1],
        [1, 2],
      ]),
      valPos: pairs([[2, 3]]),
      valNeg: empty,
      testPos: pairs([[0, 4]]),
      testNeg: empty,
    };
    const parts = splitPartOf(
      split,
      pairs([
        [1, 2],
        [3, 2],
        [0, 4],
        [3, 4],
        [0, 1],
      ]),
    );
    expect(Array.from(parts, (k) => SPLIT_PARTS[k])).toEqual(['train', 'val', 'test', 'none', 'train']);
  });
  it('agrees with the seeded split it is given', () => {
    const { a, b } = randomPairs(40, 200, 3);
    const split = splitLinks(40, a, b, 1);
    const parts = splitPartOf(split, { a, b });
    const count = (k: number) => parts.filter((p) => p === k).length;
    expect([count(0), count(1), count(2), count(3)]).toEqual([split.trainPos.a.length, split.valPos.a.length, split.testPos.a.length, 0]);
  });
});
