#!/usr/bin/env node
/**
 * Checks the PyTorch Geometric hand-off against the app's CLI: for each case, exports the project
 * (`npm run cli -- export-pyg`), runs its train.py and `npm run cli -- train … --json` with the same
 * flags, and prints a table of their metrics. Python is not a dependency of the app: this is run by
 * hand (docs/save-and-share/pyg.md), one process at a time, torch on one thread.
 *
 *   node scripts/check-pyg.mjs              # smoke matrix on the demo set (every layer, decoder, task, feature kind)
 *   node scripts/check-pyg.mjs --chch       # ChCh-Miner, split-seed0.json, reference protocol: seed GCN, GCN, SAGE (5 seeds)
 *   node scripts/check-pyg.mjs --ddp        # train.py --ddp with 2 gloo processes against one process (demo set)
 *   node scripts/check-pyg.mjs --chg        # ChG-Miner drug-target (typed graph): R-GCN seeds 0-2, per-relation SAGE seed 0
 *   PYTHON=/usr/bin/python3 PYG_PATH=/tmp/pyg node scripts/check-pyg.mjs …   (defaults shown)
 *   ONLY=gat node scripts/check-pyg.mjs     # only the cases (or ChCh-Miner models) whose flags contain "gat"
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const PYG_PATH = process.env.PYG_PATH ?? '/tmp/pyg';
const DATA = process.env.SHARED_DATASETS ?? join(import.meta.dirname, '../../shared/datasets');
const env = { ...process.env, OMP_NUM_THREADS: '1', PYTHONPATH: [PYG_PATH, process.env.PYTHONPATH].filter(Boolean).join(':') };

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 1 << 28, ...opts });
  if (r.status !== 0) {
    process.stderr.write(r.stderr.slice(-3000));
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  }
  return r.stdout;
}
const lastJson = (out) => JSON.parse(out.trim().split('\n').at(-1));
const cli = (args) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args]);

/** One case: export, train.py, CLI train; returns both final JSON lines. */
function compare(files, flags) {
  const dir = mkdtempSync(join(tmpdir(), 'pyg-check-'));
  try {
    cli(['export-pyg', ...files, ...flags, '--out', dir]);
    const t0 = performance.now();
    const pyg = lastJson(run(PYTHON, ['train.py', '--threads', '1'], { cwd: dir }));
    const pygSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const app = lastJson(cli(['train', ...files, ...flags, '--json']));
    return { pyg, app, pygSeconds, appSeconds: (performance.now() - t1) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const metricOf = (flags) => (flags.includes('type') || flags.includes('node') ? 'testMacroF1' : 'testAuroc');
const f4 = (x) => (typeof x === 'number' ? x.toFixed(4) : '—');

function demoMatrix() {
  const demo = ['public/datasets/demo.json'];
  const base = ['--epochs', '15', '--patience', '0', '--hidden', '16'];
  const only = process.env.ONLY;
  const cases = [
    ['--model', 'seed-gcn', '--decoder', 'dot'],
    ['--model', 'gcn', '--decoder', 'mlp'],
    ['--model', 'sage', '--decoder', 'distmult'],
    ['--model', 'gat', '--heads', '4', '--decoder', 'dot'],
    ['--model', 'gin', '--decoder', 'mlp', '--lr', '0.005'],
    ['--model', 'mpnn', '--aggregator', 'sum', '--update', 'add'],
    ['--model', 'mpnn', '--aggregator', 'max', '--update', 'concat'],
    ['--model', 'mpnn', '--aggregator', 'mean', '--update', 'replace'],
    ['--model', 'gcn', '--decoder', 'dot', '--features', 'learned+degree+atc'],
    ['--model', 'sage', '--decoder', 'dot', '--features', 'random+categories'],
    ['--model', 'gcn', '--decoder', 'dot', '--features', 'morgan'],
    ['--model', 'gcn', '--decoder', 'dot', '--layers', '3', '--dropout', '0.3'],
    ['--model', 'seed-gcn', '--decoder', 'mlp', '--batch-size', '200'],
    ['--model', 'gcn', '--decoder', 'mlp', '--patience', '3', '--epochs', '40'],
    ['--model', 'gcn', '--task', 'type'],
    ['--model', 'sage', '--task', 'node', '--features', 'learned+degree'],
  ];
  console.log('| flags (demo set, 15 epochs, hidden 16) | metric | CLI (wasm) | train.py (PyG) | difference | epochs CLI / PyG |');
  console.log('|---|---|---|---|---|---|');
  for (const c of cases.filter((c) => !only || c.join(' ').includes(only))) {
    const flags = [...base, ...c];
    const { pyg, app } = compare(demo, flags);
    const m = metricOf(flags);
    const a = app.last?.[m];
    const p = pyg.last?.[m];
    console.log(`| \`${c.join(' ')}\` | ${m} | ${f4(a)} | ${f4(p)} | ${f4(Math.abs(a - p))} | ${app.epochs} / ${pyg.epochs} |`);
  }
}

function chch() {
  const dir = join(DATA, 'biosnap_chch_miner');
  const tsv = join(dir, 'ChCh-Miner_durgbank-chem-chem.tsv');
  if (!existsSync(tsv)) throw new Error(`ChCh-Miner is not at ${tsv} (set SHARED_DATASETS)`);
  const files = [tsv, '--split', join(dir, 'split-seed0.json')];
  const protocol = ['--decoder', 'dot', '--epochs', '100', '--patience', '0'];
  const rows = [
    ['seed-gcn', [0]],
    ['gcn', [0]],
    ['sage', [0, 1, 2, 3, 4]],
  ];
  console.log(
    '| model (ChCh-Miner, split-seed0.json, dot, 100 epochs) | seeds | CLI test AUROC (mean) | train.py test AUROC (mean) | difference | per seed CLI / PyG | median ms per epoch CLI / PyG |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const [model, seeds] of rows.filter(([model]) => !process.env.ONLY || model.includes(process.env.ONLY))) {
    const runs = seeds.map((seed) => compare(files, ['--model', model, ...protocol, '--seed', String(seed)]));
    const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const a = mean(runs.map((r) => r.app.last.testAuroc));
    const p = mean(runs.map((r) => r.pyg.last.testAuroc));
    const per = runs.map((r) => `${r.app.last.testAuroc.toFixed(4)} / ${r.pyg.last.testAuroc.toFixed(4)}`).join(', ');
    const secs = `${mean(runs.map((r) => r.app.medianEpochMs)).toFixed(0)} / ${mean(runs.map((r) => r.pyg.medianEpochMs)).toFixed(0)}`;
    console.log(
      `| ${model} | ${seeds.join(', ')} | ${a.toFixed(4)} | ${p.toFixed(4)} | ${Math.abs(a - p).toFixed(4)}${Math.abs(a - p) <= 0.015 ? '' : ' **> 0.015**'} | ${per} | ${secs} |`,
    );
  }
}

/**
 * BioSNAP ChG-Miner as a drug–protein graph, the protocol of docs/results.md (100 epochs, early stopping
 * after 30, the seeded split drawn per seed): test AUROC at the best validation epoch, CLI against train.py.
 */
function chg() {
  const tsv = join(DATA, 'biosnap_chg_miner', 'ChG-Miner_miner-chem-gene.tsv');
  if (!existsSync(tsv)) throw new Error(`ChG-Miner is not at ${tsv} (set SHARED_DATASETS)`);
  const files = [tsv, '--columns', 'ChG-Miner_miner-chem-gene.tsv=source:1,target:2,kind:protein,relation:drug-target,header:yes'];
  const rows = [
    [
      ['--model', 'rgcn'],
      [0, 1, 2],
    ],
    [['--model', 'sage', '--hetero', 'sum'], [0]],
  ];
  console.log(
    '| flags (ChG-Miner drug-target, 100 epochs, patience 30) | seed | CLI test AUROC (best val. epoch) | train.py | difference | best epoch / epochs run CLI, PyG |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const [flags, seeds] of rows.filter(([f]) => !process.env.ONLY || f.join(' ').includes(process.env.ONLY))) {
    for (const seed of seeds) {
      const { app, pyg } = compare(files, [...flags, '--epochs', '100', '--seed', String(seed)]);
      const [a, p] = [app.best.testAuroc, pyg.best.testAuroc];
      console.log(
        `| \`${flags.join(' ')}\` | ${seed} | ${f4(a)} | ${f4(p)} | ${f4(Math.abs(a - p))} | ${app.best.epoch} / ${app.epochs}, ${pyg.best.epoch} / ${pyg.epochs} |`,
      );
    }
  }
}

/**
 * Two gloo processes started as torchrun starts them (its environment variables): Debian's torchrun of
 * python3-torch 1.13 fails under Python 3.11 before starting any worker (docs/save-and-share/pyg.md).
 * Full batch over 2 processes must equal one process; mini-batches must run.
 */
async function ddp() {
  const dir = mkdtempSync(join(tmpdir(), 'pyg-ddp-'));
  try {
    cli(['export-pyg', 'public/datasets/demo.json', '--model', 'seed-gcn', '--decoder', 'dot', '--epochs', '20', '--patience', '0', '--out', dir]);
    const single = lastJson(run(PYTHON, ['train.py', '--threads', '1'], { cwd: dir }));
    const twoProcesses = (extra) =>
      Promise.all(
        [0, 1].map(
          (rank) =>
            new Promise((resolve, reject) => {
              const p = spawn(PYTHON, ['train.py', '--ddp', '--threads', '1', ...extra], {
                cwd: dir,
                env: { ...env, MASTER_ADDR: '127.0.0.1', MASTER_PORT: '29561', WORLD_SIZE: '2', RANK: String(rank), LOCAL_RANK: String(rank) },
              });
              let out = '';
              let err = '';
              p.stdout.on('data', (d) => (out += d));
              p.stderr.on('data', (d) => (err += d));
              p.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`rank ${rank} exited with ${code}: ${err.slice(-2000)}`))));
            }),
        ),
      ).then(([out0]) => lastJson(out0));
    const full = await twoProcesses([]);
    const mini = await twoProcesses(['--batch-size', '200']);
    console.log('| run (demo, seed GCN + dot, 20 epochs) | backend | test AUROC |');
    console.log('|---|---|---|');
    console.log(`| one process | ${single.backend} | ${single.last.testAuroc.toFixed(6)} |`);
    console.log(`| 2 processes, full batch | ${full.backend} | ${full.last.testAuroc.toFixed(6)} |`);
    console.log(`| 2 processes, --batch-size 200 | ${mini.backend} | ${mini.last.testAuroc.toFixed(6)} |`);
    if (Math.abs(single.last.testAuroc - full.last.testAuroc) > 1e-4) throw new Error('DDP full batch differs from one process');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--chch')) chch();
else if (process.argv.includes('--chg')) chg();
else if (process.argv.includes('--ddp')) await ddp();
else demoMatrix();
