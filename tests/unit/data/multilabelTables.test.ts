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
