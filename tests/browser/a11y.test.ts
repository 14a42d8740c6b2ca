/**
 * Open to everyone: axe-core (WCAG 2 A/AA and best practices) on the page's main states, the keyboard
 * paths (a drug through the search, the candidate list, focus into and back out of the stepper), and
 * the phone layout at 390×844 (no horizontal scrolling, the tour's buttons tappable). One page, the
 * states reached in sequence. Phone screenshots go to test-results/screenshots/phone-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, blocking, type AxeViolation } from './axe';
import { openApp, screenshot, snapshot, useServedApp } from './harness';

const app = useServedApp();

const PHONE = { width: 390, height: 844 };

/** The test id (or tag) of the focused element and whether it sits inside the stepper. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { testid: el?.dataset.testid ?? el?.tagName ?? null, rank: el?.dataset.rank ?? null, inStepper: !!el?.closest('[data-testid=stepper]') };
  });

/** How far the page is wider than the window (0 when there is no horizontal scrolling). */
const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

const waitStatus = (page: Page, status: string) =>
  page.waitForFunction((s) => window.playground.snapshot().status === s, status, { timeout: 120_000, polling: 200 });

/** The element at the centre of `testid`'s box is that element (or inside it): nothing covers it for a tap. */
const tappable = (page: Page, testid: string) =>
  page.getByTestId(testid).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.left >= 0 && r.right <= innerWidth && r.bottom <= innerHeight && !!hit && el.contains(hit);
  });

describe('accessibility: axe-core, keyboard and phone layout', () => {
  it('has no serious axe violations in any main state, works by keyboard, and fits a 390 px phone', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#seed=1&epochs=40`);
    const audits: [string, AxeViolation[]][] = [];
    const audit = async (state: string) => audits.push([state, await axeViolations(page)]);

    // Fresh visit: the tour, then the page without it.
    await page.getByTestId('tour').waitFor();
    await audit('tour');
    await page.getByTestId('tour-skip').click();
    await audit('fresh');

    // Training and trained.
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.playground.snapshot().epoch >= 2, null, { timeout: 60_000, polling: 100 });
    await audit('training');
    await waitStatus(page, 'done');
    await audit('trained');

    // A drug by keyboard: the search is a combobox, ↓/↑ choose a result, Enter opens it.
    const search = page.getByTestId('teach-search');
    await search.focus();
    await page.keyboard.type('DB006');
    const options = page.locator('#teach-hits [role=option]');
    expect(await options.count()).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    expect(await search.getAttribute('aria-activedescendant')).toBe('teach-hit-2');
    expect(await options.nth(2).getAttribute('aria-selected')).toBe('true');
    const chosen = (await options.nth(2).locator('.muted').textContent())!;
    await page.keyboard.press('Enter');
    await page.waitForFunction((d) => window.playground.snapshot().stepper?.drug === d, chosen, { timeout: 15_000 });
    await page.getByTestId('stepper').waitFor();
    // The focus went into the stepper, so ←/→ step it at once.
    await expect.poll(() => focused(page).then((f) => f.inStepper)).toBe(true);
    const screens = (await snapshot(page)).stepper!.screens;
    for (const [i, name] of [
      [0, 'Message'],
      [1, 'Aggregate'],
      [2, 'Update'],
      [screens - 1, 'Output'],
    ] as const) {
      while ((await snapshot(page)).stepper!.screen < i) await page.keyboard.press('ArrowRight');
      await page.waitForSelector(`[data-testid=stepper][data-screen="${i}"] [data-testid^=screen-]`);
      await audit(`stepper ${name}`);
    }
    await page.getByTestId('embedding-toggle').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=embedding-panel] circle').length > 0);
    await audit('embedding view');
    await page.getByTestId('embedding-panel').getByRole('button', { name: 'Close the embedding view' }).click();
    // Esc leaves the stepper and the focus returns to the search that opened it.
    await page.getByTestId('stepper').focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.playground.snapshot().stepper === null);
    await expect.poll(() => focused(page).then((f) => f.testid)).toBe('teach-search');

    // The candidate list is one Tab stop; ↓/↑/Home/End move, Enter opens, Esc comes back to the row.
    const rows = page.getByTestId('candidates').locator('button.candidate');
    const count = await rows.count();
    expect(count).toBeGreaterThan(3);
    expect(await page.getByTestId('candidates').locator('button.candidate[tabindex="0"]').count()).toBe(1);
    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).rank).toBe('3');
    await page.keyboard.press('End');
    expect((await focused(page)).rank).toBe(String(count));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    expect((await focused(page)).rank).toBe('2');
    expect(await rows.nth(1).getAttribute('tabindex')).toBe('0');
    const pair = (await snapshot(page)).candidates[1];
    await page.keyboard.press('Enter');
    await page.waitForFunction((b) => window.playground.snapshot().stepper?.output?.partner === b, pair.b, { timeout: 30_000 });
    expect((await snapshot(page)).stepper!.drug).toBe(pair.a);
    await expect.poll(() => focused(page).then((f) => f.inStepper)).toBe(true);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.playground.snapshot().stepper === null);
    await expect.poll(() => focused(page).then((f) => f.rank)).toBe('2');

    // Presenting mode (and no tour there, even for a first visit).
    await page.evaluate(() => localStorage.clear());
    await page.evaluate(() => window.playground.setSettings({ present: '1' }));
    await page.waitForFunction(() => document.documentElement.classList.contains('present'));
    expect(await page.getByTestId('tour').count()).toBe(0);
    await audit('presenting');
    await page.evaluate(() => window.playground.setSettings({ present: '0' }));

    // A file loaded: the load report is shown.
    await page.evaluate(() => {
      const rows = ['Drug1\tDrug2', 'DB00001\tDB00002', 'DB00002\tDB00003', 'DB00003\tDB00001', 'DB00003\tDB00004', 'DB00004\tDB00005', 'DB00005\tDB00001'];
      void window.playground.loadFiles([new File([rows.join('\n') + '\n'], 'ring.tsv')]);
    });
    await page.waitForFunction(() => !window.playground.snapshot().loading && window.playground.snapshot().nodes === 5, null, { timeout: 30_000 });
    await audit('file loaded');

    // Phone, 390×844: a first visit (the tour), the demo, trained, and the teaching view.
    await page.setViewportSize(PHONE);
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${app.server.url}?phone#seed=1&epochs=20`);
    await page.waitForFunction(() => window.playground?.snapshot().edges > 0 && window.playground.snapshot().backend !== null, null, { timeout: 60_000 });
    await page.getByTestId('tour').waitFor();
    const tour = (await page.getByTestId('tour').boundingBox())!;
    expect(tour.x).toBeGreaterThanOrEqual(0);
    expect(tour.x + tour.width).toBeLessThanOrEqual(PHONE.width);
    expect(await tappable(page, 'tour-skip')).toBe(true);
    await audit('phone tour');
    await screenshot(page, 'phone-tour');
    await page.getByTestId('tour-skip').click();
    await expect.poll(() => page.getByTestId('tour').count()).toBe(0);
    await audit('phone');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-demo');

    await page.getByTestId('play').click();
    await waitStatus(page, 'done');
    await page.waitForTimeout(1_200); // the view re-picks its edges a second after training stops
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-trained');

    await page.getByTestId('teach-search').fill('Warfar');
    await page.getByTestId('teach-search').press('Enter');
    await page.waitForSelector('[data-testid=stepper] [data-testid^=screen-]');
    await page.waitForTimeout(300); // KaTeX and the network highlight settle for the picture
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await tappable(page, 'stepper-next')).toBe(true);
    await audit('phone stepper');
    await screenshot(page, 'phone-teaching');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-testid=stepper][data-screen="1"] [data-testid^=screen-]');
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-teaching-aggregate');
    // The narrowest phones in use (360 px) and the largest (414 px), with the stepper open and closed.
    for (const width of [360, 414]) {
      await page.setViewportSize({ width, height: 780 });
      await page.waitForTimeout(200);
      expect(await overflowX(page), `${width} px, stepper open`).toBeLessThanOrEqual(0);
    }
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.playground.snapshot().stepper === null);
    expect(await overflowX(page), '414 px').toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.waitForTimeout(200);
    expect(await overflowX(page), '360 px').toBeLessThanOrEqual(0);

    const found = Object.fromEntries(audits.map(([state, v]) => [state, blocking(v).map((x) => `${x.impact} ${x.id}: ${x.targets.join(' | ')}`)]));
    const minor = audits.flatMap(([state, v]) => v.filter((x) => !blocking(v).includes(x)).map((x) => `${state}: ${x.impact} ${x.id}`));
    if (minor.length > 0) console.log(`axe, not asserted: ${[...new Set(minor)].join('; ')}`);
    expect(found).toEqual(Object.fromEntries(audits.map(([state]) => [state, []])));
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });
});
