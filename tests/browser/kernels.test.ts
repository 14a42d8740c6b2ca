/**
 * The CsrSpmm kernel's GPU programs in headless Chromium: webgl (default flags, SwiftShader) and
 * webgpu (--enable-unsafe-webgpu: SwiftShader's software adapter, slow, so sizes stay tiny) against
 * the cpu kernel in the same page and against a dense matmul on the same backend, within 1e-5.
 * Uses the dev-only test page in tests/browser/pages/ (not the app).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness';
import { buildTestPages, serveTestPages } from './pages/build';

let server: { url: string; close(): Promise<void> };
beforeAll(async () => {
  await buildTestPages();
  server = await serveTestPages();
}, 180_000);
afterAll(async () => server?.close());

for (const [backend, flags] of [
  ['webgl', []],
  ['webgpu', ['--enable-unsafe-webgpu']],
] as const) {
  describe(`CsrSpmm on ${backend}`, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium([...flags]);
    });
    afterAll(async () => browser?.close());

    it('matches the cpu kernel and the dense matmul within 1e-5 (values and gradients); PairDot matches cpu', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}kernels.html`);
      await page.waitForFunction(() => window.kernelsPage?.ready, null, { timeout: 60_000 });
      const result = await page.evaluate((b) => window.kernelsPage.check(b), backend);
      console.log(`${backend}${result.adapter ? ` (${result.adapter})` : ''}:`, JSON.stringify(result.cases));
      expect(result.ran).toBe(backend);
      expect(result.cases.length).toBe(4);
      for (const c of result.cases) {
        expect(c.forwardVsCpu, c.name).toBeLessThan(1e-5);
        expect(c.gradientVsCpu, c.name).toBeLessThan(1e-5);
        expect(c.forwardVsDense, c.name).toBeLessThan(1e-5);
        expect(c.gradientVsDense, c.name).toBeLessThan(1e-5);
      }
      console.log(`${backend} PairDot:`, JSON.stringify(result.pairDot));
      expect(result.pairDot.forwardVsCpu).toBeLessThan(1e-5);
      expect(result.pairDot.gradientVsCpu).toBeLessThan(1e-5);
      console.log(`${backend} gatherRows:`, JSON.stringify(result.gatherRows));
      expect(result.gatherRows.forwardVsCpu).toBeLessThan(1e-5);
      expect(result.gatherRows.gradientVsCpu).toBeLessThan(1e-5);
      if (backend === 'webgpu') {
        // The GPU's draw of training negatives is the host's, pair for pair (integer counts).
        console.log(`${backend} NegativeCounts:`, JSON.stringify(result.negativeCounts));
        expect(result.negativeCounts?.map((c) => c.differingCells)).toEqual([0, 0]);
      } else {
        expect(result.negativeCounts).toBeNull();
      }
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}
