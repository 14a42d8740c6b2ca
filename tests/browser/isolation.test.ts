/**
 * Every CPU core on a static host: the built app, served with no COOP/COEP headers (as GitHub Pages
 * serves it), isolates itself through its service worker with one reload and trains on wasm threads;
 * where the service worker cannot register it still trains, on one thread, and says why. The same
 * seed gives the same first-epoch loss with and without threads.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Another origin (another port) with a CSV at /cors.csv (allows cross-origin reads) and /plain.csv (does not). */
function otherOrigin(): { readonly url: string } {
  let server: Server;
  const other = { url: '' };
  beforeAll(async () => {
    server = createServer((req, res) => {
      const cors = req.url === '/cors.csv' ? { 'access-control-allow-origin': '*' } : {};
      res.writeHead(200, { 'content-type': 'text/csv', ...cors }).end('Drug1,Drug2\nDB00001,DB00002\n');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    other.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
  return other;
}

describe('cross-origin isolation and wasm threads', () => {
  const app = useServedApp();
  const other = otherOrigin();
  const losses: number[] = [];

  it('isolates through the service worker with one reload, and trains on 2 wasm threads', async () => {
    const context = await app.browser.newContext();
    try {
      const opened = await openIn(context, `${app.server.url}${HASH}`);
      const { page } = opened;
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
      expect(opened.loads).toBe(2);
      const s = await snapshot(page);
      // tfjs's threads and the SIMD kernels' helper thread (products split between the two; the loss check below).
      expect([s.backend, s.wasmThreads, s.kernelThreads, s.crossOriginIsolated]).toEqual(['wasm', 2, 2, true]);
      expect(await page.getByTestId('backend').innerText()).toMatch(/wasm · 2 threads/);
      // A worker of the app (`?data=` links are fetched in one; the page's CSP would refuse plain http, the
      // workers' policy is the parse worker's own check) still reads another site that allows cross-origin
      // reads, through the service worker and under require-corp; one that does not is refused, as without isolation.
      const worker = page.workers().find((w) => w.url().includes('trainer.worker'))!;
      const read = (url: string) =>
        worker.evaluate(
          (u) =>
            fetch(u).then(
              (r) => r.text(),
              (e: Error) => `failed: ${e.name}`,
            ),
          url,
        );
      expect(await read(`${other.url}/cors.csv`)).toBe('Drug1,Drug2\nDB00001,DB00002\n');
      expect(await read(`${other.url}/plain.csv`)).toBe('failed: TypeError');
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
