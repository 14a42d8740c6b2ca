/**
 * `npm run bench -- --only=mlp`: the default model (Kipf GCN 2 × 64, learned embeddings, MLP decoder)
 * on wasm in Node — median training epoch, and the candidate scan over all unknown pairs — next to
 * the same model in plain PyTorch on 2 threads (bench/torch_mlp_reference.py, run only if
 * python3 imports torch; otherwise "reference skipped"), with the ratios and the goals in one run.
 * Skipped in short mode (npm test): the unit tests cover the kernels and the scan.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { LinkTrainer, seededSplit } from '../src/model/tasks/linkTrainer';
import type { Pairs } from '../src/model/split';
import { epochTimes, machineInfo } from './report';
import { benchSettings } from './trainMeasure';
import { namedGraphs, ROOT, type BenchGraph } from './trainData';

/** Goals: epoch ≤ 0.8 × PyTorch's; scan ≤ 0.5 s (ChCh-Miner) and ≤ 3 s (ogbl-ddi). */
const EPOCH_RATIO_GOAL = 0.8;
const SCAN_GOAL_MS: Record<string, number> = { 'ChCh-Miner': 500, 'ogbl-ddi': 3000 };

interface MlpRow {
  dataset: string;
  nodes: number;
  trainPairs: number;
  epochs: number;
  epochMs: number;
  /** This process's CPU time per epoch (median): less sensitive than wall time to other work on the machine. */
  epochCpuMs: number;
  torchEpochMs: number | null;
  torchNote: string;
  ratio: number | null;
  scanPairs: number;
  scanMs: number;
  scanCpuMs: number;
}

const yieldTask = () => new Promise<void>((r) => setTimeout(r, 0));

/** The training pairs as the reference script reads them: int32 n, P, then P a's and P b's. */
function writePairs(path: string, n: number, p: Pairs): void {
  const out = new Int32Array(2 + 2 * p.a.length);
  out[0] = n;
  out[1] = p.a.length;
  out.set(p.a, 2);
  out.set(p.b, 2 + p.a.length);
  writeFileSync(path, out);
}

function torchReference(g: BenchGraph, trainPos: Pairs, epochs: number): { ms: number | null; note: string } {
  // Debian's python3 (with python3-torch) unless PYTHON names another; a virtual environment's python3 may come first on PATH.
  const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) return { ms: null, note: `reference skipped (${python} cannot import torch)` };
  const dir = mkdtempSync(join(os.tmpdir(), 'mlp-bench-'));
  try {
    const file = join(dir, 'pairs.bin');
    writePairs(file, g.graph.numNodes, trainPos);
    const script = resolve(ROOT, 'bench/torch_mlp_reference.py');
    const run = spawnSync(python, [script, file, '--threads', '2', '--epochs', String(epochs)], { encoding: 'utf8' });
    if (run.status !== 0) return { ms: null, note: `reference failed: ${run.stderr.trim().split('\n').pop()}` };
    const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as { torch: string; threads: number; medianMs: number };
    return { ms: r.medianMs, note: `PyTorch ${r.torch}, ${r.threads} threads` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Wall and CPU time of training epochs after one warm-up epoch (the default model with the MLP decoder, wasm). */
async function timeEpochs(g: BenchGraph, epochs: number): Promise<{ trainPairs: number; medianMs: number; medianCpuMs: number }> {
  const trainer = new LinkTrainer(g.graph, { ...benchSettings('gcn'), decoder: 'mlp' }, 'wasm', g.split ? { split: g.split } : {});
  try {
    return { trainPairs: trainer.split.trainPos.a.length, ...(await epochTimes(trainer, epochs)) };
  } finally {
    trainer.dispose();
  }
}

export async function runMlpBench(opts: { short: boolean; json: boolean }): Promise<object> {
  const log = (s: string) => !opts.json && console.log(s);
  if (opts.short) {
    log('\n== mlp: skipped in short mode (npm run bench -- --only=mlp)');
    return { section: 'mlp', skipped: 'short mode' };
  }
  tf.env().set('IS_TEST', true);
  await tf.setBackend('wasm');
  await tf.ready();
  const machine = machineInfo();
  log(`\n== mlp: default model (Kipf GCN 64→64→64, learned embeddings, MLP decoder), wasm single thread vs PyTorch 2 threads`);
  log(`   ${machine.cores}× ${machine.cpu}, load average ${machine.loadAverageStart.join(' ')}, wasm kernels: ${machine.wasmKernels}`);
  const rows: MlpRow[] = [];
  for (const g of namedGraphs(false).filter((x) => x.name === 'ChCh-Miner' || x.name === 'ogbl-ddi')) {
    const big = g.name === 'ogbl-ddi';
    const epochs = big ? 3 : 20;
    const m = await timeEpochs(g, epochs);
    const trainPos = (g.split ?? seededSplit(g.graph, benchSettings('gcn'))).trainPos;
    const torch = torchReference(g, trainPos, big ? 3 : 20);
    // The scan as the worker runs it, yielding a macrotask between blocks; the model is untrained (the cost does not depend on the weights).
    const trainer = new LinkTrainer(g.graph, { ...benchSettings('gcn'), decoder: 'mlp' }, 'wasm', g.split ? { split: g.split } : {});
    const h = await trainer.embeddings();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const found = await trainer.candidates(15, h, async () => (await yieldTask(), true));
    const scanMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    trainer.dispose();
    if (found.length !== 15) throw new Error(`expected 15 candidates, got ${found.length}`);
    const n = g.graph.numNodes;
    const row: MlpRow = {
      dataset: g.name,
      nodes: n,
      trainPairs: m.trainPairs,
      epochs,
      epochMs: Math.round(m.medianMs),
      epochCpuMs: Math.round(m.medianCpuMs),
      torchEpochMs: torch.ms,
      torchNote: torch.note,
      ratio: torch.ms ? +(m.medianMs / torch.ms).toFixed(2) : null,
      scanPairs: (n * (n - 1)) / 2,
      scanMs: Math.round(scanMs),
      scanCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
    rows.push(row);
    const ratio = row.ratio === null ? '' : ` = ${row.ratio}× (goal ≤ ${EPOCH_RATIO_GOAL}×: ${row.ratio <= EPOCH_RATIO_GOAL ? 'met' : 'missed'})`;
    log(
      `${g.name.padEnd(11)} ${n} drugs, ${m.trainPairs} training pairs: epoch ${row.epochMs} ms (median of ${epochs}; CPU ${row.epochCpuMs} ms); ${torch.ms ?? '—'} ms ${torch.note}${ratio}`,
    );
    const goal = SCAN_GOAL_MS[g.name];
    log(
      `${''.padEnd(11)} scan of ${row.scanPairs} pairs: ${row.scanMs} ms wall, ${row.scanCpuMs} ms CPU (goal ≤ ${goal} ms: ${row.scanMs <= goal ? 'met' : 'missed'})`,
    );
  }
  machine.loadAverageEnd = os.loadavg().map((x) => +x.toFixed(2));
  log(`   load average at the end: ${machine.loadAverageEnd.join(' ')}`);
  await tf.setBackend('cpu');
  return { section: 'mlp', machine, rows };
}
