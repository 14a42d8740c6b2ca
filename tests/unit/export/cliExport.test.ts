/** `npm run cli -- export`: its own flags, and one real run on the demo set (untrained model, --epochs 0). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExportArgs } from '../../../src/cli/exportGraph';
import { PROJECT_ROOT } from '../../helpers/sharedData';

describe('cli export options', () => {
  it('parses its own flags and passes the rest to train’s parser', () => {
    const p = parseExportArgs(['a.tsv', '--format', 'gexf', '--out', 'x.gexf', '--top', '7', '--epochs', '2', '--model', 'sage', '--json']);
    expect(p).toMatchObject({ format: 'gexf', out: 'x.gexf', top: 7 });
    expect(p.train.files).toEqual(['a.tsv']);
    expect(p.train.settings).toMatchObject({ epochs: 2, model: 'sage' });
    expect(p.train.json).toBe(true);
    expect(parseExportArgs(['a.tsv', '--format', 'cx2', '--out', 'x']).top).toBeNull();
  });

  it('says what is wrong with a bad command line', () => {
    expect(() => parseExportArgs(['a.tsv', '--out', 'x'])).toThrow(/needs --format/);
    expect(() => parseExportArgs(['a.tsv', '--format', 'graphml'])).toThrow(/needs --out/);
    expect(() => parseExportArgs(['a.tsv', '--format', 'dot', '--out', 'x'])).toThrow(/--format expects one of graphml, gexf, cx2, cyjs, csv, tsv, got "dot"/);
    expect(() => parseExportArgs(['a.tsv', '--format', 'csv', '--out', 'x'])).toThrow(/--format csv is the predictions table/);
    expect(() => parseExportArgs(['a.tsv', '--format', 'gexf', '--out', 'x', '--top', '-1'])).toThrow(/--top expects a whole number/);
    expect(() => parseExportArgs(['a.tsv', '--format', 'gexf', '--out', 'x', '--model', 'nope'])).toThrow(/--model expects one of/);
    expect(() => parseExportArgs(['--format', 'gexf', '--out', 'x'])).toThrow(/needs data files/);
  });
});

describe('cli export on the demo set', () => {
  it('writes the untrained model’s graph with every interaction scored and the top K candidates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-'));
    try {
      const out = join(dir, 'demo.cyjs');
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'src/cli/main.ts',
          'export',
          'public/datasets/demo.json',
          '--format',
          'cyjs',
          '--out',
          out,
          '--epochs',
          '0',
          '--top',
          '5',
          '--decoder',
          'dot',
          '--json',
        ],
        { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 },
      );
      expect(r.status, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout.trim());
      expect(summary).toMatchObject({ format: 'cyjs', nodes: 165, edges: 884, candidates: 5, epochs: 0 });
      const doc = JSON.parse(readFileSync(out, 'utf8'));
      expect(summary.bytes).toBe(readFileSync(out).length);
      expect(doc.elements.nodes).toHaveLength(165);
      const edges = doc.elements.edges.map((e: { data: Record<string, unknown> }) => e.data);
      expect(edges).toHaveLength(889);
      const known = edges.filter((e: Record<string, unknown>) => e.known === 1);
      const candidates = edges.filter((e: Record<string, unknown>) => e.known === 0);
      expect(known).toHaveLength(884);
      for (const e of known) {
        expect(e.probability).toBe(1 / (1 + Math.exp(-(e.score as number))));
        expect(['train', 'val', 'test']).toContain(e.split);
      }
      // The seeded split's sizes (85/5/10 of 884).
      const count = (part: string) => known.filter((e: Record<string, unknown>) => e.split === part).length;
      expect(count('train') + count('val') + count('test')).toBe(884);
      expect(count('test')).toBeGreaterThan(60);
      // Candidates: strongest first, never a known pair.
      const scores = candidates.map((e: Record<string, unknown>) => e.score as number);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      const knownKeys = new Set(known.map((e: Record<string, unknown>) => [e.source, e.target].sort().join()));
      for (const c of candidates) expect(knownKeys.has([c.source, c.target].sort().join())).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a saved model’s predictions: the graph file and the CSV (handed to predict) agree pair by pair', () => {
    const dir = mkdtempSync(join(tmpdir(), 'export-model-'));
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });
    try {
      const model = join(dir, 'model');
      const saved = cli('train', 'public/datasets/demo.json', '--epochs', '2', '--decoder', 'dot', '--hidden', '16', '--save-model', model);
      expect(saved.status, saved.stderr).toBe(0);
      // Settings on the command line that differ from the file's do not apply: the file's are used.
      const graph = cli('export', 'public/datasets/demo.json', '--format', 'cyjs', '--out', join(dir, 'g.cyjs'), '--model-file', model, '--top', '0');
      expect(graph.status, graph.stderr).toBe(0);
      expect(graph.stdout).toMatch(/model loaded from .*weights of epoch 2/);
      const table = cli('export', 'public/datasets/demo.json', '--format', 'csv', '--out', join(dir, 'p.csv'), '--model-file', model, '--json');
      expect(table.status, table.stderr).toBe(0);
      expect(JSON.parse(table.stdout.trim())).toMatchObject({ rows: 884, what: 'known', format: 'csv' });
      const edges = JSON.parse(readFileSync(join(dir, 'g.cyjs'), 'utf8')).elements.edges.map((e: { data: Record<string, unknown> }) => e.data);
      const scoreOf = new Map(edges.map((e: Record<string, unknown>) => [[e.source, e.target].sort().join(), e.score as number]));
      const lines = readFileSync(join(dir, 'p.csv'), 'utf8').trim().split('\n');
      const header = lines[0].split(',');
      const [ia, ib, is] = ['drug_a_id', 'drug_b_id', 'score'].map((c) => header.indexOf(c));
      expect(lines).toHaveLength(885);
      for (const line of lines.slice(1, 200)) {
        const cells = line.split(',');
        // Names with commas are quoted; ids and scores sit in the unquoted columns checked here.
        if (line.includes('"')) continue;
        const score = scoreOf.get([cells[ia], cells[ib]].sort().join());
        expect(score).toBeDefined();
        expect(Number(cells[is])).toBeCloseTo(score as number, 6);
      }
      const other = cli(
        'export',
        join(PROJECT_ROOT, 'tests/unit/export/cliExport.test.ts'),
        '--format',
        'cyjs',
        '--out',
        join(dir, 'x.cyjs'),
        '--model-file',
        model,
      );
      expect(other.status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the file it cannot write', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'export',
        'public/datasets/demo.json',
        '--format',
        'graphml',
        '--out',
        '/nonexistent-dir/x.graphml',
        '--epochs',
        '0',
        '--decoder',
        'dot',
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot write \/nonexistent-dir\/x\.graphml/);
  });
});
