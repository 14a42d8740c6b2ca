/** `npm run cli -- train` as a child process on the real ChCh-Miner split: a few epochs must beat AUROC 0.85. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, describeWithSharedData, sharedPath } from '../../helpers/sharedData';

describeWithSharedData('cli train on ChCh-Miner (link-split/1 file)', () => {
  it('reaches test AUROC > 0.85 in 15 epochs and prints progress and one JSON line', () => {
    const dir = sharedPath('biosnap_chch_miner');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'train',
        `${dir}/ChCh-Miner_durgbank-chem-chem.tsv`,
        '--split',
        `${dir}/split-seed0.json`,
        '--model',
        'gcn',
        '--decoder',
        'dot',
        '--epochs',
        '15',
        '--json',
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/epoch 15\/15 {2}loss/);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(out.backend).toBe('wasm');
    expect(out.nodes).toBe(1514);
    expect(out.medianEpochMs).toBeGreaterThan(0);
    expect(out.test.testAuroc).toBeGreaterThan(0.85);
  });

  it('fails with a usage message on a bad option', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'train', 'x.tsv', '--model', 'nope'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--model expects one of/);
  });
});

describe('cli train options', () => {
  it('--batch-size sets the mini-batch size (0 = full batch by default) and rejects non-integers', async () => {
    const { parseTrainArgs } = await import('../../../src/cli/train');
    expect(parseTrainArgs(['x.tsv']).settings.batchSize).toBe(0);
    expect(parseTrainArgs(['x.tsv', '--batch-size', '65536']).settings.batchSize).toBe(65536);
    expect(() => parseTrainArgs(['x.tsv', '--batch-size', '1.5'])).toThrow(/--batch-size expects a whole number/);
  });
});

describeWithSharedData('ogbl-ddi with its official split', () => {
  it('loads OGB’s counts: 4,267 nodes, official train/valid/test edges and fixed negatives', async () => {
    const { loadOgblDdi } = await import('../../../src/cli/trainData');
    const { graph, split } = await loadOgblDdi(sharedPath('ogbl_ddi'));
    expect(graph.nodes).toHaveLength(4267);
    expect(graph.nodes[0].id).toMatch(/^DB\d{5}$/);
    expect(split.trainPos.a.length).toBe(1_067_911);
    expect([split.valPos.a.length, split.testPos.a.length]).toEqual([133_489, 133_489]);
    expect([split.valNeg.a.length, split.testNeg.a.length]).toEqual([101_882, 95_599]);
    expect(graph.edgeSrc.length).toBe(1_334_889);
    for (let i = 0; i < 1000; i++) expect(split.testNeg.a[i]).toBeLessThan(split.testNeg.b[i]);
  });
});
