/**
 * The CsrSpmm kernel's GPU programs in headless Chromium: webgl (default flags, SwiftShader) and
 * webgpu (--enable-unsafe-webgpu: SwiftShader's software adapter, slow, so sizes stay tiny) against
 * the cpu kernel in the same page and against a dense matmul on the same backend, within 1e-5.
 * And the wasm backend's own SIMD kernels (relaxed SIMD in Chromium) against cpu, in a plain page
 * (plain memory) and a cross-origin isolated one (tfjs's threaded build: shared memory).
 * Uses the dev-only test page in tests/browser/pages/ (not the app).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './harness';
import { buildTestPages, serveTestPages } from './pages/build';

let server: Awaited<ReturnType<typeof serveTestPages>>;
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

/**
 * The SIMD kernel calls each comparison's wasm side makes: every product, decoder pass and copy it
 * checks, none left to tfjs's own kernels (a fallback would compare tfjs with tfjs).
 */
const SIMD_CALLS = {
  matMul: { gemm: 1 },
  'MLP decoder': { pairMlpForward: 2, pairMlpBackward: 1 }, // the scores; then forward and backward for the gradients
  'MLP BCE step': { pairMlpBceStep: 2 }, // the loss; then the step again under tf.grads
  'MLP scan row': { pairMlpScanRows: 1 },
  'MLP scan, rows': { pairMlpScanRows: 1 },
  CsrSpmm: { csrSpmm: 3 }, // A·X; then A·X and Aᵀ·dY for the gradient
  slice: { copyRows: 1 },
};

describe('wasm SIMD kernels', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  for (const isolated of [false, true]) {
    const memory = isolated ? 'shared memory (cross-origin isolated, threaded tfjs)' : 'plain memory';
    it(`relaxed SIMD, ${memory}: products, the MLP decoder and its gradients, its fused BCE step, CsrSpmm and slices equal cpu within 1e-5`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${isolated ? server.isolatedUrl : server.url}kernels.html`);
      await page.waitForFunction(() => window.kernelsPage?.ready, null, { timeout: 60_000 });
      const r = await page.evaluate(() => window.kernelsPage.simd());
      console.log(`wasm, ${memory}:`, JSON.stringify({ ...r, cases: undefined }));
      console.log(r.cases.map((c) => `  ${c.worst.toExponential(1)}  ${c.name}  ${JSON.stringify(c.simdCalls)}`).join('\n'));
      expect(r.chosen, r.probes.join('; ')).toBe('wasm');
      expect([r.isolated, r.heapShared]).toEqual([isolated, isolated]);
      expect(r.module).toEqual({ relaxed: true, shared: isolated }); // Chromium validates relaxed SIMD by default
      for (const [kernel, calls] of Object.entries(r.calls)) expect(calls, kernel).toBeGreaterThan(0);
      expect(r.cases.length).toBe(12 + 2 * 6 + 2 * 6 + 3 + 2 + 4 + 3);
      for (const c of r.cases) {
        const kind = Object.keys(SIMD_CALLS).find((k) => c.name.startsWith(k)) as keyof typeof SIMD_CALLS;
        expect(c.simdCalls, `${c.name}: SIMD kernel calls`).toEqual(SIMD_CALLS[kind]);
        if (c.name.startsWith('slice')) expect(c.worst, c.name).toBe(0);
        else expect(c.worst, c.name).toBeLessThan(1e-5);
      }
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000); // a wasm backend that never initialises (a broken threaded build) hangs rather than throws
  }
});
