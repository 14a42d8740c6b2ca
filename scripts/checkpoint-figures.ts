/**
 * Sizes and times of a trainer checkpoint (src/model/checkpoint.ts) at the app's default settings:
 * bytes of the checkpoint and of the parsed graph as saved work stores them, capture and restore
 * times, and a check that the resumed epoch's loss equals the uninterrupted one's.
 *   node --import tsx scripts/checkpoint-figures.ts <data files…> [--backend wasm|cpu] [--epochs N]
 */
import * as tf from '../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { loadGraph } from '../src/cli/trainData';
import { captureCheckpoint, restoreCheckpoint } from '../src/model/checkpoint';
import { checkpointBytes } from '../src/model/checkpointFormat';
import { DEFAULT_MODEL_SETTINGS } from '../src/settings/schema';
import { createTrainer } from '../src/model/tasks';
import { approxBytes } from '../src/ui/savedWork/db';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const backend = opt('--backend', 'wasm');
const epochs = Number(opt('--epochs', '3'));
tf.enableProdMode();
await tf.setBackend(backend);
const graph = await loadGraph(args);
const linkGraph = { ...graph, numNodes: graph.nodes.length };
const settings = { ...DEFAULT_MODEL_SETTINGS };
const mb = (n: number) => `${(n / 1024 ** 2).toFixed(2)} MB`;

const a = createTrainer(linkGraph, settings, backend);
for (let i = 0; i < epochs; i++) await a.runEpoch();
let t0 = performance.now();
const cp = await captureCheckpoint(a);
const captureMs = performance.now() - t0;
t0 = performance.now();
const cloned = structuredClone(cp);
const cloneMs = performance.now() - t0;
const next = (await a.runEpoch()).loss;
a.dispose();

const b = createTrainer(linkGraph, settings, backend);
t0 = performance.now();
await restoreCheckpoint(b, cloned);
const restoreMs = performance.now() - t0;
const resumed = (await b.runEpoch()).loss;
b.dispose();

console.log(
  JSON.stringify(
    {
      data: graph.name,
      drugs: graph.nodes.length,
      interactions: graph.edgeSrc.length,
      backend,
      epochs,
      checkpoint: mb(checkpointBytes(cp)),
      graphAsSaved: mb(approxBytes(graph)),
      captureMs: Math.round(captureMs),
      structuredCloneMs: Math.round(cloneMs),
      restoreMs: Math.round(restoreMs),
      nextLossEqual: next === resumed,
    },
    null,
    1,
  ),
);
