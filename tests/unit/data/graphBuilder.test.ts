import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../src/data/graph';

describe('GraphBuilder extensions used by the loaders', () => {
  it('finds every pair after many inserts (the pair hash grows), in either order', () => {
    const b = new GraphBuilder('t');
    const seen = new Set<string>();
    let x = 12345;
    const rnd = (n: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return x % n;
    };
    for (let k = 0; k < 50_000; k++) {
      const a = rnd(3000);
      const c = rnd(3000);
      const key = a < c ? `${a},${c}` : `${c},${a}`;
      const fresh = a !== c && !seen.has(key);
      expect(b.edge(a, c)).toBe(fresh);
      if (a !== c) seen.add(key);
    }
    expect(b.edgeCount).toBe(seen.size);
    for (const key of seen) {
      const [a, c] = key.split(',').map(Number);
      expect(b.hasEdge(c, a)).toBe(true);
    }
    expect(b.hasEdge(1, 1)).toBe(false);
    const g = b.build();
    expect(g.edgeSrc.length).toBe(seen.size);
    for (let i = 0; i < g.edgeSrc.length; i++) expect(g.edgeSrc[i]).toBeLessThan(g.edgeDst[i]);
  });

  it('weights: first weight of a merged pair wins, unweighted edges weigh 1', () => {
    const b = new GraphBuilder('w');
    b.edge(0, 1);
    b.weightedEdge(1, 2, 0.5);
    b.weightedEdge(2, 1, 0.9);
    b.edge(2, 3);
    expect(Array.from(b.build().edgeWeight!)).toEqual([1, 0.5, 1]);
    expect(new GraphBuilder('x').build().edgeWeight).toBeUndefined();
  });

  it('renames nodes (a name that was only the id follows), refusing clashes', () => {
    const b = new GraphBuilder('r');
    b.edgeByIds('0', '1');
    b.node('2', 'Named');
    expect(b.renameNode('0', 'DB00001')).toBe(true);
    expect(b.renameNode('1', 'DB00001')).toBe(false);
    expect(b.renameNode('9', 'DB00009')).toBe(false);
    expect(b.renameNode('2', 'DB00002')).toBe(true);
    expect(b.nodes.map((n) => [n.id, n.name])).toEqual([
      ['DB00001', 'DB00001'],
      ['1', '1'],
      ['DB00002', 'Named'],
    ]);
    expect(b.indexOf('DB00001')).toBe(0);
    expect(b.has('0')).toBe(false);
  });

  it('keeps notes sparse: only edges that came with one', () => {
    const b = new GraphBuilder('n');
    b.edge(0, 1, undefined, 'first');
    b.edge(1, 2);
    expect(b.build().edgeNotes).toEqual(['first', '']);
  });
});

describe('edgeUnlessPresent (DrugBank lists each interaction under both drugs)', () => {
  it('adds once, reports the repeat without counting a duplicate, drops self-loops', () => {
    const b = new GraphBuilder('x');
    expect(b.edgeUnlessPresent(0, 1, 'note')).toBe('added');
    expect(b.edgeUnlessPresent(1, 0)).toBe('present');
    expect(b.edgeUnlessPresent(2, 2)).toBe('self-loop');
    expect(b.report([]).duplicatesMerged).toBe(0);
    expect(b.report([]).selfLoopsDropped).toBe(1);
    expect(b.build().edgeNotes).toEqual(['note']);
  });
});
