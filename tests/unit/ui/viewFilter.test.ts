import { describe, expect, it } from 'vitest';
import { hiddenMasks, hiddenNames, neighbourhood, visibleSet, withHidden } from '../../../src/ui/network/viewFilter';

// Path 0-1-2-3-4 plus edge 1-5; node 6 isolated.
const src = Int32Array.from([0, 1, 2, 3, 1]);
const dst = Int32Array.from([1, 2, 3, 4, 5]);
const all = { maxEdges: 100, minStrength: 0, focus: [] as number[], hops: 1 };

describe('neighbourhood', () => {
  it('grows one hop at a time', () => {
    expect(Array.from(neighbourhood(7, src, dst, [0], 1))).toEqual([1, 1, 0, 0, 0, 0, 0]);
    expect(Array.from(neighbourhood(7, src, dst, [0], 2))).toEqual([1, 1, 1, 0, 0, 1, 0]);
    expect(Array.from(neighbourhood(7, src, dst, [6], 3))).toEqual([0, 0, 0, 0, 0, 0, 1]);
  });
});

describe('visibleSet', () => {
  it('shows everything of a small graph', () => {
    const v = visibleSet(7, src, dst, null, all);
    expect(Array.from(v.edges)).toEqual([0, 1, 2, 3, 4]);
    expect(v.nodes.length).toBe(7);
    expect(v.matching).toBe(5);
  });

  it('caps the edges drawn, strongest first', () => {
    const p = Float32Array.from([0.1, 0.9, 0.5, 0.7, 0.3]);
    const v = visibleSet(7, src, dst, p, { ...all, maxEdges: 2 });
    expect(Array.from(v.edges)).toEqual([1, 3]);
    expect(v.matching).toBe(5);
  });

  it('hides edges under the strength threshold', () => {
    const p = Float32Array.from([0.1, 0.9, 0.5, 0.7, 0.3]);
    const v = visibleSet(7, src, dst, p, { ...all, minStrength: 0.5 });
    expect(Array.from(v.edges)).toEqual([1, 3, 2]);
    expect(v.matching).toBe(3);
  });

  it('restricts to the ego network of focused drugs and draws only its nodes', () => {
    const v = visibleSet(7, src, dst, null, { ...all, focus: [0], hops: 2 });
    expect(Array.from(v.edges)).toEqual([0, 1, 4]);
    expect(Array.from(v.nodes)).toEqual([0, 1, 2, 5]);
  });
});

describe('hidden kinds and relations', () => {
  // Drugs 0, 1, 2; proteins 3, 4. Edges: 0-1, 1-2 (drug-drug), 0-3, 2-4 (drug-target), 3-4 (protein-protein, "ppi").
  const typed = {
    numNodes: 5,
    edgeSrc: Int32Array.from([0, 1, 0, 2, 3]),
    edgeDst: Int32Array.from([1, 2, 3, 4, 4]),
    nodeKind: Int32Array.from([0, 0, 0, 1, 1]),
    kinds: ['drug', 'protein'],
    edgeRelation: Int32Array.from([0, 0, 1, 1, 2]),
    relations: ['drug-drug', 'drug-target', 'ppi'],
  };
  const view = (hide: string) => visibleSet(5, typed.edgeSrc, typed.edgeDst, null, { ...all, hidden: hiddenMasks(typed, hiddenNames(hide)) });

  it('reads the setting as a list of names and toggles one', () => {
    expect(hiddenNames('')).toEqual([]);
    expect(hiddenNames(' drug-target, side effect ,')).toEqual(['drug-target', 'side effect']);
    expect(withHidden('', 'drug-target', true)).toBe('drug-target');
    expect(withHidden('drug-target', 'protein', true)).toBe('drug-target,protein');
    expect(withHidden('drug-target,protein', 'drug-target', false)).toBe('protein');
    expect(withHidden('protein', 'protein', true)).toBe('protein');
  });

  it('hides a relation’s edges and keeps its nodes', () => {
    const v = view('drug-target');
    expect(Array.from(v.edges)).toEqual([0, 1, 4]);
    expect(Array.from(v.nodes)).toEqual([0, 1, 2, 3, 4]);
    expect(v.matching).toBe(3);
  });

  it('hides a kind’s nodes and every edge touching them', () => {
    const v = view('protein');
    expect(Array.from(v.edges)).toEqual([0, 1]);
    expect(Array.from(v.nodes)).toEqual([0, 1, 2]);
    expect(Array.from(view('protein,drug-drug').edges)).toEqual([]);
  });

  it('ignores names the graph does not have, and untyped graphs', () => {
    expect(hiddenMasks(typed, ['nothing'])).toEqual({ nodes: null, edges: null });
    expect(hiddenMasks({ numNodes: 7, edgeSrc: src, edgeDst: dst }, ['drug-drug', 'drug'])).toEqual({ nodes: null, edges: null });
    expect(Array.from(view('nothing').edges)).toEqual([0, 1, 2, 3, 4]);
  });
});
