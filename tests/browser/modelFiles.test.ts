/**
 * Save and share, model and runs: the demo trained a few epochs is saved as a model zip, the page is
 * reloaded with other settings and the zip loaded through "Load model…": the file's settings take
 * over and the predictions and split are the saved model's. The same zip is refused on another graph
 * and a damaged file is refused, each with its reason, and the model in use stays. `?data=…&model=…`
 * (the zip, or model.json with weights.bin beside it) opens with that graph and that model. Run cards
 * and the runs CSV are checked against the runs table.
 */
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, snapshot, useServedApp, waitForEpoch } from './harness';

const app = useServedApp();

async function exportText(page: Page, kind: string, options?: Record<string, unknown>): Promise<{ name: string; text: string }> {
  return page.evaluate(
    async ([k, o]) => {
      const r = await window.playground.export(k as never, o);
      return { name: r.name, text: new TextDecoder().decode(r.bytes) };
    },
    [kind, options] as const,
  );
}

async function exportBytes(page: Page, kind: string): Promise<{ name: string; bytes: Buffer }> {
  const r = await page.evaluate(async (k) => {
    const x = await window.playground.export(k as never);
    return { name: x.name, bytes: Array.from(x.bytes) };
  }, kind);
  return { name: r.name, bytes: Buffer.from(r.bytes) };
}

const candidateScores = async (page: Page) => (await snapshot(page)).candidates;

function expectSameCandidates(a: { a: string; b: string; score: number }[], b: { a: string; b: string; score: number }[]) {
  expect(a.length).toBeGreaterThan(0);
  expect(b.map((c) => `${c.a}-${c.b}`)).toEqual(a.map((c) => `${c.a}-${c.b}`));
  const diff = Math.max(...a.map((c, i) => Math.abs(c.score - b[i].score)));
  expect(diff).toBeLessThanOrEqual(1e-6);
}

async function noticeText(page: Page, pattern: RegExp): Promise<string> {
  const notice = page.getByTestId('model-notice');
  await expect.poll(() => notice.textContent(), { timeout: 60_000 }).toMatch(pattern);
  return (await notice.textContent())!;
}

/** The trained demo model and what it predicted, shared by the tests below. */
let saved: { zip: Buffer; candidates: { a: string; b: string; score: number }[]; split: string; output: number[] } | null = null;

describe('model files and run cards in the page', () => {
  it('saves a trained model, loads it back after a reload (same predictions), refuses it on another graph and a damaged file', async () => {
    const first = await openApp(app.browser, `${app.server.url}#hidden=16&epochs=3&tour=off`);
    let page = first.page;
    await page.getByTestId('play').click();
    await waitForEpoch(page, 3);
    await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 30_000 });
    const trained = await snapshot(page);
    expect(trained.error).toBeNull();

    // Run card and runs CSV against the runs table (the card waits for the fingerprints the worker computes).
    await expect.poll(async () => JSON.parse((await exportText(page, 'run-card-json')).text).dataFingerprint, { timeout: 20_000 }).toMatch(/^[0-9a-f]{64}$/);
    const card = JSON.parse((await exportText(page, 'run-card-json', { run: 1 })).text);
    expect(card).toMatchObject({ format: 'drug-gnn-playground-run-card/1', run: 1, epochs: 3, task: 'link', seed: 0, backend: trained.backend });
    expect(card.settings).toMatchObject({ model: 'gcn', decoder: 'mlp', hidden: 16, epochs: 3 });
    expect(card.splitFingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(card.curves.epoch).toEqual([1, 2, 3]);
    expect(card.curves.loss).toEqual(trained.losses);
    expect(card.final.valAuroc).toBe(trained.metrics.valAuroc);
    expect(card.timings.epochsTimed).toBe(3);
    const row = page.getByTestId('run-row').nth(0);
    expect(await row.locator('td[data-metric="valAuroc"] .value').textContent()).toBe(card.final.valAuroc.toFixed(3));
    expect(await row.locator('td[data-metric="testAuroc"] .value').textContent()).toBe(card.final.testAuroc.toFixed(3));
    expect(await row.getByTestId('run-ms').textContent()).toBe(card.timings.medianEpochMs.toFixed(0));
    const md = (await exportText(page, 'run-card-md')).text;
    expect(md).toContain('# Run 1: gcn on Demo');
    expect(md).toContain(card.dataFingerprint);
    const csv = (await exportText(page, 'runs-csv')).text.trim().split('\n');
    expect(csv).toHaveLength(2);
    const header = csv[0].split(',');
    const cells = csv[1].split(',');
    expect(Number(cells[header.indexOf('last_valAuroc')])).toBe(card.final.valAuroc);
    expect(cells[header.indexOf('hidden')]).toBe('16');
    expect(cells[header.indexOf('epochs_trained')]).toBe('3');
    // The row's own card button downloads the same card.
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Run card of run 1 as JSON' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^run-1-.*\.card\.json$/);

    const split = (await exportText(page, 'split')).text;
    expect(JSON.parse(split).format).toBe('link-split/1');
    const model = await exportBytes(page, 'model');
    expect(model.name).toMatch(/\.model\.zip$/);
    const files = unzipSync(model.bytes);
    expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
    const modelJson = JSON.parse(new TextDecoder().decode(files['model.json']));
    expect(modelJson.userDefinedMetadata).toMatchObject({ format: 'drug-gnn-playground-model/1', epoch: 3, graph: { fingerprint: card.dataFingerprint } });
    const output = await page.evaluate(() => window.playground.modelOutput('DB00682'));
    saved = { zip: model.bytes, candidates: trained.candidates, split, output };

    // A fresh page (a new document: goto with another hash only would stay in this one) with other
    // settings: the file's settings and weights take over.
    await page.close();
    const fresh = await openApp(app.browser, `${app.server.url}#hidden=8&seed=5&tour=off`);
    page = fresh.page;
    await page.waitForFunction(() => window.playground.snapshot().edges > 0 && window.playground.snapshot().candidates.length > 0, null, { timeout: 60_000 });
    expect((await snapshot(page)).settings.hidden).toBe(8);
    await page.getByTestId('load-model-input').setInputFiles({ name: 'demo.model.zip', mimeType: 'application/zip', buffer: model.bytes });
    const loadedText = await noticeText(page, /Loaded|not loaded/);
    expect(loadedText).toMatch(/^Loaded demo\.model\.zip: weights of epoch 3; its settings replace the controls’: .*hidden=16.*seed=0/);
    await expect.poll(async () => (await snapshot(page)).settings.hidden).toBe(16);
    const loaded = await snapshot(page);
    expect(loaded.settings.seed).toBe(0);
    expect(loaded.epoch).toBe(3);
    expect(await page.evaluate(() => location.hash)).toContain('hidden=16');
    expectSameCandidates(saved.candidates, loaded.candidates);
    expect((await exportText(page, 'split')).text).toBe(split);
    expect(await page.getByTestId('run-loaded').textContent()).toContain('model file demo.model.zip');
    expect(await page.getByTestId('run-row').count()).toBe(1); // a new page: the loaded model's run only
    expect(await page.locator('#setting-hidden').inputValue()).toBe('16');
    await page.getByRole('button', { name: 'Load model…' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'model-loaded', true);
    const outputBefore = await page.evaluate(() => window.playground.modelOutput('DB00682'));

    // A damaged file is refused with its reason; the loaded model stays.
    await page.getByTestId('load-model-input').setInputFiles([
      { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "drug-gnn') },
      { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(files['weights.bin']) },
    ]);
    expect(await noticeText(page, /not loaded/)).toMatch(/^model\.json was not loaded: model\.json is not valid JSON .*The model in use stays\.$/);
    expect(await page.getByTestId('model-notice').getAttribute('class')).toContain('error');
    await page.getByTestId('load-model-input').setInputFiles({ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(files['model.json']) });
    expect(await noticeText(page, /weights\.bin is missing/)).toContain('weights.bin is missing');
    expect(await page.evaluate(() => window.playground.modelOutput('DB00682'))).toEqual(outputBefore);

    // Another graph: refused, the model trained on it stays.
    await page.evaluate(() => {
      const id = (i: number) => `DB${String(90001 + i)}`;
      const lines = ['Drug1\tDrug2'];
      for (let i = 0; i < 30; i++) lines.push(`${id(i)}\t${id((i + 1) % 30)}`, `${id(i)}\t${id((i + 7) % 30)}`);
      void window.playground.loadFiles([new File([lines.join('\n') + '\n'], 'ring.tsv', { type: 'text/tab-separated-values' })]);
    });
    await page.waitForFunction(() => window.playground.snapshot().nodes === 30 && !window.playground.snapshot().loading, null, { timeout: 60_000 });
    const ringOutput = await page.evaluate(() => window.playground.modelOutput('DB90001'));
    await page.getByTestId('load-model-input').setInputFiles({ name: 'demo.model.zip', mimeType: 'application/zip', buffer: model.bytes });
    expect(await noticeText(page, /another graph/)).toMatch(/^demo\.model\.zip was not loaded: This model was trained on another graph \(“Demo.*”, 165 drugs/);
    expect(await page.evaluate(() => window.playground.modelOutput('DB90001'))).toEqual(ringOutput);
    expect((await snapshot(page)).nodes).toBe(30);
    await screenshot(page, 'model-refused', true);

    for (const opened of [first, fresh]) {
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.foreignRequests).toEqual([]);
    }
    await page.close();
  });

  it('?data=…&model=… opens with that graph and that trained model (the zip, or model.json with weights.bin beside it)', async () => {
    expect(saved, 'the first test saves the model').not.toBeNull();
    const files = unzipSync(saved!.zip);
    for (const modelPath of ['models/demo.model.zip', 'models/demo/model.json']) {
      // page.route does not see requests a service worker makes (the page's cross-origin-isolation worker).
      const page = await app.browser.newPage({ serviceWorkers: 'block' });
      const served: Record<string, Buffer> = {
        '/models/demo.model.zip': saved!.zip,
        '/models/demo/model.json': Buffer.from(files['model.json']),
        '/models/demo/weights.bin': Buffer.from(files['weights.bin']),
      };
      await page.route(
        (url) => url.pathname.includes('/models/'),
        (route) => {
          const path = Object.keys(served).find((p) => new URL(route.request().url()).pathname.endsWith(p));
          return path ? route.fulfill({ status: 200, body: served[path] }) : route.fulfill({ status: 404 });
        },
      );
      await page.goto(`${app.server.url}?data=datasets/demo.json&model=${modelPath}#tour=off`);
      await page.waitForFunction(() => window.playground?.snapshot().edges > 0, null, { timeout: 60_000 });
      const text = await noticeText(page, /Loaded|not loaded/);
      expect(text, modelPath).toMatch(/^Loaded (demo\.model\.zip|model\.json): weights of epoch 3/);
      const s = await snapshot(page);
      expect(s.graphName).toBe('demo'); // the ?data= file, not the built-in set ("Demo …")
      expect(s.settings.hidden).toBe(16);
      await expect.poll(async () => (await candidateScores(page)).length).toBeGreaterThan(0);
      expectSameCandidates(saved!.candidates, await candidateScores(page));
      expect((await exportText(page, 'split')).text).toBe(saved!.split);
      // The stepper's model: the output vector of a drug is the saved model's.
      const output = await page.evaluate(() => window.playground.modelOutput('DB00682'));
      expect(Math.max(...output.map((x, i) => Math.abs(x - saved!.output[i])))).toBeLessThanOrEqual(1e-6);
      await page.close();
    }
  });

  it('?model= is refused from another origin over http, with the reason', async () => {
    const page = await app.browser.newPage();
    await page.goto(`${app.server.url}?model=${encodeURIComponent('http://example.invalid/m.zip')}#tour=off`);
    await page.waitForFunction(() => window.playground?.snapshot().edges > 0, null, { timeout: 60_000 });
    expect(await noticeText(page, /not loaded/)).toContain('http://example.invalid/m.zip was not fetched: a link must be on this site or use https');
    await page.close();
  });
});
