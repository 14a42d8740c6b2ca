/**
 * `npm run bench -- --only=candidates`: the candidate list's scan over all N(N−1)/2 pairs, as the
 * worker runs it at a view refresh (LinkTrainer.candidates, yielding a macrotask between blocks),
 * with the dot and the MLP decoder, on the wasm backend. The model is untrained: the cost does not
 * depend on the weights. Reports the total time, the longest stretch without a yield (how long
 * the worker cannot take a message) and the peak of tensor memory.
 */
import os from 'node:os';
import * as tf from '../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_MODEL_SETTINGS } from '../src/settings/schema';
import type { DecoderKind } from '../src/settings/options';
import { LinkTrainer } from '../src/model/tasks/linkTrainer';
import { machineInfo } from './report';
import { namedGraphs } from './trainData';

interface CandidateRow {
  dataset: string;
  decoder: DecoderKind;
  nodes: number;
  pairs: number;
  ms: number;
  blocks: number;
  longestBlockMs: number;
  peakTensorMB: number;
}

const yieldTask = () => new Promise<void>((r) => setTimeout(r, 0));

export async function runCandidatesBench(opts: { short: boolean; json: boolean }): Promise<object> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('wasm');
  await tf.ready();
  const machine = machineInfo();
  const rows: CandidateRow[] = [];
  const log = (s: string) => !opts.json && console.log(s);
  log(`\n== candidates: top 15 unknown pairs over all pairs, 64-d, wasm; ${machine.cores}× ${machine.cpu}, load ${os.loadavg()[0].toFixed(2)}`);
  for (const g of namedGraphs(opts.short)) {
    for (const decoder of ['dot', 'mlp'] as const) {
      const settings = { ...DEFAULT_MODEL_SETTINGS, model: 'gcn' as const, decoder, hidden: 64, seed: 0 };
      const trainer = new LinkTrainer(g.graph, settings, 'wasm', g.split ? { split: g.split } : {});
      const h = await trainer.embeddings();
      let blocks = 0;
      let longest = 0;
      let last = performance.now();
      const t0 = performance.now();
      const info = await tf.profile(async () => {
        const c = await trainer.candidates(15, h, async () => {
          longest = Math.max(longest, performance.now() - last);
          blocks++;
          await yieldTask();
          last = performance.now();
          return true;
        });
        if (c.length !== 15) throw new Error(`expected 15 candidates, got ${c.length}`);
      });
      longest = Math.max(longest, performance.now() - last);
      const n = g.graph.numNodes;
      const row: CandidateRow = {
        dataset: g.name,
        decoder,
        nodes: n,
        pairs: (n * (n - 1)) / 2,
        ms: Math.round(performance.now() - t0),
        blocks,
        longestBlockMs: Math.round(longest),
        // tf.profile reports -Infinity when the scan made no tensor (the dot decoder).
        peakTensorMB: +(Math.max(0, info.peakBytes) / 2 ** 20).toFixed(1),
      };
      rows.push(row);
      trainer.dispose();
      log(
        `${g.name.padEnd(12)} ${decoder.padEnd(4)} ${String(n).padStart(5)} drugs ${String(row.pairs).padStart(9)} pairs  ${String(row.ms).padStart(6)} ms  ${String(blocks).padStart(4)} blocks, longest ${row.longestBlockMs} ms  peak tensors ${row.peakTensorMB} MB`,
      );
    }
  }
  await tf.setBackend('cpu');
  return { section: 'candidates', machine, rows };
}
