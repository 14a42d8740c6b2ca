/**
 * `npm run bench -- --only=gpu`: the kernel checks and the training benchmark on a real GPU through
 * WebGPU, outside the browser. Dawn — the WebGPU implementation inside Chromium — through the `webgpu`
 * npm package's Node binding, driving the app's own tfjs webgpu backend and WGSL kernels.
 *
 * Why not headless Chromium: a GPU machine may have no Chromium and no way to install one; Dawn
 * alone is one native module. Why not a dependency: the package is ~100 MB of native binaries for
 * every platform, needed only on a machine with a GPU. Install it for the run:
 *   npm i --no-save webgpu@0.6.2
 * DAWN_FLAGS (comma-separated Dawn toggles, e.g. `backend=vulkan`) are passed to its `create`.
 */
import * as tf from '../src/model/tf';
import { installDawn } from '../src/cli/dawn';
import { softwareName } from '../src/workers/softwareGpu';
import { checkKernels } from './kernelCheck';
import { machineInfo, printHeader, printRow, type MachineInfo, type TrainBenchRow } from './report';
import { namedGraphs, synthetic, SYNTHETIC_FULL, SYNTHETIC_NODES, type BenchGraph } from './trainData';
import { benchSettings, measureTraining, median, type BenchModel } from './trainMeasure';
import { DENSE_LOSS_MAX_NODES } from '../src/model/denseLinkLoss';
import { LinkTrainer } from '../src/model/tasks/linkTrainer';
import { PairSet } from '../src/model/split';
import { drawKey, drawNegatives } from '../src/model/negatives';
import type { SparseMode } from '../src/model/sparseOps';

export interface GpuBenchReport {
  section: 'gpu';
  machine: MachineInfo;
  adapter: string | null;
  kernels: Awaited<ReturnType<typeof checkKernels>> | null;
  rows: TrainBenchRow[];
  /** Where one epoch's time goes on the largest graph (medians, ms). */
  breakdown: { dataset: string; model: BenchModel; epochMs: number; recordMs: number; hostPrepMs: number; waitMs: number } | null;
  /** Time of the CPU-side share of an epoch: drawing the fresh training negatives. */
  negativeSamplingMs: { dataset: string; pairs: number; medianMs: number }[];
  skipped: string[];
  notes: string[];
}

const PLANS: { model: BenchModel; aggregation: 'auto' | SparseMode; decoder?: 'mlp'; loss?: 'gathered' }[] = [
  { model: 'seed-gcn', aggregation: 'auto' },
  { model: 'gcn', aggregation: 'auto' },
  // Where 'auto' takes the dense N × N loss with negatives drawn on the GPU: the per-pair loss, for comparison.
  { model: 'seed-gcn', aggregation: 'auto', loss: 'gathered' },
  { model: 'seed-gcn', aggregation: 'dense' },
  // The best setting on ChCh-Miner (docs/results.md): its MLP decoder scores every pair with an MLP.
  { model: 'gcn', aggregation: 'auto', decoder: 'mlp' },
];

/** Dense N×N adjacency only where it fits comfortably (N = 4,267 is 73 MB). */
const DENSE_MAX_NODES = 5000;

function negativeSampling(g: BenchGraph): GpuBenchReport['negativeSamplingMs'][number] {
  const pos = g.split?.trainPos ?? { a: g.graph.edgeSrc, b: g.graph.edgeDst };
  const known = new PairSet(g.graph.numNodes).addAll(pos);
  const ms: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    drawNegatives(g.graph.numNodes, { key: drawKey(1, k), count: pos.a.length }, known);
    ms.push(performance.now() - t);
  }
  return { dataset: g.name, pairs: pos.a.length, medianMs: median(ms) };
}

/**
 * One epoch taken apart: recording and submitting the step (JavaScript, incl. uploads), the host's
 * work for the next step done meanwhile, and the wait for the GPU until the loss is back.
 */
async function epochBreakdown(g: BenchGraph, model: BenchModel): Promise<NonNullable<GpuBenchReport['breakdown']>> {
  const trainer = new LinkTrainer(g.graph, { ...benchSettings(model), aggregation: 'auto' }, tf.getBackend(), g.split ? { split: g.split } : {});
  const timed = { record: 0, prep: 0 };
  const inner = trainer as unknown as { optimizer: { minimize: (...a: unknown[]) => unknown }; prepareNextStep: () => void };
  const minimize = inner.optimizer.minimize.bind(inner.optimizer);
  inner.optimizer.minimize = (...a: unknown[]) => {
    const t = performance.now();
    const r = minimize(...a);
    timed.record = performance.now() - t;
    return r;
  };
  const prepare = inner.prepareNextStep.bind(trainer);
  inner.prepareNextStep = () => {
    const t = performance.now();
    prepare();
    timed.prep = performance.now() - t;
  };
  const rows: { epoch: number; record: number; prep: number }[] = [];
  try {
    await trainer.trainEpoch();
    for (let e = 0; e < 7; e++) {
      const t = performance.now();
      await trainer.trainEpoch();
      rows.push({ epoch: performance.now() - t, record: timed.record, prep: timed.prep });
    }
  } finally {
    trainer.dispose();
  }
  const epochMs = median(rows.map((r) => r.epoch));
  const recordMs = median(rows.map((r) => r.record));
  const hostPrepMs = median(rows.map((r) => r.prep));
  return { dataset: g.name, model, epochMs, recordMs, hostPrepMs, waitMs: median(rows.map((r) => r.epoch - r.record - r.prep)) };
}

export async function runGpuBench(opts: { short: boolean; json: boolean; datasets?: string[] }): Promise<GpuBenchReport> {
  tf.env().set('IS_TEST', true);
  const log = (s: string) => (opts.json ? process.stderr.write(`${s}\n`) : console.log(s));
  const report: GpuBenchReport = {
    section: 'gpu',
    machine: machineInfo(),
    adapter: null,
    kernels: null,
    breakdown: null,
    rows: [],
    negativeSamplingMs: [],
    skipped: [],
    notes: [],
  };
  const dawn = await installDawn();
  if (typeof dawn === 'string') {
    report.skipped.push(`gpu: ${dawn}`);
    log(`   skipped: ${dawn}`);
    return report;
  }
  report.adapter = await dawn.describe();
  if (!report.adapter || !(await tf.setBackend('webgpu'))) {
    report.skipped.push('gpu: Dawn found no WebGPU adapter');
    log('   skipped: Dawn found no WebGPU adapter');
    return report;
  }
  await tf.ready();
  log(`\n== gpu: WebGPU through Dawn (Node binding), adapter: ${report.adapter}`);
  report.kernels = await checkKernels('webgpu', dawn.describe);
  const worst = Math.max(
    ...report.kernels.cases.flatMap((c) => [c.forwardVsCpu, c.gradientVsCpu, c.forwardVsDense, c.gradientVsDense]),
    report.kernels.pairDot.forwardVsCpu,
    report.kernels.pairDot.gradientVsCpu,
    report.kernels.gatherRows.forwardVsCpu,
    report.kernels.gatherRows.gradientVsCpu,
  );
  log(
    `   kernel checks (CsrSpmm values and gradients vs cpu and dense, PairDot and gatherRows vs cpu): largest difference ${worst.toExponential(2)} ${worst <= 1e-5 ? '(within 1e-5)' : '(ABOVE 1e-5)'}`,
  );
  const neg = report.kernels.negativeCounts ?? [];
  log(`   NegativeCounts (negatives drawn on the GPU vs the host's draw): ${neg.map((c) => `${c.case}: ${c.differingCells} cells differ`).join('; ')}`);
  await tf.setBackend('webgpu');

  // SwiftShader and lavapipe answer as ordinary adapters through Vulkan.
  const software = softwareName(report.adapter) !== null;
  const machineWords = `${report.adapter} via Dawn/WebGPU; host ${report.machine.cores}× ${report.machine.cpu}, Node ${report.machine.node}`;
  const all = [...namedGraphs(opts.short), ...(opts.short ? [] : SYNTHETIC_FULL.map((m) => synthetic(SYNTHETIC_NODES, m)))];
  const graphs = opts.datasets ? all.filter((g) => opts.datasets!.includes(g.name)) : all;
  const largest = graphs.filter((g) => !g.name.startsWith('synthetic')).at(-1);
  if (largest) {
    report.breakdown = await epochBreakdown(largest, 'seed-gcn');
    const b = report.breakdown;
    log(
      `   one epoch of ${b.model} on ${b.dataset}, taken apart (medians): ${b.epochMs.toFixed(1)} ms = record+submit ${b.recordMs.toFixed(1)} + next step's host work ${b.hostPrepMs.toFixed(1)} + wait for the GPU ${b.waitMs.toFixed(1)}`,
    );
  }
  if (!opts.json) printHeader();
  for (const g of graphs) {
    for (const plan of PLANS) {
      if (plan.aggregation === 'dense' && g.graph.numNodes > DENSE_MAX_NODES) continue;
      let m;
      try {
        if (plan.loss && g.graph.numNodes > DENSE_LOSS_MAX_NODES) continue; // auto is the gathered loss there already
        m = await measureTraining(g.graph, plan.model, opts.short ? 3 : 10, {
          split: g.split,
          profile: true,
          aggregation: plan.aggregation,
          decoder: plan.decoder,
          loss: plan.loss,
        });
      } catch (e) {
        const why = `${g.name} ${plan.model}${plan.decoder ? `+${plan.decoder}` : ''} ${plan.aggregation}: failed: ${(e as Error).message}`;
        report.skipped.push(why);
        log(`   ${why}`);
        continue;
      }
      const row: TrainBenchRow = { ...m, dataset: g.name, machine: machineWords, software };
      report.rows.push(row);
      if (opts.json)
        log(
          `gpu: ${g.name} ${plan.model}${plan.decoder ? `+${plan.decoder}` : ''} ${m.aggregation} ${m.loss} loss ${m.medianMs.toFixed(1)} ms (epochs ${m.epochMs.map((x) => x.toFixed(0)).join(' ')}), peak ${m.peakTensorMB?.toFixed(0)} MB`,
        );
      else printRow(row);
    }
    report.negativeSamplingMs.push(negativeSampling(g));
  }
  log('   CPU share of each epoch, drawing one fresh negative per training pair (JS, main thread):');
  for (const n of report.negativeSamplingMs) log(`     ${n.dataset.padEnd(15)} ${String(n.pairs).padStart(9)} pairs ${n.medianMs.toFixed(1).padStart(7)} ms`);
  report.notes.push(
    'Epoch = one full-batch Adam step, timed from the start of the step to the loss value read back (asynchronously) on the host; median of timed epochs after one profiled warm-up epoch.',
    'Rows with agg "dense" force the dense normalised-adjacency product; "auto" picks the CSR kernel.',
  );
  return report;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const datasets = args
    .find((a) => a.startsWith('--datasets='))
    ?.slice('--datasets='.length)
    .split(',');
  runGpuBench({ short: args.includes('--short'), json: args.includes('--json'), datasets })
    .then((r) => {
      if (args.includes('--json')) console.log(JSON.stringify(r, null, 2));
      process.exit(0);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
