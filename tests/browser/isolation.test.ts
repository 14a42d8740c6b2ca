/**
 * Every CPU core on a static host: the built app, served with no COOP/COEP headers (as GitHub Pages
 * serves it), isolates itself through its service worker with one reload and trains on wasm threads;
 * where the service worker cannot register it still trains, on one thread, and says why. The same
 * seed gives the same first-epoch loss with and without threads.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useServedApp, snapshot } from './harness';

const HASH = '#backend=wasm&threads=2&tour=off';

async function openIn(context: BrowserContext, url: string): Promise<{ page: Page; loads: number }> {
  const page = await context.newPage();
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(url);
  await page.waitForFunction(() => window.playground?.snapshot().edges > 0 && window.playground.snapshot().status === 'idle', null, {
    timeout: 60_000,
    polling: 100,
  });
  return {
    page,
    get loads() {
      return loads;
    },
  };
}

/** Trains one epoch and returns its loss. */
async function firstEpochLoss(page: Page): Promise<number> {
  await page.evaluate(() => window.playground.step());
  const s = await snapshot(page);
  expect([s.epoch, s.error]).toEqual([1, null]);
  return s.losses[0];
}

describe('cross-origin isolation and wasm threads', () => {
  const app = useServedApp();
  const losses: number[] = [];

  it('isolates through the service worker with one reload, and trains on 2 wasm threads', async () => {
    const context = await app.browser.newContext();
    try {
      const opened = await openIn(context, `${app.server.url}${HASH}`);
      const { page } = opened;
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(opened.loads).toBe(2);
      const s = await snapshot(page);
      expect([s.backend, s.wasmThreads, s.crossOriginIsolated]).toEqual(['wasm', 2, true]);
      expect(await page.getByTestId('backend').innerText()).toMatch(/wasm · 2 threads/);
      losses.push(await firstEpochLoss(page));
      // Reloading again finds the page isolated at once: no further reload.
      await page.reload();
      await page.waitForFunction(() => window.playground?.snapshot().backend !== null, null, { timeout: 60_000 });
      expect([opened.loads, await page.evaluate(() => crossOriginIsolated)]).toEqual([3, true]);
    } finally {
      await context.close();
    }
  });

  it('still trains where the service worker cannot register: one thread, and the header says why', async () => {
    const context = await app.browser.newContext({ serviceWorkers: 'block' });
    try {
      const opened = await openIn(context, `${app.server.url}${HASH}`);
      const { page } = opened;
      const s = await snapshot(page);
      expect([s.backend, s.wasmThreads, s.crossOriginIsolated, opened.loads]).toEqual(['wasm', 1, false, 1]);
      const badge = page.getByTestId('backend');
      expect(await badge.innerText()).toMatch(/wasm · 1 thread \(no cross-origin isolation\)/);
      await badge.click();
      expect(await page.locator('details.backend').innerText()).toMatch(/wasm threads: 1 thread \(no cross-origin isolation: .+\)/);
      losses.push(await firstEpochLoss(page));
    } finally {
      await context.close();
    }
    // Same seed, same data: threads change the speed, not the numbers.
    expect(losses).toHaveLength(2);
    expect(losses[1]).toBeCloseTo(losses[0], 5);
  });
});
