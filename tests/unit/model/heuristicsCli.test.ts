/**
 * Heuristic baselines end to end: `train --model cn` on the demo set as a child process (one
 * evaluation, one JSON line), and OGB's leaderboard figures for ogbl-ddi (common neighbours test
 * Hits@20 0.1773, Adamic–Adar 0.1861) from the official split's training edges.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadOgblDdi } from '../../../src/cli/trainData';
import { createTrainer } from '../../../src/model/tasks';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import { PROJECT_ROOT, describeWithSharedData, sharedPath } from '../../helpers/sharedData';

describe('cli train --model cn on the demo set', () => {
  it('evaluates once, says why it stopped, and reports the link metrics as JSON', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'train', 'public/datasets/demo.json', '--model', 'cn', '--json'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/heuristic cn on the split's training pairs/);
    const out = JSON.parse(r.stdout.trim());
    expect(out.epochs).toBe(1);
    expect(out.stopReason).toMatch(/nothing to learn/);
    expect(out.settings.model).toBe('cn');
    // Better than chance on a real drug network, and every metric present.
    expect(out.test.testAuroc).toBeGreaterThan(0.6);
    expect(out.test.testAuprc).toBeGreaterThan(0);
    expect(out.test.testHits20).toBeGreaterThanOrEqual(0);
  });
});

describeWithSharedData('heuristics on ogbl-ddi reproduce the OGB leaderboard', () => {
  it('test Hits@20: common neighbours 0.1773, Adamic–Adar 0.1861 (within 0.005)', async () => {
    const { graph, split } = await loadOgblDdi(sharedPath('ogbl_ddi'));
    const g = { ...graph, numNodes: graph.nodes.length };
    for (const [model, expected] of [
      ['cn', 0.1773],
      ['aa', 0.1861],
    ] as const) {
      const t = createTrainer(g, { ...DEFAULT_MODEL_SETTINGS, model }, 'cpu', { split, selectBy: 'hits20' });
      const r = await t.runEpoch();
      expect(Math.abs(r.testHits20! - expected), `${model}: ${r.testHits20}`).toBeLessThan(0.005);
      t.dispose();
    }
  }, 180_000);
});
