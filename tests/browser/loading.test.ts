/**
 * Real data in through the page: files dropped on the page are parsed in the worker and replace the
 * graph; bad files get a specific message and leave the graph and the trained model as they were.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, ROOT, screenshot, snapshot, useServedApp } from './harness';

const SHARED = resolve(ROOT, '../shared/datasets');
const haveShared = existsSync(SHARED);
if (!haveShared) {
  if (process.env.CI === 'true') throw new Error(`${SHARED} is missing: these tests need ../shared/datasets in CI.`);
  console.warn(`Skipping data-loading browser tests: ${SHARED} is missing.`);
}

interface DropFile {
  name: string;
  bytes: Buffer;
}

const sharedFile = (rel: string, name = rel.split('/').at(-1)!): DropFile => ({ name, bytes: readFileSync(resolve(SHARED, rel)) });

/** Dispatches a real drop event on the page with these files, as a user dragging them in. */
async function drop(page: Page, files: DropFile[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bin = atob(f.b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      dt.items.add(new File([bytes], f.name));
    }
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

async function settled(page: Page) {
  await page.waitForFunction(() => !window.playground.snapshot().loading, null, { timeout: 120_000, polling: 100 });
  return snapshot(page);
}

describe.runIf(haveShared)('loading files in the browser', () => {
  const app = useServedApp();

  it('loads a dropped DrugBank sample, then a table; bad files change nothing', async () => {
    const { page } = await openApp(app.browser, `${app.server.url}#epochs=200`);

    await drop(page, [sharedFile('drugbank_xml_samples/bio2bel_test.xml')]);
    let s = await settled(page);
    expect(s.loadError).toBeNull();
    expect(s.graphName).toContain('bio2bel_test');
    expect(s.nodes).toBeGreaterThan(4); // the 4 drugs plus their interaction partners
    expect(await page.getByTestId('report').innerText()).toMatch(/drugs/);

    // The Data panel's DrugBank proteins control applies from the next load: each target polypeptide a node.
    const plain = s.nodes;
    await page.getByLabel('DrugBank proteins').selectOption('targets');
    await expect.poll(() => page.url()).toContain('proteins=targets');
    await drop(page, [sharedFile('drugbank_xml_samples/bio2bel_test.xml')]);
    await page.getByTestId('replace-graph').click();
    s = await settled(page);
    // Counted here from the text: the distinct polypeptides of each record's own <targets>.
    const records = readFileSync(resolve(SHARED, 'drugbank_xml_samples/bio2bel_test.xml'), 'utf8').split('<drug type="').slice(1);
    const targets = records.map((r) => [...r.matchAll(/<targets>([\s\S]*?)<\/targets>/g)].pop()?.[1] ?? '');
    const proteins = new Set(targets.flatMap((t) => [...t.matchAll(/<polypeptide id="([^"]+)"/g)].map((m) => m[1])));
    expect(proteins.size).toBeGreaterThan(0);
    expect(s.nodes).toBe(plain + proteins.size);

    await drop(page, [sharedFile('biosnap_chch_miner/ChCh-Miner_durgbank-chem-chem.tsv')]);
    // A drop over the user's own data asks whether to add to it or replace it.
    await page.getByTestId('replace-graph').click();
    s = await settled(page);
    expect(s.loadError).toBeNull();
    expect([s.nodes, s.edges]).toEqual([1514, 48514]);
    expect(await page.getByTestId('report-edges').innerText()).toBe('48514');

    // Train a little so there is a model to lose.
    await page.evaluate(async () => {
      await window.playground.step();
      await window.playground.step();
    });
    const trained = await snapshot(page);
    expect(trained.epoch).toBe(2);

    const xml = readFileSync(resolve(SHARED, 'drugbank_xml_samples/dbparser_drugbank_record_small_molecule.xml'));
    await drop(page, [{ name: 'truncated.xml', bytes: xml.subarray(0, Math.floor(xml.length / 2)) }]);
    await page.getByTestId('replace-graph').click();
    s = await settled(page);
    expect(s.loadError).toMatch(/truncated\.xml/);
    expect(s.loadError).toMatch(/line \d+/);
    expect([s.nodes, s.edges, s.epoch]).toEqual([1514, 48514, 2]);
    await expect.poll(() => page.getByTestId('load-error').innerText()).toMatch(/truncated\.xml/);
    await screenshot(page, 'load-error-truncated-xml');

    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    await drop(page, [{ name: 'junk.csv', bytes: junk }]);
    await page.getByTestId('replace-graph').click();
    s = await settled(page);
    expect(s.loadError).toMatch(/junk\.csv/);
    expect(s.loadError).toMatch(/binary|not text/i);
    expect([s.nodes, s.edges, s.epoch]).toEqual([1514, 48514, 2]);
    await page.close();
  });

  it('loads ?data=<url> links (a table plus a companion names table) instead of the demo', async () => {
    const table = `${app.server.sharedUrl}biosnap_chch_miner/ChCh-Miner_durgbank-chem-chem.tsv`;
    const names = `${app.server.sharedUrl}drugbank_vocabulary/drugbank%20vocabulary.csv`;
    const url = new URL(app.server.url);
    url.search = `?data=${encodeURIComponent(table)}&data=${encodeURIComponent(names)}`;
    const { page, foreignRequests } = await openApp(app.browser, url.href);
    const s = await settled(page);
    expect(s.loadError).toBeNull();
    expect([s.nodes, s.edges]).toEqual([1514, 48514]);
    // Names from the vocabulary attach (1,497 of the 1,514 drugs are in it).
    const named = await page.evaluate(() => window.playground.cy!.nodes().filter((n) => !/^DB\d{5}$/.test(n.data('label'))).length);
    expect(named).toBeGreaterThan(0);
    expect(await page.getByTestId('report').innerText()).toMatch(/names 1[45]\d\d/);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('shows hostile names from files as text, never as HTML', async () => {
    const { page } = await openApp(app.browser, app.server.url);
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const tsv = `Drug1\tDrug2\nDB00001\t${hostile}\n${hostile}\tDB00002\nDB00002\tDB00003\n`;
    await drop(page, [{ name: `${hostile}.tsv`, bytes: Buffer.from(tsv) }]);
    // Names that are not DrugBank IDs make the columns uncertain: the dialog asks, showing cells as text.
    await page.waitForFunction(() => !window.playground.snapshot().loading || document.querySelector('[data-testid=column-dialog]'));
    if (await page.getByTestId('column-dialog').isVisible()) {
      expect(await page.getByTestId('column-dialog').innerText()).toContain(hostile);
      expect(await page.locator('[data-testid=column-dialog] img').count()).toBe(0);
      await screenshot(page, 'column-dialog-hostile');
      await page.getByTestId('column-confirm').click();
    }
    const s = await settled(page);
    // Either loaded (names kept verbatim) or refused with a message: never interpreted.
    if (!s.loadError)
      expect(
        await page.evaluate(
          (h) =>
            window.playground
              .cy!.nodes()
              .map((n) => n.data('label'))
              .includes(h),
          hostile,
        ),
      ).toBe(true);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });
});
