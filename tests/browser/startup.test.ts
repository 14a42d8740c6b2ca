/**
 * The page starts light: one cold load of the built app (the start-up benchmark's own measurement),
 * checking what JavaScript the browser fetched until the demo was drawn and trainable. The page's
 * scripts carry none of the training, parsing or formula libraries; the workers do, which also proves
 * the library markers recognise them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { LIBRARY_MARKERS, measureLoad, serve, STARTUP_GOALS, type Served, type StartupLoad } from '../../bench/startup';
import { launchChromium, ROOT } from './harness';

const DIST = resolve(ROOT, 'dist');

describe('page start-up', () => {
  let browser: Browser;
  let served: Served;
  let load: StartupLoad;
  beforeAll(async () => {
    served = await serve(DIST);
    browser = await launchChromium();
    load = await measureLoad(browser, served, DIST);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('loads no TensorFlow.js, KaTeX or file parsers on the page, and stays under the size goal', () => {
    expect(load.pageJs.length).toBeGreaterThan(0);
    for (const f of load.pageJs) expect(f.carries, f.file).toEqual([]);
    // The teaching panels load on first use.
    expect(load.pageJs.map((f) => f.file).join(' ')).not.toMatch(/StepperPanel|EmbeddingPanel/);
    const gzip = load.pageJs.reduce((a, f) => a + f.gzipBytes, 0);
    expect(gzip).toBeLessThanOrEqual(STARTUP_GOALS.pageJsGzipKB * 1024);
  });

  it('parses the demo in the parse worker and trains in the trainer worker', () => {
    const byName = (re: RegExp) => load.workerJs.find((f) => re.test(f.file));
    expect(byName(/^trainer\.worker-/)?.carries).toContain('TensorFlow.js');
    expect(byName(/^parser\.worker-/)?.carries).toEqual(expect.arrayContaining(['papaparse', 'fflate', 'saxes']));
    expect(load.workerOther).toContain('demo.json');
    expect(load.backend).not.toBeNull();
    expect(load.trainableMs).toBeGreaterThan(0);
  });

  it('keeps KaTeX in the stepper’s own chunk', () => {
    const stepper = readdirSync(resolve(DIST, 'assets')).filter((f) => /^StepperPanel-.*\.js$/.test(f));
    expect(stepper).toHaveLength(1);
    expect(readFileSync(resolve(DIST, 'assets', stepper[0]), 'utf8')).toContain(LIBRARY_MARKERS.KaTeX);
  });
});
