import { describe, expect, it } from 'vitest';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { loadFiles } from '../../../src/data/loadFiles';
import { LoadError, type LoadErrorKind } from '../../../src/data/errors';
import type { InputFile } from '../../../src/data/input';
import { endlessFile, memoryFile } from '../../helpers/inputs';

async function loadError(files: InputFile[], signal?: AbortSignal): Promise<LoadError> {
  try {
    await loadFiles(files, { signal });
  } catch (e) {
    expect(e).toBeInstanceOf(LoadError);
    return e as LoadError;
  }
  throw new Error('expected the load to fail');
}

async function expectError(file: InputFile, kind: LoadErrorKind, message: RegExp, where?: { line?: number; column?: number }): Promise<LoadError> {
  const e = await loadError([file]);
  expect(e.kind).toBe(kind);
  expect(e.file).toBe(file.name);
  expect(e.message).toMatch(message);
  expect(e.message.startsWith(file.name)).toBe(true);
  if (where?.line !== undefined) expect(e.line).toBe(where.line);
  if (where?.column !== undefined) expect(e.column).toBe(where.column);
  return e;
}

const XML = `<?xml version="1.0"?>
<drugbank version="5.1">
<drug type="biotech"><drugbank-id primary="true">DB00001</drugbank-id><name>A</name>
<drug-interactions><drug-interaction><drugbank-id>DB00002</drugbank-id><name>B</name></drug-interaction></drug-interactions>
</drug>
</drugbank>
`;

describe('load errors name the file and the place', () => {
  it('malformed XML: line and column of the mismatched tag', async () => {
    const bad = XML.replace('<name>A</name>', '<name>A</nam>');
    const e = await expectError(memoryFile('bad.xml', bad), 'malformed-xml', /bad\.xml, line 3, column \d+: malformed XML/, { line: 3 });
    // saxes reports the position just after the offending `</nam>` (which starts at column 79).
    expect(e.column).toBeGreaterThanOrEqual(79);
    expect(e.column).toBeLessThanOrEqual(85);
  });

  it('malformed XML split across chunks still reports the right line', async () => {
    const bad = XML.replace('<name>B</name>', '<name>B</name');
    const e = await expectError(memoryFile('bad2.xml', bad, 7), 'malformed-xml', /line 4/);
    expect(e.line).toBe(4);
  });

  it('truncated XML: ends inside an element', async () => {
    await expectError(memoryFile('cut.xml', XML.slice(0, 200)), 'malformed-xml', /ends inside <.*> — truncated/);
  });

  it('XML that is not DrugBank, and an HTML page', async () => {
    await expectError(
      memoryFile('pom.xml', '<?xml version="1.0"?><project><artifactId>x</artifactId></project>'),
      'not-drugbank',
      /not a DrugBank export: its root element is <project>/,
      { line: 1 },
    );
    await expectError(memoryFile('download', '<!DOCTYPE html><html><body>Sign in</body></html>'), 'not-drugbank', /HTML page/);
  });

  it('DrugBank root without any drug', async () => {
    await expectError(memoryFile('none.xml', '<drugbank version="5.1"></drugbank>'), 'no-interactions', /no <drug> records/);
  });

  it('empty and whitespace-only files', async () => {
    await expectError(memoryFile('empty.csv', ''), 'empty', /empty \(0 bytes\)/);
    await expectError(memoryFile('blank.tsv', ' \n\t\n  '), 'empty', /only whitespace/);
    await expectError(memoryFile('empty.csv.gz', gzipSync(new Uint8Array(0))), 'empty', /empty after decompression/);
  });

  it('binary junk and known binary formats', async () => {
    const junk = new Uint8Array(5000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    await expectError(memoryFile('junk.bin', junk), 'binary', /binary data, not text \(control byte 0x00 at byte 0\)/);
    await expectError(memoryFile('figure.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), 'binary', /PNG image/);
    await expectError(memoryFile('model.pt', new Uint8Array([0x80, 0x02, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63, 0x63])), 'binary', /pickle/);
    await expectError(memoryFile('data.xml.bz2', strToU8('BZh91AY&SYxxxxxxxx')), 'unsupported', /bzip2/);
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    await expectError(memoryFile('sheet.xlsx', xlsx), 'binary', /Office document/);
  });

  it('zip without XML or table inside lists what it holds', async () => {
    const zip = zipSync({ 'README.pdf': strToU8('%PDF'), 'images/logo.png': strToU8('png') });
    await expectError(memoryFile('drugbank.zip', zip), 'no-data-in-archive', /holds no XML or table .* README\.pdf, images\/logo\.png/);
    await expectError(memoryFile('empty.zip', zipSync({})), 'no-data-in-archive', /zip archive is empty/);
  });

  it('truncated zip and truncated gzip', async () => {
    const big = strToU8(XML.repeat(1).replace('</drugbank>', '') + '<!-- pad -->'.repeat(20000) + '</drugbank>');
    const zip = zipSync({ 'full database.xml': big });
    await expectError(memoryFile('drugbank.zip', zip.slice(0, Math.floor(zip.length / 2)), 100), 'truncated', /zip archive .*truncated/);
    await expectError(memoryFile('tiny.zip', zip.slice(0, 20)), 'truncated', /truncated or damaged/);
    const gz = gzipSync(big);
    await expectError(memoryFile('data.xml.gz', gz.slice(0, gz.length - 4)), 'truncated', /gzip stream is truncated/);
    await expectError(memoryFile('half.xml.gz', gz.slice(0, gz.length >> 1)), 'truncated', /gzip stream is (damaged or )?truncated/);
  });

  it('a table whose columns cannot be mapped', async () => {
    await expectError(
      memoryFile('labels.csv', 'smiles,toxic,soluble\nCCO,0,1\nCC(=O)O,1,1\n'),
      'unmappable',
      /cannot tell which columns hold the two drugs .*"smiles", "toxic", "soluble"/,
    );
    await expectError(memoryFile('counts.txt', '4267\n'), 'unmappable', /single column/);
  });

  it('only companion files: refused with what each file is', async () => {
    const e = await loadError([memoryFile('ChG-Miner.tsv', '#Drug\tGene\nDB00357\tP05108\nDB02721\tP00325\n')]);
    expect(e.kind).toBe('no-interactions');
    expect(e.message).toMatch(/ChG-Miner\.tsv \(drug–target links\) only annotates drugs/);
  });

  it('JSON that is not a drug graph', async () => {
    await expectError(memoryFile('split.json', '{"format": "link-split/1", "train_pos": []}'), 'malformed-json', /link-split\/1/);
    await expectError(memoryFile('broken.json', '{"format": "drug-graph/1",\n "drugs": [}'), 'malformed-json', /malformed JSON/);
  });

  it('cancellation stops a never-ending load within a second', async () => {
    const controller = new AbortController();
    const file = endlessFile('endless.tsv', 'Drug1\tDrug2\n', 'DB00001\tDB00002\n');
    const t0 = performance.now();
    setTimeout(() => controller.abort(), 300);
    const e = await loadError([file], controller.signal);
    expect(e.kind).toBe('cancelled');
    expect(performance.now() - t0).toBeLessThan(1300);
  });

  it('cancellation also stops a long XML load', async () => {
    const controller = new AbortController();
    const head = '<drugbank version="5.1"><drug><drugbank-id primary="true">DB00001</drugbank-id><drug-interactions>';
    const file = endlessFile('endless.xml', head, '<drug-interaction><drugbank-id>DB00002</drugbank-id><name>B</name></drug-interaction>\n');
    setTimeout(() => controller.abort(), 300);
    const t0 = performance.now();
    expect((await loadError([file], controller.signal)).kind).toBe('cancelled');
    expect(performance.now() - t0).toBeLessThan(1300);
  });
});

describe('errors inside archives name the entry', () => {
  it('malformed XML inside a zip and a gzip', async () => {
    const bad = strToU8(XML.replace('<name>A</name>', '<name>A</nam>'));
    const zip = zipSync({ 'full database.xml': bad });
    const e = await loadError([memoryFile('drugbank.zip', zip, 50)]);
    expect(e).toMatchObject({ kind: 'malformed-xml', file: 'drugbank.zip/full database.xml', line: 3 });
    const g = await loadError([memoryFile('drugbank.xml.gz', gzipSync(bad), 50)]);
    expect(g).toMatchObject({ kind: 'malformed-xml', file: 'drugbank.xml.gz', line: 3 });
  });
});
