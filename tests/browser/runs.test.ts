/**
 * The runs table (models compared side by side) and the end-of-run notices in the real app: two short runs on the demo with
 * different models become two rows whose numbers are the ones the metrics panel showed; a row's
 * "Use settings" puts its settings into the controls and the URL; early stopping, the user's pause
 * and divergence each say what happened. Screenshots of the table at desktop and ~800 px width.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, snapshot, useServedApp, waitForEpoch } from './harness';

const app = useServedApp();

/** The numbers the training panel shows now. */
async function panelNumbers(page: Page) {
  const text = (id: string) => page.getByTestId(id).textContent();
  return { valAuroc: await text('val-auroc'), testAuroc: await text('test-auroc'), valAuprc: await text('val-auprc'), testAuprc: await text('test-auprc') };
}

/** One row of the runs table as text. */
async function rowNumbers(page: Page, index: number) {
  const row = page.getByTestId('run-row').nth(index);
  const metric = (key: string) => row.locator(`td[data-metric="${key}"] .value`).textContent();
  return {
    model: await row.getByTestId('run-model').textContent(),
    epochs: await row.getByTestId('run-epochs').textContent(),
    ended: await row.getByTestId('run-end-cell').textContent(),
    valAuroc: await metric('valAuroc'),
    testAuroc: await metric('testAuroc'),
    valAuprc: await metric('valAuprc'),
    testAuprc: await metric('testAuprc'),
    ms: Number(await row.getByTestId('run-ms').textContent()),
  };
}

async function playUntilDone(page: Page, epochs: number) {
  await page.getByTestId('play').click();
  const s = await waitForEpoch(page, epochs);
  expect(s.error).toBeNull();
  await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 20_000 });
}

describe('runs table', () => {
  it('compares two runs side by side with the panel’s numbers, restores a row’s settings, removes a row', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#model=seed-gcn&decoder=dot&epochs=4&seed=1&hidden=16&tour=off`);
    expect(await page.getByTestId('runs-table').count()).toBe(0); // no run yet, no table

    await playUntilDone(page, 4);
    const first = await panelNumbers(page);
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(1);
    expect(await rowNumbers(page, 0)).toMatchObject({ model: 'seed-gcn', epochs: '4', ended: 'finished', ...first });

    // A different model: the settings change rebuilds it, the next Play starts run 2.
    await page.locator('#setting-model').selectOption('gcn');
    await page.locator('#setting-hidden').fill('32');
    await page.locator('#setting-hidden').press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('hidden=32');
    await playUntilDone(page, 4);
    const second = await panelNumbers(page);
    await expect.poll(() => page.getByTestId('run-row').count()).toBe(2);
    const [r1, r2] = [await rowNumbers(page, 0), await rowNumbers(page, 1)];
    expect(r1).toMatchObject({ model: 'seed-gcn', epochs: '4', ...first });
    expect(r2).toMatchObject({ model: 'gcn', epochs: '4', ended: 'finished', ...second });
    expect(r1.ms).toBeGreaterThan(0);
    expect(r2.ms).toBeGreaterThan(0);
    // The model and hidden size differ between the rows and are highlighted; the seed is not.
    const row1 = page.getByTestId('run-row').nth(0);
    expect(await row1.getByTestId('run-model').getAttribute('class')).toContain('differs');
    expect(await row1.locator('.chip.differs').allTextContents()).toEqual(['hidden=16']);
    expect(await row1.locator('.chip', { hasText: 'seed=1' }).getAttribute('class')).toBe('chip');
    // The better validation AUROC carries the mark (both, if equal).
    const v1 = Number(r1.valAuroc);
    const v2 = Number(r2.valAuroc);
    const starred = await page.locator('td[data-metric="valAuroc"].best').count();
    expect(starred).toBe(v1 === v2 ? 2 : 1);
    if (v1 !== v2) {
      const winner = page.getByTestId('run-row').nth(v1 > v2 ? 0 : 1);
      expect(await winner.locator('td[data-metric="valAuroc"]').getAttribute('class')).toContain('best');
    }

    await screenshot(page, 'runs-table-desktop');
    await page.setViewportSize({ width: 800, height: 900 });
    await page.getByTestId('runs-table').scrollIntoViewIfNeeded();
    // The table scrolls inside its panel; the page itself never gets wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await screenshot(page, 'runs-table-800px');
    await screenshot(page, 'page-800px', true);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Row 1's settings back into the controls and the URL (values equal to the defaults, such as lr=0.01, leave the URL).
    await page.getByTestId('run-row').nth(0).getByRole('button', { name: 'Use settings' }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('hidden=16');
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('model=seed-gcn');
    expect(hash).not.toContain('lr=');
    expect(hash).toContain('epochs=4');
    expect(hash).toContain('seed=1');
    expect((await snapshot(page)).settings).toMatchObject({ model: 'seed-gcn', hidden: 16, epochs: 4, seed: 1 });
    expect(await page.locator('#setting-model').inputValue()).toBe('seed-gcn');
    expect(await page.locator('#setting-hidden').inputValue()).toBe('16');
    // A fresh model, so no new row until it trains; the old rows stay.
    expect(await page.getByTestId('run-row').count()).toBe(2);

    await page.getByRole('button', { name: 'Remove run 1' }).click();
    expect(await page.getByTestId('run-row').count()).toBe(1);
    expect(await page.getByTestId('run-row').getByTestId('run-model').textContent()).toBe('gcn');
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('why training stopped', () => {
  it('says an early stop apart from the user’s pause and from divergence', async () => {
    // A learning rate this small barely moves the weights: validation AUROC soon stops improving.
    const { page } = await openApp(app.browser, `${app.server.url}#model=seed-gcn&decoder=dot&epochs=60&patience=3&lr=0.00001&seed=1&tour=off`);
    await page.getByTestId('play').click();
    await page.waitForFunction(() => ['stopped', 'done', 'error'].includes(window.playground.snapshot().status), null, { timeout: 120_000 });
    const s = await snapshot(page);
    expect(s.status).toBe('stopped');
    expect(s.epoch).toBeLessThan(60);
    const notice = page.getByTestId('run-end');
    expect(await notice.getAttribute('data-kind')).toBe('early');
    const text = (await notice.textContent())!;
    const m = text.match(
      /^Stopped early at epoch (\d+): validation AUROC has not improved for 3 epochs\. The best was epoch (\d+) \(validation ([\d.]+), test ([\d.]+)\)/,
    );
    expect(m, text).not.toBeNull();
    expect(Number(m![1])).toBe(s.epoch);
    expect(Number(m![1]) - Number(m![2])).toBe(3);
    expect(await page.getByTestId('status').textContent()).toBe('early stop');
    expect(await page.getByTestId('play').isDisabled()).toBe(true);
    expect(await page.getByTestId('run-row').getByTestId('run-end-cell').textContent()).toBe(`early stop, best epoch ${m![2]}`);
    // The best epoch's weights are back, and the page says so; the teaching view shows that model.
    expect(text).toMatch(
      /; its weights were restored, so the network, the candidates and the teaching view show that model\. The chart and the numbers above are epoch \d+'s\.$/,
    );
    await screenshot(page, 'early-stop');
    await page.evaluate(() => window.playground.openStepper('DB00682'));
    expect((await snapshot(page)).stepper!.epoch).toBe(Number(m![2]));
    await page.evaluate(() => window.playground.closeStepper());

    // The user's pause reads differently; the early-stopped row keeps its reason.
    await page.locator('#setting-seed').fill('2');
    await page.locator('#setting-seed').press('Enter');
    await page.waitForFunction(() => window.playground.snapshot().epoch === 0);
    await page.evaluate(() => window.playground.step());
    await page.evaluate(() => window.playground.step());
    expect(await notice.getAttribute('data-kind')).toBe('user');
    expect(await notice.textContent()).toBe('Paused by you at epoch 2 of 60.');
    expect(await page.getByTestId('run-end-cell').allTextContents()).toEqual([`early stop, best epoch ${m![2]}`, 'paused']);

    // A learning rate of 1 on GIN blows the loss up within a few epochs.
    await page.evaluate(() => window.playground.setSettings({ model: 'gin', learningRate: 1, patience: 0 }));
    await page.getByTestId('play').click();
    await page.waitForFunction(() => ['error', 'done'].includes(window.playground.snapshot().status), null, { timeout: 60_000 });
    expect((await snapshot(page)).status).toBe('error');
    expect(await notice.getAttribute('data-kind')).toBe('diverged');
    expect(await notice.textContent()).toMatch(/^Diverged: Training stopped at epoch \d+: the loss became/);
    expect(await page.getByTestId('run-end-cell').allTextContents()).toEqual([
      `early stop, best epoch ${m![2]}`,
      'stopped by user',
      expect.stringMatching(/^diverged at epoch \d+$/),
    ]);
    await page.close();
  });
});

describe('repeat over seeds', () => {
  it('Play trains one run per seed and the table adds their mean ± std, which the sweep’s card holds too', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#epochs=3&hidden=8&seed=4&seeds=2&tour=off`);
    await page.getByTestId('play').click();
    await expect.poll(() => page.getByTestId('sweep-row').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('run-row').count()).toBe(2);
    const seeds = await page
      .getByTestId('run-row')
      .locator('.chip', { hasText: /^seed=/ })
      .allTextContents();
    expect(seeds).toEqual(['seed=4', 'seed=5']);
    const row = page.getByTestId('sweep-row');
    expect(await row.getByTestId('sweep-label').textContent()).toBe('mean ± std over 2 seeds (4, 5)');
    // The sweep ends with the Seed control on its last seed, the model trained with it.
    await expect.poll(() => page.evaluate(() => window.playground.snapshot().settings.seed)).toBe(5);

    // The card's runs are the table's rows; its summary is their mean and sample std, shown to 3 decimals.
    const card = await page.evaluate(async () => {
      const r = await window.playground.export('run-card-json', {
        sweep: Number(document.querySelector('[data-testid="sweep-row"]')!.getAttribute('data-sweep')),
      });
      return JSON.parse(new TextDecoder().decode(r.bytes));
    });
    expect(card.seeds).toEqual([4, 5]);
    const [a, b] = card.runs.map((r: { final: { testAuroc: number } }) => r.final.testAuroc);
    expect(card.final.mean.testAuroc).toBeCloseTo((a + b) / 2, 12);
    expect(card.final.std.testAuroc).toBeCloseTo(Math.abs(a - b) / Math.SQRT2, 12);
    expect(await row.locator('td[data-metric="testAuroc"]').textContent()).toBe(`${((a + b) / 2).toFixed(3)} ± ${(Math.abs(a - b) / Math.SQRT2).toFixed(3)}`);
    await page.getByTestId('runs-table').scrollIntoViewIfNeeded();
    await screenshot(page, 'runs-seed-sweep');
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });
});
