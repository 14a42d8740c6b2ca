/**
 * The multilabel task through the CLI: `inspect --json` counts the labels, `train --task multilabel
 * --json` reports per-label test metrics with their mean, median, best and worst, and `--seeds`
 * summarises the mean metrics over seeds. A small generated table of pairs with `;`-separated labels.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../../src/model/tf';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { trainCommand } from '../../../src/cli/train';
import { runInspect } from '../../../src/cli/inspect';
import { Rng } from '../../../src/model/rng';

const dir = mkdtempSync(join(tmpdir(), 'multilabel-cli-'));
const FAST = ['--task', 'multilabel', '--epochs', '3', '--hidden', '8', '--backend', 'cpu'];

/** 40 drugs, 120 pairs, each with one to three of five side effects. */
function labelTable(): string {
  const rng = new Rng(2);
  const effects = ['Nausea', 'Headache', 'Rash', 'Fatigue', 'Dizziness'];
  const seen = new Set<string>();
  const lines = ['drug_1,drug_2,side_effects'];
  while (lines.length <= 120) {
    const [u, v] = [rng.int(40), rng.int(40)];
    const key = `${Math.min(u, v)}-${Math.max(u, v)}`;
    if (u === v || seen.has(key)) continue;
    seen.add(key);
    const labels = effects.filter(() => rng.next() < 0.4);
    lines.push(`D${u},D${v},${(labels.length ? labels : ['Rash']).join(';')}`);
  }
  return lines.join('\n');
}
const FILE = join(dir, 'pairs.csv');
writeFileSync(FILE, labelTable());

/**
 * The same pairs as a multi-hot table (a 0/1 column per label), the columns in the order the `;`-lists
 * first name the labels, so both files give the labels the same ids.
 */
function multiHotTable(list: string): string {
  const rows = list
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const labels = [...new Set(rows.flatMap((r) => r[2].split(';')))];
  return [
    ['drug_1', 'drug_2', ...labels].join(','),
    ...rows.map(([a, b, ls]) => [a, b, ...labels.map((l) => (ls.split(';').includes(l) ? 1 : 0))].join(',')),
  ].join('\n');
}
const MULTI_HOT_FILE = join(dir, 'matrix.csv');
writeFileSync(MULTI_HOT_FILE, multiHotTable(labelTable()));

afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  tf.disposeVariables();
  rmSync(dir, { recursive: true, force: true });
});

async function capture(run: () => Promise<number>): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void err.push(s));
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  const code = await run();
  vi.restoreAllMocks();
  return { code, out, err: err.join('') };
}

describe('multilabel on the command line', () => {
  it('inspect --json counts the labels', async () => {
    const r = await capture(() => runInspect([FILE, '--json']));
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out[0]);
    expect(report.labels.count).toBe(5);
    expect(report.labels.pairs).toBe(120);
    expect(report.labels.pairLabels).toBeGreaterThan(120);
  });

  it('train --json: per-label metrics, their mean and median over scored labels, best and worst by name', async () => {
    const r = await capture(() => trainCommand([FILE, ...FAST, '--json']));
    expect(r.code, r.err).toBe(0);
    const result = JSON.parse(r.out.at(-1)!);
    const labels = result.labels;
    expect(labels.count).toBe(5);
    expect(labels.perLabel.map((l: { label: string }) => l.label).sort()).toEqual(['Dizziness', 'Fatigue', 'Headache', 'Nausea', 'Rash']);
    const scored = labels.perLabel.filter((l: { auroc: number | null }) => l.auroc !== null);
    expect(labels.scored).toBe(scored.length);
    const meanAuroc = scored.reduce((s: number, l: { auroc: number }) => s + l.auroc, 0) / scored.length;
    expect(labels.mean.auroc).toBeCloseTo(meanAuroc, 3);
    expect(result.test.testAuroc).toBeCloseTo(labels.mean.auroc, 3);
    expect(typeof result.test.testAp50).toBe('number');
    expect(labels.best[0].auprc).toBeGreaterThanOrEqual(labels.worst[0].auprc);
    expect(r.err).toMatch(/test per label \(\d of 5 labels have a positive test pair\)/);
  });

  it('a multi-hot table of the same pairs and labels trains to the same metrics (same seed)', async () => {
    const [list, hot] = [
      await capture(() => trainCommand([FILE, ...FAST, '--seed', '1', '--json'])),
      await capture(() => trainCommand([MULTI_HOT_FILE, ...FAST, '--seed', '1', '--json'])),
    ];
    expect(hot.code, hot.err).toBe(0);
    const [a, b] = [list, hot].map((r) => JSON.parse(r.out.at(-1)!));
    expect(b.labels.count).toBe(5);
    expect(b.labels.scored).toBeGreaterThan(0);
    expect(b.labels.perLabel).toEqual(a.labels.perLabel);
    expect(b.last).toEqual(a.last);
  });

  it('a saved model evaluates to the same per-label metrics when loaded again', async () => {
    const model = join(dir, 'model');
    const trained = await capture(() => trainCommand([FILE, ...FAST, '--save-model', model, '--json']));
    expect(trained.code, trained.err).toBe(0);
    const loaded = await capture(() => trainCommand([FILE, '--model-file', model, '--backend', 'cpu', '--json']));
    expect(loaded.code, loaded.err).toBe(0);
    const [a, b] = [trained, loaded].map((r) => JSON.parse(r.out.at(-1)!));
    expect(b.settings.task).toBe('multilabel');
    expect(b.labels.perLabel).toEqual(a.labels.perLabel);
  });

  it('--seeds: mean ± std of the mean metrics over the seeds', async () => {
    const r = await capture(() => trainCommand([FILE, ...FAST, '--seeds', '0-1', '--json']));
    expect(r.code, r.err).toBe(0);
    const sweep = JSON.parse(r.out.at(-1)!);
    const runs = sweep.runs.map((x: { last: Record<string, number> }) => x.last.testAp50);
    expect(sweep.mean.last.testAp50).toBeCloseTo((runs[0] + runs[1]) / 2, 9);
    expect(sweep.std.last.testAuroc).toBeGreaterThanOrEqual(0);
    expect(r.err).toMatch(/seed 1: .*test mean auroc/);
  });
});
