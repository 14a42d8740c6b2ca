/**
 * A heuristic baseline in the real page: the Model select offers cn / aa / ra / katz with the row's
 * explanation and only the controls a heuristic reads, Play evaluates once and stops, the candidate
 * list ranks by the heuristic's score, and the teaching view takes the top candidate's score apart.
 */
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, snapshot, useServedApp } from './harness';

const app = useServedApp();

describe('heuristic baseline in the page', () => {
  it('common neighbours: one evaluation, stopped, candidates ranked by its score', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#model=cn&top=5&tour=off`);
    const options = await page.locator('#setting-model option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['cn', 'aa', 'ra', 'katz']));
    expect(await page.locator('body').textContent()).toMatch(/dense ones where most pairs share neighbours/);
    // No layer or optimiser controls that would do nothing; the split's controls stay.
    for (const hidden of ['hidden', 'layers', 'lr', 'epochs', 'dropout', 'features']) expect(await page.locator(`#setting-${hidden}`).count(), hidden).toBe(0);
    for (const shown of ['task', 'splitmode', 'seed']) expect(await page.locator(`#setting-${shown}`).count(), shown).toBe(1);
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.playground.snapshot().status === 'stopped' || window.playground.snapshot().status === 'error', null, {
      timeout: 60_000,
    });
    const s = await snapshot(page);
    expect(s.error).toBeNull();
    expect(s.epoch).toBe(1);
    // No epochs to count and no early stop to report: a heuristic is scored once.
    expect(await page.getByTestId('epoch').textContent()).toMatch(/Scored — nothing to train/);
    expect(await page.getByTestId('status').textContent()).toBe('done');
    expect(await page.getByRole('button', { name: 'Step +1' }).count()).toBe(0);
    expect(s.candidates).toHaveLength(5);
    expect(s.candidates.every((c) => c.score >= 1 && c.probability > 0 && c.probability <= 1)).toBe(true);
    await expect.poll(() => page.locator('#candidates-key').textContent()).toMatch(/cn heuristic’s score/);

    // The teaching view on the top candidate's first drug: its strongest unknown partner is that
    // candidate's other drug (or one as strong), and the common-neighbour terms add up to the score.
    const top = s.candidates[0];
    await page.evaluate((id) => window.playground.openStepper(id), top.a);
    const screen = page.getByTestId('screen-heuristic');
    await screen.waitFor({ timeout: 15_000 });
    const rows = page.locator('[data-testid=heuristic-common] tbody tr');
    const partnerScore = Number(await page.getByTestId('heuristic-score').textContent());
    expect(partnerScore).toBeGreaterThanOrEqual(s.candidates.filter((c) => c.a === top.a || c.b === top.a)[0].score);
    expect(await rows.count()).toBe(Math.min(partnerScore, 13));
    expect(await page.getByTestId('heuristic-density').textContent()).toMatch(
      /drugs, .* pairs; a drug has .* partners on average .* two drugs picked at random share/,
    );
    await screenshot(page, 'heuristic-teaching');
    expect(consoleErrors).toEqual([]);
  });
});
