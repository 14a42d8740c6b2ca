/** drug-graph/1 JSON with node kinds and edge relations: read, counted, and written back by graphAsInput. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drugGraphJson } from '../../../src/data/graphAsInput';
import type { DrugGraph } from '../../../src/data/graph';
import { inputFromBytes } from '../../../src/data/input';
import { loadFiles } from '../../../src/data/loadFiles';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../fixtures/drug-target-graph.json'), 'utf8');

/** "id kind" per node and "a b relation" per edge (ends in id order), sorted: indices may differ between loads. */
function facts(g: DrugGraph) {
  const kind = (i: number) => (g.kinds ?? ['drug'])[g.nodeKind?.[i] ?? 0];
  const nodes = g.nodes.map((n, i) => `${n.id} ${kind(i)}`).sort();
  const edges = Array.from(g.edgeSrc, (a, e) => {
    const ends = [g.nodes[a].id, g.nodes[g.edgeDst[e]].id].sort();
    return `${ends.join(' ')} ${(g.relations ?? ['drug-drug'])[g.edgeRelation?.[e] ?? 0]}`;
  }).sort();
  return { nodes, edges };
}

describe('typed drug-graph JSON', () => {
  it('reads "kind" on nodes and "relation" on interactions', async () => {
    const { graph, report } = await loadFiles([inputFromBytes('typed.json', FIXTURE)]);
    const doc = JSON.parse(FIXTURE) as { drugs: { kind?: string }[]; interactions: { relation?: string }[] };
    const proteins = doc.drugs.filter((d) => d.kind === 'protein').length;
    const targets = doc.interactions.filter((e) => e.relation === 'drug-target').length;
    expect(report.nodeKinds).toEqual({ drug: doc.drugs.length - proteins, protein: proteins });
    expect(report.relations).toEqual({ 'drug-drug': doc.interactions.length - targets, 'drug-target': targets });
    // An interaction naming a listed protein does not make it a drug again.
    expect(report.warnings.join(' ')).not.toMatch(/another kind/);
    const p = graph.nodes.findIndex((n) => n.id === 'P01');
    expect(graph.kinds![graph.nodeKind![p]]).toBe('protein');
  });

  it('an untyped file stays untyped; a node met only in an interaction is a drug', async () => {
    const text = JSON.stringify({
      format: 'drug-graph/1',
      drugs: [{ id: 'P1', kind: 'protein' }],
      interactions: [{ a: 'D1', b: 'P1', relation: 'drug-target' }, ['D1', 'D2']],
    });
    const { graph } = await loadFiles([inputFromBytes('t.json', text)]);
    expect(facts(graph)).toEqual({ nodes: ['D1 drug', 'D2 drug', 'P1 protein'], edges: ['D1 D2 drug-drug', 'D1 P1 drug-target'] });
    const plain = await loadFiles([inputFromBytes('p.json', JSON.stringify({ drugs: [{ id: 'A' }], interactions: [['A', 'B']] }))]);
    expect(plain.graph.nodeKind).toBeUndefined();
    expect(plain.graph.edgeRelation).toBeUndefined();
  });

  it('round-trips kinds and relations through the graph-as-input JSON (adding files keeps a typed graph typed)', async () => {
    const first = await loadFiles([inputFromBytes('typed.json', FIXTURE)]);
    const again = await loadFiles([inputFromBytes('current.json', drugGraphJson(first.graph))]);
    expect(facts(again.graph)).toEqual(facts(first.graph));
    expect(again.report.relations).toEqual(first.report.relations);
  });
});
