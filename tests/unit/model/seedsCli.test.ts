/**
 * `train --seeds`: one run per seed on the demo, the per-seed results beside their mean and sample
 * std, each run the same as a single `train --seed S`, and the sweep's run card.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../../src/model/tf';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { trainCommand } from '../../../src/cli/train';
import { parseSeedList, takeSeedsArg } from '../../../src/cli/trainSeeds';
import { PROJECT_ROOT } from '../../helpers/sharedData';

const DEMO = join(PROJECT_ROOT, 'public/datasets/demo.json');
const FAST = ['--epochs', '3', '--hidden', '8', '--backend', 'cpu'];
const dir = mkdtempSync(join(tmpdir(), 'seeds-cli-'));

afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  tf.disposeVariables();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `train` in this process; returns its exit code, stdout lines and stderr. */
async function train(args: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  const code = await trainCommand(args);
  vi.restoreAllMocks();
  return { code, out, err: err.join('') };
}

describe('train --seeds', () => {
  it('--json carries each seed’s results and their mean and sample std; each run equals train --seed S', async () => {
    const card = join(dir, 'sweep.card.json');
    const sweep = await train([DEMO, ...FAST, '--seeds', '0-1', '--json', '--run-card', card]);
    expect(sweep.code, sweep.err).toBe(0);
    expect(sweep.out).toHaveLength(1);
    const out = JSON.parse(sweep.out[0]);
    expect(out.seeds).toEqual([0, 1]);
    expect(out.split).toMatch(/seeded \(drawn again for every seed\)/);
    expect(out.runs.map((r: { seed: number }) => r.seed)).toEqual([0, 1]);
    const [a, b] = out.runs.map((r: { last: Record<string, number> }) => r.last);
    expect(a.testAuroc).not.toBe(b.testAuroc); // another seed, another split and model
    for (const k of ['testAuroc', 'testAuprc', 'valAuroc']) {
      expect(out.mean.last[k]).toBeCloseTo((a[k] + b[k]) / 2, 12);
      expect(out.std.last[k]).toBeCloseTo(Math.abs(a[k] - b[k]) / Math.SQRT2, 12);
    }
    expect(out.mean.best.testAuroc).toBeGreaterThan(0);

    // The sweep's seed 1 is the same run as a single train with --seed 1.
    const one = await train([DEMO, ...FAST, '--seed', '1', '--json']);
    expect(JSON.parse(one.out[0]).last).toEqual(b);

    const written = JSON.parse(readFileSync(card, 'utf8'));
    expect(written).toMatchObject({ format: 'drug-gnn-playground-seed-sweep/1', seeds: [0, 1] });
    expect(written.runs.map((r: { seed: number }) => r.seed)).toEqual([0, 1]);
    expect(written.final.mean.testAuroc).toBeCloseTo(out.mean.last.testAuroc, 12);
  }, 60_000);

  it('prints one line per seed and a mean ± std line', async () => {
    const r = await train([DEMO, ...FAST, '--seeds', '3,5']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.filter((l) => /^seed \d+: 3 epochs/.test(l)).map((l) => l.split(':')[0])).toEqual(['seed 3', 'seed 5']);
    expect(r.out.some((l) => /^mean ± std over 2 seeds .*testAuroc \d\.\d{4} ± \d\.\d{4}/.test(l))).toBe(true);
    expect(r.out.some((l) => /^epoch /.test(l))).toBe(false);
  }, 60_000);
});

describe('--seeds parsing', () => {
  it('reads ranges and lists, refuses bad lists and one-run flags', () => {
    expect(parseSeedList('0-9')).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(parseSeedList('0,3,7')).toEqual([0, 3, 7]);
    expect(parseSeedList('0-2, 5')).toEqual([0, 1, 2, 5]);
    expect(() => parseSeedList('3-1')).toThrow(/backwards/);
    expect(() => parseSeedList('1,1')).toThrow(/twice/);
    expect(() => parseSeedList('a')).toThrow(/--seeds expects/);
    expect(() => parseSeedList('0-5000')).toThrow(/at most 1000 seeds/);
    expect(takeSeedsArg(['x.tsv', '--seeds', '0-1', '--json'])).toEqual({ seeds: [0, 1], rest: ['x.tsv', '--json'] });
    expect(takeSeedsArg(['x.tsv'])).toEqual({ rest: ['x.tsv'] });
    expect(() => takeSeedsArg(['x.tsv', '--seeds', '0-1', '--seed', '3'])).toThrow(/cannot go with --seed/);
    expect(() => takeSeedsArg(['x.tsv', '--seeds'])).toThrow(/needs a value/);
  });
});
