/**
 * Sizes and times of the model files and fingerprints on a data set (Node, wasm backend): graph and
 * split fingerprints, saving the default model's weights (model.json + weights.bin), and loading them
 * back (parse, checks, build from the settings, assign), with the largest difference in the output
 * vectors after the round trip.
 *   node --import tsx scripts/model-file-timing.ts <files…> [--ogbl-ddi DIR] [--hidden D] [other train flags]
 */
import * as tf from '../src/model/tf';
import { APP_VERSION } from '../src/appVersion';
import { graphFingerprint, nodeOrderFingerprint, splitFingerprint } from '../src/data/fingerprint';
import { parseTrainArgs } from '../src/cli/train';
import { buildTrainer, loadData, startBackend } from '../src/cli/session';
import { assignWeights, checkGraph, parseModelFiles, saveModelFiles, savingMeta } from '../src/model/modelFile';

const parsed = parseTrainArgs(process.argv.slice(2));
const fail = await startBackend(parsed.backend, console.log);
if (fail) throw new Error(fail);
const { graph, split } = await loadData(parsed);
const ids = graph.nodes.map((n) => n.id);
const time = async <T>(label: string, f: () => Promise<T> | T): Promise<T> => {
  const t0 = performance.now();
  const r = await f();
  console.log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return r;
};
console.log(`${graph.name}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions; backend ${tf.getBackend()}`);
const fingerprint = await time('graph fingerprint', () => graphFingerprint(graph));
const nodeOrder = await time('drug-order fingerprint', () => nodeOrderFingerprint(ids));
const trainer = await buildTrainer(graph, parsed.settings, split, Boolean(parsed.ogbl));
await trainer.runEpoch();
const link = trainer.linkPredictor();
const splitFp = link ? await time('split fingerprint', () => splitFingerprint(link.split, ids)) : null;
const files = await time('save (encode weights + model.json)', async () =>
  saveModelFiles(trainer, savingMeta(trainer, graph, { fingerprint, nodeOrder }, splitFp, APP_VERSION)),
);
console.log(`model.json ${files.modelJson.length} bytes, weights.bin ${files.weights.byteLength} bytes (${trainer.variables().length} tensors)`);
const before = await trainer.embeddings();
const loaded = await time('load (parse, check, build from settings, assign)', async () => {
  const file = parseModelFiles(files.modelJson, files.weights);
  checkGraph(file.meta, { fingerprint: await graphFingerprint(graph), nodeOrder: await nodeOrderFingerprint(ids) });
  const t = await buildTrainer(graph, file.meta.settings, split, Boolean(parsed.ogbl));
  assignWeights(t, file);
  return t;
});
const after = await loaded.embeddings();
console.log(`max |Δ| of the output vectors after the round trip: ${before.reduce((m, x, i) => Math.max(m, Math.abs(x - after[i])), 0)}`);
trainer.dispose();
loaded.dispose();
