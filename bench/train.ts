/**
 * `npm run bench` training section: median epoch time and peak memory of the seed GCN and Kipf GCN
 * (64→64→64, learned embeddings, link prediction) per data set and backend — cpu and wasm in Node;
 * webgl and webgpu in headless Chromium (bench/trainBrowser.ts; full mode only).
 *
 * Short mode (CI): demo + ChCh-Miner + a 2-point synthetic series, cpu and wasm, 3 timed epochs.
 */
import os from 'node:os';
import * as tf from '../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { namedGraphs, synthetic, SYNTHETIC_FULL, SYNTHETIC_NODES, SYNTHETIC_SHORT, type BenchGraph } from './trainData';
import { measureTraining, type BenchModel } from './trainMeasure';
import { runBrowserTrainBench } from './trainBrowser';
import { machineInfo, printHeader, printRow, type MachineInfo, type TrainBenchRow } from './report';

export type { TrainBenchRow } from './report';

export interface TrainBenchReport {
  section: 'train';
  machine: MachineInfo;
  settings: string;
  rows: TrainBenchRow[];
  skipped: string[];
  notes: string[];
}

const MODELS: BenchModel[] = ['seed-gcn', 'gcn'];

export async function runTrainBench(opts: { short: boolean; json: boolean }): Promise<TrainBenchReport> {
  tf.env().set('IS_TEST', true); // no "install tfjs-node" banner
  const machine = machineInfo();
  const machineWords = `${machine.cores}× ${machine.cpu}, Node ${machine.node}`;
  const report: TrainBenchReport = {
    section: 'train',
    machine,
    settings:
      '2 layers 64→64→64, learned embeddings, link prediction (dot decoder, BCE, 1 negative per positive), Adam, full batch; median of timed epochs after 1 warm-up epoch',
    rows: [],
    skipped: [],
    notes: [],
  };
  const graphs: BenchGraph[] = [...namedGraphs(opts.short), ...(opts.short ? SYNTHETIC_SHORT : SYNTHETIC_FULL).map((m) => synthetic(SYNTHETIC_NODES, m))];
  if (opts.short) report.skipped.push('short mode: DeepDDI, ogbl-ddi, synthetic > 100k and the browser backends are skipped');
  const log = (s: string) => !opts.json && console.log(s);
  log(`\n== train: ${report.settings}\n   machine: ${machineWords}, load average ${machine.loadAverageStart.join(' ')}`);
  if (!opts.json) printHeader();
  for (const backend of ['cpu', 'wasm']) {
    if (!(await tf.setBackend(backend))) {
      report.skipped.push(`${backend}: did not initialise`);
      continue;
    }
    await tf.ready();
    for (const g of graphs) {
      for (const model of MODELS) {
        const big = g.graph.edgeSrc.length > 300_000;
        const epochs = opts.short ? 3 : big ? 3 : 5;
        const m = await measureTraining(g.graph, model, epochs, { split: g.split, profile: true });
        const rssMB = Math.round(process.memoryUsage().rss / 2 ** 20);
        const row: TrainBenchRow = { ...m, dataset: g.name, machine: machineWords, software: false, rssMB };
        report.rows.push(row);
        if (!opts.json) printRow(row);
        else process.stderr.write(`train: ${g.name} ${model} ${backend} ${m.medianMs.toFixed(0)} ms\n`);
      }
    }
  }
  await tf.setBackend('cpu');
  if (!opts.short) {
    const browser = await runBrowserTrainBench(graphs, opts.json ? (s) => process.stderr.write(`${s}\n`) : log);
    report.rows.push(...browser.rows);
    report.skipped.push(...browser.skipped);
    report.notes.push(...browser.notes);
    if (!opts.json) browser.rows.forEach(printRow);
  }
  machine.loadAverageEnd = os.loadavg().map((x) => +x.toFixed(2));
  report.notes.push(
    'ms/100k = median epoch ms per 100,000 undirected training pairs (each pair sends messages both ways and is scored against one fresh negative).',
    'peak MB = peak bytes held by tensors during the warm-up epoch (tf.profile); the process RSS is larger (the V8 and wasm heaps).',
    'This machine is shared: the load average is printed at start and end; figures under load are slower than on an idle machine.',
  );
  log(`   load average at the end: ${machine.loadAverageEnd.join(' ')}`);
  for (const s of report.skipped) log(`   skipped: ${s}`);
  return report;
}
