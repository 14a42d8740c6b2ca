/**
 * Fingerprints of seeded runs on the demo set (cpu backend, exact): per layer kind, the loss of
 * every epoch, a SHA-256 of the output embeddings, of every tensor of the teaching trace and of
 * the known pairs' scores. Run before and after a change to the model code and diff the outputs:
 * a refactoring that keeps the math identical prints the same lines.
 *   node --import tsx scripts/layer-equivalence.ts > before.txt
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as tf from '../src/model/tf';
import { loadGraph } from '../src/cli/trainData';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../src/settings/schema';
import { createTrainer } from '../src/model/tasks';

tf.env().set('IS_TEST', true);
await tf.setBackend('cpu');

const graph = await loadGraph([fileURLToPath(new URL('../public/datasets/demo.json', import.meta.url))]);
const input = { ...graph, numNodes: graph.nodes.length };
const hash = (a: ArrayBufferView): string =>
  createHash('sha256')
    .update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength))
    .digest('hex')
    .slice(0, 16);

const runs: [string, Partial<ModelSettings>][] = [
  ['seed-gcn', { model: 'seed-gcn' }],
  ['gcn', { model: 'gcn' }],
  ['sage', { model: 'sage' }],
  ['gat', { model: 'gat', heads: 4 }],
  ['gin', { model: 'gin' }],
  ['mpnn sum/add', { model: 'mpnn', aggregator: 'sum', update: 'add' }],
  ['mpnn max/concat', { model: 'mpnn', aggregator: 'max', update: 'concat' }],
  ['mpnn mean/replace', { model: 'mpnn', aggregator: 'mean', update: 'replace' }],
  ['gat mlp decoder, 3 layers', { model: 'gat', heads: 2, decoder: 'mlp', layers: 3 }],
  ['gcn type task', { model: 'gcn', task: 'type' }],
  ['gin node task', { model: 'gin', task: 'node' }],
];

for (const [label, over] of runs) {
  const settings: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, hidden: 16, dropout: 0.2, seed: 7, patience: 0, ...over };
  const trainer = createTrainer(input, settings, 'cpu');
  const losses: number[] = [];
  for (let e = 0; e < 5; e++) losses.push((await trainer.runEpoch()).loss);
  const h = await trainer.embeddings();
  const trace = tf.tidy(() => {
    const { layers, activated } = trainer.model!.trace(trainer.operators);
    return [...layers.flatMap((t) => [t.input, t.messages, t.aggregated, t.output, ...(t.attention ? [t.attention] : [])]), ...activated].map(
      (t) => t.dataSync() as Float32Array,
    );
  });
  const link = trainer.linkPredictor();
  const known = link ? hash((await link.knownEdgeScores(h)).score) : '-';
  console.log(`${label}: losses ${losses.join(' ')}; embeddings ${hash(h)}; trace ${trace.map(hash).join(',')}; known ${known}`);
  trainer.dispose();
}
console.log(`tensors left: ${tf.memory().numTensors}`);
