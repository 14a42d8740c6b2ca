/**
 * Hostile and odd inputs, generated at a scale that keeps the suite fast: each must end in a specific
 * message naming the file (and line or member) or in a correct load, in bounded time.
 */
import { describe, expect, it } from 'vitest';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { GzipSink } from '../../../src/data/decompress';
import { DECODE_SLICE, TextDecodingSink } from '../../../src/data/decode';
import { loadFiles } from '../../../src/data/loadFiles';
import { detectColumns } from '../../../src/data/detectColumns';
import { MAX_LINE_CHARS } from '../../../src/data/table/tableHead';
import type { ParseResult } from '../../../src/data/parseResult';
import { memoryFile } from '../../helpers/inputs';
import { dbIds } from '../../helpers/hostile';

const load = (name: string, data: string | Uint8Array, chunk?: number): Promise<ParseResult> => loadFiles([memoryFile(name, data, chunk)]);
const pairs = (r: ParseResult): string[] => Array.from(r.graph.edgeSrc, (s, i) => `${r.graph.nodes[s].id}-${r.graph.nodes[r.graph.edgeDst[i]].id}`);

describe('tables that used to hang or crash', () => {
  it('a header of 20,000 drug-id-like cells is detected in bounded time (the pair search is bounded)', async () => {
    // Before: every two header cells were compared (2·10^8 comparisons here, 5·10^8 for a 256 KiB header).
    const header = dbIds(20_000).join(',');
    const row = (k: number): string => dbIds(20_000, k).join(',');
    const t0 = performance.now();
    const r = await load('wide.csv', `${header}\n${row(1)}\n${row(2)}\n`);
    expect(performance.now() - t0).toBeLessThan(4000);
    // DB00001/DB00002 are named like a pair (1 ↔ 2), so the first two columns are read as the drugs.
    expect(r.report.edges).toBe(2);
  }, 8000);

  it('a header of 78,000 columns loads in bounded time', async () => {
    const n = 78_000;
    const header = ['source', 'target', ...Array.from({ length: n - 2 }, (_, i) => `c${i}`)].join(',');
    const rows = ['DB00001', 'DB00002', 'DB00003'].map((d, k) => [d, `DB0001${k}`, ...Array(n - 2).fill('x')].join(','));
    const t0 = performance.now();
    const r = await load('cols.csv', [header, ...rows, ''].join('\n'));
    expect(performance.now() - t0).toBeLessThan(4000);
    expect(pairs(r)).toEqual(['DB00001-DB00010', 'DB00002-DB00011', 'DB00003-DB00012']);
  }, 8000);

  it('an 8 MB single-line file stops at the line limit with a message naming the file and line', async () => {
    const text = 'DB00001,'.repeat(1 << 20);
    let read = 0;
    const file = memoryFile('one-line.csv', text);
    const counted = {
      ...file,
      stream: () =>
        file.stream().pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(c, ctl) {
              read += c.length;
              ctl.enqueue(c);
            },
          }),
        ),
    };
    await expect(loadFiles([counted])).rejects.toMatchObject({
      kind: 'line-too-long',
      file: 'one-line.csv',
      line: 1,
      message: expect.stringMatching(/^one-line\.csv, line 1: the first line is longer than 1 MiB/),
    });
    // Stopped soon after the limit, not at the end of the file.
    expect(read).toBeLessThan(MAX_LINE_CHARS + (1 << 18));
  });

  it('a header line over the limit is an error, never a shifted table (comments above it counted)', async () => {
    const header = '# comment\n' + 'Drug1,Drug2,' + 'x'.repeat(MAX_LINE_CHARS) + '\n';
    const text = header + 'DB00001,DB00002,1\nDB00003,DB00004,1\n';
    await expect(load('long-header.csv', text)).rejects.toMatchObject({
      kind: 'line-too-long',
      line: 2,
      message: expect.stringMatching(/^long-header\.csv, line 2: the header line is longer than 1 MiB/),
    });
  });

  it('a long header under the limit is read whole, also when it arrives in small chunks', async () => {
    const extra = Array.from({ length: 20_000 }, (_, i) => `note${i}`);
    const text = ['Drug1', 'Drug2', ...extra].join(',') + '\n' + ['DB00001', 'DB00002', ...extra].join(',') + '\n';
    expect(text.length).toBeGreaterThan(2 * 64 * 1024);
    const r = await load('wide-header.csv', text, 4096);
    expect(pairs(r)).toEqual(['DB00001-DB00002']);
    expect(r.report.skippedRows).toEqual([]);
  });

  it('the column check refuses an over-long first line (no column choice can help) and reads past blank space', async () => {
    await expect(detectColumns(memoryFile('one-line.csv', 'a,'.repeat(MAX_LINE_CHARS)))).rejects.toMatchObject({
      kind: 'line-too-long',
      message: expect.stringMatching(/^one-line\.csv, line 1: the first line is longer than 1 MiB/),
    });
    const d = await detectColumns(memoryFile('blank-first.csv', '\n'.repeat(100_000) + 'Drug1,Drug2\nDB00001,DB00002\n'));
    expect(d.mapping).toMatchObject({ source: 0, target: 1 });
    expect((await detectColumns(memoryFile('blank.csv', '\n'.repeat(100_000)))).problem).toBe('the file contains no text.');
  });
});

describe('line ends', () => {
  it('CR-only line ends are read as lines (with a warning saying so)', async () => {
    const text = 'Drug1,Drug2\rDB00001,DB00002\rDB00002,DB00003\rDB00003,DB00004\r';
    for (const chunk of [3, 1 << 16]) {
      const r = await load('mac.csv', text, chunk);
      expect(pairs(r)).toEqual(['DB00001-DB00002', 'DB00002-DB00003', 'DB00003-DB00004']);
      expect(r.report.warnings.join(' ')).toMatch(/mac\.csv has CR-only line ends/);
    }
    const d = await detectColumns(memoryFile('mac.csv', text));
    expect(d.rows).toEqual([
      ['DB00001', 'DB00002'],
      ['DB00002', 'DB00003'],
      ['DB00003', 'DB00004'],
    ]);
  });

  it('CRLF files are not mistaken for CR-only', async () => {
    const r = await load('win.csv', 'Drug1,Drug2\r\nDB00001,DB00002\r\nDB00002,DB00003\r\n');
    expect(r.report.warnings.join(' ')).not.toMatch(/CR-only/);
    expect(pairs(r)).toEqual(['DB00001-DB00002', 'DB00002-DB00003']);
  });
});

describe('compressed inputs', () => {
  // 20 MiB of one byte compresses ~1000:1; the guard stops it after 16 MiB of output (100:1 allowed).
  const bomb = new Uint8Array(20 << 20).fill(0x0a);
  const gz = gzipSync(bomb, { level: 9 });
  const table = strToU8('Drug1,Drug2\n' + Array.from({ length: 300 }, (_, i) => `DB${10000 + i},DB${10001 + i}`).join('\n') + '\n');

  it('a gzip bomb is stopped by the expansion guard, naming the file and the ratio', async () => {
    const t0 = performance.now();
    await expect(load('bomb.csv.gz', gz)).rejects.toMatchObject({
      kind: 'too-large',
      file: 'bomb.csv.gz',
      message: expect.stringMatching(/^bomb\.csv\.gz: the gzip stream expands [\d,]+:1 \(.* MiB from .* KiB so far\), past the limit of 100:1/),
    });
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('a zip bomb and a gzip bomb inside a zip are stopped, naming the member', async () => {
    await expect(load('bomb.zip', zipSync({ 'big.csv': bomb }))).rejects.toMatchObject({
      kind: 'too-large',
      file: 'bomb.zip',
      message: expect.stringMatching(/^bomb\.zip: "big\.csv" expands [\d,]+:1 \(.* MiB from [\d.]+ KiB so far\), past the limit of 100:1/),
    });
    await expect(load('nested.zip', zipSync({ 'big.csv.gz': [gz, { level: 0 }] }))).rejects.toMatchObject({
      kind: 'too-large',
      file: 'nested.zip/big.csv.gz',
      message: expect.stringMatching(/^nested\.zip\/big\.csv\.gz: the gzip stream expands/),
    });
  });

  it('fflate is fed in slices: one push never yields a gigabyte-sized buffer', async () => {
    // 8 MiB of one byte per 8 KiB of input: before slicing, a 512 KiB chunk came out as ~500 MB at once.
    const sizes: number[] = [];
    const sink = new GzipSink('x.gz', { write: (c) => void sizes.push(c.length), end: () => {} });
    expect(() => sink.write(gz)).toThrow(/expands/);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1032 * 16 * 1024);
  });

  it('a gzip member whose CRC does not match is an error naming it; a good one loads', async () => {
    const good = gzipSync(table, { level: 0 }); // stored blocks: a data byte can change and still inflate
    expect((await load('t.csv.gz', good)).report.edges).toBe(300);
    const bad = good.slice();
    const at = bad.indexOf(0x31, 200); // a "1" in the data
    bad[at] = 0x32;
    await expect(load('t.csv.gz', bad)).rejects.toMatchObject({
      kind: 'checksum',
      message: expect.stringMatching(/^t\.csv\.gz: the gzip stream is damaged: its data has CRC-32 [0-9a-f]{8}, the trailer states [0-9a-f]{8}/),
    });
    // Two members (bgzip, cat a.gz b.gz): each is checked against its own trailer.
    const half = table.length >> 1;
    const nl = table.indexOf(0x0a, half) + 1;
    const m1 = gzipSync(table.subarray(0, nl), { level: 0 });
    const m2 = gzipSync(table.subarray(nl), { level: 0 });
    const two = new Uint8Array(m1.length + m2.length);
    two.set(m1);
    two.set(m2, m1.length);
    expect((await load('two.csv.gz', two, 1000)).report.edges).toBe(300);
    two[m1.indexOf(0x31, 200)] = 0x32;
    await expect(load('two.csv.gz', two, 1000)).rejects.toMatchObject({
      kind: 'checksum',
      message: expect.stringMatching(/^two\.csv\.gz: member 1 of the gzip stream is damaged/),
    });
  });

  it('a zip entry whose CRC does not match the archive is an error naming the entry', async () => {
    const zip = zipSync({ 'readme.md': strToU8('readme'), 'pairs.csv': [table, { level: 0 }] });
    expect((await load('p.zip', zip)).report.edges).toBe(300);
    const bad = zip.slice();
    bad[bad.indexOf(0x31, 200)] = 0x32;
    await expect(load('p.zip', bad)).rejects.toMatchObject({
      kind: 'checksum',
      file: 'p.zip',
      message: expect.stringMatching(/^p\.zip: "pairs\.csv" is damaged: its data has CRC-32 [0-9a-f]{8} \([\d,]+ bytes\), the archive lists/),
    });
  });

  it('a huge decompressed chunk is decoded in slices (the windows-1252 fallback included)', () => {
    const texts: string[] = [];
    const warnings: string[] = [];
    const sink = new TextDecodingSink('legacy.csv', { write: (t) => void texts.push(t), end: () => {} }, (w) => void warnings.push(w));
    const bytes = new Uint8Array(3 * DECODE_SLICE).fill(0x41);
    bytes[10] = 0xe9; // "é" in windows-1252, invalid as UTF-8
    sink.write(bytes);
    sink.end();
    expect(warnings[0]).toMatch(/read as windows-1252/);
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(DECODE_SLICE);
    expect(texts.join('')).toBe('A'.repeat(10) + 'é' + 'A'.repeat(3 * DECODE_SLICE - 11));
  });
});

describe('numeric id files', () => {
  it('rows whose ids are not whole numbers ≥ 0 are rejected with their line numbers', async () => {
    const rows = ['0,1', '1,2', 'NaN,3', '2,Infinity', '-1,4', '1.5,2', '3,4', ...Array.from({ length: 20 }, (_, i) => `${i + 5},${i + 6}`)];
    const r = await load('edge.csv', rows.join('\n') + '\n');
    expect(r.graph.nodes.map((n) => n.id)).not.toContain('NaN');
    expect(r.graph.nodes.some((n) => /NaN|Infinity|-|\./.test(n.id))).toBe(false);
    expect(r.report.edges).toBe(23);
    expect(r.report.skippedRows).toEqual([
      { reason: expect.stringMatching(/^edge\.csv: drug id is not a whole number ≥ 0/), count: 4, examples: [3, 4, 5, 6] },
    ]);
  });

  it('tables of text ids are not held to numbers', async () => {
    const r = await load('pairs.csv', 'Drug1,Drug2\nDB00001,DB00002\nNaN,DB00002\n');
    expect(r.report.edges).toBe(2);
  });
});

describe('label columns', () => {
  const ids = dbIds(40);
  const labelled = (values: [string, string]): string =>
    'Drug1,Drug2,Label\n' + Array.from({ length: 30 }, (_, i) => `${ids[i]},${ids[i + 1]},${i % 3 === 2 ? values[1] : values[0]}`).join('\n') + '\n';

  it('a 0/1 label: positives are interactions, negatives are kept apart and reported', async () => {
    for (const values of [
      ['1', '0'],
      ['true', 'false'],
      ['pos', 'neg'],
      ['Positive', 'Negative'],
    ] as [string, string][]) {
      const r = await load('labelled.csv', labelled(values));
      expect(r.report.edges).toBe(20);
      expect(r.graph.edgeType).toBeUndefined();
      // Rows 2, 5, 8 … are negatives: DB00003–DB00004 is one; both drugs are in the graph through positives.
      // The last, DB00030–DB00031, names a drug no positive row has: dropped.
      expect(r.report.negatives).toBe(9);
      const neg = Array.from(r.graph.negativeSrc!, (s, i) => `${r.graph.nodes[s].id}-${r.graph.nodes[r.graph.negativeDst![i]].id}`);
      expect(neg[0]).toBe('DB00003-DB00004');
      expect(neg).toHaveLength(9);
      expect(pairs(r)).not.toContain('DB00003-DB00004');
      const notes = r.report.notes!.join('\n');
      expect(notes).toMatch(/labelled\.csv: read as drug–drug pairs \(Drug1, Drug2\), label from Label/);
      expect(notes).toMatch(
        /labelled\.csv: 10 rows labelled negative, not read as interactions; 9 kept as the table's own negative pairs \(dropped: 1 name a drug/,
      );
    }
  });

  it('a header-less last column of true/false is a label; of 0/1 a type (it may be a file sorted by type); 1, 2, 49 a type', async () => {
    // Not DB00001/DB00002 first: ids ending in 1 and 2 read like a header pair (drug1/drug2).
    const text = Array.from({ length: 12 }, (_, i) => `${ids[i + 3]}\t${ids[i + 10]}\t${i % 2 ? 'true' : 'false'}`).join('\n');
    const r = await load('nohead.tsv', text);
    expect(r.report).toMatchObject({ edges: 6, negatives: 0 });
    const n = await load('nohead.tsv', text.replace(/true/g, '1').replace(/false/g, '0'));
    expect(n.report).toMatchObject({ edges: 12, edgeTypes: 2 });
    expect(n.report.negatives).toBeUndefined();
    const t = await load('types.tsv', 'drug1\tdrug2\tLabel\nDB00001\tDB00002\t1\nDB00002\tDB00003\t2\nDB00003\tDB00004\t49\n');
    expect(t.graph.edgeTypes).toEqual(['1', '2', '49']);
    expect(t.report.negatives).toBeUndefined();
  });

  it('negatives between drugs without interactions are dropped and counted; odd labels are skipped', async () => {
    const text =
      'a,b,y\nDB00001,DB00002,1\nDB00002,DB00003,1\nDB00001,DB00003,0\nDB00009,DB00001,0\nDB00001,DB00002,0\nDB00001,DB00003,0\nDB00003,DB00004,maybe\n';
    // "maybe" in the sample keeps detection from calling y a label; a mapping can.
    const r = await loadFiles([memoryFile('mixed.csv', text, 7)], { columnMappings: { 'mixed.csv': { source: 0, target: 1, label: 2 } } });
    expect(r.report.edges).toBe(2);
    expect(r.report.negatives).toBe(1);
    expect(r.report.notes!.join('\n')).toMatch(
      /4 rows labelled negative, not read as interactions; 1 kept as the table's own negative pairs \(dropped: 1 name a drug without any interaction \(or the same drug twice\); 1 are also listed as interactions; 1 repeat a pair\)/,
    );
    expect(r.report.skippedRows).toEqual([{ reason: expect.stringMatching(/label is neither positive/), count: 1, examples: [8] }]);
  });

  it('a mapping can name the label column', async () => {
    const r = await loadFiles([memoryFile('m.csv', 'x;p;q;l\nz;DB1;DB2;1\nz;DB2;DB3;0\n')], {
      columnMappings: { 'm.csv': { source: 1, target: 2, label: 3 } },
    });
    expect(r.report).toMatchObject({ edges: 1, negatives: 0 });
  });
});

describe('messages that say what happened', () => {
  it('a declared internal entity is reported as such, an unknown one by name', async () => {
    const xml = (ref: string): string =>
      '<?xml version="1.0"?>\n<!DOCTYPE drugbank [\n<!ENTITY name "Lepirudin">\n]>\n' +
      `<drugbank version="5.1"><drug><drugbank-id primary="true">DB00001</drugbank-id><name>${ref}</name></drug></drugbank>`;
    await expect(load('ent.xml', xml('&name;'))).rejects.toMatchObject({
      kind: 'malformed-xml',
      line: 5,
      message: expect.stringMatching(/^ent\.xml, line 5, column \d+: the entity &name; is declared in the file's DOCTYPE \(an internal entity\)/),
    });
    await expect(load('ent.xml', xml('&other;'))).rejects.toMatchObject({
      message: expect.stringMatching(/malformed XML: undefined entity &other;/),
    });
  });

  it('"no interactions found" says when the only rows were self-loops', async () => {
    await expect(load('loops.csv', 'Drug1,Drug2\nDB00001,DB00001\nDB00002,DB00002\n')).rejects.toMatchObject({
      kind: 'no-interactions',
      message: 'loops.csv: no drug–drug interactions were found: the only pairs were self-loops (a drug paired with itself; 2 dropped).',
    });
    const onlyNegatives = memoryFile('labels.csv', 'Drug1,Drug2,label\nDB00001,DB00002,0\nDB00002,DB00003,0\n');
    await expect(loadFiles([onlyNegatives], { columnMappings: { 'labels.csv': { source: 0, target: 1, label: 2 } } })).rejects.toMatchObject({
      message: expect.stringMatching(/^labels\.csv: no drug–drug interactions were found: 2 rows are labelled negative \(not interactions\)\./),
    });
  });

  it('a graph too small for the 85/5/10 split gets a warning; one of 20 interactions does not', async () => {
    const small = await load('tiny.csv', 'Drug1,Drug2\nDB00001,DB00002\n');
    expect(small.report.warnings).toEqual([
      'Only 1 interaction: too few for the 85/5/10 split — validation gets none and test 0, so validation metrics and early stopping mean nothing. Use at least 20 interactions.',
    ]);
    const ids = dbIds(21);
    const enough = await load(
      'ok.csv',
      'Drug1,Drug2\n' +
        ids
          .slice(1)
          .map((d, i) => `${ids[i]},${d}`)
          .join('\n'),
    );
    expect(enough.report.edges).toBe(20);
    expect(enough.report.warnings).toEqual([]);
  });
});
