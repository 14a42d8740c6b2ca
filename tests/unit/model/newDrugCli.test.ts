/** `npm run cli -- train` with a new-drug split on the demo set: Morgan features (RDKit in Node), a few epochs, metrics out. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/sharedData';

const train = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'train', 'public/datasets/demo.json', '--json', ...args], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });

describe('cli train --split-mode', () => {
  it('new-drug-one with morgan features trains and prints test metrics over held-out drugs, without the features note', () => {
    const r = train('--split-mode', 'new-drug-one', '--features', 'morgan', '--epochs', '3', '--patience', '0');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/split seeded new-drug-one \(seed 0\)/);
    expect(r.stderr).toMatch(/held-out drugs: \d+ \(val and test\); pairs train [\d,]+, val \d+ \+ \d+ negatives, test \d+ \+ \d+ negatives/);
    expect(r.stderr).toMatch(/epoch 3\/3 {2}loss/);
    expect(r.stderr).not.toMatch(/say nothing about an unseen drug/);
    const out = JSON.parse(r.stdout.trim());
    expect(out.settings.splitMode).toBe('new-drug-one');
    expect(out.test.testAuroc).toBeGreaterThan(0);
    expect(out.test.testAuroc).toBeLessThanOrEqual(1);
  });

  it('new-drug-both with learned features warns that unseen drugs have no trained row', () => {
    const r = train('--split-mode', 'new-drug-both', '--test-fraction', '0.3', '--epochs', '0');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: The new-drug-both split holds out drugs, but the features \(learned\) say nothing about an unseen drug/);
  });
});
