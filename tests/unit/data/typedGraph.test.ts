import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseColumnsOption, runInspect } from '../../../src/cli/inspect';
import { parseTrainArgs } from '../../../src/cli/train';
import { GraphBuilder } from '../../../src/data/graph';
import { loadFiles } from '../../../src/data/loadFiles';
import { describeWithSharedData, sharedFile, sharedPath } from '../../helpers/sharedData';

const TARGETS = ['drugbank_target_uniprot_links', 'drug_target_uniprot_links_5.1.2.csv'];
const CHCH = ['biosnap_chch_miner', 'ChCh-Miner_durgbank-chem-chem.tsv'];
const TARGET_COLUMNS = 'drug_target_uniprot_links_5.1.2.csv=source:1,target:4,source-name:2,target-name:5,kind:protein,relation:drug-target';

describe('typed graphs in the GraphBuilder', () => {
  it('drug–drug data gets neither kinds nor relations (nothing allocated)', () => {
    const b = new GraphBuilder('plain');
    b.edgeByIds('DB1', 'DB2');
    b.edgeByIds('DB2', 'DB3');
    const g = b.build();
    expect(g.nodeKind).toBeUndefined();
    expect(g.edgeRelation).toBeUndefined();
    expect(b.report([]).nodeKinds).toBeUndefined();
  });

  it('kinds and relations arriving late fill earlier nodes and edges with drug / drug-drug; unused relations are dropped', () => {
    const b = new GraphBuilder('typed');
    b.edgeByIds('DB1', 'DB2');
    const protein = b.kindId('protein');
    const target = b.relationId('drug-target');
    b.edge(b.node('DB1'), b.node('P1', undefined, protein), undefined, undefined, target);
    b.edge(b.node('DB3'), b.node('P1', undefined, protein), undefined, undefined, target);
    // P1 met again as a drug: the first kind stays, and the report says so.
    b.node('P1');
    const g = b.build();
    expect(g.kinds).toEqual(['drug', 'protein']);
    expect(Array.from(g.nodeKind!)).toEqual([0, 0, 1, 0]);
    expect(g.relations).toEqual(['drug-drug', 'drug-target']);
    expect(Array.from(g.edgeRelation!)).toEqual([0, 1, 1]);
    const r = b.report([]);
    expect(r.nodeKinds).toEqual({ drug: 3, protein: 1 });
    expect(r.relations).toEqual({ 'drug-drug': 1, 'drug-target': 2 });
    expect(r.warnings.join(' ')).toMatch(/1 node reference\(s\) gave a node another kind/);

    const only = new GraphBuilder('targets only');
    only.edge(only.node('DB1'), only.node('P1', undefined, only.kindId('protein')), undefined, undefined, only.relationId('drug-protein'));
    expect(only.build().relations).toEqual(['drug-protein']);
  });

  it('--columns takes kind, source-kind, relation and name columns', () => {
    expect(parseColumnsOption('t.csv=source:1,target:4,target-name:5,kind:protein,relation:drug-target')).toEqual({
      file: 't.csv',
      mapping: { source: 0, target: 3, targetName: 4, targetKind: 'protein', relation: 'drug-target' },
    });
    expect(parseColumnsOption('t.csv=source:1,target:2,kind:<b>')).toMatch(/kind takes a name/);
    const train = parseTrainArgs([
      't.csv',
      '--columns',
      't.csv=source:1,target:2,kind:protein',
      '--relation',
      'drug-protein',
      '--model',
      'rgcn',
      '--bases',
      '2',
    ]);
    expect(train).toMatchObject({ files: ['t.csv'], columns: 't.csv=source:1,target:2,kind:protein' });
    expect(train.settings).toMatchObject({ relation: 'drug-protein', model: 'rgcn', bases: 2 });
  });
});

/** The distinct unordered pairs of two columns of a delimited file, read with plain string code. */
function pairsOf(parts: string[], delimiter: string, a: number, b: number): { pairs: Set<string>; left: Set<string>; right: Set<string> } {
  const lines = readFileSync(sharedPath(...parts), 'utf8')
    .split('\n')
    .slice(1);
  const pairs = new Set<string>();
  const left = new Set<string>();
  const right = new Set<string>();
  for (const line of lines) {
    if (!line.trim()) continue;
    const f = line.split(delimiter);
    const [x, y] = [f[a].trim(), f[b].trim()];
    left.add(x);
    right.add(y);
    pairs.add(x < y ? `${x}|${y}` : `${y}|${x}`);
  }
  return { pairs, left, right };
}

describeWithSharedData('a drug–protein–drug graph from DrugBank target links and a DDI table', () => {
  it('counts nodes per kind and edges per relation as the files say', async () => {
    const targets = readTargetLinks();
    const ddi = pairsOf(CHCH, '\t', 0, 1);
    const drugs = new Set([...targets.drugs, ...ddi.left, ...ddi.right]);

    const files = await Promise.all([sharedFile(...TARGETS), sharedFile(...CHCH)]);
    const mapping = parseColumnsOption(TARGET_COLUMNS);
    if (typeof mapping === 'string') throw new Error(mapping);
    const { graph, report } = await loadFiles(files, { columnMappings: { [mapping.file]: mapping.mapping } });

    expect(report.nodeKinds).toEqual({ drug: drugs.size, protein: targets.proteins.size });
    expect(report.relations).toEqual({ 'drug-drug': ddi.pairs.size, 'drug-target': targets.pairs.size });
    expect(report.nodes).toBe(drugs.size + targets.proteins.size);
    expect(report.duplicatesMerged).toBe(targets.rows - targets.pairs.size);
    // Every drug-target edge joins a drug and a protein; every drug-drug edge two drugs.
    const protein = graph.kinds!.indexOf('protein');
    const target = graph.relations!.indexOf('drug-target');
    let wrong = 0;
    let mixed = 0;
    for (let e = 0; e < graph.edgeSrc.length; e++) {
      const proteins = Number(graph.nodeKind![graph.edgeSrc[e]] === protein) + Number(graph.nodeKind![graph.edgeDst[e]] === protein);
      if (proteins !== (graph.edgeRelation![e] === target ? 1 : 0)) wrong++;
      mixed += proteins;
    }
    expect(wrong).toBe(0);
    expect(mixed).toBe(targets.pairs.size);
    // Names came from the name columns: a protein is named by its UniProt name.
    const p = graph.nodes.find((n) => n.id === 'P00734');
    expect(p?.name).toBe('Prothrombin');
  });

  it('inspect --json gains nodeKinds and relations', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const status = await runInspect([sharedPath(...TARGETS), '--columns', TARGET_COLUMNS, '--json']);
      expect(status).toBe(0);
      const out = JSON.parse(String(log.mock.calls[0][0]));
      const targets = readTargetLinks();
      expect(out.nodeKinds).toEqual({ drug: targets.drugs.size, protein: targets.proteins.size });
      expect(out.relations).toEqual({ 'drug-target': targets.pairs.size });
    } finally {
      log.mockRestore();
    }
  });
});

/** DrugBank ID (column 1) and UniProt ID (column 4) of each row; Name fields may be quoted and hold commas. */
function readTargetLinks(): { drugs: Set<string>; proteins: Set<string>; pairs: Set<string>; rows: number } {
  const lines = readFileSync(sharedPath(...TARGETS), 'utf8')
    .split('\n')
    .slice(1);
  const drugs = new Set<string>();
  const proteins = new Set<string>();
  const pairs = new Set<string>();
  let rows = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    rows++;
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ''));
    const [drug, protein] = [fields[0], fields[3]];
    drugs.add(drug);
    proteins.add(protein);
    pairs.add(`${drug}|${protein}`);
  }
  return { drugs, proteins, pairs, rows };
}
