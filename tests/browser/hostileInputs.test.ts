/**
 * Hostile inputs through the page: each ends in a specific message in well under 10 s, Cancel ends a
 * long load at once (terminating the parse worker), and the graph already loaded stays.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, snapshot, useServedApp } from './harness';

/** Builds a File in the page (from repeated text, optionally gzipped) and loads it; returns the settled snapshot and the time. */
async function loadGenerated(page: Page, name: string, unit: string, times: number, gzip: boolean) {
  const t0 = Date.now();
  await page.evaluate(
    async ({ name, unit, times, gzip }) => {
      let blob = new Blob(Array(times).fill(unit));
      if (gzip) blob = await new Response(blob.stream().pipeThrough(new CompressionStream('gzip'))).blob();
      void window.playground.loadFiles([new File([blob], name)]);
    },
    { name, unit, times, gzip },
  );
  await page.waitForFunction(() => !window.playground.snapshot().loading, null, { timeout: 30_000, polling: 50 });
  return { s: await snapshot(page), ms: Date.now() - t0 };
}

describe('hostile inputs in the browser', () => {
  const app = useServedApp();

  it('a long single line and a gzip bomb get their message; Cancel ends a long load; the graph stays', async () => {
    const { page, consoleErrors } = await openApp(app.browser, app.server.url);
    const before = await snapshot(page);

    let r = await loadGenerated(page, 'one-line.csv', 'DB00001,'.repeat(1 << 17), 64, false); // 64 MiB, no line end
    expect(r.s.loadError).toMatch(/^one-line\.csv, line 1: the first line is longer than 1 MiB/);
    expect(r.ms).toBeLessThan(10_000);
    expect([r.s.nodes, r.s.edges, r.s.graphName]).toEqual([before.nodes, before.edges, before.graphName]);

    r = await loadGenerated(page, 'bomb.csv.gz', '\n'.repeat(1 << 20), 256, true); // 256 MiB of newlines, ~250 KiB gzipped
    expect(r.s.loadError).toMatch(/^bomb\.csv\.gz: the gzip stream expands [\d,]+:1 .* past the limit of 100:1/);
    expect(r.ms).toBeLessThan(10_000);
    expect([r.s.nodes, r.s.edges]).toEqual([before.nodes, before.edges]);

    // A big, valid table (160 MB); Cancel while it loads.
    await page.evaluate(() => {
      const rows =
        Array.from({ length: 20_000 }, (_, i) => `DB${String(i % 9000).padStart(5, '0')},DB${String((i * 7) % 9000).padStart(5, '0')}`).join('\n') + '\n';
      const blob = new Blob(['Drug1,Drug2\n', ...Array(560).fill(rows)]);
      void window.playground.loadFiles([new File([blob], 'big.csv')]);
    });
    await page.waitForFunction(() => window.playground.snapshot().loading, null, { timeout: 10_000, polling: 20 });
    await page.getByTestId('cancel-load').click({ timeout: 10_000 });
    const t0 = Date.now();
    await page.waitForFunction(() => !window.playground.snapshot().loading, null, { timeout: 5_000, polling: 20 });
    expect(Date.now() - t0).toBeLessThan(1_000);
    const s = await snapshot(page);
    expect([s.nodes, s.edges, s.loadError]).toEqual([before.nodes, before.edges, null]);

    // A fresh parse worker serves the next load.
    r = await loadGenerated(
      page,
      'small.csv',
      'Drug1,Drug2\n' + Array.from({ length: 30 }, (_, i) => `DB${10000 + i},DB${10001 + i}`).join('\n') + '\n',
      1,
      false,
    );
    expect([r.s.loadError, r.s.edges]).toEqual([null, 30]);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  }, 120_000);
});
