/**
 * Loading through the page: the fetch policy in the parse worker (a second local server on another
 * port is another origin), the add-or-replace question on a second drop, stale column dialogs, the
 * label column, the small-graph warning and an unknown `#drug=`. One browser, few page loads.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, ROOT, snapshot, useServedApp } from './harness';

const CSV = 'Drug1,Drug2\nDB00001,DB00002\nDB00002,DB00003\n';

/** Another origin: same host, another port; it allows cross-origin reads, so only the app's policy can refuse. */
function otherOrigin() {
  const requests: string[] = [];
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/csv' }).end(CSV);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
  return {
    requests,
    get url() {
      return url;
    },
  };
}

const settled = (page: Page) => page.waitForFunction(() => !window.playground.snapshot().loading, null, { timeout: 30_000, polling: 50 });

/** Picks files through the page's Open files… input (as a user would), as [name, text] pairs. */
async function openFiles(page: Page, files: [string, string][]) {
  await page.getByTestId('file-input').setInputFiles(files.map(([name, text]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) })));
}

const chain = (from: number, n: number) =>
  'Drug1,Drug2\n' + Array.from({ length: n }, (_, i) => `DB${10000 + from + i},DB${10001 + from + i}`).join('\n') + '\n';

describe('loading through the page', () => {
  const app = useServedApp();
  const other = otherOrigin();

  it('refuses a plain-http ?data= link to another origin in the parse worker, and loads a same-origin one', async () => {
    const page = await app.browser.newPage();
    const foreign = `${other.url}/x.csv`;
    await page.goto(`${app.server.url}?data=${encodeURIComponent(foreign)}`);
    await page.waitForFunction(() => window.playground?.snapshot().loadError, null, { timeout: 60_000, polling: 100 });
    const s = await snapshot(page);
    expect(s.loadError).toBe(
      `x.csv: ${foreign} was not fetched: a link must be on this site or use https ` +
        `(this site is ${new URL(app.server.url).origin}; nothing is read from another site over http).`,
    );
    expect(await page.getByTestId('load-error').innerText()).toContain(s.loadError);
    expect([s.edges, other.requests]).toEqual([0, []]);
    // The same kind of link on the page's own origin loads.
    await page.goto(`${app.server.url}?data=datasets/demo.json`);
    await page.waitForFunction(() => window.playground?.snapshot().edges > 0, null, { timeout: 60_000, polling: 100 });
    expect((await snapshot(page)).loadError).toBeNull();
    // Hosts that send headers get the same policy for the workers too (a <meta> policy does not reach them).
    const headers = readFileSync(resolve(ROOT, 'dist/_headers'), 'utf8');
    const meta = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    expect(meta).toMatch(/connect-src 'self' https:/);
    // …and the cross-origin isolation headers, which spare those hosts the service worker's reload.
    expect(headers).toBe(`/*\n  Content-Security-Policy: ${meta}\n  Cross-Origin-Opener-Policy: same-origin\n  Cross-Origin-Embedder-Policy: require-corp\n`);
    await page.close();
  }, 120_000);

  it('a second drop asks add/replace; cancel keeps all; a stale column dialog closes; label column; small-graph warning; unknown #drug', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#drug=DB99999`);
    const demo = (await snapshot(page)).graphName;
    expect(await page.getByTestId('teach-error').innerText()).toBe(`Drug DB99999 is not in the loaded data (${demo}).`);

    // Over the built-in demo a drop just replaces it.
    await openFiles(page, [['first.csv', chain(0, 30)]]);
    await settled(page);
    expect([(await snapshot(page)).edges, await page.getByTestId('add-or-replace-dialog').count()]).toEqual([30, 0]);

    // Over the user's own data: asked. Cancel (Esc) leaves everything as it was.
    await openFiles(page, [['second.csv', chain(100, 20)]]);
    const dialog = page.getByTestId('add-or-replace-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('add-to-graph').evaluate((b) => b === document.activeElement)).toBe(true);
    // Modal: Tab never reaches the page behind (inert), whichever way round; past the last button the
    // browser may take focus to its own UI (activeElement = body), as native modal dialogs do.
    const inDialog: boolean[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      const where = await dialog.evaluate((d) => (d.contains(document.activeElement) ? 'dialog' : document.activeElement === document.body ? 'body' : 'page'));
      expect(where).not.toBe('page');
      inDialog.push(where === 'dialog');
    }
    expect(inDialog.filter(Boolean).length).toBeGreaterThanOrEqual(6);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect([(await snapshot(page)).edges, (await snapshot(page)).graphName]).toEqual([30, 'first']);

    // Add: both files' interactions.
    await openFiles(page, [['second.csv', chain(100, 20)]]);
    await page.getByTestId('add-to-graph').click();
    await settled(page);
    let s = await snapshot(page);
    expect([s.edges, s.nodes, s.graphName, s.loadError]).toEqual([50, 52, 'first + second.csv', null]);

    // Replace: the new file alone.
    await openFiles(page, [['third.csv', chain(200, 25)]]);
    await page.getByTestId('replace-graph').click();
    await settled(page);
    s = await snapshot(page);
    expect([s.edges, s.graphName]).toEqual([25, 'third']);

    // A table of unknown columns opens the column dialog; a later load closes it.
    // 24 interactions x_i–x_{i+1} (label 1) and 8 known non-interactions x_i–x_{i+3} (label 0).
    const rows = [...Array.from({ length: 24 }, (_, i) => `x${i},x${i + 1},1`), ...Array.from({ length: 8 }, (_, i) => `x${i},x${i + 3},0`)];
    const odd = 'p,q,r\n' + rows.join('\n') + '\n';
    void page.evaluate((text) => window.playground.loadFiles([new File([text], 'odd.csv')]), odd);
    const columns = page.getByTestId('column-dialog');
    await columns.waitFor();
    await page.evaluate((text) => window.playground.loadFiles([new File([text], 'later.csv')]), chain(300, 21));
    await settled(page);
    expect(await columns.count()).toBe(0);
    expect((await snapshot(page)).graphName).toBe('later');

    // The label column in the dialog: rows labelled 0 are kept as negatives, and the report says so.
    void page.evaluate((text) => window.playground.loadFiles([new File([text], 'odd.csv')]), odd);
    await columns.waitFor();
    await page.getByTestId('column-label').selectOption('2');
    await page.getByTestId('column-confirm').click();
    await settled(page);
    s = await snapshot(page);
    expect([s.edges, s.loadError]).toEqual([24, null]);
    expect(await page.getByTestId('report-negatives').innerText()).toBe(
      '8 negative pairs kept from the label column (validation and test negatives are drawn from them first)',
    );
    // 24 interactions: validation 1 and test 2 pairs, whose negatives all come from the 8.
    await expect
      .poll(() => page.getByTestId('trainer-notes').innerText())
      .toContain(
        "Evaluation uses the data's own negatives: 3 of the 3 validation and test negative pairs come from the 8 pairs the data labels negative (validation 1, test 2); the rest are sampled uniformly.",
      );

    // Too small for the split: a warning before any training.
    await page.evaluate(() => window.playground.loadFiles([new File(['Drug1,Drug2\nDB00001,DB00002\n'], 'tiny.csv')]));
    await settled(page);
    expect(await page.getByTestId('report').innerText()).toContain('Only 1 interaction: too few for the 85/5/10 split');
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  }, 180_000);
});
