/**
 * Saved work in the real app (IndexedDB in Chromium): train the demo a few epochs, reload, resume
 * from the offer and find the same graph, epoch, losses and runs table; training on gives exactly
 * the losses of a run that was never interrupted (cpu backend: exact). A reload in the middle of Play
 * resumes at the last saved epoch with the same numbers from there. Where IndexedDB is unavailable the
 * page says so and trains as usual.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, snapshot, useServedApp } from './harness';

const app = useServedApp();

/** Small and exact: the cpu backend; dropout so the resumed masks are checked too. */
const HASH = '#backend=cpu&seed=3&dropout=0.2&epochs=200&tour=off';
/** For a reload while Play runs: a budget and no early stop that keep it running past the first saves. */
const PLAYING_HASH = '#backend=cpu&seed=3&dropout=0.2&hidden=128&epochs=5000&patience=0&tour=off';

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.playground?.snapshot().edges > 0 && window.playground.snapshot().backend !== null, null, { timeout: 60_000 });
}

async function open(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await ready(page);
  return { context, page, errors };
}

async function step(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.evaluate(() => window.playground.step());
}

/** Losses of the first `epochs` epochs of a fresh model of the same settings, never interrupted (Reset, then Play to the budget). */
async function straightLosses(page: Page, epochs: number): Promise<number[]> {
  await page.evaluate((n) => window.playground.setSettings({ epochs: n }), epochs);
  await page.evaluate(() => window.playground.reset());
  await page.evaluate(() => window.playground.play());
  await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 60_000 });
  return (await snapshot(page)).losses;
}

const runRows = (page: Page) => page.getByTestId('run-row');

describe('saved work survives a reload', () => {
  it('reload after 5 epochs, Resume: same graph, epoch, losses and runs table; the next 2 epochs equal an uninterrupted run’s', async () => {
    const { context, page, errors } = await open(app.browser, app.server.url + HASH);
    // The untouched demo is not saved: the URL brings it back anyway.
    expect(await page.evaluate(() => window.playground.savedWork())).toEqual([]);
    // The uninterrupted run (run 1, 7 epochs), then a fresh model of the same settings stepped 5 epochs (run 2).
    const reference = await straightLosses(page, 7);
    await page.evaluate(() => window.playground.setSettings({ epochs: 200 }));
    await page.evaluate(() => window.playground.reset());
    await step(page, 5);
    await page.evaluate(() => window.playground.saveNow());
    const before = await snapshot(page);
    expect(before.losses).toEqual(reference.slice(0, 5));
    const saved = await page.evaluate(() => window.playground.savedWork());
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ epoch: 5, model: 'gcn', nodes: before.nodes, edges: before.edges, runs: 2 });
    expect(saved[0].bytes).toBeGreaterThan(10_000);

    await page.reload();
    await ready(page);
    const offer = page.getByRole('region', { name: 'Saved work found' });
    await offer.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('saved-offer-text').textContent()).toMatch(/^Demo: well-known drug interactions, epoch 5 of gcn, \d+(\.\d)? KB$/);
    await screenshot(page, 'saved-work-offer');
    // Resume from the offer's button, as a user would; the hook's resume() waits the same way.
    await offer.getByRole('button', { name: 'Resume' }).click();
    await page.waitForFunction(() => window.playground.snapshot().epoch === 5 && !window.playground.snapshot().loading, null, { timeout: 30_000 });
    await expect.poll(() => offer.count()).toBe(0);
    const after = await snapshot(page);
    expect(after.graphName).toBe(before.graphName);
    expect([after.nodes, after.edges, after.status]).toEqual([before.nodes, before.edges, 'paused']);
    expect(after.losses).toEqual(before.losses);
    expect(after.metrics).toEqual(before.metrics);
    expect(after.candidates.length).toBeGreaterThan(0);
    await expect.poll(() => runRows(page).count()).toBe(2);
    expect(await runRows(page).nth(0).getByTestId('run-epochs').textContent()).toBe('7');
    expect(await runRows(page).nth(1).getByTestId('run-epochs').textContent()).toBe('5');
    expect(await page.getByTestId('saved-work-status').textContent()).toMatch(/Resumed Demo: well-known drug interactions at epoch 5 of gcn/);

    // Training on: the same numbers as the run that was never interrupted.
    await step(page, 2);
    expect((await snapshot(page)).losses).toEqual(reference);
    await expect.poll(async () => runRows(page).nth(1).getByTestId('run-epochs').textContent()).toBe('7');

    // Discard from a fresh offer deletes it.
    await page.evaluate(() => window.playground.saveNow());
    await page.reload();
    await ready(page);
    await page.getByRole('region', { name: 'Saved work found' }).getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.evaluate(() => window.playground.savedWork())).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a reload in the middle of Play resumes at the last saved epoch with the same numbers from there; a ?data= link gets no offer', async () => {
    const { context, page, errors } = await open(app.browser, app.server.url + PLAYING_HASH);
    await page.getByTestId('play').click();
    // Saved at most every 3 s while playing: wait for a save past epoch 6, then reload without pausing.
    const savedEpoch = () => page.evaluate(async () => (await window.playground.savedWork())[0]?.epoch ?? 0);
    await expect.poll(savedEpoch, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(6);
    expect((await snapshot(page)).status).toBe('training');
    await page.reload();
    await ready(page);
    const [saved] = await page.evaluate(() => window.playground.savedWork());
    expect(saved.epoch).toBeGreaterThanOrEqual(6);
    await page.evaluate(() => window.playground.resume());
    const resumed = await snapshot(page);
    expect(resumed.epoch).toBe(saved.epoch);
    expect(resumed.status).toBe('paused');
    expect(resumed.losses).toHaveLength(saved.epoch);
    await step(page, 2);
    const losses = (await snapshot(page)).losses;
    expect(await straightLosses(page, saved.epoch + 2)).toEqual(losses);

    // A `?data=` link names the data to show: saved work is not offered over it (the panel still lists it).
    await page.goto(`${app.server.url}?data=${encodeURIComponent(`${app.server.url}datasets/demo.json`)}${PLAYING_HASH}`);
    await ready(page);
    expect((await page.evaluate(() => window.playground.savedWork())).length).toBeGreaterThan(0);
    // The list and the offer come from the same state change: once the list shows, an offer would too.
    await expect.poll(() => page.locator('.saved-list li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: 'Saved work found' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('without IndexedDB (a private window, storage blocked) the page says so and trains as usual', async () => {
    const context = await app.browser.newContext();
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('IndexedDB is disabled here', 'SecurityError');
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(app.server.url + HASH);
    await ready(page);
    const status = page.getByTestId('saved-work-status');
    await expect.poll(() => status.textContent()).toMatch(/Saved work is off: this browser does not let the page use IndexedDB here/);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await step(page, 1);
    expect((await snapshot(page)).epoch).toBe(1);
    expect(await page.evaluate(() => window.playground.savedWork())).toEqual([]);
    await page.evaluate(() => window.playground.saveNow()); // a no-op, not an error
    expect(errors).toEqual([]);
    await context.close();
  });
});
