/**
 * Fuzz suite: generated hostile inputs of every kind (tests/helpers/fuzzInputs.ts), scaled down for
 * `npm test` and seeded so a failure repeats (the long variant: `npm run bench -- --only=hostile`).
 * Every input must end within bounded time in either a graph that keeps the loader's invariants or a
 * LoadError of a specific kind whose message names the file — never a crash, a hang, or a
 * "reading failed" wrapper around an unexpected exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/data/loadFiles';
import { detectColumns } from '../../../src/data/detectColumns';
import { isLoadError } from '../../../src/data/errors';
import { memoryFile } from '../../helpers/inputs';
import { build, describeCase, fuzzCase, type FuzzCase } from '../../helpers/fuzzInputs';
import { checkOutcome, timeLimitMs } from '../../helpers/fuzzCheck';

const RUNS = 150;
const SEED = 20261203;

describe('fuzz: generated hostile inputs', () => {
  it(`${RUNS} damaged files of every format end in a valid graph or a specific message, each within 2 s (plus 20 µs per stream chunk)`, async () => {
    const kinds = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fuzzCase(1), async (c: FuzzCase) => {
        const { name, bytes } = build(c);
        const t0 = performance.now();
        const outcome = await loadFiles([memoryFile(name, bytes, c.chunk)]).then(
          (r) => ({ ok: true as const, r }),
          (e: unknown) => ({ ok: false as const, e }),
        );
        const ms = performance.now() - t0;
        const problem = checkOutcome(name, outcome, ms, timeLimitMs(2000, bytes.length, c.chunk));
        const kind = outcome.ok ? 'load' : isLoadError(outcome.e) ? outcome.e.kind : 'crash';
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        if (problem) throw new Error(`${describeCase(c)}: ${problem}`);
        // An intact file with rows loads.
        if (c.damages.length === 0 && (c.wrap === 'none' || c.outer.length === 0) && c.rows > 0) expect(kind).toBe('load');
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The generator reaches both outcomes (it is not all errors, nor all intact).
    expect(kinds.get('load')).toBeGreaterThan(RUNS / 10);
    expect(RUNS - (kinds.get('load') ?? 0)).toBeGreaterThan(RUNS / 10);
  }, 60_000);
});

describe('found by fuzzing', () => {
  // A ~1 MB first line, then short CRLF rows, in 16-byte chunks: every chunk with a line end rescanned
  // the whole head until 64 KiB more had come (6.2 s before; 0.4 s now, linear).
  const rows = Array.from({ length: 600 }, (_, i) => `${i % 50},${(i * 7 + 3) % 50}`).join('\r\n') + '\r\n';
  const text = 'DB00001'.repeat(32 * 4096) + rows.slice(0, 40).repeat(2048) + rows;

  it('a long first line followed by short rows is read in linear time, by the load and the column check', async () => {
    let t0 = performance.now();
    const r = await loadFiles([memoryFile('long-head.csv', text, 16)]);
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(r.report.edges).toBe(50);
    t0 = performance.now();
    const d = await detectColumns(memoryFile('long-head.csv', text, 16));
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(d.file).toBe('long-head.csv');
  }, 20_000);
});
