/**
 * `npm run bench -- --only=startup [--compare=<dist dir>[,<dist dir>…]] [--loads=N] [--no-build]`: how light the page
 * starts. Builds dist/ (unless --no-build; the short bench uses dist/ as it is, or skips without one),
 * serves it as static files and opens it N times in headless Chromium, each in a fresh context (empty
 * cache and storage), and reports:
 *
 *  - start-up JavaScript: every .js the browser requested until the demo was drawn and trainable,
 *    raw and gzipped (-9), split into the page's own (entry + its imports) and the workers' (each
 *    request is attributed through its Referer: a module's imports name the module, a worker's
 *    fetches name the worker's script);
 *  - navigation → drawn and trainable: the later of the marks `playground:model-ready` (the model is
 *    built, so the Play button is enabled) and `playground:view-rendered` (Cytoscape has painted the
 *    network), checked against the Play button itself; median of the loads;
 *  - the trainer worker's start, `playground:trainer-created` → `playground:backend-ready` (builds
 *    without those marks report null).
 *
 * `--compare=<dir>` measures other builds (e.g. main's dist/) in the same run, loads interleaved.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../tests/browser/harness';

export const STARTUP_GOALS = { pageJsGzipKB: 300, trainableMs: 1000 };

/** Strings that only these libraries' code contains, to name what a chunk carries. */
export const LIBRARY_MARKERS: Record<string, string> = {
  'TensorFlow.js': 'tfjsflags',
  KaTeX: 'KaTeX parse error',
  papaparse: 'UndetectableDelimiter',
  fflate: 'invalid zip data',
  saxes: 'xml prefix must be bound',
};

export interface ScriptFile {
  file: string;
  bytes: number;
  gzipBytes: number;
  /** Libraries recognised in it (LIBRARY_MARKERS). */
  carries: string[];
}

export interface StartupLoad {
  trainableMs: number;
  /** Worker created → backend ready; null for builds without the marks. */
  trainerStartMs: number | null;
  backend: string | null;
  /** CPU time (ms) until trainable, from Chromium's own counters: the page's main thread and the whole renderer (workers too). */
  mainThreadCpuMs: number;
  rendererCpuMs: number;
  pageJs: ScriptFile[];
  workerJs: ScriptFile[];
  /** Other requests by the workers before trainable (wasm, data), for the record. */
  workerOther: string[];
}

export interface StartupBuildReport {
  label: string;
  dir: string;
  loads: number;
  pageJs: { files: ScriptFile[]; bytes: number; gzipBytes: number };
  workerJs: { files: ScriptFile[]; bytes: number; gzipBytes: number };
  trainableMs: { median: number; min: number; max: number; all: number[] };
  trainerStartMs: { median: number; min: number; max: number } | null;
  /** Medians; CPU time barely depends on how busy the machine is, unlike the wall-clock figures. */
  mainThreadCpuMs: number;
  rendererCpuMs: number;
  backend: string | null;
  /** The machine's 1-minute load average before and after the loads: timings mean little on a busy machine. */
  loadAverage: [number, number];
}

export interface Served {
  url: string;
  /** Requests since the last take(): path and Referer path (null when none). */
  take(): { path: string; referer: string | null }[];
  close(): Promise<void>;
}

export async function serve(dir: string): Promise<Served> {
  const files = sirv(dir, { dev: false, etag: true });
  let log: { path: string; referer: string | null }[] = [];
  const server = createServer((req, res) => {
    const referer = req.headers.referer ? new URL(req.headers.referer).pathname : null;
    log.push({ path: new URL(req.url ?? '/', 'http://x').pathname, referer });
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    take: () => {
      const out = log;
      log = [];
      return out;
    },
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

const WORKER_SCRIPT = /\.worker-[^/]*\.js$/;

function scriptFile(dir: string, path: string, cache: Map<string, ScriptFile>): ScriptFile {
  let f = cache.get(path);
  if (!f) {
    const bytes = readFileSync(resolve(dir, `.${decodeURIComponent(path)}`));
    const text = bytes.toString('utf8');
    const carries = Object.entries(LIBRARY_MARKERS)
      .filter(([, marker]) => text.includes(marker))
      .map(([name]) => name);
    f = { file: path.split('/').pop()!, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, carries };
    cache.set(path, f);
  }
  return f;
}

/** True when the request came (directly or through imports) from a worker's script. */
function fromWorker(path: string, parentOf: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  let p: string | null | undefined = path;
  while (p && !seen.has(p)) {
    if (WORKER_SCRIPT.test(p)) return true;
    seen.add(p);
    p = parentOf.get(p);
  }
  return false;
}

/**
 * In the page: null until drawn and trainable, then the timings (ms since navigation start). No inner
 * named functions: tsx would wrap them in its `__name` helper, which the page does not have (and the
 * page's CSP forbids passing a string instead).
 */
function trainableProbe(): { trainableMs: number; trainerStartMs: number | null; backend: string | null } | null {
  const modelReady = performance.getEntriesByName('playground:model-ready')[0];
  const rendered = performance.getEntriesByName('playground:view-rendered')[0];
  const play = document.querySelector<HTMLButtonElement>('[data-testid="play"]');
  if (!modelReady || !rendered || !play || play.disabled) return null;
  const created = performance.getEntriesByName('playground:trainer-created')[0];
  const ready = performance.getEntriesByName('playground:backend-ready')[0] as PerformanceMark | undefined;
  return {
    trainableMs: Math.max(modelReady.startTime, rendered.startTime),
    trainerStartMs: created && ready ? ready.startTime - created.startTime : null,
    backend: (ready?.detail as { backend?: string } | undefined)?.backend ?? window.playground?.snapshot().backend ?? null,
  };
}

/** One cold load of the served build: fresh context, wait until drawn and trainable, attribute the requests. */
export async function measureLoad(browser: Browser, served: Served, dir: string, cache = new Map<string, ScriptFile>()): Promise<StartupLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
      return { thread: get('ThreadTime'), process: get('ProcessTime') };
    };
    const cpu0 = await cpu();
    served.take();
    // The tour is off so nothing covers the network; it does not change what loads.
    await page.goto(`${served.url}#tour=off`);
    const handle = await page.waitForFunction(trainableProbe, null, { timeout: 60_000, polling: 50 });
    const timing = (await handle.jsonValue())!;
    const cpu1 = await cpu();
    const requests = served.take();
    const parentOf = new Map(requests.map((r) => [r.path, r.referer]));
    const pageJs: ScriptFile[] = [];
    const workerJs: ScriptFile[] = [];
    const workerOther: string[] = [];
    for (const r of requests) {
      const worker = fromWorker(r.path, parentOf);
      if (r.path.endsWith('.js')) (worker ? workerJs : pageJs).push(scriptFile(dir, r.path, cache));
      else if (worker) workerOther.push(r.path.split('/').pop()!);
    }
    return { ...timing, mainThreadCpuMs: cpu1.thread - cpu0.thread, rendererCpuMs: cpu1.process - cpu0.process, pageJs, workerJs, workerOther };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const sum = (files: ScriptFile[]) => ({ files, bytes: files.reduce((a, f) => a + f.bytes, 0), gzipBytes: files.reduce((a, f) => a + f.gzipBytes, 0) });
/** The union over loads (a file requested in any load counts once). */
const union = (lists: ScriptFile[][]): ScriptFile[] => [...new Map(lists.flat().map((f) => [f.file, f])).values()];

export async function measureBuilds(builds: { label: string; dir: string }[], loads: number, log: (s: string) => void): Promise<StartupBuildReport[]> {
  const served = await Promise.all(builds.map((b) => serve(b.dir)));
  const browser = await launchChromium();
  const results: StartupLoad[][] = builds.map(() => []);
  const caches = builds.map(() => new Map<string, ScriptFile>());
  const loadBefore = loadavg()[0];
  try {
    // Interleaved, so a slow spell of the machine touches every build alike.
    for (let i = 0; i < loads; i++) {
      for (let b = 0; b < builds.length; b++) {
        const r = await measureLoad(browser, served[b], builds[b].dir, caches[b]);
        results[b].push(r);
        log(`   ${builds[b].label} load ${i + 1}/${loads}: trainable at ${r.trainableMs.toFixed(0)} ms`);
      }
    }
  } finally {
    await browser.close();
    await Promise.all(served.map((s) => s.close()));
  }
  const loadAfter = loadavg()[0];
  return builds.map((b, i) => {
    const rs = results[i];
    const t = rs.map((r) => r.trainableMs);
    const w = rs.map((r) => r.trainerStartMs).filter((x): x is number => x !== null);
    return {
      label: b.label,
      dir: b.dir,
      loads: rs.length,
      pageJs: sum(union(rs.map((r) => r.pageJs))),
      workerJs: sum(union(rs.map((r) => r.workerJs))),
      trainableMs: { median: median(t), min: Math.min(...t), max: Math.max(...t), all: t.map((x) => Math.round(x)) },
      trainerStartMs: w.length ? { median: median(w), min: Math.min(...w), max: Math.max(...w) } : null,
      mainThreadCpuMs: Math.round(median(rs.map((r) => r.mainThreadCpuMs))),
      rendererCpuMs: Math.round(median(rs.map((r) => r.rendererCpuMs))),
      backend: rs[0]?.backend ?? null,
      loadAverage: [Number(loadBefore.toFixed(1)), Number(loadAfter.toFixed(1))],
    };
  });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function printReport(r: StartupBuildReport): void {
  console.log(`\n${r.label} (${r.dir}), ${r.loads} cold loads, backend ${r.backend ?? '?'}, load average ${r.loadAverage.join(' → ')}`);
  for (const [what, part] of [
    ['page', r.pageJs],
    ['workers', r.workerJs],
  ] as const) {
    console.log(`  ${what} JS until trainable: ${kb(part.bytes)} raw, ${kb(part.gzipBytes)} gzipped`);
    for (const f of part.files)
      console.log(
        `    ${f.file.padEnd(40)} ${kb(f.bytes).padStart(10)} ${kb(f.gzipBytes).padStart(10)} gz${f.carries.length ? `  (${f.carries.join(', ')})` : ''}`,
      );
  }
  const t = r.trainableMs;
  console.log(`  navigation → drawn and trainable: median ${t.median.toFixed(0)} ms (min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)})`);
  console.log(`  CPU until trainable (median): main thread ${r.mainThreadCpuMs} ms, renderer process with workers ${r.rendererCpuMs} ms`);
  const w = r.trainerStartMs;
  console.log(
    `  trainer worker created → backend ready: ${w ? `median ${w.median.toFixed(0)} ms (min ${w.min.toFixed(0)}, max ${w.max.toFixed(0)})` : 'not marked in this build'}`,
  );
  const jsOk = r.pageJs.gzipBytes <= STARTUP_GOALS.pageJsGzipKB * 1024;
  const tOk = t.median <= STARTUP_GOALS.trainableMs;
  console.log(
    `  goals: page JS ≤ ${STARTUP_GOALS.pageJsGzipKB} KB gz ${jsOk ? 'met' : 'MISSED'}; trainable ≤ ${STARTUP_GOALS.trainableMs} ms median ${tOk ? 'met' : 'MISSED'}`,
  );
}

const ROOT = resolve(import.meta.dirname, '..');

export async function runStartupBench(opts: { short: boolean; json: boolean }): Promise<object> {
  const args = process.argv.slice(2);
  const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const log = (s: string) => !opts.json && console.log(s);
  const dist = resolve(ROOT, 'dist');
  if (opts.short) {
    // Cheap enough for the short bench only when a build is there already (npm test builds later).
    if (!existsSync(resolve(dist, 'index.html'))) {
      log('startup: skipped in short mode (no dist/; run `npm run build` first, or the full bench)');
      return { skipped: 'no dist/' };
    }
  } else if (!args.includes('--no-build')) {
    log('   building dist/ …');
    const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: opts.json ? 'ignore' : 'inherit' });
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const builds = [{ label: 'this build', dir: dist }];
  for (const dir of arg('compare')?.split(',') ?? []) builds.push({ label: `compared: ${dir}`, dir: resolve(dir) });
  for (const b of builds) if (!existsSync(resolve(b.dir, 'index.html'))) throw new Error(`${b.dir}: no index.html (not a build)`);
  const loads = Number(arg('loads') ?? (opts.short ? 3 : 9));
  const reports = await measureBuilds(builds, loads, log);
  if (!opts.json) reports.forEach(printReport);
  return { goals: STARTUP_GOALS, builds: reports };
}
