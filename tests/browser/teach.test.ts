/**
 * The message-passing stepper in a real browser: opened on a drug from the URL, stepped
 * through every screen with the keyboard; the numbers on screen are the model's (checked through
 * the automation hook against a plain forward pass); receptive field, "why", embedding view, tour
 * and presenting mode work. Screenshots of every step at 1280×800 go to test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, screenshot, snapshot, useServedApp } from './harness';

const DRUG = 'DB00682'; // warfarin: many neighbours in the demo set

const app = useServedApp();

const stepper = async (page: Page) => (await snapshot(page)).stepper;

function expectClose(a: number[], b: number[], tol: number) {
  expect(a.length).toBe(b.length);
  const worst = Math.max(...a.map((x, i) => Math.abs(x - b[i])));
  expect(worst).toBeLessThanOrEqual(tol);
}

/** The vector the screen renders (the full-precision copy behind the heat-map and numbers). */
const renderedVector = (page: Page): Promise<number[]> =>
  page
    .getByTestId('screen-vector')
    .last()
    .evaluate((el) => JSON.parse((el as HTMLElement).dataset.vector!) as number[]);

/** Waits until the stepper shows screen `index` with fresh numbers. */
async function waitScreen(page: Page, index: number) {
  await page.waitForFunction((i) => window.playground.snapshot().stepper?.screen === i, index, { timeout: 15_000 });
  await page.waitForSelector(`[data-testid=stepper][data-screen="${index}"]`);
}

describe('the message-passing stepper', () => {
  it('opens on the URL’s drug, steps through every screen by keyboard, and shows the model’s numbers (the seed’s model)', async () => {
    // The seed's model (seed GCN + dot decoder): the screens below check its mean and dot product.
    const { page, consoleErrors, foreignRequests } = await openApp(
      app.browser,
      `${app.server.url}#model=seed-gcn&decoder=dot&seed=1&epochs=200&tour=off&drug=${DRUG}`,
    );
    // Opened from the URL, before any training.
    await page.waitForFunction(() => window.playground.snapshot().stepper !== null, null, { timeout: 30_000 });
    expect((await stepper(page))!.drug).toBe(DRUG);
    await expect.poll(() => page.getByTestId('tour').count()).toBe(0);

    // Training while the stepper is open is paused by opening it, and resumes on leaving.
    await page.evaluate(() => window.playground.closeStepper());
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.playground.snapshot().epoch >= 15, null, { timeout: 120_000, polling: 200 });
    await page.evaluate((d) => window.playground.openStepper(d), DRUG);
    expect((await snapshot(page)).status).not.toBe('training');
    const pausedAt = (await snapshot(page)).epoch;
    await page.waitForTimeout(400);
    expect((await snapshot(page)).epoch).toBe(pausedAt);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.playground.snapshot().status === 'training', null, { timeout: 10_000 });
    await page.waitForFunction((e) => window.playground.snapshot().epoch > e, pausedAt, { timeout: 30_000 });
    await page.evaluate(() => window.playground.pause());
    await page.waitForFunction(() => window.playground.snapshot().status !== 'training', null, { timeout: 10_000 });

    // Open by searching the name, as a student would.
    await page.getByTestId('teach-search').fill('Warfar');
    await page.getByTestId('teach-search').press('Enter');
    await page.waitForFunction((d) => window.playground.snapshot().stepper?.drug === d, DRUG, { timeout: 15_000 });
    expect(await page.evaluate(() => location.hash)).toContain(`drug=${DRUG}`);
    const epoch = (await snapshot(page)).epoch;
    expect((await stepper(page))!.epoch).toBe(epoch);

    const first = (await stepper(page))!;
    const total = first.screens;
    expect(total).toBe(3 * (await snapshot(page)).settings.layers + 1);
    await waitScreen(page, 0);
    let messages: number[][] = [];
    const seen: string[] = [];
    for (let i = 0; i < total; i++) {
      const s = (await stepper(page))!;
      expect(s.screen).toBe(i);
      seen.push(`${s.layer}-${s.step}`);
      await page.waitForTimeout(250); // let KaTeX and the highlight settle for the picture
      await screenshot(page, `teach-${String(i + 1).padStart(2, '0')}-layer${s.layer}-${s.step}`);
      if (s.step === 'message') {
        expect(s.vector).toBeNull();
        messages = s.messages!.map((m) => m.vector);
        expect(messages.length).toBeGreaterThan(0);
        // One heat-map row per sender, and the network lights the senders up.
        expect(await page.getByTestId('message-heatmap').locator('.heat-row').count()).toBe(Math.min(24, messages.length));
        const lit = await page.evaluate(() => window.playground.cy!.nodes('.teach-sender').length);
        expect(lit).toBe(new Set(s.messages!.map((m) => m.drug)).size);
        // Hovering a cell shows its exact value.
        const title = await page.getByTestId('message-heatmap').locator('.heat-cell').first().getAttribute('title');
        expect(title).toContain(String(messages[0][0]));
      } else {
        // The rendered vector is the one the hook reports.
        expectClose(await renderedVector(page), s.vector!, 0);
      }
      if (s.step === 'aggregate') {
        // Seed GCN: m_v is the mean of the messages shown on the previous screen.
        const mean = s.vector!.map((_, k) => messages.reduce((acc, m) => acc + m[k], 0) / messages.length);
        expectClose(s.vector!, mean, 1e-5);
        expect(await page.getByTestId('aggregate-numbers').locator('.katex').count()).toBe(3);
      }
      if (s.step === 'update') expect(await page.getByTestId('update-numbers').locator('.katex').count()).toBe(3);
      if (s.step === 'output') {
        // The final vector on screen is the model's own output for the drug (plain forward pass).
        const model = await page.evaluate((d) => window.playground.modelOutput(d), DRUG);
        expectClose(s.vector!, model, 1e-5);
        const partner = await page.evaluate((d) => window.playground.modelOutput(d), s.output!.partner);
        const score = model.reduce((acc, x, k) => acc + x * partner[k], 0);
        expect(Math.abs(s.output!.score - score)).toBeLessThan(1e-5);
        expect(await page.getByTestId('output-score').textContent()).toBe(s.output!.score.toFixed(4));
        expect(await page.getByTestId('output-probability').textContent()).toBe((1 / (1 + Math.exp(-score))).toFixed(4));
      }
      if (i < total - 1) {
        await page.keyboard.press('ArrowRight');
        await waitScreen(page, i + 1);
      }
    }
    expect(seen).toEqual([...['1', '2'].flatMap((l) => ['message', 'aggregate', 'update'].map((k) => `${l}-${k}`)), '2-output']);
    // → at the end stays; ← goes back.
    await page.keyboard.press('ArrowRight');
    expect((await stepper(page))!.screen).toBe(total - 1);
    await page.keyboard.press('ArrowLeft');
    await waitScreen(page, total - 2);
    // step(delta) from a script moves the stepper (and does not train while it is open).
    await page.evaluate(() => window.playground.step(1));
    await waitScreen(page, total - 1);
    expect((await snapshot(page)).epoch).toBe(epoch);

    // Why this prediction: a highlighted subgraph with shares.
    await page.getByTestId('why-button').click();
    await page.getByTestId('why-panel').waitFor();
    expect(await page.getByTestId('why-panel').locator('li').count()).toBeGreaterThan(0);
    await page.waitForFunction(() => window.playground.cy!.edges('.teach-whyedge').length > 0);
    await page.waitForTimeout(250);
    await screenshot(page, 'teach-08-why');

    // Receptive field (shown alone, for a clear picture): 2 hops light up more drugs than 1.
    await page.getByTestId('why-panel').getByRole('button', { name: 'hide' }).click();
    await page.keyboard.press('ArrowLeft'); // Layer 2 update: no partner edge in the picture
    await page.getByTestId('receptive-field').getByRole('button', { name: '1-hop' }).click();
    await page.waitForFunction(() => window.playground.cy!.nodes('.teach-ring1').length > 0);
    const ring1 = await page.evaluate(() => window.playground.cy!.nodes('.teach-ring1').length);
    await page.getByTestId('receptive-field').getByRole('button', { name: '2-hop' }).click();
    await page.waitForFunction(() => window.playground.cy!.nodes('.teach-ring2').length > 0);
    expect(await page.evaluate(() => window.playground.cy!.nodes('.teach-ring2').length)).toBeGreaterThan(0);
    expect(ring1).toBe(first.messages!.length > 0 ? new Set(first.messages!.map((m) => m.drug)).size : 0);
    await page.waitForTimeout(250);
    await screenshot(page, 'teach-09-receptive-field');

    // Embedding view: one point per drug, an epoch slider over the run, hover highlights the drug.
    await page.getByTestId('embedding-toggle').click();
    await page.getByTestId('embedding-panel').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=embedding-panel] circle').length > 0);
    expect(await page.locator('[data-testid=embedding-panel] circle').count()).toBe((await snapshot(page)).nodes);
    expect(Number(await page.getByTestId('embedding-epoch').getAttribute('max'))).toBeGreaterThan(1);
    // A point no other point covers (two drugs can land on one spot, and which does depends on the run);
    // asked again if the picture moved between the question and the hover.
    await expect
      .poll(
        async () => {
          const uncovered = await page.evaluate(() =>
            [...document.querySelectorAll('[data-testid=embedding-panel] circle')].findIndex((c) => {
              const r = c.getBoundingClientRect();
              return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === c;
            }),
          );
          if (uncovered < 0) return false;
          return page
            .locator('[data-testid=embedding-panel] circle')
            .nth(uncovered)
            .hover({ timeout: 3000 })
            .then(() => true)
            .catch(() => false);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.waitForFunction(() => window.playground.cy!.nodes('.teach-hover').length === 1);
    await page.waitForTimeout(250);
    await screenshot(page, 'teach-10-embedding');
    await page.getByTestId('embedding-epoch').fill('0');
    await expect.poll(() => page.getByTestId('embedding-panel').textContent()).toContain('epoch 0');

    // Esc leaves; the URL forgets the drug.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.playground.snapshot().stepper === null);
    expect(await page.evaluate(() => location.hash)).not.toContain(`drug=${DRUG}`);

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });

  it('with the default model (GCN + MLP decoder) the Output step shows the MLP’s score, not a dot product, and “why” works', async () => {
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#seed=1&epochs=15&tour=off`);
    const settings = (await snapshot(page)).settings;
    expect([settings.model, settings.decoder]).toEqual(['gcn', 'mlp']);
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 120_000, polling: 200 });
    await page.evaluate((d) => window.playground.openStepper(d), DRUG);
    await page.evaluate(() => window.playground.stepTeach(100));
    const s = (await stepper(page))!;
    expect(s.step).toBe('output');
    const out = s.output!;
    expect(Number.isFinite(out.score)).toBe(true);
    expect(await page.getByTestId('output-score').textContent()).toBe(out.score.toFixed(4));
    expect(await page.getByTestId('output-probability').textContent()).toBe((1 / (1 + Math.exp(-out.score))).toFixed(4));
    expect(await page.getByTestId('screen-output').textContent()).toContain('ReLU');
    // The MLP's logit, not h_v · h_p (checked against the model's own output vectors).
    const hv = await page.evaluate((d) => window.playground.modelOutput(d), DRUG);
    const hp = await page.evaluate((d) => window.playground.modelOutput(d), out.partner);
    expect(Math.abs(out.score - hv.reduce((acc, x, k) => acc + x * hp[k], 0))).toBeGreaterThan(1e-3);
    await page.getByTestId('why-button').click();
    await page.getByTestId('why-panel').waitFor();
    expect(await page.getByTestId('why-panel').locator('li').count()).toBeGreaterThan(0);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });

  it('hides the settings and never shows the tour in presenting mode; otherwise shows the tour once (skippable, remembered)', async () => {
    const { page } = await openApp(app.browser, `${app.server.url}#present=1`);
    expect(await page.locator('.layout > .left').isVisible()).toBe(false);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('tour').count()).toBe(0);
    await screenshot(page, 'teach-11-present');
    // Leaving presenting mode, a first-time visitor gets the tour.
    await page.evaluate(() => window.playground.setSettings({ present: '0' }));
    await page.getByTestId('tour').waitFor();
    await page.getByTestId('tour-skip').click();
    await expect.poll(() => page.getByTestId('tour').count()).toBe(0);
    await page.reload();
    await page.waitForFunction(() => window.playground?.snapshot().edges > 0);
    await page.waitForTimeout(500);
    expect(await page.getByTestId('tour').count()).toBe(0);
    await page.close();
  });
});

describe('on webgpu (SwiftShader adapter, chosen explicitly: auto passes over software GPUs)', () => {
  let gpu: Browser;
  beforeAll(async () => {
    gpu = await launchChromium(['--enable-unsafe-webgpu']);
  });
  afterAll(async () => gpu?.close());

  it('the stepper’s final vector is the model’s output there too, and projections are recorded', async () => {
    const { page, consoleErrors } = await openApp(gpu, `${app.server.url}#seed=2&hidden=16&epochs=5&tour=off&backend=webgpu`);
    expect((await snapshot(page)).backend).toBe('webgpu');
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.playground.snapshot().status === 'done', null, { timeout: 120_000 });
    await page.evaluate((d) => window.playground.openStepper(d), DRUG);
    await page.evaluate(() => window.playground.stepTeach(100));
    const s = (await stepper(page))!;
    expect(s.step).toBe('output');
    expectClose(s.vector!, await page.evaluate((d) => window.playground.modelOutput(d), DRUG), 1e-5);
    await page.getByTestId('embedding-toggle').click();
    // The run so far, ending at the model as it is now (recording may thin out when it is slow).
    await expect.poll(() => page.getByTestId('embedding-panel').textContent()).toContain('epoch 5');
    expect(Number(await page.getByTestId('embedding-epoch').getAttribute('max'))).toBeGreaterThanOrEqual(2);
    expect(consoleErrors.filter((e) => !/favicon|performance of synchronously/.test(e))).toEqual([]);
    await page.close();
  });
});
