/**
 * The training benchmark's webgl and webgpu figures, from headless Chromium (Debian's, through
 * playwright-core) running the dev-only test page tests/browser/pages/kernels.html on the main
 * thread. On this machine both GPU backends are SwiftShader, i.e. software on the CPU: the figures
 * say so, and only the small graphs are run (a larger one is skipped once an epoch passes 20 s).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/browser/harness';
import { buildTestPages, serveTestPages } from '../tests/browser/pages/build';
import type { BenchGraph } from './trainData';
import type { Measurement, BenchModel } from './trainMeasure';
import type { TrainBenchRow } from './report';
import type { SparseMode } from '../src/model/sparseOps';

const SLOW_EPOCH_MS = 20_000;
const MAX_BROWSER_PAIRS = 200_000;

const toBase64 = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

interface Plan {
  model: BenchModel;
  aggregation: 'auto' | SparseMode;
}

/** 'auto' for both models, plus the seed GCN forced to the other GPU path so the rule's choice can be checked. */
// Dense last: on SwiftShader WebGPU an N = 4,000 dense product can lose the device.
const PLANS: Plan[] = [
  { model: 'seed-gcn', aggregation: 'auto' },
  { model: 'gcn', aggregation: 'auto' },
  { model: 'seed-gcn', aggregation: 'kernel' },
  { model: 'seed-gcn', aggregation: 'dense' },
];

async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${url}kernels.html`);
  await page.waitForFunction(() => window.kernelsPage?.ready, null, { timeout: 60_000 });
  return page;
}

export async function runBrowserTrainBench(
  graphs: BenchGraph[],
  log: (s: string) => void,
): Promise<{ rows: TrainBenchRow[]; skipped: string[]; notes: string[] }> {
  const rows: TrainBenchRow[] = [];
  const skipped: string[] = [];
  const notes: string[] = [];
  const candidates = graphs.filter((g) => !g.split && g.graph.edgeSrc.length <= MAX_BROWSER_PAIRS);
  for (const g of graphs) if (!candidates.includes(g)) skipped.push(`${g.name} on webgl/webgpu: larger than ${MAX_BROWSER_PAIRS} pairs (software GPU here)`);
  log('   building the test page for webgl/webgpu …');
  await buildTestPages();
  const server = await serveTestPages();
  try {
    for (const [backend, flags] of [
      ['webgl', []],
      ['webgpu', ['--enable-unsafe-webgpu']],
    ] as const) {
      let browser = await launchChromium([...flags]);
      try {
        let page = await openPage(browser, server.url);
        const version = browser.version();
        const adapter = backend === 'webgpu' ? await page.evaluate(() => window.kernelsPage.adapterInfo()) : 'WebGL2 through SwiftShader (ANGLE)';
        if (backend === 'webgpu' && !adapter) {
          skipped.push('webgpu: no adapter');
          continue;
        }
        const software = /swiftshader|fallback/i.test(adapter ?? '');
        notes.push(`${backend}: Chromium ${version}, adapter ${adapter}`);
        for (const plan of PLANS) {
          let tooSlow = false;
          for (const g of candidates) {
            const what = `${g.name} ${plan.model} ${backend} ${plan.aggregation}`;
            if (tooSlow) {
              skipped.push(`${what}: a smaller graph already failed or took > ${SLOW_EPOCH_MS / 1000} s per epoch`);
              continue;
            }
            try {
              const m: Measurement = await page.evaluate(
                ([n, a, b, model, aggregation, name]) => window.kernelsPage.train(name, n, a, b, model, 2, aggregation),
                [g.graph.numNodes, toBase64(g.graph.edgeSrc), toBase64(g.graph.edgeDst), plan.model, plan.aggregation, backend] as const,
              );
              const row: TrainBenchRow = { ...m, dataset: g.name, machine: `headless Chromium ${version}, ${adapter}`, software };
              rows.push(row);
              log(`   ${what}: ${m.medianMs.toFixed(0)} ms per epoch (${m.aggregation})`);
              if (m.medianMs > SLOW_EPOCH_MS) tooSlow = true;
            } catch (e) {
              // e.g. SwiftShader's WebGPU device lost on a long dispatch: record it and start a
              // fresh browser (a new page in the same one inherits the lost GPU instance).
              skipped.push(`${what}: failed: ${String((e as Error).message ?? e).split('\n')[0]}`);
              log(`   ${what}: failed`);
              tooSlow = true;
              await browser.close().catch(() => {});
              browser = await launchChromium([...flags]);
              page = await openPage(browser, server.url);
            }
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
  }
  return { rows, skipped, notes };
}
