/** Drug → side-effect tables load as typed edges without a column mapping when the header says so. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/data/loadFiles';
import { memoryFile } from '../../helpers/inputs';
import { describeWithSharedData, sharedFile, sharedPath } from '../../helpers/sharedData';

const SIDE_EFFECTS = ['deepddi2_drug_tables', 'Drug_Side_Effect.txt'];

describe('side-effect table detection', () => {
  it('a drug-id column and a "side effect" column: drug-side-effect edges to side-effect nodes, drug names kept', async () => {
    const text = 'DrugBank ID\tSIDE EFFECT\tMEAN\tDrug name\nDB00001\tNausea\t3.1\tLepirudin\nDB00001\tHeadache\t1\tLepirudin\nDB00002\tNausea\t2\tCetuximab\n';
    const { graph, report } = await loadFiles([memoryFile('se.tsv', text)]);
    expect(report.nodeKinds).toEqual({ drug: 2, 'side-effect': 2 });
    expect(report.relations).toEqual({ 'drug-side-effect': 3 });
    expect(graph.nodes.find((n) => n.id === 'DB00002')!.name).toBe('Cetuximab');
    const nausea = graph.nodes.findIndex((n) => n.id === 'Nausea');
    expect(graph.kinds![graph.nodeKind![nausea]]).toBe('side-effect');
  });

  it('two drug columns with a side effect stay a drug pair table (TWOSIDES-like), the side effect its type', async () => {
    const text = 'drug_1\tdrug_2\tside effect\nDB00001\tDB00002\tNausea\nDB00002\tDB00003\tHeadache\n';
    const { report } = await loadFiles([memoryFile('pairs.tsv', text)]);
    expect(report.nodeKinds).toBeUndefined();
    expect(report.edgeTypes).toBe(2);
  });
});

describeWithSharedData('DeepDDI2 Drug_Side_Effect.txt', () => {
  it('loads as drug → side-effect edges with the counts of its rows', async () => {
    const rows = readFileSync(sharedPath(...SIDE_EFFECTS), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l.trim() !== '')
      .map((l) => l.split('\t'));
    const pairs = new Set(rows.map((r) => `${r[0]}\t${r[1]}`));
    const { report } = await loadFiles([await sharedFile(...SIDE_EFFECTS)]);
    expect(report.nodeKinds).toEqual({ drug: new Set(rows.map((r) => r[0])).size, 'side-effect': new Set(rows.map((r) => r[1])).size });
    expect(report.relations).toEqual({ 'drug-side-effect': pairs.size });
    expect(report.duplicatesMerged).toBe(rows.length - pairs.size);
  });
});
