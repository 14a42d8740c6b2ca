/**
 * Hostile and odd inputs, generated at a scale that keeps the suite fast: each must end in a specific
 * message naming the file (and line or member) or in a correct load, in bounded time.
 */
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/data/loadFiles';
import { detectColumns } from '../../../src/data/detectColumns';
import { MAX_LINE_CHARS } from '../../../src/data/table/tableHead';
import type { ParseResult } from '../../../src/workers/protocol';
import { memoryFile } from '../../helpers/inputs';
import { dbIds } from '../../helpers/hostile';

const load = (name: string, data: string | Uint8Array, chunk?: number): Promise<ParseResult> => loadFiles([memoryFile(name, data, chunk)]);
const pairs = (r: ParseResult): string[] =>
  Array.from(r.graph.edgeSrc, (s, i) => `${r.graph.nodes[s].id}-${r.graph.nodes[r.graph.edgeDst[i]].id}`);

describe('tables that used to hang or crash', () => {
  it('a header of 20,000 drug-id-like cells is detected in bounded time (the pair search is bounded)', async () => {
    // Before: every two header cells were compared (2·10^8 comparisons here, 5·10^8 for the 256 KiB).
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

  it('the column check reports an over-long first line instead of throwing', async () => {
    const d = await detectColumns(memoryFile('one-line.csv', 'a,'.repeat(MAX_LINE_CHARS)));
    expect(d.problem).toMatch(/^one-line\.csv, line 1: the first line is longer than 1 MiB/);
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
    expect(d.rows).toEqual([['DB00001', 'DB00002'], ['DB00002', 'DB00003'], ['DB00003', 'DB00004']]);
  });

  it('CRLF files are not mistaken for CR-only', async () => {
    const r = await load('win.csv', 'Drug1,Drug2\r\nDB00001,DB00002\r\nDB00002,DB00003\r\n');
    expect(pairs(r)).toEqual(['DB00001-DB00002', 'DB00002-DB00003']);
    expect(r.report.warnings).toEqual([]);
  });
});
