/**
 * The end-to-end slice in a real browser: demo loads, training runs in the worker on the backend
 * headless Chromium offers, the network is coloured by predicted strength, the URL restores settings.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, serveDist, snapshot, waitForEpoch, type AppServer } from './harness';

let server: AppServer;
beforeAll(async () => {
  server = await serveDist();
});
afterAll(async () => server?.close());

/** First-epoch loss on the cpu backend in the same browser, for the cross-backend check. */
async function cpuLosses(browser: Browser, hash: string, epochs: number): Promise<number[]> {
  const { page } = await openApp(browser, `${server.url}#${hash}&backend=cpu`);
  expect((await snapshot(page)).backend).toBe('cpu');
  for (let e = 0; e < epochs; e++) await page.evaluate(() => window.playground.step());
  const s = await snapshot(page);
  await page.close();
  return s.losses;
}

const cpuFirstEpochLoss = async (browser: Browser, hash: string): Promise<number> => (await cpuLosses(browser, hash, 1))[0];

describe('default flags (WebGL through SwiftShader)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('loads the demo, trains 20+ epochs in the worker and colours the network', async () => {
    const { page, foreignRequests, consoleErrors } = await openApp(browser, `${server.url}#epochs=25&seed=1`);
    const before = await snapshot(page);
    expect(before.backend).toBe('webgl');
    expect(before.nodes).toBeGreaterThanOrEqual(80);
    expect(before.status).toBe('idle');
    await page.getByTestId('play').click();
    await waitForEpoch(page, 25);
    // The run ends after the last epoch's view (candidate scan included) is out.
    await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 60_000 });
    const s = await snapshot(page);
    expect(s.error).toBeNull();
    expect(s.epoch).toBe(25);
    expect(s.status).toBe('done');
    expect(s.metrics.valAuroc!).toBeGreaterThan(0.5);
    // The number on screen is the model's.
    await expect.poll(() => page.getByTestId('val-auroc').textContent()).toBe(s.metrics.valAuroc!.toFixed(3));
    // Known edges carry at least 3 distinct rendered colours; candidates are drawn apart.
    const colours = await page.evaluate(() => {
      const cy = window.playground.cy!;
      return {
        known: [...new Set(cy.edges('.known').map((e) => e.style('line-color') as string))],
        candidates: cy.edges('.candidate').length,
        candidateStyle: cy.edges('.candidate').map((e) => e.style('line-style') as string),
      };
    });
    expect(colours.known.length).toBeGreaterThanOrEqual(3);
    expect(colours.candidates).toBe(s.settings.candidates);
    expect(new Set(colours.candidateStyle)).toEqual(new Set(['dashed']));
    await expect.poll(() => page.getByTestId('legend').isVisible()).toBe(true);
    await screenshot(page, 'trained-webgl');
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });

  it('keeps the page responsive while training (buttons answer mid-run)', async () => {
    const { page } = await openApp(browser, `${server.url}#epochs=400`);
    await page.getByTestId('play').click();
    await waitForEpoch(page, 3);
    const t0 = Date.now();
    await page.getByTestId('play').click(); // pause
    await page.waitForFunction(() => window.playground.snapshot().status === 'paused', null, { timeout: 10_000 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    const paused = await snapshot(page);
    await page.waitForTimeout(500);
    expect((await snapshot(page)).epoch).toBe(paused.epoch);
    await page.close();
  });

  it('restores settings from the URL after a reload', async () => {
    const { page } = await openApp(browser, server.url);
    await page.locator('#setting-hidden').fill('24');
    await page.locator('#setting-hidden').press('Enter');
    await page.locator('#setting-lr').fill('0.02');
    await page.locator('#setting-lr').press('Enter');
    await page.locator('#setting-features').fill('random');
    await page.locator('#setting-features').press('Enter');
    await page.locator('#setting-seed').fill('7');
    await page.locator('#setting-seed').press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('seed=7');
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('hidden=24');
    expect(hash).toContain('lr=0.02');
    expect(hash).toContain('features=random');
    await page.reload();
    await page.waitForFunction(() => window.playground?.snapshot().edges > 0);
    const s = await snapshot(page);
    expect(s.settings).toMatchObject({ hidden: 24, learningRate: 0.02, features: 'random', seed: 7 });
    expect(await page.locator('#setting-hidden').inputValue()).toBe('24');
    expect(await page.locator('#setting-features').inputValue()).toBe('random');
    await page.close();
  });

  it('switches to the seed’s model and back with one click each', async () => {
    const { page } = await openApp(browser, server.url);
    expect((await snapshot(page)).settings).toMatchObject({ model: 'gcn', decoder: 'mlp' });
    expect(await page.getByTestId('preset-best').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('preset-seed').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('model=seed-gcn');
    expect(await page.evaluate(() => location.hash)).toContain('decoder=dot');
    expect((await snapshot(page)).settings).toMatchObject({ model: 'seed-gcn', decoder: 'dot' });
    expect(await page.locator('#setting-model').inputValue()).toBe('seed-gcn');
    expect(await page.getByTestId('preset-seed').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('preset-best').click();
    // Back to the defaults: the hash carries only what differs from them.
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('model=');
    expect(await page.evaluate(() => location.hash)).not.toContain('decoder=');
    expect((await snapshot(page)).settings).toMatchObject({ model: 'gcn', decoder: 'mlp' });
    await page.close();
  });

  it('reports bad URL values and falls back to defaults', async () => {
    const { page } = await openApp(browser, `${server.url}#hidden=abc&lr=5&<img src=x onerror=alert(1)>=1`);
    const s = await snapshot(page);
    expect(s.settings.hidden).toBe(64);
    expect(s.settings.learningRate).toBe(0.01);
    const text = await page.locator('.messages').innerText();
    expect(text).toContain('hidden=abc');
    expect(text).toContain('lr=5');
    expect(await page.locator('.messages img').count()).toBe(0);
    await page.close();
  });

  it('agrees with the cpu backend on the first-epoch loss (webgl)', async () => {
    const hash = 'seed=3&hidden=16';
    const { page } = await openApp(browser, `${server.url}#${hash}`);
    expect((await snapshot(page)).backend).toBe('webgl');
    await page.evaluate(() => window.playground.step());
    const gpuLoss = (await snapshot(page)).losses[0];
    await page.close();
    expect(Math.abs(gpuLoss - (await cpuFirstEpochLoss(browser, hash)))).toBeLessThan(1e-4);
  });
});

describe('with --enable-unsafe-webgpu (SwiftShader WebGPU adapter)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(['--enable-unsafe-webgpu']);
  });
  afterAll(async () => browser?.close());

  it('trains on webgpu and matches the cpu backend’s first-epoch loss within 1e-4', async () => {
    const hash = 'seed=3&hidden=16&epochs=20';
    const { page, consoleErrors } = await openApp(browser, `${server.url}#${hash}`);
    expect((await snapshot(page)).backend).toBe('webgpu');
    await page.getByTestId('play').click();
    const s = await waitForEpoch(page, 20);
    expect(s.error).toBeNull();
    expect(s.epoch).toBe(20);
    expect(s.metrics.valAuroc!).toBeGreaterThan(0.5);
    await screenshot(page, 'trained-webgpu');
    await page.close();
    expect(consoleErrors.filter((e) => !/favicon|performance of synchronously/.test(e))).toEqual([]);
    expect(Math.abs(s.losses[0] - (await cpuFirstEpochLoss(browser, hash)))).toBeLessThan(1e-4);
  });

  it('trains the seed model (dense loss, negatives drawn on the GPU) with the cpu backend’s losses, epoch by epoch', async () => {
    // The dot decoder on webgpu: the GPU draws each epoch's negatives itself; had it drawn other
    // pairs than the host does on cpu, the losses would part from the first epoch on.
    const hash = 'seed=5&hidden=16&model=seed-gcn&decoder=dot';
    const { page, consoleErrors } = await openApp(browser, `${server.url}#${hash}`);
    expect((await snapshot(page)).backend).toBe('webgpu');
    for (let e = 0; e < 3; e++) await page.evaluate(() => window.playground.step());
    const gpu = (await snapshot(page)).losses;
    await page.close();
    expect(consoleErrors.filter((e) => !/favicon|performance of synchronously/.test(e))).toEqual([]);
    const cpu = await cpuLosses(browser, hash, 3);
    expect(gpu).toHaveLength(3);
    gpu.forEach((l, i) => expect(Math.abs(l - cpu[i]), `epoch ${i + 1}`).toBeLessThan(1e-4));
  });
});
