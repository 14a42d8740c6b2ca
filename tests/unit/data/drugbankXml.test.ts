import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { loadFiles } from '../../../src/data/loadFiles';
import type { ParseResult } from '../../../src/data/parseResult';
import type { DrugNode } from '../../../src/data/graph';
import { describeWithSharedData, sharedFile, sharedPath } from '../../helpers/sharedData';
import { memoryFile } from '../../helpers/inputs';

const SAMPLES = 'drugbank_xml_samples';

const load = async (...parts: string[]): Promise<ParseResult> => loadFiles([await sharedFile(SAMPLES, ...parts)]);
const byId = (r: ParseResult, id: string): DrugNode | undefined => r.graph.nodes.find((n) => n.id === id);
const degree = (r: ParseResult, id: string): number => {
  const i = r.graph.nodes.findIndex((n) => n.id === id);
  let d = 0;
  for (let e = 0; e < r.graph.edgeSrc.length; e++) if (r.graph.edgeSrc[e] === i || r.graph.edgeDst[e] === i) d++;
  return d;
};

/** Everything a load produces that must not depend on how the bytes arrived. */
function fingerprint(r: ParseResult): unknown {
  return {
    nodes: r.graph.nodes,
    src: Array.from(r.graph.edgeSrc),
    dst: Array.from(r.graph.edgeDst),
    notes: r.graph.edgeNotes,
    report: { ...r.report, files: undefined },
  };
}

describeWithSharedData('DrugBank XML samples (real records)', () => {
  it('reads DB00001 Lepirudin (biotech, 5.1): fields, no SMILES, 398 interactions', async () => {
    const r = await load('dbparser_drugbank_record.xml');
    const d = byId(r, 'DB00001')!;
    expect(d).toMatchObject({
      name: 'Lepirudin',
      type: 'biotech',
      groups: ['approved'],
      atc: ['B01AE02'],
      targets: ['P00734'],
    });
    expect(d.smiles).toBeUndefined();
    expect(d.categories).toHaveLength(14);
    expect(r.report.edges).toBe(398);
    expect(r.report.nodes).toBe(399);
    expect(degree(r, 'DB00001')).toBe(398);
    expect(r.report.withSmiles).toBe(0);
    // Secondary ids (BTD00024, BIOD00024) are not drugs.
    expect(byId(r, 'BTD00024')).toBeUndefined();
  });

  it('takes dangling interaction partners as nodes named from the interaction', async () => {
    const r = await load('dbparser_drugbank_record.xml');
    expect(byId(r, 'DB01323')?.name).toBe("St. John's Wort");
    expect(r.graph.nodes.filter((n) => n.id !== 'DB00001').every((n) => n.name !== n.id)).toBe(true);
    expect(r.graph.edgeNotes?.some((n) => /Lepirudin|St\. John/.test(n))).toBe(true);
  });

  it('reads the newer biotech record (652 interactions, two groups)', async () => {
    const r = await load('dbparser_drugbank_record_biotech.xml');
    expect(byId(r, 'DB00001')).toMatchObject({ groups: ['approved', 'withdrawn'], atc: ['B01AE02'] });
    expect(byId(r, 'DB00001')?.categories).toHaveLength(15);
    expect(r.report.edges).toBe(652);
    expect(byId(r, 'DB06605')?.name).toBe('Apixaban');
  });

  it('reads DB00006 Bivalirudin with its SMILES (small molecule, 639 interactions)', async () => {
    const r = await load('dbparser_drugbank_record_small_molecule.xml');
    const d = byId(r, 'DB00006')!;
    expect(d.type).toBe('small molecule');
    expect(d.smiles).toMatch(/^CC\[C@H\]\(C\)\[C@H\]\(NC\(=O\)/);
    expect(d.atc).toEqual(['B01AE06']);
    expect(d.targets).toEqual(['P00734']);
    expect(d.categories).toHaveLength(10);
    expect(r.report.withSmiles).toBe(1);
    expect(r.report.edges).toBe(639);
  });

  it('reads the pretty-printed 4-drug file (DB00001–DB00004)', async () => {
    const r = await load('bio2bel_test.xml');
    for (const [id, atc, interactions] of [
      ['DB00001', 'B01AE02', 392],
      ['DB00002', 'L01XC06', 47],
      ['DB00003', 'R05CB13', 0],
      ['DB00004', 'L01XX29', 21],
    ] as const) {
      expect(byId(r, id)?.atc).toEqual([atc]);
      expect(degree(r, id)).toBe(interactions);
    }
    expect(byId(r, 'DB00002')?.targets).toHaveLength(12);
    expect(byId(r, 'DB00002')?.name).toBe('Cetuximab');
    expect(byId(r, 'DB00003')?.targets).toBeUndefined(); // its only target is DNA, not a protein
    expect(r.report.edges).toBe(460);
    expect(r.report.withAtc).toBe(4);
    // Text wrapped over several lines keeps its content (trimmed), e.g. the names of all four drugs.
    expect(byId(r, 'DB00004')?.name).toBe('Denileukin diftitox');
  });

  it('loads the 4.x fragment (no <drugbank> root) with a warning; salts are not drugs', async () => {
    const r = await load('dhimmel_drugbank41_subset.txt');
    expect(r.report.warnings.some((w) => /without the <drugbank> root/.test(w))).toBe(true);
    const own = r.graph.nodes.filter((n) => /^DB090[12]\d$/.test(n.id) && n.name !== n.id && n.type);
    expect(own.map((n) => n.id)).toEqual(['DB09018', 'DB09019', 'DB09020', 'DB09021', 'DB09022', 'DB09023', 'DB09024', 'DB09026', 'DB09028', 'DB09029']);
    expect(r.graph.nodes.some((n) => n.id.startsWith('DBSALT'))).toBe(false);
    expect(byId(r, 'DB09019')?.name).toBe('Bromhexine'); // not its salt, Bromhexine Hydrochloride
    expect(r.report.edges).toBe(18);
    expect(r.report.withSmiles).toBe(6);
  });

  it('loads a CRLF copy of a real sample identically', async () => {
    const text = readFileSync(sharedPath(SAMPLES, 'bio2bel_test.xml'), 'utf8');
    const crlf = text.replace(/\r?\n/g, '\r\n');
    expect(crlf).not.toBe(text);
    const a = await load('bio2bel_test.xml');
    const b = await loadFiles([memoryFile('bio2bel_test.xml', crlf, 4099)]);
    expect(fingerprint(b)).toEqual(fingerprint(a));
  });

  it('loads zipped and gzipped copies identically (made here with fflate)', async () => {
    const raw = readFileSync(sharedPath(SAMPLES, 'dbparser_drugbank_record_small_molecule.xml'));
    const a = await load('dbparser_drugbank_record_small_molecule.xml');
    const zip = zipSync({ 'readme.pdf': strToU8('%PDF-1.4'), 'full database.xml': new Uint8Array(raw) });
    const z = await loadFiles([memoryFile('drugbank_all_full_database.xml.zip', zip, 1000)]);
    expect(z.report.files).toEqual(['drugbank_all_full_database.xml.zip']);
    expect(fingerprint(z)).toEqual(fingerprint(a));
    const gz = await loadFiles([memoryFile('record.xml.gz', gzipSync(new Uint8Array(raw)), 777)]);
    expect(fingerprint(gz)).toEqual(fingerprint(a));
  });

  it('merges several XML files: DrugBank lists an interaction under both drugs', async () => {
    const r = await loadFiles([await sharedFile(SAMPLES, 'bio2bel_test.xml'), await sharedFile(SAMPLES, 'dbparser_drugbank_record_small_molecule.xml')]);
    // DB00006 lists DB00001 … DB00004? Whatever it lists, the union is what both files say, once.
    const a = await load('bio2bel_test.xml');
    const b = await load('dbparser_drugbank_record_small_molecule.xml');
    expect(r.report.edges).toBeLessThanOrEqual(a.report.edges + b.report.edges);
    expect(r.report.duplicatesMerged).toBe(0);
    expect(byId(r, 'DB00006')?.smiles).toBeTruthy();
    expect(byId(r, 'DB00002')?.name).toBe('Cetuximab');
  });
});

// ---------------------------------------------------------------- small inline documents

const doc = (drugs: string, root = '<drugbank xmlns="http://www.drugbank.ca" version="5.1">'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n${drugs}\n</drugbank>\n`;

const drug = (id: string, name: string, body = ''): string =>
  `<drug type="small molecule"><drugbank-id primary="true">${id}</drugbank-id><drugbank-id>APRD0001</drugbank-id><name>${name}</name>${body}</drug>`;

const interactions = (...pairs: [string, string][]): string =>
  `<drug-interactions>${pairs
    .map(
      ([id, name]) =>
        `<drug-interaction><drugbank-id>${id}</drugbank-id><name>${name}</name><description>${name} may interact.</description></drug-interaction>`,
    )
    .join('')}</drug-interactions>`;

it('keeps hostile names verbatim as plain text (entities decoded once, nothing interpreted)', async () => {
  const hostile = '&lt;img src=x onerror="alert(1)"&gt; &amp;amp; ${{7*7}} \u202Eevil';
  const r = await loadFiles([memoryFile('h.xml', doc(drug('DB00001', hostile, interactions(['DB00002', '&lt;script&gt;alert(2)&lt;/script&gt;']))))]);
  expect(r.graph.nodes[0].name).toBe('<img src=x onerror="alert(1)"> &amp; ${{7*7}} \u202Eevil');
  expect(r.graph.nodes[1].name).toBe('<script>alert(2)</script>');
});

it('ignores unknown elements, nested <drug> references and namespace prefixes', async () => {
  const body =
    '<new-element-2030><name>not the drug name</name></new-element-2030>' +
    '<pathways><pathway><drugs><drug><drugbank-id>DB09999</drugbank-id><name>Pathway drug</name></drug></drugs></pathway></pathways>' +
    '<salts><salt><drugbank-id primary="true">DBSALT000001</drugbank-id><name>Salt</name></salt></salts>' +
    interactions(['DB00002', 'Partner']);
  const r = await loadFiles([memoryFile('a.xml', doc(drug('DB00001', 'Real name', body)))]);
  expect(r.graph.nodes.map((n) => [n.id, n.name])).toEqual([
    ['DB00001', 'Real name'],
    ['DB00002', 'Partner'],
  ]);
  const prefixed = doc(
    drug('DB00001', 'P', interactions(['DB00002', 'Q'])).replace(/<(\/?)([a-z-]+)/g, '<$1db:$2'),
    '<db:drugbank xmlns:db="http://www.drugbank.ca" version="5.1">',
  ).replace('</drugbank>', '</db:drugbank>');
  const p = await loadFiles([memoryFile('p.xml', prefixed)]);
  expect(p.report.edges).toBe(1);
  expect(p.graph.nodes[0].name).toBe('P');
});

it('warns about an unknown schema version but reads it', async () => {
  const r = await loadFiles([
    memoryFile('v.xml', doc(drug('DB00001', 'A', interactions(['DB00002', 'B'])), '<drugbank version="6.0" exported-on="2031-01-01">')),
  ]);
  expect(r.report.edges).toBe(1);
  expect(r.report.warnings.some((w) => /version 6\.0/.test(w))).toBe(true);
});
