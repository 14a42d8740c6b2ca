/**
 * Files made in the page (no shared data needed): the URL never claims the demo once files are
 * loaded, a reload of such a link says it cannot reopen them instead of loading the demo, a file
 * the model cannot be built on leaves the trained model as it was (build first, then swap), an
 * OGB raw/ folder dropped whole loads its edges and skips its count files with a note, and a
 * drug–protein table mapped in the column dialog becomes a typed graph (kinds, relation filters,
 * candidates of the relation's kinds, a protein's predicted drugs).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, blocking } from './axe';
import { openApp, ROOT, screenshot, snapshot, useServedApp } from './harness';

const app = useServedApp();

/** Loads a two-column DrugBank-id TSV built from index pairs, as if dropped on the page. */
async function loadPairs(page: Page, name: string, pairs: [number, number][]) {
  await page.evaluate(
    ([fileName, list]) => {
      const id = (i: number) => `DB${String(90001 + i)}`;
      const text = ['Drug1\tDrug2', ...list.map(([a, b]) => `${id(a)}\t${id(b)}`)].join('\n') + '\n';
      void window.playground.loadFiles([new File([text], fileName, { type: 'text/tab-separated-values' })]);
    },
    [name, pairs] as const,
  );
  await page.waitForFunction(() => !window.playground.snapshot().loading, null, { timeout: 60_000, polling: 100 });
}

const hash = (page: Page) => page.evaluate(() => location.hash);

describe('files loaded in the page', () => {
  it('keeps the trained model when a file cannot take a model; the URL says “files” and a reload says it cannot reopen them', async () => {
    const { page, consoleErrors } = await openApp(app.browser, app.server.url);
    // Every setting is a default: nothing in the URL (no drug=, present=, tour=, dataset=demo).
    expect(await hash(page)).toBe('');
    await page.evaluate(() => window.playground.step());
    const trained = await snapshot(page);
    expect(trained.epoch).toBe(1);
    const drug = trained.candidates[0].a;
    const output = await page.evaluate((d) => window.playground.modelOutput(d), drug);

    // Every pair of 8 drugs is known: no negative pairs for validation, so no model can be built.
    const complete: [number, number][] = [];
    for (let a = 0; a < 8; a++) for (let b = a + 1; b < 8; b++) complete.push([a, b]);
    await loadPairs(page, 'complete.tsv', complete);
    let s = await snapshot(page);
    expect(s.loadError).toMatch(/too dense/);
    expect(await page.getByTestId('load-error').innerText()).toMatch(/The data already loaded is unchanged/);
    expect(s.graphName).toBe(trained.graphName);
    expect(s.epoch).toBe(1);
    expect(await page.evaluate((d) => window.playground.modelOutput(d), drug)).toEqual(output);
    await page.evaluate(() => window.playground.step());
    expect((await snapshot(page)).epoch).toBe(2);
    expect(await hash(page)).toBe('');

    // A file that loads: the URL no longer names the demo.
    const ring: [number, number][] = Array.from({ length: 30 }, (_, i) => [i, (i + 1) % 30]);
    await loadPairs(page, 'ring.tsv', ring);
    s = await snapshot(page);
    expect(s.loadError).toBeNull();
    expect(s.nodes).toBe(30);
    expect(await hash(page)).toBe('#dataset=files');
    expect(await page.getByLabel('Data set').locator('option:checked').textContent()).toBe('From files: ring');

    // A reload cannot fetch a local file: it says so and loads nothing (not the demo).
    await page.reload();
    await page.getByTestId('data-notice').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('data-notice').innerText()).toMatch(/made with data loaded from files, which a link cannot reopen: nothing was loaded/);
    await page.waitForFunction(() => window.playground.snapshot().backend !== null, null, { timeout: 60_000 });
    s = await snapshot(page);
    expect(s.graphName).toBeNull();
    expect(s.nodes).toBe(0);
    expect(await page.getByLabel('Data set').locator('option:checked').textContent()).toBe('From files (open them again)');
    expect(await hash(page)).toBe('#dataset=files');

    // Picking the demo loads it and clears the notice.
    await page.getByLabel('Data set').selectOption('demo');
    await page.waitForFunction(() => window.playground.snapshot().edges > 0 && !window.playground.snapshot().loading, null, { timeout: 60_000 });
    expect(await hash(page)).toBe('');
    expect(await page.getByTestId('data-notice').count()).toBe(0);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });

  it('loads a whole OGB raw/ folder: edges read, num-*-list files skipped with a note, no column dialog', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#tour=off`);
    // ogbl-ddi's raw/ layout, gzipped in the page: header-less index pairs and the two one-number files.
    await page.evaluate(async () => {
      const gz = (text: string) => new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob();
      const ring = Array.from({ length: 30 }, (_, i) => `${i},${(i + 1) % 30}`).join('\n') + '\n';
      const files = await Promise.all(
        [
          ['edge.csv.gz', ring],
          ['num-edge-list.csv.gz', '30\n'],
          ['num-node-list.csv.gz', '30\n'],
        ].map(async ([name, text]) => new File([await gz(text)], name)),
      );
      void window.playground.loadFiles(files);
    });
    await page.waitForFunction(() => !window.playground.snapshot().loading && window.playground.snapshot().nodes === 30, null, {
      timeout: 60_000,
      polling: 100,
    });
    const s = await snapshot(page);
    expect([s.nodes, s.edges, s.loadError]).toEqual([30, 30, null]);
    expect(await page.getByTestId('column-dialog').count()).toBe(0);
    const report = page.getByTestId('report');
    await report.locator('summary', { hasText: 'Details' }).click();
    const text = await report.innerText();
    expect(text).toContain('num-edge-list.csv.gz: OGB metadata (the number of edges of each graph: 30), no interactions; skipped.');
    expect(text).toContain('num-node-list.csv.gz: OGB metadata (the number of nodes of each graph: 30), no interactions; skipped.');
    await screenshot(page, 'ogb-raw-folder');
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });

  it('maps a drug–protein table in the column dialog: two kinds in the legend, a relation hidden, candidates drug × protein', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#tour=off`);
    // BioSNAP ChG-Miner's layout ("#Drug<TAB>Gene"): alone, it would only annotate drugs that are not there.
    const table = readFileSync(resolve(ROOT, 'tests/fixtures/drug-protein.tsv'), 'utf8');
    await page.evaluate((text) => void window.playground.loadFiles([new File([text], 'drug-protein.tsv')]), table);
    const dialog = page.getByTestId('column-dialog');
    await dialog.waitFor({ timeout: 30_000 });
    // Proposed as the CLI's kind:protein,relation:drug-target; typed here as a user would.
    expect(await dialog.getByTestId('column-target-kind').inputValue()).toBe('protein');
    await dialog.getByTestId('column-relation').fill('');
    expect(await dialog.getByTestId('column-relation').getAttribute('placeholder')).toBe('drug-protein');
    await dialog.getByTestId('column-relation').fill('drug-target');
    await screenshot(page, 'typed-column-dialog');
    await dialog.getByTestId('column-confirm').click();
    await page.waitForFunction(() => !window.playground.snapshot().loading && window.playground.snapshot().nodes === 23, null, {
      timeout: 60_000,
      polling: 100,
    });
    expect((await snapshot(page)).edges).toBe(42);

    const legend = page.getByTestId('kind-legend');
    expect(await legend.getByRole('checkbox').count()).toBe(3);
    await expect.poll(() => legend.innerText()).toMatch(/drug\s+14[\s\S]*protein\s+9[\s\S]*drug-target\s+42/);
    const drawn = () => page.evaluate(() => window.playground.drawnEdges()!.known.map((e) => e.relation));
    await expect.poll(drawn).toHaveLength(42);
    // Typed: every drawn edge carries its relation (one relation here).
    expect([...new Set(await drawn())]).toEqual([expect.any(Number)]);
    const shapes = await page.evaluate(() => [...new Set(window.playground.cy!.nodes().map((n) => `${n.data('kind')}:${n.style('shape')}`))].sort());
    expect(shapes).toEqual(['drug:ellipse', 'protein:round-rectangle']);

    // One epoch: candidates join a drug and a protein; a protein's own candidates are drugs.
    await page.evaluate(() => window.playground.step());
    await expect.poll(async () => (await snapshot(page)).candidates.length).toBeGreaterThan(0);
    for (const c of (await snapshot(page)).candidates) expect([c.a.slice(0, 2), /^[PQ]/.test(c.b)]).toEqual(['DB', true]);
    await page.getByTestId('drug-search').fill('P35354');
    await page.getByTestId('drug-search').press('Enter');
    const mine = page.getByTestId('node-candidates');
    await expect.poll(() => mine.locator('li').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await mine.locator('h3').innerText()).toBe('Drugs predicted to bind P35354');
    for (const item of await mine.locator('li').allInnerTexts()) expect(item).toMatch(/^DB\d{5}/);
    await mine.scrollIntoViewIfNeeded();
    await screenshot(page, 'typed-graph-desktop');
    await page.getByRole('button', { name: 'Show the whole graph' }).click();

    // The relation's checkbox hides its edges (and only edges); the kind's hides proteins.
    await legend.getByRole('checkbox', { name: /drug-target/ }).uncheck();
    await expect.poll(drawn).toHaveLength(0);
    expect((await snapshot(page)).settings.hide).toBe('drug-target');
    await expect.poll(() => page.getByTestId('view-counts').innerText()).toMatch(/showing 0 of 42 interactions · 23 of 23 nodes/);
    await legend.getByRole('checkbox', { name: /drug-target/ }).check();
    await legend.getByRole('checkbox', { name: /protein/ }).uncheck();
    await expect.poll(() => page.getByTestId('view-counts').innerText()).toMatch(/showing 0 of 42 interactions · 14 of 23 nodes/);
    expect(blocking(await axeViolations(page))).toEqual([]);
    // Hiding is the view's business: the trained model stays.
    expect((await snapshot(page)).epoch).toBe(1);
    await legend.getByRole('checkbox', { name: /protein/ }).check();
    await expect.poll(drawn).toHaveLength(42);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'typed-graph-phone');
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });
});
