/**
 * Splits in the page: a new-drug split from the URL shows in its control, trains, and warns that learned
 * features say nothing about unseen drugs; split files opened with their data (SumGNN's folder) become the
 * split the next run trains on, a split for other data is refused with the reason, and the seeded split comes back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp, useServedApp, waitForEpoch } from './harness';

const app = useServedApp();

describe('new-drug split in the page', () => {
  it('#splitmode=new-drug-one selects the split, trains and shows the learned-features note', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#splitmode=new-drug-one&epochs=2&hidden=16&tour=off`);
    await expect(page.getByLabel('Split', { exact: true }).inputValue()).resolves.toBe('new-drug-one');
    await page.getByTestId('play').click();
    const s = await waitForEpoch(page, 2);
    expect(s.error).toBeNull();
    await expect(page.getByTestId('trainer-notes').textContent()).resolves.toMatch(/new-drug-one split holds out drugs.*morgan/);
    expect(consoleErrors).toEqual([]);
  });

  it('split files opened with their data: the SumGNN folder is the type split trained on, its counts shown and recorded', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#epochs=2&hidden=16&tour=off`);
    await page.waitForFunction(() => window.playground.snapshot().nodes > 0 && !window.playground.snapshot().loading, null, { timeout: 60_000 });
    // 12 drugs, 38 typed pairs in 3 types; the folder splits them 26 / 6 / 6 (a seeded split would test 10 %, 4 pairs).
    const ids = Array.from({ length: 12 }, (_, i) => `DB${String(i + 1).padStart(5, '0')}`);
    const rows: string[] = [];
    const triples: string[] = [];
    for (let i = 0; i < 12; i++)
      for (let j = i + 1; j < Math.min(12, i + 5); j++) {
        rows.push(`${ids[i]}\t${ids[j]}\t${((i + j) % 3) + 1}`);
        triples.push(`${i} ${j} ${(i + j) % 3}`);
      }
    const file = (name: string, text: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
    const splitFiles = [
      file('train.txt', triples.slice(0, 26).join('\n')),
      file('dev.txt', triples.slice(26, 32).join('\n')),
      file('test.txt', triples.slice(32).join('\n')),
      file('node2id.json', JSON.stringify(Object.fromEntries(ids.map((id, i) => [id, i])))),
    ];
    await page.getByTestId('file-input').setInputFiles([file('Drugbank.txt', `drug1\tdrug2\tLabel\n${rows.join('\n')}\n`), ...splitFiles]);
    const active = page.getByTestId('split-active');
    await expect.poll(() => active.textContent(), { timeout: 60_000 }).toMatch(/train 26 · validation 6 · test 6 typed pairs/);
    expect(await active.textContent()).toContain('train.txt, dev.txt, test.txt, node2id.json');
    // The folder is a type split: the task followed it.
    expect(await page.evaluate(() => window.playground.snapshot().settings.task)).toBe('type');
    await page.getByTestId('play').click();
    expect((await waitForEpoch(page, 2)).error).toBeNull();
    await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 20_000 });
    // The per-type table counts the folder's 6 test pairs.
    const rowsShown = page.getByRole('region', { name: 'Per-type scores on the test pairs' }).locator('tbody tr');
    await expect.poll(() => rowsShown.count()).toBeGreaterThan(0);
    let support = 0;
    for (const cells of await Promise.all((await rowsShown.all()).map((r) => r.locator('td').allTextContents()))) support += Number(cells[1]);
    expect(support).toBe(6);
    await expect.poll(() => page.getByTestId('run-split').first().textContent()).toBe('split from train.txt, dev.txt, test.txt, node2id.json');

    // A split made for other data is refused with the reason; the folder's split stays.
    const foreign = { format: 'link-split/1', node_ids: ['DB99999', 'DB00001'], train_pos: [[0, 1]], val_pos: [], val_neg: [], test_pos: [], test_neg: [] };
    await page.getByTestId('file-input').setInputFiles([file('other.json', JSON.stringify(foreign))]);
    await expect
      .poll(() => page.getByTestId('split-notice').textContent())
      .toMatch(/other.json: 1 drug\(s\) of the split file are not in the graph, e.g. DB99999.*split files in use stay/);
    expect(await active.textContent()).toMatch(/test 6 typed pairs/);

    await page.getByTestId('seeded-split').click();
    await expect.poll(() => active.count()).toBe(0);

    // The folder itself, picked with Open folder… (webkitdirectory), applies the same split again.
    const folder = mkdtempSync(join(tmpdir(), 'sumgnn-split-'));
    for (const f of splitFiles) writeFileSync(join(folder, f.name), f.buffer);
    await page.getByTestId('folder-input').setInputFiles(folder);
    await expect.poll(() => active.textContent()).toMatch(/train 26 · validation 6 · test 6 typed pairs/);
    expect(consoleErrors).toEqual([]);
  });
});
