/**
 * The biggest real data set, usable in the page: ogbl-ddi (4,267 drugs, 1,067,911 interactions) loaded in the page as a
 * user does it: the demo is open, and `raw/edge.csv.gz`, `mapping/nodeidx2drugid.csv.gz` and the
 * DrugBank vocabulary (names) are dropped on the page; the parse worker reads them.
 *
 * "Usable view", concretely: after the `playground:parsed` mark (the parsed graph has arrived on the
 * page), the `playground:view-drawn` mark for the capped set (1,000 edges, the edge layer holding exactly
 * those), Cytoscape's first render of it (`playground:view-rendered`) and the next animation frame:
 * that frame is "on screen", and parse → on screen is the time printed and asserted. Then the page
 * must answer input, each measured in the page from the event's time stamp to the first frame with
 * the answer: a click on a drawn drug opens the stepper on it (`drug=` in the URL), Esc closes it,
 * typing "Warfarin" in the search box lists it. Long tasks (PerformanceObserver 'longtask') and the
 * longest gap between frames are printed for that window, for the settling after it (the untrained
 * model's first predictions arrive, the strongest 1,000 edges are re-chosen and redrawn) and for Play.
 *
 * Memory, sampled every 0.5 s (peaks printed): the JS heap of the page and of each worker
 * (CDP Runtime.getHeapUsage: used JS heap plus ArrayBuffer backing stores, where typed arrays
 * live), and the resident memory (Linux PSS, /proc/<pid>/smaps_rollup) of Chromium's renderer
 * processes (the page and its workers) and GPU process (WebGL textures under SwiftShader), found
 * with CDP SystemInfo.getProcessInfo. The bound is on renderers + GPU.
 *
 * Then Play on the default backend (WASM here: the automatic choice passes over SwiftShader's WebGL,
 * where an ogbl-ddi epoch takes ~35 s): the page must keep answering input, say that an epoch is
 * running, and report no error.
 * BIG_GRAPH_EPOCH=1 waits for the first epoch and prints its time (not part of `npm test`).
 *
 * Bounds are generous for 2 shared cores and software rendering: on screen < 10 s, no task over
 * 2 s, no input answered later than 2 s, memory < 1.5 GB. The 3 s target (a usable view soon after the files are read) is printed, not asserted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, screenshot, snapshot, useServedApp } from './harness';

const SHARED = resolve(ROOT, '../shared/datasets');
const haveShared = existsSync(resolve(SHARED, 'ogbl_ddi/raw/edge.csv.gz'));
if (!haveShared) {
  if (process.env.CI === 'true') throw new Error(`${SHARED} is missing: this test needs ../shared/datasets in CI.`);
  console.warn(`Skipping the ogbl-ddi browser test: ${SHARED}/ogbl_ddi is missing.`);
}

const FILES = ['ogbl_ddi/raw/edge.csv.gz', 'ogbl_ddi/mapping/nodeidx2drugid.csv.gz', 'drugbank_vocabulary/drugbank vocabulary.csv'];
const EDGES = 1_067_911;
const NODES = 4_267;
const DRAWN = 1_000; // the default "edges drawn"
const USABLE_BOUND_MS = 10_000;
const TARGET_MS = 3_000;
const LONG_TASK_BOUND_MS = 2_000;
const MEMORY_BOUND_MB = 1_536;
const MB = 1024 * 1024;

interface LongTask {
  start: number;
  duration: number;
}

/** Drops these shared files on the page, as a user dragging them in from a file manager. */
async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const payload = paths.map((p) => ({ name: p.split('/').at(-1)!, b64: readFileSync(resolve(SHARED, p)).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

const pageTime = (page: Page) => page.evaluate(() => performance.now());
const markTime = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((m) => ({ t: m.startTime, detail: (m as PerformanceMark).detail as unknown })), name);
const longTasks = (page: Page, from: number, to: number): Promise<LongTask[]> =>
  page.evaluate(([a, b]) => (window as unknown as { longTasks: LongTask[] }).longTasks.filter((e) => e.start >= a && e.start <= b), [from, to] as const);
type Answer = 'stepper-open' | 'stepper-closed' | 'warfarin-listed';

/**
 * Does `act` (real input through CDP) and measures in the page: the time stamp of the first `eventType`
 * event, and the first animation frame after it at which the answer is on the page.
 */
async function inputLatency(page: Page, eventType: string, answer: Answer, act: () => Promise<void>): Promise<{ event: number; answered: number }> {
  await page.evaluate(
    ([type, what]) => {
      const w = window as unknown as { probe: Promise<{ event: number; answered: number }> };
      const done: Record<Answer, () => boolean> = {
        'stepper-open': () => /drug=DB\d{5}/.test(location.hash),
        'stepper-closed': () => !location.hash.includes('drug='),
        'warfarin-listed': () => [...document.querySelectorAll('datalist option')].some((o) => (o as HTMLOptionElement).value === 'Warfarin'),
      };
      w.probe = new Promise((resolve) => {
        window.addEventListener(
          type,
          (e) => {
            const poll = () => (done[what]() ? resolve({ event: e.timeStamp, answered: performance.now() }) : requestAnimationFrame(poll));
            requestAnimationFrame(poll);
          },
          { capture: true, once: true },
        );
      });
    },
    [eventType, answer] as const,
  );
  await act();
  return page.evaluate(() => (window as unknown as { probe: Promise<{ event: number; answered: number }> }).probe);
}

/** The longest time between two painted frames in [from, to] (ms), counting the window's ends. */
const longestFrameGap = (page: Page, from: number, to: number): Promise<number> =>
  page.evaluate(
    ([a, b]) => {
      const times = [a, ...(window as unknown as { frames: number[] }).frames.filter((t) => t > a && t < b), b];
      let gap = 0;
      for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i] - times[i - 1]);
      return gap;
    },
    [from, to] as const,
  );
const describeTasks = (tasks: LongTask[], origin: number) => tasks.map((e) => `+${Math.round(e.start - origin)}:${Math.round(e.duration)}`).join(' ') || 'none';

/** One memory sample: JS heaps (used + ArrayBuffers) of the page and workers, PSS of renderer and GPU processes, in MB. */
interface MemorySample {
  heaps: Record<string, number>;
  processes: Record<string, number>;
}

function pssMb(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)![1]) / 1024;
  } catch {
    return NaN;
  }
}

/** Samples memory through CDP: the page's own session and a browser session (workers, processes). */
class MemoryProbe {
  private browserCdp!: CDPSession;
  private nextId = 1;
  readonly samples: MemorySample[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private busy = false;

  constructor(
    private readonly browser: Browser,
    private readonly pageCdp: CDPSession,
  ) {}

  async start(): Promise<void> {
    this.browserCdp = await this.browser.newBrowserCDPSession();
    this.timer = setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      this.sample()
        .then((s) => this.samples.push(s))
        .catch(() => undefined)
        .finally(() => (this.busy = false));
    }, 500);
  }

  /** Runtime.getHeapUsage in a worker through a (non-flat) target session. */
  private async workerHeap(targetId: string): Promise<number> {
    const { sessionId } = (await this.browserCdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    const id = this.nextId++;
    const reply = new Promise<{ usedSize: number; backingStorageSize?: number }>((ok, fail) => {
      const timeout = setTimeout(() => fail(new Error('no reply')), 3_000);
      const onMessage = (e: { sessionId: string; message: string }) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message) as { id?: number; result: { usedSize: number; backingStorageSize?: number } };
        if (m.id !== id) return;
        clearTimeout(timeout);
        this.browserCdp.off('Target.receivedMessageFromTarget', onMessage);
        ok(m.result);
      };
      this.browserCdp.on('Target.receivedMessageFromTarget', onMessage);
    });
    await this.browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
    const r = await reply.finally(() => void this.browserCdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined));
    return (r.usedSize + (r.backingStorageSize ?? 0)) / MB;
  }

  async sample(): Promise<MemorySample> {
    const heaps: Record<string, number> = {};
    const page = (await this.pageCdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    heaps.page = (page.usedSize + (page.backingStorageSize ?? 0)) / MB;
    const { targetInfos } = (await this.browserCdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    for (const t of targetInfos.filter((x) => x.type === 'worker')) {
      const name = /(\w+)\.worker/.exec(t.url)?.[1] ?? (t.url || 'unnamed worker');
      heaps[name] = await this.workerHeap(t.targetId).catch(() => NaN);
    }
    const { processInfo } = (await this.browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const processes: Record<string, number> = { renderers: 0, gpu: 0 };
    for (const p of processInfo) {
      if (p.type === 'renderer') processes.renderers += pssMb(p.id);
      if (p.type === 'GPU') processes.gpu += pssMb(p.id);
    }
    return { heaps, processes };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Peak of each quantity over the samples. */
  peaks(): { heaps: Record<string, number>; processes: Record<string, number>; rendererPlusGpu: number } {
    const heaps: Record<string, number> = {};
    const processes: Record<string, number> = {};
    let rendererPlusGpu = 0;
    for (const s of this.samples) {
      for (const [k, v] of Object.entries(s.heaps)) heaps[k] = Math.max(heaps[k] ?? 0, v || 0);
      for (const [k, v] of Object.entries(s.processes)) processes[k] = Math.max(processes[k] ?? 0, v || 0);
      rendererPlusGpu = Math.max(rendererPlusGpu, (s.processes.renderers || 0) + (s.processes.gpu || 0));
    }
    return { heaps, processes, rendererPlusGpu };
  }
}

const fmt = (o: Record<string, number>) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${v.toFixed(0)} MB`)
    .join(', ');

describe.runIf(haveShared)('ogbl-ddi in the page', () => {
  const app = useServedApp();

  it('shows a usable view within 10 s of parsing (target 3 s), no task over 2 s, memory under 1.5 GB; Play keeps the page responsive', async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: LongTask[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
      const f = window as unknown as { frames: number[] };
      f.frames = [];
      const tick = (t: number) => {
        f.frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const cdp = await page.context().newCDPSession(page);
    const memory = new MemoryProbe(app.browser, cdp);
    await memory.start();

    // tour=off: the first-visit tour would cover the page. The demo loads first, as for any visitor.
    // The seed's model (dot decoder): with the default MLP decoder the untrained model's first
    // predictions score all 9.1 M pairs through the MLP, minutes on SwiftShader's WebGL (see README).
    await page.goto(`${app.server.url}#model=seed-gcn&decoder=dot&tour=off`);
    await page.waitForFunction(() => window.playground?.snapshot().edges > 0 && window.playground.snapshot().backend !== null, null, { timeout: 60_000 });
    // The demo is parsed in the parse worker too: only the dropped files' mark counts.
    await page.evaluate(() => performance.clearMarks('playground:parsed'));
    await dropFiles(page, FILES);

    // 1. Parse finished: the graph has arrived on the page.
    await page.waitForFunction(() => performance.getEntriesByName('playground:parsed').length > 0, null, { timeout: 120_000, polling: 50 });
    const [parsed] = await markTime(page, 'playground:parsed');
    expect(parsed.detail).toEqual({ edges: EDGES });

    // 2. The capped view is drawn.
    await page.waitForFunction(
      ([t, n]) => {
        const drawn = performance.getEntriesByName('playground:view-drawn').filter((m) => m.startTime > t);
        return drawn.length > 0 && window.playground.drawnEdges()?.known.length === n;
      },
      [parsed.t, DRAWN] as const,
      { timeout: 60_000, polling: 50 },
    );

    // 3. The view is on screen: Cytoscape has rendered it (its render event), and the next frame has begun.
    await page.waitForFunction((t) => performance.getEntriesByName('playground:view-rendered').some((m) => m.startTime > t), parsed.t, {
      timeout: 60_000,
      polling: 50,
    });
    const renderedAt = (await markTime(page, 'playground:view-rendered')).filter((m) => m.t > parsed.t)[0].t;
    await page.waitForFunction((t) => (window as unknown as { frames: number[] }).frames.some((f) => f > t), renderedAt, { timeout: 30_000 });
    const onScreen = await page.evaluate((t) => (window as unknown as { frames: number[] }).frames.find((f) => f > t)!, renderedAt);
    // 4. The page answers input (latency = the event's time to the first frame showing the answer):
    // a click on a drug opens the stepper on it, Esc closes it, typing a name lists the drug.
    const target = await page.evaluate(() => {
      const cy = window.playground.cy!;
      // The drug with the most drawn interactions (in the middle of the rings).
      const degree = new Map<number, number>();
      for (const { a, b } of window.playground.drawnEdges()!.known) for (const v of [a, b]) degree.set(v, (degree.get(v) ?? 0) + 1);
      const node = cy.nodes().max((n) => degree.get(n.data('index') as number) ?? 0).ele;
      const box = (cy.container() as HTMLElement).getBoundingClientRect();
      const p = node.renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    });
    // At this zoom neighbouring drugs are a few pixels apart: any drug Cytoscape hits will do.
    const click = await inputLatency(page, 'pointerdown', 'stepper-open', () => page.mouse.click(target.x, target.y));
    const esc = await inputLatency(page, 'keydown', 'stepper-closed', () => page.keyboard.press('Escape'));
    const search = await inputLatency(page, 'input', 'warfarin-listed', () => page.getByTestId('drug-search').fill('Warfarin'));
    const usable = search.answered;
    const usableMs = onScreen - parsed.t;
    const drawn = (await markTime(page, 'playground:view-drawn')).filter((m) => m.t > parsed.t)[0];
    expect(drawn.detail).toMatchObject({ edges: DRAWN });
    const s = await snapshot(page);
    expect([s.nodes, s.edges, s.loadError]).toEqual([NODES, EDGES, null]);
    expect(await page.getByTestId('view-counts').innerText()).toMatch(/showing 1,000 of 1,067,911 interactions/);
    const modelReady = (await markTime(page, 'playground:model-ready')).filter((m) => m.t > parsed.t)[0];
    const firstTasks = await longTasks(page, parsed.t, usable);
    const latencies = [click, esc, search].map((l) => l.answered - l.event);
    console.log(
      `ogbl-ddi: parsed at ${(parsed.t / 1000).toFixed(2)} s after navigation; after parsing: model built in the worker +${Math.round(modelReady.t - parsed.t)} ms, view drawn +${Math.round(drawn.t - parsed.t)} ms, rendered +${Math.round(renderedAt - parsed.t)} ms, ` +
        `on screen (usable) +${Math.round(usableMs)} ms (target ${TARGET_MS} ms: ${usableMs <= TARGET_MS ? 'met' : 'missed'}); ` +
        `input answered (event → frame) click ${Math.round(latencies[0])} ms at +${Math.round(click.answered - parsed.t)}, Esc ${Math.round(latencies[1])} ms, ` +
        `search ${Math.round(latencies[2])} ms at +${Math.round(search.answered - parsed.t)}; ` +
        `long tasks (+ms after parse:duration) ${describeTasks(firstTasks, parsed.t)}; longest frame gap ${Math.round(await longestFrameGap(page, parsed.t, usable))} ms`,
    );
    await screenshot(page, 'ogbl-ddi-view');

    // 5. Settling: first predictions from the untrained model arrive, the strongest 1,000 are re-chosen and redrawn.
    await page.waitForFunction(() => !window.playground.snapshot().loading, null, { timeout: 120_000, polling: 250 });
    const predicted = await pageTime(page);
    await page.waitForTimeout(2_500); // the re-selection waits 1 s after the last predictions, then redraws
    const settled = await pageTime(page);
    const settleTasks = await longTasks(page, usable, settled);
    const redraws = (await markTime(page, 'playground:view-drawn')).filter((m) => m.t > parsed.t).slice(1);
    console.log(
      `first predictions +${Math.round(predicted - parsed.t)} ms after parse; redraws after the first: ${redraws.map((m) => `+${Math.round(m.t - parsed.t)}`).join(' ') || 'none'}; ` +
        `long tasks ${describeTasks(settleTasks, parsed.t)}; longest frame gap ${Math.round(await longestFrameGap(page, usable, settled))} ms`,
    );
    expect(await page.evaluate(() => window.playground.drawnEdges()!.known.length)).toBe(DRAWN);
    await screenshot(page, 'ogbl-ddi-strongest');

    // 6. Play on the default backend: an epoch is running, the page keeps answering input.
    const playAt = await pageTime(page);
    await page.getByTestId('play').click();
    await page.waitForFunction(() => window.playground.snapshot().status === 'training', null, { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('epoch').innerText(), { timeout: 10_000 }).toMatch(/running/);
    const answers: number[] = [];
    for (const query of ['Acetaminophen', 'Ibuprofen', 'Metformin']) {
      await page.waitForTimeout(1_500);
      const t0 = await pageTime(page);
      await page.getByTestId('drug-search').fill(query);
      await page.waitForFunction((q) => [...document.querySelectorAll('datalist option')].some((o) => (o as HTMLOptionElement).value === q), query, {
        timeout: 30_000,
        polling: 'raf',
      });
      answers.push((await pageTime(page)) - t0);
    }
    const during = await snapshot(page);
    expect(during.error).toBeNull();
    const epochText = await page.getByTestId('epoch').innerText();
    if (process.env.BIG_GRAPH_EPOCH === '1') {
      await page.waitForFunction(() => window.playground.snapshot().epoch >= 1 || window.playground.snapshot().error !== null, null, {
        timeout: 600_000,
        polling: 1000,
      });
      const first = await snapshot(page);
      console.log(
        `first epoch on ${first.backend}: done ${((await pageTime(page)) - playAt) / 1000} s after Play; loss ${first.metrics.loss}; error ${first.error}`,
      );
    }
    await page.evaluate(() => window.playground.pause());
    const playEnd = await pageTime(page);
    const playTasks = await longTasks(page, playAt, playEnd);
    console.log(
      `Play on ${during.backend}: status ${during.status}, "${epochText.replace(/\s+/g, ' ')}", search answered in ${answers.map((a) => Math.round(a)).join(' / ')} ms; ` +
        `long tasks ${describeTasks(playTasks, playAt)}; longest frame gap ${Math.round(await longestFrameGap(page, playAt, playEnd))} ms`,
    );

    memory.stop();
    const final = await memory.sample();
    const peaks = memory.peaks();
    console.log(
      `memory peaks over ${memory.samples.length} samples: JS heap + ArrayBuffers ${fmt(peaks.heaps)}; PSS ${fmt(peaks.processes)}; ` +
        `renderers + GPU ${peaks.rendererPlusGpu.toFixed(0)} MB; at the end: ${fmt(final.heaps)}, ${fmt(final.processes)}`,
    );

    expect(usableMs).toBeLessThan(USABLE_BOUND_MS);
    expect(Math.max(...latencies)).toBeLessThan(LONG_TASK_BOUND_MS);
    expect([...firstTasks, ...settleTasks, ...playTasks].filter((e) => e.duration > LONG_TASK_BOUND_MS)).toEqual([]);
    expect(Math.max(...answers)).toBeLessThan(LONG_TASK_BOUND_MS);
    expect(memory.samples.length).toBeGreaterThan(5);
    expect(peaks.rendererPlusGpu).toBeGreaterThan(0);
    expect(peaks.rendererPlusGpu).toBeLessThan(MEMORY_BOUND_MB);
    expect(Object.values(peaks.heaps).reduce((a, b) => a + b, 0)).toBeLessThan(MEMORY_BOUND_MB);
    expect(errors).toEqual([]);
    await page.close();
  });
});
