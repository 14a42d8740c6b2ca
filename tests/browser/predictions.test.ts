/**
 * Predictions out of the page and the candidate list that can be read: after a few epochs on the demo
 * set, window.playground.export('predictions-csv') gives the same pairs, logits and probabilities as the
 * page's candidate list (and more of them), one known row per interaction; the list shows rank and logit,
 * grows with "Show more", and a row opens the pair in the network and on the stepper's Output screen.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, snapshot, useServedApp } from './harness';

const app = useServedApp();

type Row = Record<string, string>;

/** The file writes 9 significant digits (float32's precision): within half a unit of the ninth. */
function expectNine(text: string, value: number) {
  expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(Math.abs(value) * 5e-9);
}

async function exportRows(page: Page, options: Record<string, unknown>): Promise<{ name: string; type: string; rows: Row[]; fields: string[] }> {
  const r = await page.evaluate(async (o) => {
    const file = await window.playground.export('predictions-csv', o);
    return { name: file.name, type: file.type, text: new TextDecoder().decode(file.bytes) };
  }, options);
  const parsed = Papa.parse<Row>(r.text, { header: true, skipEmptyLines: true, delimiter: options.format === 'tsv' ? '\t' : ',' });
  expect(parsed.errors).toEqual([]);
  return { name: r.name, type: r.type, rows: parsed.data, fields: parsed.meta.fields ?? [] };
}

describe('predictions file and candidate list', () => {
  it('exports candidates and known rows that match the page, lists rank + logit, shows more, opens a pair', async () => {
    const { page, consoleErrors, foreignRequests } = await openApp(app.browser, `${app.server.url}#decoder=dot&epochs=4&seed=1&tour=off`);
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 60_000 });
    const s = await snapshot(page);
    expect(s.candidates).toHaveLength(15);

    // Top 150: the page's 15 first, same pairs, logits (float32 written in full) and probabilities.
    const top = await exportRows(page, { what: 'candidates', top: 150 });
    expect(top.name).toMatch(/^demo-[a-z0-9-]*-candidates-top150\.csv$/);
    expect(top.type).toBe('text/csv');
    expect(top.fields).toEqual(['drug_a_id', 'drug_a_name', 'drug_b_id', 'drug_b_name', 'known', 'split', 'score', 'probability', 'rank']);
    expect(top.rows).toHaveLength(150);
    expect(top.rows.map((r) => Number(r.rank))).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    s.candidates.forEach((c, i) => {
      expect([top.rows[i].drug_a_id, top.rows[i].drug_b_id]).toEqual([c.a, c.b]);
      expectNine(top.rows[i].score, c.score);
      expectNine(top.rows[i].probability, c.probability);
    });
    expect(top.rows.every((r) => r.known === '0' && r.split === '-')).toBe(true);

    // Known rows: one per interaction, in the split's parts; TSV.
    const known = await exportRows(page, { what: 'known', format: 'tsv' });
    expect(known.name).toMatch(/^demo-[a-z0-9-]*-known\.tsv$/);
    expect(known.rows).toHaveLength(s.edges);
    const parts = new Map<string, number>();
    known.rows.forEach((r) => parts.set(r.split, (parts.get(r.split) ?? 0) + 1));
    expect([...parts.keys()].sort()).toEqual(['test', 'train', 'val']);
    expect(parts.get('test')).toBe(Math.floor(s.edges * 0.1));
    await expect(page.evaluate(() => window.playground.export('predictions-csv', { what: 'some' }))).rejects.toThrow(
      /what must be one of known, candidates, all/,
    );

    // The list: rank and logit on every row; Show more scans 100 more.
    const rows = page.getByTestId('candidates').getByRole('button');
    await expect(rows.first().innerText()).resolves.toMatch(new RegExp(`^1\\s+.+\\s+${s.candidates[0].score.toFixed(3).replace('.', '\\.')}\\s+p `));
    await page.getByRole('button', { name: 'Show 100 more' }).click();
    await page.waitForFunction(() => window.playground.snapshot().candidates.length === 115, null, { timeout: 30_000 });
    await expect(rows.count()).resolves.toBe(115);
    const more = await snapshot(page);
    expect(more.settings.candidates).toBe(115);
    // The longer list is the file's first 115 rows.
    more.candidates.forEach((c, i) => {
      expect([c.a, c.b]).toEqual([top.rows[i].drug_a_id, top.rows[i].drug_b_id]);
      expectNine(top.rows[i].score, c.score);
    });

    // Rank 3, opened with the keyboard: focus in the network, stepper on drug a, Output screen with partner b.
    const pick = more.candidates[2];
    await rows.nth(2).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => window.playground.snapshot().stepper?.output?.partner === b, pick.b, { timeout: 30_000 });
    const opened = await snapshot(page);
    expect(opened.stepper).toMatchObject({ drug: pick.a, step: 'output', screen: opened.stepper!.screens - 1 });
    expect(opened.stepper!.output!.score).toBeCloseTo(pick.score, 4);
    expect(opened.settings.focus).toBe(`${pick.a},${pick.b}`);
    await screenshot(page, 'candidate-opened');

    // The panel's Save without the File System Access API: chunks as Blob parts, then a download.
    await page.keyboard.press('Escape');
    await page.evaluate(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
    const saver = page.getByTestId('predictions-saver');
    await saver.getByLabel('Rows').selectOption('known');
    const [download] = await Promise.all([page.waitForEvent('download'), saver.getByRole('button', { name: 'Save predictions…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^demo-[a-z0-9-]*-known\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(1 + s.edges);
    await expect(saver.getByRole('status').innerText()).resolves.toMatch(/^Saved demo-[a-z0-9-]*-known\.csv: 884 rows, /);

    // With the File System Access API (a stand-in picker that records the calls): chunks go to the
    // file's writable as they come, then close; Cancel while a chunk is being written aborts the file.
    await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const log: { writes: number[]; closed: boolean; aborted: boolean; hold: boolean; release?: () => void } = {
        writes: [],
        closed: false,
        aborted: false,
        hold: false,
      };
      w.fsLog = log;
      Object.defineProperty(window, 'showSaveFilePicker', {
        configurable: true,
        value: async () => ({
          createWritable: async () => ({
            write: async (b: Uint8Array) => {
              log.writes.push(b.length);
              if (log.hold) await new Promise<void>((r) => (log.release = r));
            },
            close: async () => void (log.closed = true),
            abort: async () => void (log.aborted = true),
          }),
        }),
      });
    });
    type FsLog = { writes: number[]; closed: boolean; aborted: boolean };
    const fsLog = () => page.evaluate(() => (window as unknown as { fsLog: FsLog }).fsLog);
    await saver.getByLabel('Rows').selectOption('all');
    await saver.getByRole('button', { name: 'Save predictions…' }).click();
    await expect.poll(async () => (await fsLog()).closed, { timeout: 30_000 }).toBe(true);
    const pairs = (s.nodes * (s.nodes - 1)) / 2;
    await expect(saver.getByRole('status').innerText()).resolves.toMatch(
      new RegExp(`^Saved demo-[a-z0-9-]*-all-pairs\\.csv: ${pairs.toLocaleString('en')} rows, `),
    );
    expect((await fsLog()).writes.length).toBeGreaterThan(0);
    await page.evaluate(() => Object.assign((window as unknown as { fsLog: object }).fsLog, { writes: [], closed: false, hold: true }));
    await saver.getByRole('button', { name: 'Save predictions…' }).click();
    await expect.poll(async () => (await fsLog()).writes.length, { timeout: 30_000 }).toBe(1);
    await saver.getByRole('button', { name: 'Cancel' }).click();
    await page.evaluate(() => (window as unknown as { fsLog: { release: () => void } }).fsLog.release());
    await expect.poll(async () => (await fsLog()).aborted, { timeout: 30_000 }).toBe(true);
    expect((await fsLog()).closed).toBe(false);
    await expect(saver.getByRole('status').innerText()).resolves.toMatch(/^Cancelled after [\d,]+ of [\d,]+ rows; nothing was saved\.$/);
    await screenshot(page, 'predictions-saver');

    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});
