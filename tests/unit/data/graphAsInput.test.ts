import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/data/loadFiles';
import { inputFromBytes } from '../../../src/data/input';
import { drugGraphJson, graphAsFile } from '../../../src/data/graphAsInput';
import type { DrugGraph } from '../../../src/data/graph';

// A typed, weighted table with a label column (so the graph has its own negatives) and names.
const TABLE =
  'Drug1,Drug2,Type,Score,Label\n' +
  'DB00001,DB00002,bleeding,0.5,1\n' +
  'DB00002,DB00003,sedation,2,1\n' +
  'DB00003,DB00004,bleeding,1,1\n' +
  'DB00001,DB00003,,,0\n' +
  'DB00001,DB00004,,,0\n';
const MAPPING = { 'ddi.csv': { source: 0, target: 1, type: 2, weight: 3, label: 4, hasHeader: true } };
const NAMES = 'DrugBank ID,Common name\nDB00001,Lepirudin\nDB00002,Cetuximab\n';

/** The graph as sorted, comparable facts (indices may differ between loads). */
function facts(g: DrugGraph) {
  const id = (i: number) => g.nodes[i].id;
  const edges = Array.from(g.edgeSrc, (a, i) =>
    [id(a), id(g.edgeDst[i]), g.edgeType && g.edgeType[i] >= 0 ? g.edgeTypes[g.edgeType[i]] : '', g.edgeWeight?.[i] ?? 1].join(' '),
  ).sort();
  const negatives = Array.from(g.negativeSrc ?? [], (a, i) => [id(a), id(g.negativeDst![i])].sort().join(' ')).sort();
  const nodes = g.nodes.map((n) => `${n.id}=${n.name}`).sort();
  return { nodes, edges, negatives };
}

describe('the loaded graph as an input file', () => {
  it('round-trips drugs, names, types, weights and negatives through drug-graph/1 JSON', async () => {
    const first = await loadFiles([inputFromBytes('ddi.csv', TABLE), inputFromBytes('drugbank vocabulary.csv', NAMES)], { columnMappings: MAPPING });
    expect(first.graph.negativeSrc?.length).toBe(2);
    const again = await loadFiles([inputFromBytes('current.json', drugGraphJson(first.graph))]);
    expect(facts(again.graph)).toEqual(facts(first.graph));
    expect(again.report.warnings).toEqual(first.report.warnings);
  });

  it('round-trips typed and untyped interactions without weights in the short [a, b, type] form', async () => {
    const typed = await loadFiles([inputFromBytes('t.tsv', 'source\ttarget\ttype\nDB1\tDB2\tbleeding\nDB2\tDB3\tsedation\n')]);
    const plain = await loadFiles([inputFromBytes('p.csv', 'Drug1,Drug2\nDB00001,DB00002\nDB00002,DB00003\n')]);
    for (const first of [typed, plain]) {
      const json = drugGraphJson(first.graph);
      expect(JSON.parse(json).interactions[0]).toEqual(first === typed ? ['DB1', 'DB2', 'bleeding'] : ['DB00001', 'DB00002']);
      const again = await loadFiles([inputFromBytes('current.json', json)]);
      expect(facts(again.graph)).toEqual(facts(first.graph));
    }
  });

  it('round-trips the direction of typed pairs, a pair listed both ways with two types included', async () => {
    const text = 'source\ttarget\ttype\nDB2\tDB1\tslows\nDB1\tDB2\tspeeds\nDB2\tDB3\tslows\n';
    const first = await loadFiles([inputFromBytes('t.tsv', text)]);
    const again = await loadFiles([inputFromBytes('current.json', drugGraphJson(first.graph))]);
    const directed = (g: DrugGraph) => {
      const tp = g.typedPairs!;
      return Array.from(tp.head, (h, i) => `${g.nodes[h].id}>${g.nodes[tp.tail[i]].id}:${g.edgeTypes[tp.type[i]]}`).sort();
    };
    expect(directed(first.graph)).toEqual(['DB1>DB2:speeds', 'DB2>DB1:slows', 'DB2>DB3:slows']);
    expect(directed(again.graph)).toEqual(directed(first.graph));
    expect(facts(again.graph)).toEqual(facts(first.graph));
  });

  it('adding a file to it gives the graph of all files loaded together', async () => {
    const more = 'Drug1,Drug2\nDB00004,DB00005\nDB00001,DB00002\n';
    const first = await loadFiles([inputFromBytes('ddi.csv', TABLE)], { columnMappings: MAPPING });
    const added = await loadFiles([inputFromBytes('current.json', drugGraphJson(first.graph)), inputFromBytes('more.csv', more)], {
      columnMappings: MAPPING,
    });
    const together = await loadFiles([inputFromBytes('ddi.csv', TABLE), inputFromBytes('more.csv', more)], { columnMappings: MAPPING });
    expect(facts(added.graph)).toEqual(facts(together.graph));
    expect(added.report.duplicatesMerged).toBe(together.report.duplicatesMerged);
    expect(added.report).toMatchObject({ nodes: 5, edges: 4, negatives: 2 });
  });

  it('names the file after the graph, without path separators', () => {
    const g: DrugGraph = { name: 'a/b', nodes: [], edgeSrc: new Int32Array(0), edgeDst: new Int32Array(0), edgeTypes: [] };
    expect(graphAsFile(g).name).toBe('a_b.json');
  });
});
