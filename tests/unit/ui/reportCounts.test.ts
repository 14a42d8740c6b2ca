/** The load report's headline: counts per kind and per relation on typed graphs, "drugs" and "interactions" otherwise. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputFromBytes } from '../../../src/data/input';
import { loadFiles } from '../../../src/data/loadFiles';
import { reportWords } from '../../../src/ui/typed/reportCounts';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../fixtures/drug-target-graph.json'), 'utf8');

describe('load report headline', () => {
  it('counts a typed graph per kind and per relation, from the loaded file', async () => {
    const { report } = await loadFiles([inputFromBytes('typed.json', FIXTURE)]);
    // Counted here from the fixture itself, independently of the loader's counting.
    const doc = JSON.parse(FIXTURE) as { drugs: { kind?: string }[]; interactions: { relation?: string }[] };
    const proteins = doc.drugs.filter((d) => d.kind === 'protein').length;
    const targets = doc.interactions.filter((e) => e.relation === 'drug-target').length;
    const words = reportWords(report);
    expect(words.nodes).toBe(`nodes (${doc.drugs.length - proteins} drugs, ${proteins} proteins)`);
    expect(words.edges).toBe(`pairs (${doc.interactions.length - targets} drug-drug, ${targets} drug-target)`);
    expect(`${report.nodes} ${words.nodes}`).toMatch(/^20 nodes \(12 drugs, 8 proteins\)$/);
  });

  it('leaves untyped data as drugs and interactions', async () => {
    const text = JSON.stringify({ format: 'drug-graph/1', drugs: [{ id: 'A' }, { id: 'B' }], interactions: [{ a: 'A', b: 'B' }] });
    const { report } = await loadFiles([inputFromBytes('plain.json', text)]);
    expect(report.nodeKinds).toBeUndefined();
    expect(reportWords(report)).toEqual({ nodes: 'drugs', edges: 'interactions' });
  });

  it('drops empty entries, keeps singulars singular and plural kind names as they are', () => {
    const words = reportWords({
      nodes: 4,
      nodeKinds: { drug: 1, protein: 0, 'side effect': 2, genes: 1 },
      relations: { 'drug-drug': 0, 'drug-side effect': 3 },
    });
    expect(words).toEqual({ nodes: 'nodes (1 drug, 2 side effects, 1 genes)', edges: 'pairs (3 drug-side effect)' });
  });
});
