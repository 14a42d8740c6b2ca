/**
 * A typed graph in the page: a small drug–protein–drug graph (tests/fixtures/drug-target-graph.json,
 * drug-graph JSON with node kinds and relations) loaded as a dropped file; R-GCN predicting the
 * drug-target relation, one epoch with the same seed on webgl, webgpu (SwiftShader) and cpu, agrees on
 * the first-epoch loss and on the drug's output vector within 1e-4; the stepper on a drug shows its
 * messages grouped by relation, with the counts the graph gives, and its last vector is the model's output.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, blocking } from './axe';
import { openApp, ROOT, screenshot, snapshot, useServedApp } from './harness';

const FIXTURE = readFileSync(resolve(ROOT, 'tests/fixtures/drug-target-graph.json'), 'utf8');
// The dot decoder: its first loss depends on the GNN's vectors (an MLP head starts near ln 2 whatever they are).
const HASH = 'model=rgcn&decoder=dot&seed=3&hidden=8&layers=2&bases=2&tour=off';
const DRUG = 'D01';

/** D01's partners in the fixture, per relation. */
function partners(relation: string): string[] {
  const doc = JSON.parse(FIXTURE) as { interactions: { a: string; b: string; relation?: string }[] };
  return doc.interactions.filter((e) => (e.relation ?? 'drug-drug') === relation && (e.a === DRUG || e.b === DRUG)).map((e) => (e.a === DRUG ? e.b : e.a));
}

const app = useServedApp(['--enable-unsafe-webgpu']);

/** Opens the page on `backend`, loads the fixture as a dropped file, predicts drug-target, trains one epoch. */
async function firstEpoch(backend: string): Promise<{ page: Page; loss: number; output: number[]; errors: string[] }> {
  const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#${HASH}&backend=${backend}`);
  expect((await snapshot(page)).backend).toBe(backend);
  await page.evaluate(async (text) => {
    await window.playground.loadFiles([new File([text], 'drug-target-graph.json', { type: 'application/json' })]);
    await window.playground.setSettings({ relation: 'drug-target' });
    await window.playground.step();
  }, FIXTURE);
  const s = await snapshot(page);
  expect([s.nodes, s.error, s.loadError, s.settings.relation, s.settings.model]).toEqual([20, null, null, 'drug-target', 'rgcn']);
  expect(s.losses).toHaveLength(1);
  const output = await page.evaluate((d) => window.playground.modelOutput(d), DRUG);
  return { page, loss: s.losses[0], output, errors: consoleErrors };
}

const maxDiff = (a: number[], b: number[]) => (a.length === b.length && a.length > 0 ? Math.max(...a.map((x, i) => Math.abs(x - b[i]))) : Infinity);

/** The relation sections on screen: heading, message relation and how many messages. */
const sections = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluateAll((els) =>
    els.map((el) => ({
      heading: el.querySelector('h4')!.textContent,
      relation: (el as HTMLElement).dataset.relation,
      count: Number((el as HTMLElement).dataset.count),
    })),
  );

describe('a drug–target graph with R-GCN', () => {
  it('trains on webgl, webgpu and cpu to the same first-epoch loss, and the stepper groups messages by relation', async () => {
    // Three pages side by side: each waits on its worker most of the time.
    const [cpu, webgpu, { page, loss, output, errors }] = await Promise.all(['cpu', 'webgpu', 'webgl'].map(firstEpoch));
    await Promise.all([cpu.page.close(), webgpu.page.close()]);
    expect(Math.abs(webgpu.loss - cpu.loss), `webgpu ${webgpu.loss} vs cpu ${cpu.loss}`).toBeLessThan(1e-4);
    expect(Math.abs(loss - cpu.loss), `webgl ${loss} vs cpu ${cpu.loss}`).toBeLessThan(1e-4);
    // And R-GCN's output for the drug after that epoch (the GPU kernels' per-relation means).
    for (const gpu of [webgpu.output, output]) expect(maxDiff(gpu, cpu.output)).toBeLessThan(1e-4);
    // The network SVG draws proteins among its nodes as the view's rounded squares; its legend lists the relations.
    expect(await page.evaluate(async () => new TextDecoder().decode((await window.playground.export('svg')).bytes))).toMatch(
      /<g class="drugs">(?:(?!<\/g>)[\s\S])*<rect class="round-rectangle"[\s\S]*>drug-target · 32</,
    );

    // Layer 1, Message: one headed section per relation that reaches the drug.
    await page.evaluate((d) => window.playground.openStepper(d), DRUG);
    await page.waitForSelector('[data-testid=stepper][data-step=message][data-layer="1"] [data-testid=relation-group]');
    const drugs = partners('drug-drug');
    const targets = partners('drug-target');
    const messages = await sections(page, 'relation-group');
    expect(messages.map((m) => [m.heading, m.relation])).toEqual([
      ['What the interacting drugs said', 'drug-drug→drug'],
      ['What the targets said', 'drug-target→drug'],
    ]);
    // Every drug–drug pair carries messages; drug–target pairs only when in training (some are held out).
    expect(messages[0].count).toBe(drugs.length);
    expect(messages[1].count).toBeGreaterThan(0);
    expect(messages[1].count).toBeLessThanOrEqual(targets.length);
    await expect.poll(() => page.getByRole('heading', { name: 'What the targets said' }).count()).toBe(1);
    const senders = (await snapshot(page)).stepper!.messages!.map((m) => m.drug);
    expect(senders.slice(0, drugs.length).sort()).toEqual([...drugs].sort());
    for (const t of senders.slice(drugs.length)) expect(targets).toContain(t);
    // Each relation's weight as its mix of the 2 bases, with the numbers.
    const mixes = await page
      .locator('[data-testid=relation-group] .formula[data-tex^="W_{"][data-tex*=" = "]')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.tex));
    expect(mixes).toEqual([expect.stringMatching(/^W_\{1\} = \S+\\,V_\{1\} \+ \S+\\,V_\{2\}$/), expect.stringMatching(/^W_\{2\} = /)]);
    await screenshot(page, 'typed-stepper-message');
    expect(blocking(await axeViolations(page))).toEqual([]);

    // Aggregate: the same groups, each relation's mean.
    await page.evaluate(() => window.playground.stepTeach(1));
    await page.waitForSelector('[data-testid=stepper][data-step=aggregate] [data-testid=relation-mean]');
    expect((await sections(page, 'relation-mean')).map((m) => [m.relation, m.count])).toEqual(messages.map((m) => [m.relation, m.count]));
    await screenshot(page, 'typed-stepper-aggregate');

    // Layer 2, Update: the stepper's last vector is the model's own output for the drug.
    await page.evaluate(() => window.playground.stepTeach(4));
    const s = (await snapshot(page)).stepper!;
    expect([s.layer, s.step]).toEqual([2, 'update']);
    await expect.poll(() => page.getByTestId('relation-sum').count()).toBe(1);
    await screenshot(page, 'typed-stepper-update');
    expect(maxDiff(await page.evaluate((d) => window.playground.modelOutput(d), DRUG), s.vector!)).toBeLessThan(1e-4);
    await page.close();
    expect([...cpu.errors, ...webgpu.errors, ...errors].filter((e) => !/favicon|performance of synchronously/.test(e))).toEqual([]);
  });
});
