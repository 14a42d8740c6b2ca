/** The Split setting in the page: a new-drug split from the URL shows in its control, trains, and warns that learned features say nothing about unseen drugs. */
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
});
