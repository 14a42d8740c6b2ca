/**
 * `npm run bench -- --only=predictions`: a predictions file of every pair a < b streamed to disk the way
 * `npm run cli -- predict --what all` writes it (writePredictionsFile: blocks of 65,536 rows, each encoded
 * and written before the next is made). ogbl-ddi (4,267 drugs, 9,101,511 pairs, official split) with the
 * dot and the MLP decoder of an untrained 2 × 64 GCN on wasm (the cost does not depend on the weights);
 * `--short`: the demo set, dot only. Reports MB/s, rows/s and the process memory (RSS, JS heap, array
 * buffers) at a quarter, half and all of the pairs: flat memory means the rows are not held.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { writePredictionsFile } from '../src/cli/predict';
import { loadGraph, loadOgblDdi } from '../src/cli/trainData';
import type { DrugGraph } from '../src/data/graph';
import { DEFAULT_MODEL_SETTINGS } from '../src/settings/schema';
import type { DecoderKind } from '../src/settings/options';
import type { LinkSplit } from '../src/model/split';
import { LinkTrainer } from '../src/model/tasks/linkTrainer';
import { machineInfo } from './report';
import { ROOT, SHARED } from './trainData';

interface Checkpoint {
  /** Fraction of the pairs written. */
  at: string;
  rows: number;
  seconds: number;
  mbPerS: number;
  rssMB: number;
  heapMB: number;
  arrayBuffersMB: number;
}

interface PredictionRow {
  dataset: string;
  decoder: DecoderKind;
  pairs: number;
  fileMB: number;
  seconds: number;
  mbPerS: number;
  rowsPerS: number;
  /** CPU time of the process (user + system) and MB per CPU second: comparable across machine loads. */
  cpuSeconds: number;
  mbPerCpuS: number;
  peakRssMB: number;
  checkpoints: Checkpoint[];
}

const MB = 2 ** 20;

async function datasets(short: boolean): Promise<{ name: string; graph: DrugGraph; split?: LinkSplit }[]> {
  if (short) return [{ name: 'demo', graph: await loadGraph([resolve(ROOT, 'public/datasets/demo.json')]) }];
  const dir = join(SHARED, 'ogbl_ddi');
  const { graph, split } = await loadOgblDdi(dir);
  return [{ name: 'ogbl-ddi', graph, split }];
}

export async function runPredictionsBench(opts: { short: boolean; json: boolean }): Promise<object> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('wasm');
  await tf.ready();
  const machine = machineInfo();
  const log = (s: string) => !opts.json && console.log(s);
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-predictions-'));
  const rows: PredictionRow[] = [];
  log(`\n== predictions: all pairs to CSV on disk (${dir}), untrained 2 × 64 GCN, wasm; ${machine.cores}× ${machine.cpu}, load ${os.loadavg()[0].toFixed(2)}`);
  try {
    for (const d of await datasets(opts.short)) {
      for (const decoder of (opts.short ? ['dot'] : ['dot', 'mlp']) as DecoderKind[]) {
        const settings = { ...DEFAULT_MODEL_SETTINGS, model: 'gcn' as const, decoder, hidden: 64, layers: 2, seed: 0 };
        const trainer = new LinkTrainer({ ...d.graph, numNodes: d.graph.nodes.length }, settings, 'wasm', d.split ? { split: d.split } : {});
        const n = d.graph.nodes.length;
        const pairs = (n * (n - 1)) / 2;
        const out = join(dir, `${d.name}-${decoder}.csv`);
        global.gc?.();
        const checkpoints: Checkpoint[] = [];
        const marks = [0.25, 0.5, 1];
        let peakRss = 0;
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await writePredictionsFile(trainer, d.graph, { what: 'all', format: 'csv' }, out, (done, total) => {
          const m = process.memoryUsage();
          peakRss = Math.max(peakRss, m.rss);
          while (marks.length > 0 && done >= marks[0] * total) {
            const seconds = (performance.now() - t0) / 1000;
            const bytes = statSync(out).size;
            checkpoints.push({
              at: `${marks.shift()! * 100}%`,
              rows: done,
              seconds: +seconds.toFixed(2),
              mbPerS: +(bytes / MB / seconds).toFixed(1),
              rssMB: Math.round(m.rss / MB),
              heapMB: Math.round(m.heapUsed / MB),
              arrayBuffersMB: Math.round(m.arrayBuffers / MB),
            });
          }
        });
        const seconds = (performance.now() - t0) / 1000;
        const cpu = process.cpuUsage(c0);
        const cpuSeconds = (cpu.user + cpu.system) / 1e6;
        const bytes = statSync(out).size;
        rmSync(out);
        trainer.dispose();
        const row: PredictionRow = {
          dataset: d.name,
          decoder,
          pairs,
          fileMB: +(bytes / MB).toFixed(1),
          seconds: +seconds.toFixed(2),
          mbPerS: +(bytes / MB / seconds).toFixed(1),
          rowsPerS: Math.round(pairs / seconds),
          cpuSeconds: +cpuSeconds.toFixed(2),
          mbPerCpuS: +(bytes / MB / cpuSeconds).toFixed(1),
          peakRssMB: Math.round(peakRss / MB),
          checkpoints,
        };
        rows.push(row);
        log(
          `${d.name.padEnd(9)} ${decoder.padEnd(4)} ${String(pairs).padStart(9)} pairs  ${row.fileMB} MB in ${row.seconds} s = ${row.mbPerS} MB/s ` +
            `(${row.cpuSeconds} CPU s: ${row.mbPerCpuS} MB per CPU second), peak RSS ${row.peakRssMB} MB; load ${os.loadavg()[0].toFixed(1)}`,
        );
        for (const c of checkpoints) {
          log(
            `    at ${c.at.padStart(4)}: ${String(c.rows).padStart(9)} rows ${String(c.seconds).padStart(7)} s ${String(c.mbPerS).padStart(6)} MB/s  ` +
              `RSS ${c.rssMB} MB, JS heap ${c.heapMB} MB, array buffers ${c.arrayBuffersMB} MB`,
          );
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await tf.setBackend('cpu');
  return { section: 'predictions', machine, model: 'untrained 2 × 64 GCN (seed 0), wasm', rows };
}
