/** `npm run cli -- predict` on the demo set as a child process: the file's header, rows, ranks and the JSON line; argument errors. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parsePredictArgs, predictCommand, writePredictionsFile } from '../../../src/cli/predict';
import { loadGraph } from '../../../src/cli/trainData';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { PROJECT_ROOT } from '../../helpers/sharedData';

const dir = mkdtempSync(join(tmpdir(), 'predict-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'predict', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });

describe('cli predict', () => {
  it('trains on the demo set, writes the top 150 candidates (more than the page lists) and one JSON line', () => {
    const out = join(dir, 'top.csv');
    const r = cli('public/datasets/demo.json', '--what', 'candidates', '--top', '150', '--epochs', '2', '--decoder', 'dot', '--out', out, '--json');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]);
    const text = readFileSync(out, 'utf8');
    expect(summary).toMatchObject({ out, rows: 150, what: 'candidates', task: 'link', format: 'csv', bytes: Buffer.byteLength(text) });
    expect(summary.ms).toBeGreaterThanOrEqual(0);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual(['drug_a_id', 'drug_a_name', 'drug_b_id', 'drug_b_name', 'known', 'split', 'score', 'probability', 'rank']);
    expect(parsed.data).toHaveLength(150);
    expect(parsed.data.map((d) => Number(d.rank))).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    const scores = parsed.data.map((d) => Number(d.score));
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
    expect(parsed.data.every((d) => d.known === '0' && d.split === '-' && /^DB\d{5}$/.test(d.drug_a_id))).toBe(true);
  });

  it('writePredictionsFile (the command’s last step): known rows of the demo set as TSV, one per interaction', async () => {
    const graph = await loadGraph([join(PROJECT_ROOT, 'public/datasets/demo.json')]);
    const trainer = new LinkTrainer({ ...graph, numNodes: graph.nodes.length }, { ...DEFAULT_MODEL_SETTINGS, hidden: 8 }, 'cpu');
    const out = join(dir, 'known.tsv');
    const summary = await writePredictionsFile(trainer, graph, { what: 'known', format: 'tsv' }, out);
    trainer.dispose();
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0].split('\t')).toHaveLength(9);
    expect(rows).toHaveLength(1 + 884);
    expect(summary).toMatchObject({ rows: 884, total: 884, cancelled: false });
    // A file that cannot be written: its path in the message.
    await expect(writePredictionsFile(trainer, graph, { what: 'known', format: 'tsv' }, join(dir, 'no/such/dir.tsv'))).rejects.toThrow(/no\/such\/dir\.tsv/);
  });

  it('rejects bad arguments before training, with the usage', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await predictCommand(['public/datasets/demo.json', '--what', 'some', '--out', join(dir, 'x.csv')])).toBe(1);
    expect(errors.mock.calls[0][0]).toMatch(/--what expects one of known, candidates, all[\s\S]*usage: npm run cli -- predict/);
    errors.mockRestore();
    expect(() => parsePredictArgs(['d.json'])).toThrow(/--out FILE/);
    expect(() => parsePredictArgs(['d.json', '--out', 'x', '--task', 'node', '--what', 'all'])).toThrow(/link task/);
    expect(() => parsePredictArgs(['d.json', '--out', 'x', '--top', '0'])).toThrow(/--top/);
    const p = parsePredictArgs(['d.json', '--out', 'x.TSV', '--epochs', '4', '--task', 'type']);
    expect(p.request).toEqual({ what: 'known', top: 100, format: 'tsv' });
    expect(p.train.settings.epochs).toBe(4);
    expect(parsePredictArgs(['d.json', '--out', 'x.csv']).request.what).toBe('candidates');
  });
});
