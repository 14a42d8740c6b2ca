/**
 * Graph and split fingerprints: SHA-256 checked against Node's own hash, independent of file order
 * (drugs, interactions and the two ends of a pair), and changed by any change of content.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalGraphText, graphFingerprint, nodeOrderFingerprint, sha256Hex, splitFingerprint, type FingerprintGraph } from '../../../src/data/fingerprint';
import { splitLinks } from '../../../src/model/split';
import { communities } from '../../helpers/graphs';

const graph = (): FingerprintGraph & { nodes: { id: string }[] } => {
  const g = communities(20, 3);
  return { nodes: g.nodes!, edgeSrc: g.edgeSrc, edgeDst: g.edgeDst, edgeType: g.edgeType, edgeTypes: g.edgeTypes };
};

/** The same graph with drugs, interactions and pair ends in another order. */
function shuffled(g: FingerprintGraph): FingerprintGraph {
  const n = g.nodes.length;
  const perm = Array.from({ length: n }, (_, i) => (i * 7 + 3) % n); // new position of old node i (7 is coprime with 20)
  const nodes = new Array(n);
  perm.forEach((to, from) => (nodes[to] = g.nodes[from]));
  const m = g.edgeSrc.length;
  const order = Array.from({ length: m }, (_, i) => m - 1 - i);
  const types = [...g.edgeTypes!].reverse();
  return {
    nodes,
    edgeSrc: Int32Array.from(order, (e, i) => perm[i % 2 ? g.edgeSrc[e] : g.edgeDst[e]]),
    edgeDst: Int32Array.from(order, (e, i) => perm[i % 2 ? g.edgeDst[e] : g.edgeSrc[e]]),
    edgeType: Int32Array.from(order, (e) => types.length - 1 - g.edgeType![e]),
    edgeTypes: types,
  };
}

describe('graph fingerprint', () => {
  it('is the SHA-256 of the canonical text (checked against node:crypto)', async () => {
    const g = graph();
    const expected = createHash('sha256').update(canonicalGraphText(g), 'utf8').digest('hex');
    expect(await graphFingerprint(g)).toBe(expected);
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-2 test vector
  });

  it('pins the canonical text on a tiny typed graph (worked out by hand)', () => {
    // Drugs in file order b, a, c; sorted a(0) b(1) c(2). Types in file order y, x; sorted x(1) y(2).
    const g = {
      nodes: [{ id: 'b' }, { id: 'a' }, { id: 'c' }],
      edgeSrc: Int32Array.from([0, 1, 1]),
      edgeDst: Int32Array.from([2, 0, 2]),
      edgeType: Int32Array.from([0, 1, -1]),
      edgeTypes: ['y', 'x'],
    };
    // b–c type y → "1 2 2"; a–b type x → "0 1 1"; a–c untyped → "0 2 0".
    expect(canonicalGraphText(g)).toBe('drug-graph-fingerprint/1\ndrugs 3\n"a"\n"b"\n"c"\ntypes 2\n"x"\n"y"\ninteractions 3\n0 1 1\n0 2 0\n1 2 2\n');
  });

  it('is the same for the same graph loaded in another order, and different for the drug order', async () => {
    const g = graph();
    const s = shuffled(g);
    expect(await graphFingerprint(s)).toBe(await graphFingerprint(g));
    expect(await nodeOrderFingerprint(s.nodes.map((n) => n.id))).not.toBe(await nodeOrderFingerprint(g.nodes.map((n) => n.id)));
  });

  it('changes with one interaction, one type or one id', async () => {
    const g = graph();
    const base = await graphFingerprint(g);
    const dropped = { ...g, edgeSrc: g.edgeSrc.slice(1), edgeDst: g.edgeDst.slice(1), edgeType: g.edgeType!.slice(1) };
    const retyped = { ...g, edgeType: g.edgeType!.map((t, i) => (i === 0 ? (t + 1) % 3 : t)) };
    const renamed = { ...g, nodes: g.nodes.map((n, i) => (i === 5 ? { id: 'D5x' } : n)) };
    const untyped = { ...g, edgeType: undefined };
    const all = [base, ...(await Promise.all([dropped, retyped, renamed, untyped].map(graphFingerprint)))];
    expect(new Set(all).size).toBe(all.length);
  });

  it('cannot be forged by ids that contain separators', async () => {
    const a = { nodes: [{ id: 'a' }, { id: 'b\n"c' }], edgeSrc: new Int32Array(0), edgeDst: new Int32Array(0) };
    const b = { nodes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], edgeSrc: new Int32Array(0), edgeDst: new Int32Array(0) };
    expect(await graphFingerprint(a)).not.toBe(await graphFingerprint(b));
  });
});

describe('split fingerprint', () => {
  it('is the same split in another node order, differs for another seed', async () => {
    const g = graph();
    const ids = g.nodes.map((n) => n.id);
    const split = splitLinks(20, g.edgeSrc, g.edgeDst, 0);
    // The same pairs with node indices permuted (ids follow) and each part reversed.
    const perm = Array.from({ length: 20 }, (_, i) => 19 - i);
    const ids2 = new Array<string>(20);
    perm.forEach((to, from) => (ids2[to] = ids[from]));
    const move = (p: { a: Int32Array; b: Int32Array }) => ({
      a: Int32Array.from(p.b, (x) => perm[x]).reverse(),
      b: Int32Array.from(p.a, (x) => perm[x]).reverse(),
    });
    const moved = {
      numNodes: 20,
      trainPos: move(split.trainPos),
      valPos: move(split.valPos),
      valNeg: move(split.valNeg),
      testPos: move(split.testPos),
      testNeg: move(split.testNeg),
    };
    const fp = await splitFingerprint(split, ids);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(await splitFingerprint(moved, ids2)).toBe(fp);
    expect(await splitFingerprint(splitLinks(20, g.edgeSrc, g.edgeDst, 1), ids)).not.toBe(fp);
  });
});
