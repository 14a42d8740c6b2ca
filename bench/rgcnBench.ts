/**
 * `npm run bench -- --only=rgcn`: the R-GCN link model's training epoch on a typed graph — BioSNAP
 * ChG-Miner's drug–target pairs (predicted) with ChCh-Miner's drug–drug pairs as message context,
 * three message relations — on wasm in Node, next to PyTorch Geometric's RGCNConv on the same message
 * graph and training pairs (bench/pyg_rgcn_reference.py, run only when python3 imports torch and
 * torch_geometric; PYG_SRC or /tmp/pyg is put on PYTHONPATH for PyG's pure-Python source), with the
 * ratio and the goal (≤ 1.0×) in one run. Both sides run on one thread, and both report wall and CPU
 * time per epoch: on a shared machine the CPU ratio is the fairer one. Skipped in short mode and
 * without ../shared/datasets.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { loadFiles } from '../src/data/loadFiles';
import { fileFromPath } from '../src/data/nodeInput';
import { LinkTrainer } from '../src/model/tasks/linkTrainer';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../src/settings/schema';
import { epochTimes, machineInfo } from './report';
import { ROOT, SHARED } from './trainData';

const RATIO_GOAL = 1.0;
const EPOCHS = 10;
const CHG = 'biosnap_chg_miner/ChG-Miner_miner-chem-gene.tsv';
const CHCH = 'biosnap_chch_miner/ChCh-Miner_durgbank-chem-chem.tsv';
/** ChG-Miner as docs/typed-graphs.md loads it: drug → protein, relation drug-target. */
const CHG_MAPPING = { source: 0, target: 1, targetKind: 'protein', relation: 'drug-target', hasHeader: true };

/** The app's R-GCN link model as docs/results.md trains it (defaults: MLP decoder, 4 bases), without early stopping. */
const SETTINGS: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, model: 'rgcn', relation: 'drug-target', hidden: 64, layers: 2, dropout: 0, seed: 0 };

interface Reference {
  ms: number | null;
  cpuMs: number | null;
  note: string;
}

/** The message graph and training pairs as the reference script reads them (see its docstring). */
function writeGraph(path: string, trainer: LinkTrainer): void {
  const g = trainer.operators.graph;
  const pos = trainer.split.trainPos;
  const { left, right } = trainer.relation!;
  const parts = [g.src, g.dst, g.relation!, pos.a, pos.b, left, right];
  const head = [g.numNodes, g.relationNames!.length, g.src.length, pos.a.length, left.length, right.length];
  const out = new Int32Array(head.length + parts.reduce((s, p) => s + p.length, 0));
  out.set(head);
  let at = head.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  writeFileSync(path, out);
}

function pygReference(file: string): Reference {
  // Debian's python3 (with python3-torch) unless PYTHON names another; PyG's source from PYG_SRC or /tmp/pyg.
  const python = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const pyg = process.env.PYG_SRC ?? '/tmp/pyg';
  const env = { ...process.env, PYTHONPATH: [pyg, process.env.PYTHONPATH].filter(Boolean).join(':') };
  const probe = spawnSync(python, ['-c', 'import torch, torch_geometric'], { encoding: 'utf8', env });
  if (probe.status !== 0) return { ms: null, cpuMs: null, note: `reference skipped (${python} cannot import torch and torch_geometric; PYG_SRC=${pyg})` };
  const script = resolve(ROOT, 'bench/pyg_rgcn_reference.py');
  const run = spawnSync(python, [script, file, '--threads', '1', '--epochs', String(EPOCHS)], { encoding: 'utf8', env });
  if (run.status !== 0) return { ms: null, cpuMs: null, note: `reference failed: ${run.stderr.trim().split('\n').pop()}` };
  const r = JSON.parse(run.stdout.trim().split('\n').pop()!) as { torch: string; pyg: string; medianMs: number; medianCpuMs: number };
  return { ms: r.medianMs, cpuMs: r.medianCpuMs, note: `PyG ${r.pyg} RGCNConv, PyTorch ${r.torch}, 1 thread` };
}

export async function runRgcnBench(opts: { short: boolean; json: boolean }): Promise<object> {
  const log = (s: string) => !opts.json && console.log(s);
  if (opts.short) {
    log('\n== rgcn: skipped in short mode (npm run bench -- --only=rgcn)');
    return { section: 'rgcn', skipped: 'short mode' };
  }
  const paths = [CHG, CHCH].map((p) => resolve(SHARED, p));
  if (!paths.every(existsSync)) {
    log(`\n== rgcn: skipped (ChG-Miner and ChCh-Miner not found under ${SHARED})`);
    return { section: 'rgcn', skipped: 'data not found' };
  }
  tf.env().set('IS_TEST', true);
  await tf.setBackend('wasm');
  await tf.ready();
  const machine = machineInfo();
  const { graph } = await loadFiles(await Promise.all(paths.map((p) => fileFromPath(p))), {
    columnMappings: { 'ChG-Miner_miner-chem-gene.tsv': CHG_MAPPING },
  });
  const trainer = new LinkTrainer({ ...graph, numNodes: graph.nodes.length }, SETTINGS, 'wasm');
  const relations = trainer.operators.graph.relationNames ?? [];
  log(`\n== rgcn: R-GCN 64→64→64 (4 bases, MLP decoder), ChG-Miner drug-target + ChCh-Miner drug-drug context; wasm single thread vs PyG`);
  log(`   ${machine.cores}× ${machine.cpu}, load average ${machine.loadAverageStart.join(' ')}, wasm kernels: ${machine.wasmKernels}`);
  let pyg: Reference;
  let epochs: { medianMs: number; medianCpuMs: number };
  try {
    epochs = await epochTimes(trainer, EPOCHS);
    const dir = mkdtempSync(join(os.tmpdir(), 'rgcn-bench-'));
    try {
      const file = join(dir, 'graph.bin');
      writeGraph(file, trainer);
      pyg = pygReference(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    trainer.dispose();
    await tf.setBackend('cpu');
  }
  const epochMs = Math.round(epochs.medianMs);
  const epochCpuMs = Math.round(epochs.medianCpuMs);
  const row = {
    dataset: 'ChG-Miner + ChCh-Miner',
    nodes: graph.nodes.length,
    messageEdges: trainer.operators.graph.src.length,
    relations,
    trainPairs: trainer.split.trainPos.a.length,
    epochs: EPOCHS,
    epochMs,
    epochCpuMs,
    pyg,
    ratio: pyg.ms ? +(epochMs / pyg.ms).toFixed(2) : null,
    cpuRatio: pyg.cpuMs ? +(epochCpuMs / pyg.cpuMs).toFixed(2) : null,
  };
  log(
    `${row.dataset}: ${row.nodes} nodes, ${row.messageEdges} message edges in ${relations.length} relations (${relations.join(', ')}), ` +
      `${row.trainPairs} training pairs`,
  );
  log(`   ours (wasm, 1 thread): epoch ${epochMs} ms (median of ${EPOCHS}; CPU ${row.epochCpuMs} ms)`);
  const verdict = (x: number | null) => (x === null ? '—' : `${x}× (goal ≤ ${RATIO_GOAL}×: ${x <= RATIO_GOAL ? 'met' : 'missed'})`);
  log(`   ${pyg.note}: epoch ${pyg.ms ?? '—'} ms (CPU ${pyg.cpuMs ?? '—'} ms)`);
  log(`   ours / PyG: wall ${verdict(row.ratio)}, CPU ${verdict(row.cpuRatio)}`);
  machine.loadAverageEnd = os.loadavg().map((x) => +x.toFixed(2));
  log(`   load average at the end: ${machine.loadAverageEnd.join(' ')}`);
  return { section: 'rgcn', machine, rows: [row] };
}
