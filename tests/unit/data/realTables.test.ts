import { expect, it } from 'vitest';
import { loadFiles } from '../../../src/data/loadFiles';
import type { ParseResult } from '../../../src/data/parseResult';
import { describeWithSharedData, sharedFile } from '../../helpers/sharedData';

const CHCH = ['biosnap_chch_miner', 'ChCh-Miner_durgbank-chem-chem.tsv'];
const CHG = ['biosnap_chg_miner', 'ChG-Miner_miner-chem-gene.tsv'];
const DEEPDDI = ['deepddi_drugbank_ddi_86types', 'Drugbank.txt'];
const VOCAB = ['drugbank_vocabulary', 'drugbank vocabulary.csv'];
const OGBL = [
  ['ogbl_ddi', 'raw', 'edge.csv.gz'],
  ['ogbl_ddi', 'split', 'valid_pos.csv.gz'],
  ['ogbl_ddi', 'split', 'test_pos.csv.gz'],
];

const load = async (...files: string[][]): Promise<ParseResult> => loadFiles(await Promise.all(files.map((f) => sharedFile(...f))));

describeWithSharedData('real interaction tables', () => {
  it('BioSNAP ChCh-Miner: 1,514 drugs and 48,514 interactions', async () => {
    const { report, graph } = await load(CHCH);
    expect(report).toMatchObject({ nodes: 1514, edges: 48514, edgeTypes: 0, duplicatesMerged: 0, selfLoopsDropped: 0, skippedRows: [] });
    expect(graph.edgeType).toBeUndefined();
    expect(graph.nodes[0].id).toBe('DB00862');
    for (let i = 0; i < graph.edgeSrc.length; i++) expect(graph.edgeSrc[i] < graph.edgeDst[i]).toBe(true);
  });

  it('DeepDDI triples: 1,710 drugs, 86 types, 191,878 unordered pairs, 406 rows merged (first type kept)', async () => {
    const { report, graph } = await load(DEEPDDI);
    expect(report).toMatchObject({ nodes: 1710, edges: 191878, edgeTypes: 86, duplicatesMerged: 406, selfLoopsDropped: 0 });
    expect(report.warnings.join(' ')).toMatch(/406 pair\(s\) were listed with more than one interaction type; the first type listed is kept/);
    expect(graph.edgeType).toHaveLength(191878);
    expect(new Set(graph.edgeTypes)).toEqual(new Set(Array.from({ length: 86 }, (_, i) => String(i + 1))));
    // The first row is "DB04571 DB00460 1".
    const a = graph.nodes.findIndex((n) => n.id === 'DB04571');
    const b = graph.nodes.findIndex((n) => n.id === 'DB00460');
    expect(graph.edgeTypes[graph.edgeType![0]]).toBe('1');
    expect([graph.edgeSrc[0], graph.edgeDst[0]]).toEqual([Math.min(a, b), Math.max(a, b)]);
  });

  it('ogbl-ddi: 4,267 nodes and 1,334,889 edges over train + valid + test; the id map renames them', async () => {
    const { report } = await load(...OGBL);
    expect(report).toMatchObject({ nodes: 4267, edges: 1334889, duplicatesMerged: 0, selfLoopsDropped: 0 });
    const mapped = await load(...OGBL, ['ogbl_ddi', 'mapping', 'nodeidx2drugid.csv.gz'], VOCAB);
    expect(mapped.report.edges).toBe(1334889);
    expect(mapped.graph.nodes.every((n) => /^DB\d{5}$/.test(n.id))).toBe(true);
    expect(mapped.report.withNames).toBe(4267);
  });

  it('ogbl-ddi negative samples are not taken as interactions', async () => {
    const r = await load(['ogbl_ddi', 'raw', 'edge.csv.gz'], ['ogbl_ddi', 'split', 'valid_neg.csv.gz']);
    expect(r.report.edges).toBe(1067911);
    expect(r.report.warnings.join(' ')).toMatch(/valid_neg\.csv\.gz looks like a file of negative samples/);
  });

  it('names from the DrugBank vocabulary attach, whatever the file order', async () => {
    const a = await load(CHCH, VOCAB);
    const b = await load(VOCAB, CHCH);
    expect(a.report.withNames).toBe(1497);
    expect(b.report.withNames).toBe(1497);
    expect(a.graph.nodes).toEqual(b.graph.nodes);
    expect(a.report.nodes).toBe(1514); // the vocabulary's other 13,738 drugs are not added
    expect(a.graph.nodes.find((n) => n.id === 'DB00862')?.name).toBe('Vardenafil');
  });

  it('SMILES (pandas index column), ATC codes (dhimmel, quoted multi-line fields) and targets attach', async () => {
    const r = await load(DEEPDDI, ['deepddi_drugbank_ddi_86types', 'drug_smiles.csv'], ['dhimmel_drugbank', 'drugbank.tsv'], CHG);
    expect(r.report.withSmiles).toBe(1704);
    expect(r.report.withAtc).toBe(1181);
    expect(r.report.skippedRows).toEqual([]);
    const warfarin = r.graph.nodes.find((n) => n.id === 'DB00682');
    expect(warfarin?.atc).toContain('B01AA03');
    expect(warfarin?.name).toBe('Warfarin');
    expect(r.graph.nodes.filter((n) => n.targets?.length).length).toBeGreaterThan(1000);
  });

  it('ChCh-Miner with the SMILES table of deepddi2 and the ATC table of dhimmel: the README coverage', async () => {
    const r = await load(CHCH, ['deepddi2_drug_tables', 'drugbank_slim_df.csv'], ['dhimmel_drugbank', 'drugbank.tsv']);
    expect(r.report.withSmiles).toBe(1335);
    expect(r.report.withAtc).toBe(1102);
  });

  it('ChG-Miner (drug → gene) attaches targets; alone it is refused as not a DDI table', async () => {
    const r = await load(CHCH, CHG);
    expect(r.report.edges).toBe(48514);
    expect(r.report.nodes).toBe(1514);
    expect(r.graph.nodes.find((n) => n.id === 'DB00357')?.targets).toContain('P05108');
    await expect(load(CHG)).rejects.toMatchObject({ kind: 'no-interactions' });
  });

  it('the non-UTF-8 (GBK) header of a Decagon table is read with a warning', async () => {
    const r = await load(CHCH, ['decagon', 'bio-decagon-targets.csv']);
    expect(r.report.warnings.join(' ')).toMatch(/bio-decagon-targets\.csv is not valid UTF-8 \(first bad byte at byte 11\)/);
    expect(r.report.warnings.join(' ')).toMatch(/none of its 284 drug ids match/);
  });

  it('SumGNN split files (space-separated "head tail rel", no header) give the DeepDDI graph', async () => {
    const r = await load(
      ['deepddi_drugbank_ddi_86types', 'sumgnn_split', 'train.txt'],
      ['deepddi_drugbank_ddi_86types', 'sumgnn_split', 'dev.txt'],
      ['deepddi_drugbank_ddi_86types', 'sumgnn_split', 'test.txt'],
    );
    expect(r.report).toMatchObject({ nodes: 1710, edges: 191878, edgeTypes: 86, duplicatesMerged: 406 });
  });

  it('TWOSIDES sample: RxNorm pairs with names, one edge per pair', async () => {
    const r = await load(['twosides_raw_sample', 'twoside_raw.csv']);
    expect(r.report).toMatchObject({ nodes: 410, edges: 594 });
    expect(r.report.withNames).toBe(410);
  });
});
