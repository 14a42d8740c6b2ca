/**
 * The end-to-end slice in a real browser: demo loads, training runs in the worker, the network is
 * coloured by predicted strength, the URL restores settings. Headless Chromium here has no GPU: its
 * WebGL and WebGPU are SwiftShader, which the automatic choice passes over for WASM; the tests of
 * the GPU paths name their backend in the URL, as a user would.
 */
import type { Browser, Page } from 'playwright-core';
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

/** The backend list under the header's badge, opened: one line per backend tried. */
async function probeList(page: Page): Promise<{ summary: string; items: string[] }> {
  await page.getByTestId('backend').click();
  const items = await page.locator('details.backend li').allInnerTexts();
  return { summary: await page.getByTestId('backend').innerText(), items };
}

describe('default flags (SwiftShader WebGL, no WebGPU adapter)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('auto passes over the software WebGL for WASM, trains there, and says why', async () => {
    const { page, consoleErrors } = await openApp(browser, `${server.url}#epochs=3&seed=1`);
    expect((await snapshot(page)).backend).toBe('wasm');
    const { summary, items } = await probeList(page);
    expect(summary).toMatch(/^backend: wasm · .* · SwiftShader skipped$/);
    expect(items).toEqual([
      'webgpu: skipped — no WebGPU adapter (requestAdapter() returned null)',
      'webgl: skipped — software renderer (SwiftShader) — WASM is faster; choose WebGL explicitly to use it',
      expect.stringMatching(/^wasm: in use — initialised; test product .* correct$/),
      // Then the threads wasm runs on (the page isolates itself through its service worker; how many: the cores).
      expect.stringMatching(/^wasm threads: \d threads? \(/),
    ]);
    await screenshot(page, 'backend-auto-wasm');
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 60_000 });
    const s = await snapshot(page);
    expect([s.epoch, s.error, s.backend]).toEqual([3, null, 'wasm']);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });

  it('loads the demo, trains 20+ epochs in the worker on WebGL chosen explicitly, and colours the network', async () => {
    const { page, foreignRequests, consoleErrors } = await openApp(browser, `${server.url}#epochs=25&seed=1&backend=webgl`);
    const before = await snapshot(page);
    // Chosen explicitly, the software WebGL is used, and the list says what it is.
    expect(before.backend).toBe('webgl');
    const { items } = await probeList(page);
    expect(items).toEqual([
      expect.stringMatching(/^webgl: in use — .*software renderer \(SwiftShader\), used because WebGL was chosen explicitly/),
      'The first backend tried works.',
    ]);
    await page.getByTestId('backend').click(); // closes the list again
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
    // Known edges carry at least 3 distinct drawn colours; every candidate pair is drawn (the demo draws all drugs).
    const drawn = (await page.evaluate(() => window.playground.drawnEdges()))!;
    expect(drawn.known).toHaveLength(s.edges);
    expect(new Set(drawn.known.map((e) => e.color)).size).toBeGreaterThanOrEqual(3);
    expect(drawn.candidates).toHaveLength(s.settings.candidates);
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

  it('flags a bad value typed into a control at the control and keeps the last good value', async () => {
    const { page } = await openApp(browser, `${server.url}#hidden=32`);
    const field = page.locator('#setting-hidden');
    const error = page.getByTestId('setting-error-hidden');
    await field.fill('abc');
    await field.press('Enter');
    await expect.poll(() => error.count()).toBe(1);
    // The URL's message for the same value, at the field, tied to it for screen readers.
    expect(await error.innerText()).toMatch(/“abc”: expected a whole number from 2 to 512/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain(await error.getAttribute('id'));
    expect(await field.inputValue()).toBe('abc');
    expect((await snapshot(page)).settings.hidden).toBe(32);
    expect(await page.evaluate(() => location.hash)).toContain('hidden=32');
    await field.fill('48');
    await field.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('hidden=48');
    expect(await error.count()).toBe(0);
    expect(await page.locator('#setting-hidden').getAttribute('aria-invalid')).toBe('false');
    await page.close();
  });

  it('agrees with the cpu backend on the first-epoch loss (webgl)', async () => {
    const hash = 'seed=3&hidden=16';
    const { page } = await openApp(browser, `${server.url}#${hash}&backend=webgl`);
    expect((await snapshot(page)).backend).toBe('webgl');
    await page.evaluate(() => window.playground.step());
    const gpuLoss = (await snapshot(page)).losses[0];
    await page.close();
    expect(Math.abs(gpuLoss - (await cpuFirstEpochLoss(browser, hash)))).toBeLessThan(1e-4);
  });
});

/** Losses of the first `steps` epochs (Step +1 each) on a page opened at `hash`, and what the page logged. */
async function stepLosses(
  browser: Browser,
  hash: string,
  steps: number,
): Promise<{ losses: number[]; error: string | null; logged: string[]; settings: Record<string, unknown> }> {
  const { page, consoleErrors } = await openApp(browser, `${server.url}#${hash}`);
  const logged: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && logged.push(m.text()));
  for (let i = 0; i < steps; i++) await page.evaluate(() => window.playground.step());
  const s = await snapshot(page);
  await page.close();
  return { losses: s.losses, error: s.error, logged: [...logged, ...consoleErrors], settings: s.settings };
}

describe('with --enable-unsafe-webgpu (SwiftShader WebGPU adapter)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(['--enable-unsafe-webgpu']);
  });
  afterAll(async () => browser?.close());

  it('auto passes over the SwiftShader WebGPU adapter too', async () => {
    const { page } = await openApp(browser, server.url);
    expect((await snapshot(page)).backend).toBe('wasm');
    const { summary, items } = await probeList(page);
    expect(summary).toMatch(/ · SwiftShader skipped$/);
    expect(items.slice(0, 2)).toEqual([
      'webgpu: skipped — software adapter (SwiftShader) — WASM is faster; choose WebGPU explicitly to use it',
      'webgl: skipped — software renderer (SwiftShader) — WASM is faster; choose WebGL explicitly to use it',
    ]);
    await page.close();
  });

  it('trains on webgpu chosen explicitly and matches the cpu backend’s first-epoch loss within 1e-4', async () => {
    const hash = 'seed=3&hidden=16&epochs=20';
    const { page, consoleErrors } = await openApp(browser, `${server.url}#${hash}&backend=webgpu`);
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
    const { page, consoleErrors } = await openApp(browser, `${server.url}#${hash}&backend=webgpu`);
    expect((await snapshot(page)).backend).toBe('webgpu');
    for (let e = 0; e < 3; e++) await page.evaluate(() => window.playground.step());
    const gpu = (await snapshot(page)).losses;
    await page.close();
    expect(consoleErrors.filter((e) => !/favicon|performance of synchronously/.test(e))).toEqual([]);
    const cpu = await cpuLosses(browser, hash, 3);
    expect(gpu).toHaveLength(3);
    gpu.forEach((l, i) => expect(Math.abs(l - cpu[i]), `epoch ${i + 1}`).toBeLessThan(1e-4));
  });

  it('ogbl-ddi recipe settings (AUC loss, 3 negatives, edge dropout, jk cat, batches): webgpu with no synchronous read, losses as on cpu', async () => {
    // Edge dropout rebuilds the CSR kernel's buffers every epoch; k negatives and the AUC loss take the per-pair path.
    const hash = 'seed=3&hidden=16&loss=auc&neg=3&edgedrop=0.3&jk=cat&batch=512&tour=off';
    const gpu = await stepLosses(browser, `${hash}&backend=webgpu`, 2);
    const cpu = await stepLosses(browser, `${hash}&backend=cpu`, 2);
    expect([gpu.error, cpu.error]).toEqual([null, null]);
    expect(gpu.settings).toMatchObject({ loss: 'auc', negatives: 3, edgeDropout: 0.3, jk: 'cat', batchSize: 512 });
    expect(gpu.losses).toHaveLength(2);
    gpu.losses.forEach((l, i) => expect(Math.abs(l - cpu.losses[i]), `epoch ${i + 1}: ${gpu.losses} vs ${cpu.losses}`).toBeLessThan(1e-4));
    expect(gpu.logged.filter((e) => !/favicon/.test(e))).toEqual([]);
  });

  // The type and node tasks' loss (softmax cross-entropy) and evaluation read nothing back synchronously on a GPU.
  for (const task of ['type', 'node'] as const) {
    it(`${task} task: trains on webgpu with no synchronous read, losses as on cpu within 1e-4`, async () => {
      const hash = `task=${task}&seed=3&hidden=16&tour=off`;
      const gpu = await stepLosses(browser, `${hash}&backend=webgpu`, 3);
      const cpu = await stepLosses(browser, `${hash}&backend=cpu`, 3);
      expect([gpu.error, cpu.error]).toEqual([null, null]);
      expect(gpu.losses).toHaveLength(3);
      gpu.losses.forEach((l, i) => expect(Math.abs(l - cpu.losses[i]), `epoch ${i + 1}: ${gpu.losses} vs ${cpu.losses}`).toBeLessThan(1e-4));
      expect(gpu.logged.filter((e) => !/favicon/.test(e))).toEqual([]);
    });
  }
});
