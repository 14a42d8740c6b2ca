/**
 * The page must stay responsive while a big graph trains: a 100k-edge synthetic graph is loaded into the
 * app through `window.playground.loadFiles` (a TSV generated in the page, parsed by the app's parse
 * worker), trained for a few epochs in the trainer worker, and a PerformanceObserver for 'longtask'
 * entries (tasks over 50 ms) must see none on the main thread while training runs.
 *
 * What is excluded and why: the load itself (parsing hand-off, building the network view and its
 * first layout) happens before training starts and is measured separately (reported, not asserted
 * here — tests/browser/bigGraph.test.ts measures the big-graph view). The window asserted on starts when Play is pressed
 * and ends when the run reports 'done', so it covers every epoch's view refresh (the edge layer's
 * recolouring, the candidate pairs, the metrics and lists beside the view).
 * Tensor counts are checked per epoch at this size in the Node unit test
 * (tests/unit/model/kernels.test.ts), where tf.memory() is reachable without touching the worker.
 */
import { describe, expect, it } from 'vitest';
import { strengthColor } from '../../src/ui/colorScale';
import { openApp, snapshot, useServedApp, waitForEpoch } from './harness';

const EDGES = 100_000;
const NODES = 4_000;
const EPOCHS = 4;
/**
 * No task over 50 ms, the Long Tasks API's own threshold (where users start to feel delay), so any entry fails the test.
 * Since the interactions are drawn on the edge layer instead of by Cytoscape, the heaviest task of a
 * run measured from Chromium traces is 12–18 ms on a quiet machine and 15–28 ms with one core kept
 * busy (2-core machine, software rendering); before, Cytoscape's full redraws took 50–95 ms quiet and
 * up to ~360 ms with the core busy. V8's major GC pauses (15–18 ms of CPU, up to ~65 ms of wall time
 * with the core busy) are tasks of their own that the Long Tasks API does not report.
 */
const LONG_TASK_BUDGET_MS = 50;

const app = useServedApp();

describe('responsiveness while training a 100k-edge graph', () => {
  // One retry: on a shared 2-core machine a run can be stalled by the host (a fresh-clone CI run once saw
  // 0.5 s tasks in an epoch that took 9 s instead of 5); a real regression fails both tries.
  it('never blocks the main thread for 50 ms from Play to done, and recolours the drawn edges', { retry: 1 }, async () => {
    // backend=wasm: the CPU path the app takes on machines without a GPU (SwiftShader WebGL here
    // would take minutes per epoch at this size).
    const { page, consoleErrors } = await openApp(app.browser, `${app.server.url}#backend=wasm&epochs=${EPOCHS}&seed=1`);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: { start: number; duration: number }[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    const loadStart = await page.evaluate(() => performance.now());
    await page.evaluate(
      ([n, m]) => {
        // Uniform random distinct pairs over DrugBank-style ids, as a two-column TSV with a header.
        let seed = 12345;
        const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
        const id = (i: number) => `DB${String(i + 1).padStart(5, '0')}`;
        const seen = new Set<number>();
        const lines = ['Drug1\tDrug2'];
        while (seen.size < m) {
          const u = Math.floor(rand() * n);
          const v = Math.floor(rand() * n);
          if (u === v || seen.has(Math.min(u, v) * n + Math.max(u, v))) continue;
          seen.add(Math.min(u, v) * n + Math.max(u, v));
          lines.push(`${id(u)}\t${id(v)}`);
        }
        const file = new File([lines.join('\n') + '\n'], 'synthetic-100k.tsv', { type: 'text/tab-separated-values' });
        void window.playground.loadFiles([file]);
      },
      [NODES, EDGES] as const,
    );
    await page.waitForFunction(
      (m) => {
        const s = window.playground.snapshot();
        return (!s.loading && s.edges >= m && s.backend !== null) || s.loadError !== null;
      },
      EDGES,
      { timeout: 120_000, polling: 250 },
    );
    const loaded = await snapshot(page);
    expect(loaded.loadError).toBeNull();
    expect(loaded.edges).toBe(EDGES);
    // Let the view settle (first layout, draw and the first predictions' redraw): the measured window
    // starts once no long task has run for 1.5 s (at most 20 s), not after a fixed wait that a slow run outlasts.
    await page.waitForFunction(
      () => {
        const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks;
        const last = tasks.at(-1);
        return !last || performance.now() - (last.start + last.duration) > 1_500;
      },
      undefined,
      { timeout: 20_000, polling: 250 },
    );
    const loadTasks = await page.evaluate(
      (t) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((e) => e.start >= t),
      loadStart,
    );
    console.log(`load + first view: ${loadTasks.length} long tasks, longest ${Math.max(0, ...loadTasks.map((e) => e.duration)).toFixed(0)} ms (not asserted)`);

    const trainStart = await page.evaluate(() => performance.now());
    await page.evaluate(() => window.playground.play());
    const done = await waitForEpoch(page, EPOCHS, 280_000);
    const trainEnd = await page.evaluate(() => performance.now());
    expect(done.error).toBeNull();
    expect(done.epoch).toBe(EPOCHS);
    const during = await page.evaluate(
      ([t0, t1]) => (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((e) => e.start >= t0 && e.start <= t1),
      [trainStart, trainEnd] as const,
    );
    console.log(
      `training ${EPOCHS} epochs on ${done.backend} (${done.aggregation}) took ${((trainEnd - trainStart) / 1000).toFixed(1)} s; ` +
        `long tasks (ms after Play: duration): ${JSON.stringify(during.map((e) => `${Math.round(e.start - trainStart)}: ${Math.round(e.duration)}`))}`,
    );
    expect(during.filter((e) => e.duration >= LONG_TASK_BUDGET_MS)).toEqual([]);
    // The view did its work meanwhile: the 1,000 drawn interactions carry the trained model's strengths.
    const drawn = (await page.evaluate(() => window.playground.drawnEdges()))!;
    expect(drawn.known).toHaveLength(1_000);
    expect(drawn.known.filter((e) => e.color === strengthColor(NaN))).toEqual([]);
    expect(consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
    await page.close();
  });
});
