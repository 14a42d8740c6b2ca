/**
 * The graph-format writers read back by real readers: GraphML and GEXF by graphology's parsers
 * (on @xmldom/xmldom), Cytoscape.js JSON by a headless cytoscape(), CX2 against the
 * specification's structure. Values are compared exactly: ids, names, SMILES with XML's special
 * characters, lists, and probabilities and logits to the last bit.
 */
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import type { DrugGraph } from '../../../src/data/graph';
import { cx2Document } from '../../../src/export/cx2';
import { cyjsDocument, writeCyjs } from '../../../src/export/cyjs';
import { edgeRows, escapeXml, type GraphExportInput } from '../../../src/export/graphData';
import { GRAPH_FORMATS } from '../../../src/export/graphFormats';
import { graphFileName } from '../../../src/export/fileName';
import { writeGexf } from '../../../src/export/gexf';
import { writeGraphml } from '../../../src/export/graphml';
import { SPLIT_PARTS } from '../../../src/model/split';
import { communities } from '../../helpers/graphs';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Four drugs with names and SMILES full of XML's special characters, three typed interactions. */
function tricky(): GraphExportInput {
  const graph: DrugGraph = {
    name: 'tricky <set> & co.csv',
    nodes: [
      { id: 'DB00682', name: 'Warfarin', smiles: 'CC(=O)CC(C1=CC=CC=C1)C1=C(O)C2=CC=CC=C2OC1=O', atc: ['B01AA03'], groups: ['approved'] },
      { id: 'DB01234', name: 'A & B <"quoted"> \'it\'', smiles: 'N[C@@H](C)C(=O)O', atc: ['C01AA05', 'N02BE01'], groups: ['approved', 'investigational'] },
      { id: 'X&<1>', name: 'Ünïcødé – 薬 😀', smiles: 'C1=CC=C[N+]1[O-].[Na+]' },
      { id: 'DB99999', name: 'control\u0001char\ttab' },
    ],
    edgeSrc: Int32Array.from([0, 0, 1]),
    edgeDst: Int32Array.from([1, 2, 3]),
    edgeType: Int32Array.from([1, 0, -1]),
    edgeTypes: ['CYP3A4 inhibition', 'QT <prolongation> & more'],
  };
  return {
    graph,
    known: { score: Float32Array.from([2.718281828, -0.123456789, 17.5]), part: Uint8Array.from([0, 1, 3]) },
    candidates: [{ a: 2, b: 3, score: 0.987654321, probability: sigmoid(0.987654321) }],
    positions: new Map([
      [0, { x: 1.5, y: -2.25 }],
      [1, { x: 100.125, y: 3 }],
    ]),
    description: 'gcn · epoch 3',
  };
}

const parseXml = (s: string) => new DOMParser().parseFromString(s, 'text/xml');

describe('graph export rows', () => {
  it('known pairs carry their logit, the sigmoid of it and the split part; candidates are known = 0', () => {
    const input = tricky();
    const rows = edgeRows(input);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      id: 'e0',
      source: 0,
      target: 1,
      known: 1,
      type: 'QT <prolongation> & more',
      split: 'train',
      score: input.known!.score[0],
      probability: sigmoid(input.known!.score[0]),
    });
    expect(rows[2]).toMatchObject({ type: 'interaction', split: 'none' });
    expect(rows[3]).toEqual({ id: 'c0', source: 2, target: 3, known: 0, type: 'candidate', score: 0.987654321, probability: sigmoid(0.987654321) });
  });

  it('without scores (other tasks) edges carry type only; scores of another graph are refused', () => {
    const rows = edgeRows({ ...tricky(), known: null, candidates: [] });
    expect(rows.map((r) => Object.keys(r).sort().join())).toEqual(Array(3).fill('id,known,source,target,type'));
    expect(() => edgeRows({ ...tricky(), known: { score: new Float32Array(2), part: new Uint8Array(2) } })).toThrow(/2 pairs but the graph has 3/);
  });

  it('escapes XML text and drops characters XML cannot carry', () => {
    expect(escapeXml(`a&b<c>"d"'e'\nf\u0001\uD800g`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;&#10;fg');
  });

  it('file names come from the data set name', () => {
    expect(graphFileName('tricky <set> & co.csv', 'graphml')).toBe('tricky_set_co.graphml');
    expect(graphFileName('demo', 'gexf')).toBe('demo.gexf');
    expect(graphFileName('edge.csv.gz', 'cx2')).toBe('edge.cx2');
    expect(graphFileName('???', 'cyjs')).toBe('graph.cyjs');
  });
});

describe('GraphML', () => {
  it('reads back in graphology-graphml with every value and type', () => {
    const input = tricky();
    const xml = writeGraphml(input);
    expect(parseXml(xml).getElementsByTagName('parsererror')).toHaveLength(0);
    const g = parseGraphml(Graph, xml);
    expect(g.type).toBe('undirected');
    expect(g.order).toBe(4);
    expect(g.size).toBe(4);
    expect(g.getAttribute('name')).toBe('tricky <set> & co.csv');
    expect(g.getAttribute('description')).toBe('gcn · epoch 3');
    expect(g.nodes()).toEqual(['DB00682', 'DB01234', 'X&<1>', 'DB99999']);
    expect(g.getNodeAttributes('DB01234')).toEqual({
      name: 'A & B <"quoted"> \'it\'',
      smiles: 'N[C@@H](C)C(=O)O',
      atc: 'C01AA05|N02BE01',
      groups: 'approved|investigational',
      x: 100.125,
      y: 3,
    });
    expect(g.getNodeAttribute('X&<1>', 'name')).toBe('Ünïcødé – 薬 😀');
    expect(g.getNodeAttribute('X&<1>', 'smiles')).toBe('C1=CC=C[N+]1[O-].[Na+]');
    expect(g.getNodeAttribute('DB99999', 'name')).toBe('controlchar\ttab');
    const e0 = g.getEdgeAttributes('e0');
    expect(e0).toEqual({
      known: 1,
      type: 'QT <prolongation> & more',
      interaction: 'QT <prolongation> & more',
      split: 'train',
      score: input.known!.score[0],
      probability: sigmoid(input.known!.score[0]),
    });
    expect(g.extremities('e2')).toEqual(['DB01234', 'DB99999']);
    expect(g.getEdgeAttributes('c0')).toMatchObject({
      known: 0,
      type: 'candidate',
      interaction: 'candidate',
      probability: input.candidates[0].probability,
      score: 0.987654321,
    });
    expect(g.getEdgeAttribute('c0', 'split')).toBeUndefined();
    const keys = Array.from(
      parseXml(xml).getElementsByTagName('key'),
      (k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}:${k.getAttribute('attr.type')}`,
    );
    expect(keys).toEqual(
      expect.arrayContaining(['edge:probability:double', 'edge:score:double', 'edge:known:int', 'edge:interaction:string', 'node:smiles:string']),
    );
  });
});

describe('GEXF 1.3', () => {
  it('is version 1.3 and reads back in graphology-gexf with every value', () => {
    const input = tricky();
    const xml = writeGexf(input);
    const root = parseXml(xml).documentElement!;
    expect(root.getAttribute('version')).toBe('1.3');
    expect(root.getAttribute('xmlns')).toBe('http://gexf.net/1.3');
    const g = parseGexf(Graph, xml);
    expect(g.type).toBe('undirected');
    expect([g.order, g.size]).toEqual([4, 4]);
    expect(g.nodes()).toEqual(['DB00682', 'DB01234', 'X&<1>', 'DB99999']);
    const b = g.getNodeAttributes('DB01234');
    expect(b).toMatchObject({
      label: 'A & B <"quoted"> \'it\'',
      name: 'A & B <"quoted"> \'it\'',
      smiles: 'N[C@@H](C)C(=O)O',
      color: '#e7298a',
      x: 100.125,
      y: -3,
    });
    // GEXF 1.3 list type: graphology-gexf reads "[a, b]" back as an array.
    expect(b.atc).toEqual(['C01AA05', 'N02BE01']);
    expect(b.groups).toEqual(['approved', 'investigational']);
    expect(g.getNodeAttribute('X&<1>', 'label')).toBe('Ünïcødé – 薬 😀');
    for (const [k, key] of ['e0', 'e1', 'e2'].entries()) {
      const a = g.getEdgeAttributes(key);
      expect(a.score).toBe(input.known!.score[k]);
      expect(a.probability).toBe(sigmoid(input.known!.score[k]));
      expect(a.split).toBe(SPLIT_PARTS[input.known!.part[k]]);
      expect(a.known).toBe(1);
    }
    expect(g.getEdgeAttributes('e1')).toMatchObject({ type: 'CYP3A4 inhibition', interaction: 'CYP3A4 inhibition' });
    expect(g.getEdgeAttributes('c0')).toMatchObject({ known: 0, type: 'candidate', probability: input.candidates[0].probability, score: 0.987654321 });
    const types = Array.from(parseXml(xml).getElementsByTagName('attribute'), (a) => `${a.getAttribute('id')}:${a.getAttribute('type')}`);
    expect(types).toEqual(expect.arrayContaining(['probability:double', 'score:double', 'known:integer', 'atc:liststring', 'split:string']));
  });
});

describe('Cytoscape.js JSON', () => {
  it('loads into a headless cytoscape() with every value', () => {
    const input = tricky();
    const doc = JSON.parse(writeCyjs(input));
    const cy = cytoscape({ headless: true, elements: doc.elements, layout: { name: 'preset' } });
    expect([cy.nodes().length, cy.edges().length]).toEqual([4, 4]);
    const b = cy.$id('DB01234');
    expect(b.data()).toEqual({
      id: 'DB01234',
      name: 'A & B <"quoted"> \'it\'',
      smiles: 'N[C@@H](C)C(=O)O',
      atc: ['C01AA05', 'N02BE01'],
      groups: ['approved', 'investigational'],
    });
    expect(b.position()).toEqual({ x: 100.125, y: 3 });
    expect(cy.$id('X&<1>').data('smiles')).toBe('C1=CC=C[N+]1[O-].[Na+]');
    const e0 = cy.$id('e0');
    expect([e0.source().id(), e0.target().id()]).toEqual(['DB00682', 'DB01234']);
    expect(e0.data()).toMatchObject({
      known: 1,
      type: 'QT <prolongation> & more',
      interaction: 'QT <prolongation> & more',
      split: 'train',
      score: input.known!.score[0],
      probability: sigmoid(input.known!.score[0]),
    });
    expect(cy.$id('c0').data()).toMatchObject({
      known: 0,
      type: 'candidate',
      source: 'X&<1>',
      target: 'DB99999',
      probability: input.candidates[0].probability,
    });
    expect(cy.$id('c0').data('split')).toBeUndefined();
    cy.destroy();
  });

  it('writes null, not NaN, for a diverged model', () => {
    const input = { ...tricky(), known: { score: Float32Array.from([NaN, 1, 2]), part: new Uint8Array(3) } };
    const doc = JSON.parse(writeCyjs(input));
    expect(doc.elements.edges[0].data).toMatchObject({ score: null, probability: null });
  });
});

describe('CX2', () => {
  it('follows the specification’s structure: descriptor, metadata counts, declared types, ids, status', () => {
    const input = tricky();
    const doc = JSON.parse(GRAPH_FORMATS.cx2.write(input)) as Record<string, unknown[]>[];
    expect(doc[0]).toEqual({ CXVersion: '2.0', hasFragments: false });
    expect(doc.at(-1)).toEqual({ status: [{ error: '', success: true }] });
    const aspect = (name: string) => doc.find((a) => name in a)![name] as Record<string, unknown>[];
    const meta = aspect('metaData') as { name: string; elementCount: number }[];
    for (const m of meta) expect(aspect(m.name)).toHaveLength(m.elementCount);
    const [decl] = aspect('attributeDeclarations') as Record<string, Record<string, { d: string }>>[];
    const isType = (d: string, v: unknown) =>
      d === 'string'
        ? typeof v === 'string'
        : d === 'integer'
          ? Number.isInteger(v)
          : d === 'double'
            ? typeof v === 'number'
            : d === 'list_of_string'
              ? Array.isArray(v) && v.every((x) => typeof x === 'string')
              : false;
    const nodes = aspect('nodes') as { id: number; v: Record<string, unknown>; x?: number; y?: number }[];
    const edges = aspect('edges') as { id: number; s: number; t: number; v: Record<string, unknown> }[];
    for (const [list, scope] of [
      [nodes, 'nodes'],
      [edges, 'edges'],
    ] as const) {
      for (const el of list) {
        for (const [k, v] of Object.entries(el.v)) {
          expect(decl[scope][k], `${scope}.${k} declared`).toBeDefined();
          expect(isType(decl[scope][k].d, v), `${scope}.${k} = ${JSON.stringify(v)} is ${decl[scope][k].d}`).toBe(true);
        }
      }
    }
    for (const [k, v] of Object.entries(aspect('networkAttributes')[0])) expect(isType(decl.networkAttributes[k].d, v)).toBe(true);
    const ids = new Set(nodes.map((n) => n.id));
    expect(ids.size).toBe(nodes.length);
    expect(new Set(edges.map((e) => e.id)).size).toBe(edges.length);
    for (const e of edges) expect(ids.has(e.s) && ids.has(e.t)).toBe(true);
    // Values: the drug behind each endpoint and the numbers, exactly.
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(byId.get(1)!.v).toEqual({
      name: 'A & B <"quoted"> \'it\'',
      drug_id: 'DB01234',
      smiles: 'N[C@@H](C)C(=O)O',
      atc: ['C01AA05', 'N02BE01'],
      groups: ['approved', 'investigational'],
    });
    expect([byId.get(1)!.x, byId.get(1)!.y]).toEqual([100.125, 3]);
    expect(edges[0].v).toEqual({
      known: 1,
      type: 'QT <prolongation> & more',
      interaction: 'QT <prolongation> & more',
      split: 'train',
      score: input.known!.score[0],
      probability: sigmoid(input.known!.score[0]),
    });
    expect([byId.get(edges[3].s)!.v.drug_id, byId.get(edges[3].t)!.v.drug_id, edges[3].v.known, edges[3].v.type]).toEqual(['X&<1>', 'DB99999', 0, 'candidate']);
    expect(aspect('networkAttributes')[0]).toEqual({ name: 'tricky <set> & co.csv', description: 'gcn · epoch 3' });
  });
});

describe('all formats on a generated graph', () => {
  it('agree with each other on every edge’s endpoints and numbers', () => {
    const lg = communities(40, 3);
    const graph: DrugGraph = {
      name: 'communities',
      nodes: lg.nodes!,
      edgeSrc: lg.edgeSrc,
      edgeDst: lg.edgeDst,
      edgeType: lg.edgeType,
      edgeTypes: lg.edgeTypes!,
    };
    const m = graph.edgeSrc.length;
    const score = Float32Array.from({ length: m }, (_, i) => Math.sin(i * 12.9898) * 8);
    const input: GraphExportInput = {
      graph,
      known: { score, part: Uint8Array.from({ length: m }, (_, i) => i % 4) },
      candidates: [{ a: 0, b: 39, score: -1.5, probability: sigmoid(-1.5) }],
    };
    const expected = edgeRows(input).map((e) => [graph.nodes[e.source].id, graph.nodes[e.target].id, e.known, e.probability, e.score]);
    const fromGraphology = (g: Graph) =>
      g.edges().map((k) => [...g.extremities(k), g.getEdgeAttribute(k, 'known'), g.getEdgeAttribute(k, 'probability'), g.getEdgeAttribute(k, 'score')]);
    expect(fromGraphology(parseGraphml(Graph, writeGraphml(input)))).toEqual(expected);
    expect(fromGraphology(parseGexf(Graph, writeGexf(input)))).toEqual(expected);
    const cyjs = cyjsDocument(input).elements.edges.map((e) => [e.data.source, e.data.target, e.data.known, e.data.probability, e.data.score]);
    expect(cyjs).toEqual(expected);
    const cx = cx2Document(input) as Record<string, { s: number; t: number; v: Record<string, unknown> }[]>[];
    const cxEdges = cx.find((a) => 'edges' in a)!.edges.map((e) => [graph.nodes[e.s].id, graph.nodes[e.t].id, e.v.known, e.v.probability, e.v.score]);
    expect(cxEdges).toEqual(expected);
  });
});

/** Two drugs and two proteins: one drug–drug and two drug–target pairs, one drug–target candidate. */
function typedInput(): GraphExportInput {
  const graph: DrugGraph = {
    name: 'typed',
    nodes: [
      { id: 'DB1', name: 'Warfarin' },
      { id: 'DB2', name: 'Aspirin' },
      { id: 'P1', name: 'Prothrombin' },
      { id: 'P2', name: 'Cyclooxygenase 1' },
    ],
    edgeSrc: Int32Array.from([0, 0, 1]),
    edgeDst: Int32Array.from([1, 2, 2]),
    edgeTypes: [],
    nodeKind: Int32Array.from([0, 0, 1, 1]),
    kinds: ['drug', 'protein'],
    edgeRelation: Int32Array.from([0, 1, 1]),
    relations: ['drug-drug', 'drug-target'],
  };
  return { graph, known: null, candidates: [{ a: 1, b: 3, score: 0.5, probability: sigmoid(0.5) }], candidateRelation: 'drug-target' };
}

describe('typed graphs in the graph files', () => {
  const kinds = { DB1: 'drug', DB2: 'drug', P1: 'protein', P2: 'protein' };
  const relations = { e0: 'drug-drug', e1: 'drug-target', e2: 'drug-target', c0: 'drug-target' };

  it('GraphML declares kind and relation and every node and edge carries them', () => {
    const xml = writeGraphml(typedInput());
    const keys = Array.from(parseXml(xml).getElementsByTagName('key'), (k) => `${k.getAttribute('for')}:${k.getAttribute('attr.name')}`);
    expect(keys).toEqual(expect.arrayContaining(['node:kind', 'edge:relation']));
    const g = parseGraphml(Graph, xml);
    expect(Object.fromEntries(g.nodes().map((n) => [n, g.getNodeAttribute(n, 'kind')]))).toEqual(kinds);
    expect(Object.fromEntries(g.edges().map((e) => [e, g.getEdgeAttribute(e, 'relation')]))).toEqual(relations);
  });

  it('GEXF, Cytoscape.js JSON and CX2 carry the same kinds and relations', () => {
    const input = typedInput();
    const gexf = parseGexf(Graph, writeGexf(input));
    expect(Object.fromEntries(gexf.nodes().map((n) => [n, gexf.getNodeAttribute(n, 'kind')]))).toEqual(kinds);
    expect(Object.fromEntries(gexf.edges().map((e) => [e, gexf.getEdgeAttribute(e, 'relation')]))).toEqual(relations);
    const cy = cyjsDocument(input).elements;
    expect(Object.fromEntries(cy.nodes.map((n) => [n.data.id, n.data.kind]))).toEqual(kinds);
    expect(Object.fromEntries(cy.edges.map((e) => [e.data.id, e.data.relation]))).toEqual(relations);
    const cx = cx2Document(input) as Record<string, unknown[]>[];
    const aspect = (name: string) => cx.find((a) => name in a)![name] as { id: number; v: Record<string, unknown> }[];
    const [decl] = aspect('attributeDeclarations') as unknown as Record<string, Record<string, { d: string }>>[];
    expect([decl.nodes.kind, decl.edges.relation]).toEqual([{ d: 'string' }, { d: 'string' }]);
    expect(aspect('nodes').map((n) => [n.v.drug_id, n.v.kind])).toEqual(Object.entries(kinds));
    expect(aspect('edges').map((e) => e.v.relation)).toEqual(Object.values(relations));
  });

  it('untyped graphs get neither attribute, in any format', () => {
    for (const format of Object.values(GRAPH_FORMATS)) {
      const text = format.write(tricky());
      expect(text).not.toMatch(/"kind"|"relation"|\bkind=|attr\.name="(kind|relation)"|title="(kind|relation)"/);
    }
    // A typed graph's candidates without a named relation carry none rather than a guess.
    const rows = edgeRows({ ...typedInput(), candidateRelation: undefined });
    expect(rows.at(-1)!.relation).toBeUndefined();
  });
});
