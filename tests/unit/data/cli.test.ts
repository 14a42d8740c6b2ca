import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT, describeWithSharedData, sharedPath } from '../../helpers/sharedData';

const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });

describeWithSharedData('npm run cli -- inspect', () => {
  it('prints one JSON object with the load report of ChCh-Miner', () => {
    const r = cli('inspect', sharedPath('biosnap_chch_miner', 'ChCh-Miner_durgbank-chem-chem.tsv'), '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      nodes: 1514,
      edges: 48514,
      edgeTypes: 0,
      withSmiles: 0,
      withAtc: 0,
      duplicatesMerged: 0,
      selfLoopsDropped: 0,
      skippedRows: [],
      warnings: [],
    });
  });

  it('prints a readable report', () => {
    const r = cli('inspect', sharedPath('deepddi_drugbank_ddi_86types', 'Drugbank.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/drugs\s+1,710/);
    expect(r.stdout).toMatch(/interaction types\s+86/);
    expect(r.stdout).toMatch(/duplicates merged\s+406/);
  });
});

describe('cli errors', () => {
  it('a load error is one line on stderr and exit status 1', () => {
    const r = cli('inspect', 'package.json');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: package\.json: /);
  });

  it('a missing file and an unknown command', () => {
    const missing = cli('inspect', 'no/such/file.tsv');
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toBe('error: no such file: no/such/file.tsv');
    const unknown = cli('frobnicate');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  });
});
