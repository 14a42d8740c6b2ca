/**
 * The type task's metrics in the real app: after a short run on the demo's interaction types the
 * training panel shows Cohen's κ and macro-F1, and a per-type table of the test pairs whose support
 * and predicted columns each add up to the same test-pair count; the table scrolls by keyboard. Then
 * the type-published preset (MLP head on [h_a ‖ h_b], mini-batches) trains in the page. The multilabel
 * task (the demo's types as each pair's labels) shows AP@50 and the per-label summary when it ends.
 */
import { describe, expect, it } from 'vitest';
import { openApp, useServedApp, waitForEpoch } from './harness';

const app = useServedApp();

describe('type task metrics panel', () => {
  it('shows κ and macro-F1 while training and a per-type table once the run ends', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#task=type&seed=3&hidden=16&epochs=3&tour=off`);
    await page.getByTestId('play').click();
    expect((await waitForEpoch(page, 3)).error).toBeNull();
    await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 20_000 });
    const kappaRow = page.locator('.metric-table tr', { hasText: "Cohen's κ" });
    expect(await kappaRow.locator('td').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^-?\d\.\d{3}$/)]));
    await expect.poll(() => page.getByTestId('per-type').count()).toBe(1);
    const table = page.getByRole('region', { name: 'Per-type scores on the test pairs' });
    const rows = table.locator('tbody tr');
    const n = await rows.count();
    expect(n).toBeGreaterThan(1);
    let support = 0;
    let predicted = 0;
    for (let i = 0; i < n; i++) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      expect(cells[0]).toMatch(/^(\d\.\d{3}|—)$/);
      support += Number(cells[1]);
      predicted += Number(cells[2]);
    }
    expect(support).toBeGreaterThan(0);
    expect(predicted).toBe(support);
    await table.focus();
    expect(await table.evaluate((el) => el === document.activeElement)).toBe(true);

    // The published-level preset: one click sets the type task's recipe, and the page trains it.
    await page.getByTestId('preset-type-published').click();
    await expect.poll(() => page.getByTestId('preset-type-published').getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => window.playground.snapshot().settings)).toMatchObject({ task: 'type', decoder: 'mlp', layers: 1, batchSize: 4096 });
    // A new model: the earlier run's epochs are gone.
    await expect.poll(() => page.evaluate(() => window.playground.snapshot().epoch)).toBe(0);
    await page.getByTestId('play').click();
    const trained = await waitForEpoch(page, 2, 60_000);
    expect(trained.error).toBeNull();
    expect(trained.epoch).toBeGreaterThanOrEqual(2);

    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });

  it('multilabel: mean AP@50 while training, mean and median per label and the best/worst labels once the run ends', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#task=multilabel&seed=3&hidden=16&epochs=3&tour=off`);
    await page.getByTestId('play').click();
    expect((await waitForEpoch(page, 3)).error).toBeNull();
    await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 20_000 });
    const ap50 = page.locator('.metric-table tr', { hasText: 'AP@50 (mean over labels)' });
    expect(await ap50.locator('td').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^\d\.\d{3}$/)]));
    const panel = page.getByTestId('per-label');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.locator('caption').textContent()).toMatch(/^Per label, test pairs: \d+ of \d+ labels scored$/);
    // The panel's mean AUROC over labels is the test AUROC the metrics table shows.
    expect(await panel.getByTestId('label-mean-auroc').textContent()).toBe(await page.getByTestId('test-auroc').textContent());
    const labelRows = page.getByRole('region', { name: 'Best and worst labels on the test pairs' }).locator('tbody tr td');
    expect(await labelRows.count()).toBeGreaterThan(0);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });
});
