import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/data/loadFiles';
import type { ParseResult } from '../../../src/data/parseResult';
import { drugGraphJson } from '../../../src/data/graphAsInput';
import { memoryFile } from '../../helpers/inputs';
import { describeWithSharedData, sharedFile } from '../../helpers/sharedData';

const load = (name: string, text: string): Promise<ParseResult> => loadFiles([memoryFile(name, text)]);

/** Each pair's labels as "a-b: l1,l2", sorted, from the graph's pairLabels (or each edge's one type). */
function labelSets(r: ParseResult): string[] {
  const g = r.graph;
  const sets = new Map<number, string[]>();
  const pl = g.pairLabels;
  if (pl) for (let i = 0; i < pl.edge.length; i++) sets.set(pl.edge[i], [...(sets.get(pl.edge[i]) ?? []), g.edgeTypes[pl.label[i]]]);
  else g.edgeType?.forEach((t, e) => t >= 0 && sets.set(e, [g.edgeTypes[t]]));
  return [...sets].map(([e, ls]) => `${g.nodes[g.edgeSrc[e]].id}-${g.nodes[g.edgeDst[e]].id}: ${ls.sort().join(',')}`).sort();
}

const TWOSIDES_HEADER =
  'drug_1_rxnorn_id,drug_1_concept_name,drug_2_rxnorm_id,drug_2_concept_name,condition_meddra_id,condition_concept_name,A,B,C,D,PRR,PRR_error,mean_reporting_frequency';

describe('multi-label pair tables', () => {
  it('TWOSIDES layout: recognised without a mapping, one row per pair × side effect, labels named by condition_concept_name', async () => {
    const text = [
      TWOSIDES_HEADER,
      '1894,Calcitriol,274783,Insulin Glargine,10005483,Blood creatinine increased,6,236,10,2410,6.0,0.51,0.02',
      '1894,Calcitriol,274783,Insulin Glargine,10016256,Fatigue,3,239,10,2410,3.0,0.6,0.01',
      '42375,Leuprolide,3640,Doxycycline,10016256,Fatigue,2,44,1,459,20.0,1.2,0.04',
      // The same pair listed the other way round is the same pair; a repeated label counts once.
      '274783,Insulin Glargine,1894,Calcitriol,10016256,Fatigue,3,239,10,2410,3.0,0.6,0.01',
    ].join('\n');
    const r = await load('twoside_raw.csv', text);
    expect(r.report).toMatchObject({ nodes: 4, edges: 2, edgeTypes: 2 });
    expect(r.graph.nodes[0].name).toBe('Calcitriol');
    expect(labelSets(r)).toEqual(['1894-274783: Blood creatinine increased,Fatigue', '42375-3640: Fatigue']);
    expect(r.report.warnings.join(' ')).toMatch(/the multilabel task uses them all/);
  });

  it('one row per pair with a ;-separated label list (a "labels" or "side_effects" column)', async () => {
    const r = await load('pairs.csv', 'drug_1,drug_2,side_effects\nDB01,DB02,Nausea; Headache;Nausea\nDB02,DB03,Headache\nDB01,DB03,Rash\n');
    expect(r.graph.edgeTypes).toEqual(['Nausea', 'Headache', 'Rash']);
    expect(labelSets(r)).toEqual(['DB01-DB02: Headache,Nausea', 'DB01-DB03: Rash', 'DB02-DB03: Headache']);
    // One row is one pair: its second label is no duplicate.
    expect(r.report.duplicatesMerged).toBe(0);
  });

  it('a multi-label row without its label list is skipped with the file and line named', async () => {
    const r = await load('pairs.csv', 'drug_1,drug_2,labels\nDB01,DB02,Nausea;Rash\nDB02,DB03\nDB01,DB03,Rash\n');
    expect(r.report.edges).toBe(2);
    expect(r.report.skippedRows).toEqual([{ reason: 'pairs.csv: row has 2 fields, expected at least 3', count: 1, examples: [3] }]);
  });

  it('the labels survive the page\'s "add to the current graph" round trip (drug-graph/1 JSON)', async () => {
    const r = await load('pairs.csv', 'drug_1,drug_2,labels\nDB01,DB02,Nausea;Rash\nDB02,DB03,Rash\n');
    const again = await loadFiles([memoryFile('graph.json', drugGraphJson(r.graph))]);
    expect(labelSets(again)).toEqual(labelSets(r));
  });

  it('multi-hot rows (a 0/1 column per label, named in the header) give the same labels as the ;-list table', async () => {
    const hot = await load('matrix.csv', 'drug_a,drug_b,Nausea,Headache,Rash\nDB01,DB02,1,1,0\nDB02,DB03,0,1,0\nDB01,DB03,0.0,false,1.0\n');
    const list = await load('pairs.csv', 'drug_1,drug_2,side_effects\nDB01,DB02,Nausea; Headache\nDB02,DB03,Headache\nDB01,DB03,Rash\n');
    expect((hot.report.notes ?? []).join(' ')).toMatch(/3 multi-hot 0\/1 columns \(Nausea, Headache, Rash\)/);
    expect(labelSets(hot)).toEqual(labelSets(list));
    expect([...hot.graph.edgeTypes].sort()).toEqual([...list.graph.edgeTypes].sort());
    expect(hot.graph.negativeSrc).toBeUndefined();
  });

  it('a multi-hot row of zeros stays a known pair without labels; a cell other than 0/1 skips its row, naming file, line and column', async () => {
    // Detection reads the first 200 rows; a bad cell there makes the table no multi-hot one, so the bad rows come later.
    const id = (i: number): string => `DB${String(i).padStart(5, '0')}`;
    const good = Array.from({ length: 200 }, (_, i) => `${id(i)},${id(i + 1)},1,${i % 2}`);
    const text = ['drug_a,drug_b,Nausea,Rash', ...good, `${id(0)},${id(2)},0,0`, `${id(0)},${id(3)},1,yes?`, `${id(0)},${id(4)},0,2`].join('\n');
    const r = await load('matrix.csv', text);
    expect(r.report.edges).toBe(201);
    const sets = labelSets(r);
    expect(sets).toHaveLength(200);
    expect(sets).toContain(`${id(1)}-${id(2)}: Nausea,Rash`);
    expect(sets.some((s) => s.startsWith(`${id(0)}-${id(2)}:`))).toBe(false);
    expect(r.report.skippedRows).toEqual([
      { reason: 'matrix.csv: label column "Rash" holds a value other than 0 or 1 (1/0, 1.0/0.0, true/false)', count: 2, examples: [203, 204] },
    ]);
  });

  it('detection keeps the other 0/1 layouts: one binary label column stays known non-interactions, a named label column stays a label', async () => {
    const single = await load('pairs.csv', 'drug_1,drug_2,label\nDB01,DB02,1\nDB02,DB03,1\nDB01,DB03,0\n');
    expect(single.report.edges).toBe(2);
    expect(Array.from(single.graph.negativeSrc ?? [])).toHaveLength(1);
    // A `label` column next to another 0/1 column is not read as two multi-hot labels.
    const named = await load('pairs.csv', 'drug_1,drug_2,label,Rash\nDB01,DB02,1,0\nDB02,DB03,0,1\n');
    expect(named.graph.pairLabels).toBeUndefined();
    expect(named.report.edges).toBe(1);
  });

  it('single-label typed data keeps no pair-label list (the type task pays nothing)', async () => {
    const r = await load('Drugbank.txt', 'drug1\tdrug2\tLabel\nDB01\tDB02\t1\nDB02\tDB03\t2\n');
    expect(r.graph.pairLabels).toBeUndefined();
  });
});

describeWithSharedData('TWOSIDES sample', () => {
  it('594 pairs, 787 named side effects, 1,706 (pair, side effect) labels', async () => {
    const r = await loadFiles([await sharedFile('twosides_raw_sample', 'twoside_raw.csv')]);
    expect(r.report).toMatchObject({ nodes: 410, edges: 594, edgeTypes: 787 });
    expect(r.graph.pairLabels!.edge.length).toBe(1706);
    expect(r.graph.edgeTypes).toContain('Fatigue');
  });
});
