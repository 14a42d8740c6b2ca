/**
 * `npm run bench -- --only=threads [--epochs=N] [--rounds=N] [--threads=1,2,4]`: the wasm backend's
 * thread scaling in the built app. Serves dist/ with no COOP/COEP headers (as GitHub Pages does), so
 * the page isolates itself through its service worker; opens ChCh-Miner (../shared/datasets) with
 * `#backend=wasm&threads=N`, trains the default model and reports the median epoch (the worker's own
 * timing; warm-up epochs dropped) and the whole run's time per epoch (Play to done: evaluation, view
 * refreshes and candidate scans included, what the user waits for). Thread counts alternate round by round, so a busy machine slows
 * each about alike; each round's own ratio is reported too, and this machine's ceiling for two SIMD
 * threads (bench/simdCeiling.ts). Uses dist/ as it is (`npx vite build` first); the short bench skips.
 */
import { existsSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium, ROOT, serveDist } from '../tests/browser/harness';
import type { BenchOptions } from './index';
import { simdCeiling, type SimdCeiling } from './simdCeiling';

const CHCH = 'biosnap_chch_miner/ChCh-Miner_durgbank-chem-chem.tsv';
const WARM_UP_EPOCHS = 2;

export interface ThreadsRun {
  threads: number;
  /** What the page reported: the wasm backend's threads and whether it was cross-origin isolated. */
  reportedThreads: number | null;
  /** Threads the SIMD kernels ran on. */
  kernelThreads: number | null;
  isolated: boolean;
  epochMs: number[];
  medianMs: number;
  /** The whole run in the page, Play to done, per epoch: the training step plus evaluation, view refreshes, candidate scans and teaching projections (what the user waits for). */
  wallPerEpochMs: number;
}

export interface ThreadsReport {
  skipped?: string;
  dataset?: string;
  chromium?: string;
  cores?: number;
  loadAverage?: [number, number];
  runs?: ThreadsRun[];
  /** Median of the rounds' medians per thread count, and the speed-up over one thread; the same for the whole run's time per epoch. */
  summary?: { threads: number; medianMs: number; speedUp: number; wallPerEpochMs: number; wallSpeedUp: number }[];
  /** Median over rounds of each round's own ratio (first count's epoch / this count's), robust to slow drifts of the machine. */
  roundRatios?: { threads: number; ratios: number[]; median: number }[];
  /** This machine's ceiling for two threads of SIMD multiply-adds (bench/simdCeiling.ts), measured in the same run. */
  ceiling?: SimdCeiling | null;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const arg = (name: string): string | undefined =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3);

/** One fresh context: load ChCh-Miner with `threads`, train `epochs` epochs, read the worker's epoch times. */
async function trainWith(browser: Browser, appUrl: string, sharedUrl: string, threads: number, epochs: number): Promise<ThreadsRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const data = encodeURIComponent(`${sharedUrl}${CHCH}`);
    await page.goto(`${appUrl}?data=${data}#backend=wasm&threads=${threads}&tour=off&epochs=${epochs}&patience=100`);
    await page.waitForFunction(() => window.playground?.snapshot().edges > 0 && window.playground.snapshot().status === 'idle', null, {
      timeout: 120_000,
      polling: 100,
    });
    const t0 = performance.now();
    await page.evaluate(() => window.playground.play());
    await page.waitForFunction(
      (n) => {
        const s = window.playground.snapshot();
        return s.epoch >= n || s.status === 'error';
      },
      epochs,
      { timeout: 600_000, polling: 200 },
    );
    const wallPerEpochMs = (performance.now() - t0) / epochs;
    const s = await page.evaluate(() => window.playground.snapshot());
    if (s.error) throw new Error(`training failed with ${threads} thread(s): ${s.error}`);
    const timed = s.epochMs.slice(WARM_UP_EPOCHS);
    return {
      threads,
      reportedThreads: s.wasmThreads,
      kernelThreads: s.kernelThreads,
      isolated: s.crossOriginIsolated,
      epochMs: s.epochMs,
      medianMs: median(timed),
      wallPerEpochMs,
    };
  } finally {
    await context.close();
  }
}

export async function runThreadsBench(opts: BenchOptions): Promise<ThreadsReport> {
  const log = (line: string) => !opts.json && console.log(line);
  if (opts.short) return { skipped: 'not in the short bench (minutes of training in Chromium)' };
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) return { skipped: 'dist/ is missing: run `npx vite build` first' };
  if (!existsSync(resolve(ROOT, '../shared/datasets', CHCH))) return { skipped: `../shared/datasets/${CHCH} is missing` };
  const epochs = Number(arg('epochs') ?? 12);
  const rounds = Number(arg('rounds') ?? 2);
  const counts = (arg('threads') ?? '1,2').split(',').map(Number);
  const server = await serveDist();
  const browser = await launchChromium();
  const load0 = loadavg()[0];
  const runs: ThreadsRun[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      for (const threads of round % 2 ? [...counts].reverse() : counts) {
        const run = await trainWith(browser, server.url, server.sharedUrl, threads, epochs);
        runs.push(run);
        log(
          `   ${threads} thread(s) asked, ${run.reportedThreads} used, SIMD kernels on ${run.kernelThreads} (isolated: ${run.isolated}): median epoch ${run.medianMs.toFixed(1)} ms, whole run ${run.wallPerEpochMs.toFixed(1)} ms per epoch`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const medianOf = (threads: number, of: (r: ThreadsRun) => number) => median(runs.filter((r) => r.threads === threads).map(of));
  const one = medianOf(counts[0], (r) => r.medianMs);
  const oneWall = medianOf(counts[0], (r) => r.wallPerEpochMs);
  const summary = counts.map((threads) => {
    const medianMs = medianOf(threads, (r) => r.medianMs);
    const wallPerEpochMs = medianOf(threads, (r) => r.wallPerEpochMs);
    return { threads, medianMs, speedUp: one / medianMs, wallPerEpochMs, wallSpeedUp: oneWall / wallPerEpochMs };
  });
  for (const s of summary)
    log(
      `   ${s.threads} thread(s): ${s.medianMs.toFixed(1)} ms per epoch, ${s.speedUp.toFixed(2)}× the first count; whole run ${s.wallPerEpochMs.toFixed(1)} ms per epoch, ${s.wallSpeedUp.toFixed(2)}×`,
    );
  const roundRatios = counts.slice(1).map((threads) => {
    const ratios = Array.from({ length: rounds }, (_, r) => {
      const inRound = runs.slice(r * counts.length, (r + 1) * counts.length);
      return inRound.find((x) => x.threads === counts[0])!.medianMs / inRound.find((x) => x.threads === threads)!.medianMs;
    });
    return { threads, ratios, median: median(ratios) };
  });
  for (const r of roundRatios)
    log(`   ${r.threads} thread(s), round by round: ${r.ratios.map((x) => x.toFixed(2)).join(' / ')}× (median ${r.median.toFixed(2)}×)`);
  const ceiling = await simdCeiling();
  if (ceiling) {
    log(
      `   this machine, two threads of SIMD multiply-adds in cache (bench/simdCeiling.ts): ${(ceiling.one / 1e9).toFixed(1)} → ${(ceiling.two / 1e9).toFixed(1)} G/s, ${ceiling.ratio.toFixed(2)}× — the ceiling for the above`,
    );
  }
  return {
    dataset: `ChCh-Miner (${CHCH}), the page's own seeded 85/5/10 split`,
    chromium: browser.version(),
    cores: cpus().length,
    loadAverage: [load0, loadavg()[0]],
    runs,
    summary,
    roundRatios,
    ceiling,
  };
}
