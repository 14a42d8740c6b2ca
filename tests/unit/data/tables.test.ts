import { describe, expect, it } from 'vitest';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { loadFiles } from '../../../src/data/loadFiles';
import type { ParseResult } from '../../../src/data/parseResult';
import type { ColumnMapping } from '../../../src/data/table/layout';
import { memoryFile } from '../../helpers/inputs';

const load = (files: [string, string | Uint8Array, number?][], columnMappings?: Record<string, ColumnMapping>): Promise<ParseResult> =>
  loadFiles(
    files.map(([name, data, chunk]) => memoryFile(name, data, chunk)),
    { columnMappings },
  );

const ids = (r: ParseResult): string[] => r.graph.nodes.map((n) => n.id);
const pairs = (r: ParseResult): string[] => Array.from(r.graph.edgeSrc, (s, i) => `${r.graph.nodes[s].id}-${r.graph.nodes[r.graph.edgeDst[i]].id}`);
const node = (r: ParseResult, id: string) => r.graph.nodes.find((n) => n.id === id);

describe('interaction table dialects', () => {
  it('BioSNAP: Drug1<TAB>Drug2', async () => {
    const r = await load([['ChCh.tsv', 'Drug1\tDrug2\nDB00862\tDB00966\nDB00575\tDB00806\n']]);
    expect(ids(r)).toEqual(['DB00862', 'DB00966', 'DB00575', 'DB00806']);
    expect(pairs(r)).toEqual(['DB00862-DB00966', 'DB00575-DB00806']);
    expect(r.graph.edgeType).toBeUndefined();
  });

  it('DeepDDI triples, tab- or space-separated: drug1 drug2 Label', async () => {
    for (const sep of ['\t', ' ']) {
      const text =
        ['drug1', 'drug2', 'Label'].join(sep) +
        '\n' +
        ['DB04571 DB00460 1', 'DB00855 DB00460 1', 'DB00460 DB04571 2', 'DB00855 DB00001 49'].map((l) => l.replace(/ /g, sep)).join('\n');
      const r = await load([['Drugbank.txt', text]]);
      expect(r.report).toMatchObject({ nodes: 4, edges: 3, edgeTypes: 3, duplicatesMerged: 1 });
      expect(r.graph.edgeTypes).toEqual(['1', '2', '49']);
      expect(Array.from(r.graph.edgeType!)).toEqual([0, 0, 2]);
      expect(r.report.warnings.join(' ')).toMatch(/1 pair\(s\) were listed with more than one interaction type; the first type listed is kept/);
    }
  });

  it('DeepDDI: typed pairs keep their direction, (a, b, t1) and (b, a, t2) both, while the graph stays undirected', async () => {
    const text = 'drug1\tdrug2\tLabel\nDB00001\tDB00002\t5\nDB00002\tDB00001\t7\nDB00003\tDB00001\t5\nDB00001\tDB00002\t9\n';
    const r = await load([['Drugbank.txt', text]]);
    const g = r.graph;
    expect(g.edgeSrc.length).toBe(2);
    const id = (i: number) => g.nodes[i].id.slice(-1);
    const tp = g.typedPairs!;
    const listed = Array.from(tp.head, (h, i) => `${id(h)}>${id(tp.tail[i])}:${g.edgeTypes[tp.type[i]]}`);
    // The repeated DB1 > DB2 keeps its first type; DB3 > DB1 stays head DB3 although DB1 has the lower index.
    expect(listed).toEqual(['1>2:5', '2>1:7', '3>1:5']);
    expect(Array.from(g.edgeSrc, (a, i) => a < g.edgeDst[i])).toEqual([true, true]);
  });

  it('untyped tables keep no typed pair list', async () => {
    const r = await load([['edges.csv', 'a,b\nDB00001,DB00002\nDB00002,DB00003\n']]);
    expect(r.graph.typedPairs).toBeUndefined();
  });

  it('TDC: Drug1_ID,Drug1,Drug2_ID,Drug2,Y — SMILES columns attach to the drugs', async () => {
    const r = await load([
      [
        'drugbank.csv',
        'Drug1_ID,Drug1,Drug2_ID,Drug2,Y\nDB04571,CC1=CC2=CC3=C(OC(=O)C=C3C)C(C)=C2O1,DB00460,COC(=O)CCC1=C2NC(C=C3N=C(C=C4N=C(C=C5NC(=C2)C(C=C)=C5C)C(C)=C4C=C)C(C)=C3CCC(O)=O)=C1C,1\nDB00855,NCC(=O)CCC(O)=O,DB00460,COC(=O)CCC1=C2NC(C=C3N=C(C=C4N=C(C=C5NC(=C2)C(C=C)=C5C)C(C)=C4C=C)C(C)=C3CCC(O)=O)=C1C,2\n',
      ],
    ]);
    expect(ids(r)).toEqual(['DB04571', 'DB00460', 'DB00855']);
    expect(node(r, 'DB00855')?.smiles).toBe('NCC(=O)CCC(O)=O');
    expect(r.report.withSmiles).toBe(3);
    expect(r.graph.edgeTypes).toEqual(['1', '2']);
  });

  it('ogbl-ddi style header-less numeric pairs, also gzipped', async () => {
    const text = '4039,2424\n4039,225\n225,4039\n7,7\n';
    for (const data of [text, gzipSync(strToU8(text))]) {
      const r = await load([['edge.csv.gz', data]]);
      expect(r.report).toMatchObject({ nodes: 4, edges: 2, duplicatesMerged: 1, selfLoopsDropped: 1 });
      expect(ids(r)).toEqual(['4039', '2424', '225', '7']);
    }
  });

  it('any edge list with a header: source, target, type and weight are detected', async () => {
    const r = await load([['mine.csv', 'source,target,type,weight\nA,B,inhibits,0.9\nB,C,induces,0.25\nC,A,inhibits,x\n']]);
    expect(pairs(r)).toEqual(['A-B', 'B-C', 'A-C']);
    expect(r.graph.edgeTypes).toEqual(['inhibits', 'induces']);
    expect(Array.from(r.graph.edgeWeight!)).toEqual([Math.fround(0.9), 0.25, 1]);
  });

  it('a caller-supplied column mapping overrides detection', async () => {
    const text = 'kind;alpha;score;omega\nx;DB1;3;DB2\ny;DB2;4;DB3\n';
    await expect(load([['odd.csv', text]])).rejects.toMatchObject({ kind: 'unmappable' });
    const r = await load([['odd.csv', text]], { 'odd.csv': { source: 1, target: 3, type: 0, weight: 2 } });
    expect(pairs(r)).toEqual(['DB1-DB2', 'DB2-DB3']);
    expect(r.graph.edgeTypes).toEqual(['x', 'y']);
    expect(Array.from(r.graph.edgeWeight!)).toEqual([3, 4]);
    await expect(load([['odd.csv', text]], { 'odd.csv': { source: 1, target: 9 } })).rejects.toMatchObject({
      kind: 'unmappable',
      message: expect.stringMatching(/column mapping does not fit the table \(it has 4 columns/),
    });
  });

  it('SNAP comment lines above the header, CRLF line ends and a BOM', async () => {
    const text = '\uFEFF# Directed graph: x\r\n# Nodes: 3 Edges: 2\r\n# FromNodeId\tToNodeId\r\n1\t2\r\n2\t3\r\n';
    const r = await load([['snap.txt', text]]);
    expect(pairs(r)).toEqual(['1-2', '2-3']);
    const bom = await load([['b.tsv', '\uFEFFDrug1\tDrug2\r\nDB00001\tDB00002\r\n']]);
    expect(ids(bom)).toEqual(['DB00001', 'DB00002']);
    const blank = await load([['blank.tsv', '\n\n# made by hand\n\nDrug1\tDrug2\n\nDB00001\tDB00002\n']]);
    expect(pairs(blank)).toEqual(['DB00001-DB00002']);
  });

  it('skips bad rows with the reason and the first line numbers, counting physical lines', async () => {
    const text = ['drug_a,drug_b,note', 'DB1,DB2,"a note', 'on two lines"', 'DB3', ',DB4,x', 'DB5,DB5,self', 'DB6,DB7,"quoted, with comma"', 'DB8'].join('\n');
    const r = await load([['rows.csv', text]]);
    expect(pairs(r)).toEqual(['DB1-DB2', 'DB6-DB7']);
    expect(r.report.selfLoopsDropped).toBe(1);
    expect(r.report.skippedRows).toEqual([
      { reason: 'rows.csv: row has 1 field, expected at least 2', count: 2, examples: [4, 8] },
      { reason: 'rows.csv: empty drug id', count: 1, examples: [5] },
    ]);
  });

  it('a huge line is reported and skipped, not held in memory', async () => {
    const huge = 'DB9\t' + 'x'.repeat(3 << 20);
    const text = `Drug1\tDrug2\nDB1\tDB2\n${huge}\nDB3\tDB4\n`;
    const t0 = performance.now();
    const r = await load([['huge.tsv', text, 1 << 16]]);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(pairs(r)).toEqual(['DB1-DB2', 'DB3-DB4']);
    expect(r.report.skippedRows).toEqual([{ reason: 'huge.tsv: line longer than 1 MiB (skipped)', count: 1, examples: [3] }]);
  });

  it('a quote that never closes is reported and the rest still loads', async () => {
    const text = `Drug1,Drug2\nDB1,DB2\nDB3,"never closed\n${'DB5,DB6\n'.repeat(150_000)}`;
    const r = await load([['q.csv', text, 1 << 16]]);
    expect(r.report.skippedRows[0].reason).toMatch(/quoted field not closed within 1 MiB/);
    expect(r.report.skippedRows[0].examples).toEqual([3]);
    expect(pairs(r)).toContain('DB1-DB2');
    expect(pairs(r)).toContain('DB5-DB6');
  });

  it('gives the same graph whatever the chunk size (rows and UTF-8 characters split across chunks)', async () => {
    const text =
      'Drug1,Drug2,name1,name2\n' + Array.from({ length: 300 }, (_, i) => `DB${i},DB${i + 1},"Café ${i}","名前 ""${i}"",\nzweite Zeile 🧪"`).join('\n');
    const names = ['drug_1_name', 'drug_2_name'];
    const t = text.replace('name1,name2', names.join(','));
    const big = await load([['c.csv', t, 1 << 20]]);
    const tiny = await load([['c.csv', t, 3]]);
    expect(tiny.graph.nodes).toEqual(big.graph.nodes);
    expect(pairs(tiny)).toEqual(pairs(big));
    expect(node(big, 'DB0')?.name).toBe('Café 0');
    expect(node(big, 'DB1')?.name).toBe('名前 "0",\nzweite Zeile 🧪'); // first name seen wins
    expect(node(big, 'DB300')?.name).toBe('名前 "299",\nzweite Zeile 🧪');
  });

  it('keeps hostile names verbatim', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const r = await load([['n.csv', `drug1,drug2,drug1_name,drug2_name\nDB1,DB2,"${evil}","=cmd|' /C calc'!A0"\n`]]);
    expect(node(r, 'DB1')?.name).toBe(evil);
    expect(node(r, 'DB2')?.name).toBe("=cmd|' /C calc'!A0");
  });

  it('reads a table inside a zip, by its entry name', async () => {
    const zip = zipSync({ 'data/edges.tsv': strToU8('Drug1\tDrug2\nDB1\tDB2\n'), 'README.md': strToU8('# hi') });
    const r = await load([['bundle.zip', zip]]);
    expect(pairs(r)).toEqual(['DB1-DB2']);
  });

  it('reads the project’s drug-graph/1 JSON and combines it with a table', async () => {
    const json = JSON.stringify({
      format: 'drug-graph/1',
      name: 'demo',
      drugs: [
        { id: 'DB00682', name: 'Warfarin', smiles: 'CC(=O)CC(C1=CC=CC=C1)C1=C(O)C2=CC=CC=C2OC1=O', atc: ['B01AA03'] },
        { id: 'DB00945', name: 'Aspirin' },
      ],
      interactions: [{ a: 'DB00682', b: 'DB00945', type: 'bleeding', note: 'more bleeding' }],
    });
    const r = await load([
      ['demo.json', json],
      ['more.tsv', 'Drug1\tDrug2\nDB00945\tDB00001\n'],
    ]);
    expect(pairs(r)).toEqual(['DB00682-DB00945', 'DB00945-DB00001']);
    expect(node(r, 'DB00682')).toMatchObject({ name: 'Warfarin', atc: ['B01AA03'] });
    expect(r.graph.edgeNotes?.[0]).toBe('more bleeding');
  });
});

describe('companion tables join by DrugBank id', () => {
  const edges: [string, string] = ['ddi.tsv', 'Drug1\tDrug2\nDB00001\tDB00002\nDB00002\tDB00003\n'];

  it('names from the vocabulary CSV (quoted commas, " | " lists)', async () => {
    const vocab =
      'DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard InChI Key\n' +
      'DB00001,BIOD00024 | BTD00024,Lepirudin,138068-37-8,Y43GF64R34,"[Leu1, Thr2]-63-desulfohirudin | Lepirudin",\n' +
      'DB00002,BIOD00071 | BTD00071,Cetuximab,205923-56-4,PQX0D8J21J,Cetuximab | Cétuximab,\n' +
      'DB09999,,Not in graph,,,,\n';
    const r = await load([['drugbank vocabulary.csv', vocab], edges]);
    expect(r.graph.nodes.map((n) => n.name)).toEqual(['Lepirudin', 'Cetuximab', 'DB00003']);
    expect(r.report.withNames).toBe(2);
    expect(r.report.nodes).toBe(3);
    expect(r.report.notes?.join(' ')).toMatch(/drugbank vocabulary\.csv: names for 2 of 3 drugs \(1 of its drugs are not in the graph/);
  });

  it('SMILES as drug_id,smiles and with a pandas index column', async () => {
    for (const table of ['drug_id,smiles\nDB00001,CCO\nDB00003,c1ccccc1\n', ',drug_id,smiles\n0,DB00001,CCO\n1,DB00003,c1ccccc1\n']) {
      const r = await load([edges, ['drug_smiles.csv', table]]);
      expect(r.graph.nodes.map((n) => n.smiles)).toEqual(['CCO', undefined, 'c1ccccc1']);
    }
  });

  it('ATC codes, groups and categories as |-separated lists; drug–gene targets', async () => {
    const atc =
      'drugbank_id\tname\ttype\tgroups\tatc_codes\tcategories\nDB00001\tLepirudin\tbiotech\tapproved\tB01AE02\tAntithrombins|Fibrinolytic Agents\nDB00002\tCetuximab\tbiotech\tapproved|investigational\tL01XC06|L01XC99\t\n';
    const genes = '#Drug\tGene\nDB00001\tP00734\nDB00002\tP00533\nDB00002\tO75015\n';
    const r = await load([['genes.tsv', genes], ['drugbank.tsv', atc], edges]);
    expect(node(r, 'DB00002')).toMatchObject({
      name: 'Cetuximab',
      type: 'biotech',
      groups: ['approved', 'investigational'],
      atc: ['L01XC06', 'L01XC99'],
      targets: ['P00533', 'O75015'],
    });
    expect(node(r, 'DB00001')?.categories).toEqual(['Antithrombins', 'Fibrinolytic Agents']);
    expect(r.report.withAtc).toBe(2);
  });

  it('values from the interaction source win over companions; companions fill gaps', async () => {
    const tdc = 'Drug1_ID,Drug1,Drug2_ID,Drug2,Y\nDB00001,CC(=O)O,DB00002,C(N)=O,1\nDB00003,CC(C)O,DB00002,C(N)=O,1\n';
    const smiles = 'drug_id,smiles\nDB00001,OTHER\nDB00004,CCN\n';
    const r = await load([
      ['s.csv', smiles],
      ['tdc.csv', tdc],
      ['more.tsv', 'Drug1\tDrug2\nDB00001\tDB00004\n'],
    ]);
    expect(r.graph.nodes.map((n) => n.smiles)).toEqual(['CC(=O)O', 'C(N)=O', 'CC(C)O', 'CCN']);
  });

  it('non-UTF-8 bytes: a legacy (windows-1252) file is decoded as such, with a warning', async () => {
    const latin = new Uint8Array([...strToU8('DrugBank ID,Common name\nDB00002,C'), 0xe9, ...strToU8('tuximab\n')]);
    const r = await load([edges, ['names-latin1.csv', latin]]);
    expect(node(r, 'DB00002')?.name).toBe('Cétuximab');
    expect(r.report.warnings.join(' ')).toMatch(/names-latin1\.csv is not valid UTF-8 \(first bad byte at byte 33\); it was read as windows-1252/);
    const mixed = new Uint8Array([...strToU8('DrugBank ID,Common name\nDB00001,Lépirudin\nDB00002,C'), 0xff, ...strToU8('tuximab\n')]);
    const m = await load([edges, ['mixed.csv', mixed]]);
    expect(m.graph.nodes.map((n) => n.name).slice(0, 2)).toEqual(['Lépirudin', 'C\uFFFDtuximab']);
    expect(m.report.warnings.join(' ')).toMatch(/mixed\.csv contains bytes that are not valid UTF-8 .*replaced/);
  });

  it('ogbl-ddi node index → DrugBank id map renames nodes, then names join', async () => {
    const map = 'node idx,drug id\n0,DB00001\n1,DB00002\n';
    const vocab = 'DrugBank ID,Common name\nDB00001,Lepirudin\n';
    const r = await load([
      ['nodeidx2drugid.csv', map],
      ['drugbank vocabulary.csv', vocab],
      ['edge.csv', '0,1\n1,2\n'],
    ]);
    expect(ids(r)).toEqual(['DB00001', 'DB00002', '2']);
    expect(node(r, 'DB00001')?.name).toBe('Lepirudin');
  });
});
