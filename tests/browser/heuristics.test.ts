/**
 * A heuristic baseline in the real page: the Model select offers cn / aa / ra with the row's
 * explanation, Play evaluates once and stops, and the candidate list ranks by the heuristic's score.
 */
import { describe, expect, it } from 'vitest';
import { openApp, snapshot, useServedApp } from './harness';

const app = useServedApp();

describe('heuristic baseline in the page', () => {
  it('common neighbours: one evaluation, stopped, candidates ranked by its score', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#model=cn&top=5&tour=off`);
    const options = await page.locator('#setting-model option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['cn', 'aa', 'ra']));
    expect(await page.locator('body').textContent()).toMatch(/dense ones where most pairs share neighbours/);
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.playground.snapshot().status === 'stopped' || window.playground.snapshot().status === 'error', null, {
      timeout: 60_000,
    });
    const s = await snapshot(page);
    expect(s.error).toBeNull();
    expect(s.epoch).toBe(1);
    expect(s.candidates).toHaveLength(5);
    expect(s.candidates.every((c) => c.score >= 1 && c.probability > 0 && c.probability <= 1)).toBe(true);
    await expect.poll(() => page.locator('#candidates-key').textContent()).toMatch(/cn heuristic’s score/);
    expect(consoleErrors).toEqual([]);
  });
});
