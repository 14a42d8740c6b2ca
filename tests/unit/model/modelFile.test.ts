/**
 * Model files out and back in through the trainer service (the worker's code without the worker):
 * a model loaded onto the same graph predicts exactly what the saved one did, for the link task
 * (dot and MLP decoders), the type task and the node task; every kind of bad file is refused with
 * its own message and the model already loaded stays.
 */
import * as tf from '../../../src/model/tf';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrugGraph } from '../../../src/data/graph';
import { MODEL_FILE_FORMAT } from '../../../src/model/modelFileFormat';
import { parseModelFiles, type ModelJson } from '../../../src/model/modelFile';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { TrainerService } from '../../../src/workers/trainerService';
import { communities } from '../../helpers/graphs';

afterEach(() => tf.disposeVariables());

function drugGraph(n = 24, seed = 3): DrugGraph {
  const g = communities(n, seed);
  return { name: `communities-${n}`, nodes: g.nodes!, edgeSrc: g.edgeSrc, edgeDst: g.edgeDst, edgeType: g.edgeType, edgeTypes: g.edgeTypes! };
}

const base: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, hidden: 8, epochs: 20, candidates: 10, patience: 0 };

async function trainedService(settings: ModelSettings, graph = drugGraph(), epochs = 3): Promise<TrainerService> {
  const service = new TrainerService();
  await service.init('cpu');
  await service.setup(graph, settings);
  for (let i = 0; i < epochs; i++) expect((await service.step()).error).toBeNull();
  return service;
}

/** Everything the model answers: every node's output vector, the task's scores. */
async function answers(service: TrainerService, nodes: number) {
  const h = (await Promise.all(Array.from({ length: nodes }, (_, v) => service.nodeOutput(v)))).flat();
  const known = await service.knownPairScores();
  const snap = await service.snapshot();
  return { h, known: known ? Array.from(known.score) : null, candidates: snap.candidates.map((c) => c.score), metrics: snap.metrics };
}

const maxDiff = (a: number[], b: number[]) => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

describe('model files: round trip', () => {
  const cases: [string, Partial<ModelSettings>][] = [
    ['link, dot decoder', { model: 'seed-gcn', decoder: 'dot' }],
    ['link, MLP decoder', { model: 'gcn', decoder: 'mlp' }],
    ['link, ogbl-ddi recipe settings with jk cat', { model: 'sage', decoder: 'mlp', jk: 'cat', loss: 'auc', negatives: 2, edgeDropout: 0.3 }],
    ['type task, MLP head on [h_a ‖ h_b]', { task: 'type', model: 'sage' }],
    ['type task, per-type DistMult head', { task: 'type', model: 'sage', decoder: 'distmult' }],
    ['node task', { task: 'node', model: 'gcn', features: 'learned+degree' }],
  ];
  it.each(cases)('%s: same graph → same predictions, the file’s settings applied', async (_, partial) => {
    const settings = { ...base, ...partial };
    const graph = drugGraph();
    const saver = await trainedService(settings, graph);
    const saved = await answers(saver, graph.nodes.length);
    const files = await saver.saveModel();
    const json = JSON.parse(files.modelJson) as ModelJson;
    expect(json.format).toBe(MODEL_FILE_FORMAT);
    expect(json.userDefinedMetadata).toMatchObject({ settings, task: settings.task, epoch: 3, appVersion: '0.1.0' });
    expect(json.userDefinedMetadata.graph).toMatchObject({ drugs: 24, interactions: graph.edgeSrc.length });
    expect(json.userDefinedMetadata.classNames).toEqual(
      settings.task === 'type' ? ['even', 'odd', 'mixed'] : settings.task === 'node' ? expect.arrayContaining(['A', 'N']) : [],
    );
    // weights.bin holds exactly the manifest's float32 values.
    const values = json.weightsManifest[0].weights.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
    expect(files.weights.byteLength).toBe(4 * values);

    // A page with other settings (another width, another seed) loads the file: the file's settings win.
    const loader = await trainedService({ ...base, hidden: 4, seed: 9, task: 'link' }, graph, 1);
    const before = await answers(loader, graph.nodes.length);
    expect(before.h.length).toBe(24 * 4);
    const loaded = await loader.loadModel(files.modelJson, files.weights.slice(0));
    expect(loaded.settings).toEqual(settings);
    expect(loaded.epoch).toBe(3);
    const after = await answers(loader, graph.nodes.length);
    expect(after.h.length).toBe(saved.h.length);
    expect(maxDiff(after.h, saved.h)).toBeLessThanOrEqual(1e-6);
    if (saved.known) expect(maxDiff(after.known!, saved.known)).toBeLessThanOrEqual(1e-6);
    expect(maxDiff(after.candidates, saved.candidates)).toBeLessThanOrEqual(1e-6);
    // Its evaluation is the saved model's last epoch's (same split from the same seed).
    const { loss: _l, ms: _m, ...evaluated } = loaded.metrics;
    const { loss: _l2, ms: _m2, ...trainedMetrics } = saved.metrics!;
    expect(evaluated).toEqual(trainedMetrics);
    // Training goes on from the loaded epoch.
    expect((await loader.step()).metrics!.epoch).toBe(4);
  });

  it('after an early stop the file holds the best epoch’s weights and says so', async () => {
    const graph = drugGraph();
    const service = await trainedService({ ...base, model: 'gcn', decoder: 'mlp', patience: 2, epochs: 60 }, graph, 0);
    let u = await service.step();
    while (!u.stop && u.metrics!.epoch < 60) u = await service.step();
    expect(u.stop?.kind).toBe('early'); // seeded: this run stops early
    const stop = u.stop as { bestEpoch: number; epoch: number };
    expect(stop.bestEpoch).toBeLessThan(stop.epoch);
    const restored = await answers(service, graph.nodes.length);
    const files = await service.saveModel();
    expect((JSON.parse(files.modelJson) as ModelJson).userDefinedMetadata.epoch).toBe(stop.bestEpoch);
    const other = await trainedService(base, graph, 0);
    expect((await other.loadModel(files.modelJson, files.weights)).epoch).toBe(stop.bestEpoch);
    expect(maxDiff((await answers(other, graph.nodes.length)).h, restored.h)).toBeLessThanOrEqual(1e-6);
  });

  it('a type-task file from before the MLP head (DistMult weights, decoder "mlp") loads as decoder "distmult"', async () => {
    const graph = drugGraph();
    const saver = await trainedService({ ...base, task: 'type', decoder: 'distmult' }, graph);
    const saved = await answers(saver, graph.nodes.length);
    const files = await saver.saveModel();
    const json = JSON.parse(files.modelJson) as ModelJson;
    // Such a file said the default decoder while its head was DistMult.
    json.userDefinedMetadata.settings.decoder = 'mlp';
    expect(json.weightsManifest[0].weights.some((w) => w.name.endsWith('/decoder/types/W'))).toBe(true);
    const old = JSON.stringify(json);
    expect(parseModelFiles(old, files.weights.slice(0)).meta.settings.decoder).toBe('distmult');
    const loader = await trainedService({ ...base, task: 'type' }, graph, 1);
    const loaded = await loader.loadModel(old, files.weights.slice(0));
    expect(loaded.settings.decoder).toBe('distmult');
    // The DistMult head predicts what it did when saved.
    expect(loaded.metrics.testMacroF1).toBe(saved.metrics!.testMacroF1);
    expect(loaded.metrics.valAccuracy).toBe(saved.metrics!.valAccuracy);
  });

  it('leaks no tensors: save, load and a refused load leave the count flat', async () => {
    const graph = drugGraph();
    const service = await trainedService({ ...base, model: 'gcn', decoder: 'mlp' }, graph);
    const files = await service.saveModel();
    await service.loadModel(files.modelJson, files.weights.slice(0));
    const count = tf.memory().numTensors;
    await service.loadModel(files.modelJson, files.weights.slice(0));
    await service.saveModel();
    await expect(service.loadModel(files.modelJson, files.weights.slice(4))).rejects.toThrow();
    expect(tf.memory().numTensors).toBe(count);
  });
});

describe('model files: refusals keep the loaded model', () => {
  it('refuses each kind of bad file with its own message', async () => {
    const settings = { ...base, model: 'gcn' as const, decoder: 'mlp' as const };
    const graph = drugGraph();
    const service = await trainedService(settings, graph, 2);
    const files = await service.saveModel();
    const json = JSON.parse(files.modelJson) as ModelJson;
    const edit = (f: (j: ModelJson) => void) => {
      const copy = JSON.parse(files.modelJson) as ModelJson;
      f(copy);
      return JSON.stringify(copy);
    };
    await service.step(); // the model in use now differs from the file's
    const kept = await answers(service, graph.nodes.length);
    const w = () => files.weights.slice(0);

    const refusals: [string | null, ArrayBuffer | null, RegExp][] = [
      ['{"format": "drug-gnn', w(), /model\.json is not valid JSON/],
      [edit((j) => (j.format = 'other/1' as never)), w(), /not a drug-gnn-playground-model\/1 file \(its format is "other\/1"\)/],
      [files.modelJson, w().slice(8), /weights\.bin has \d+ bytes but model\.json describes \d+/],
      [edit((j) => j.weightsManifest[0].weights[0].shape.reverse()), w(), /weight 0 .* has shape \[8, 24\].*expects \[24, 8\]/],
      [files.modelJson, null, /weights\.bin is missing/],
      [null, w(), /model\.json is missing/],
      [edit((j) => (j.userDefinedMetadata.settings.hidden = 1000)), w(), /setting “hidden” = 1000: expected a whole number from 2 to 512/],
      [edit((j) => (j.userDefinedMetadata.graph.fingerprint = '0'.repeat(64))), w(), /trained on another graph/],
      [edit((j) => (j.userDefinedMetadata.graph.nodeOrder = '0'.repeat(64))), w(), /same drugs and interactions, but listed in another order/],
    ];
    for (const [modelJson, weights, message] of refusals) {
      await expect(service.loadModel(modelJson, weights), String(message)).rejects.toThrow(message);
    }
    expect(await answers(service, graph.nodes.length)).toEqual(kept);
    expect(json.userDefinedMetadata.epoch).toBe(2);
  });

  it('refuses a model trained on another graph', async () => {
    const saver = await trainedService(base, drugGraph(24, 3), 1);
    const files = await saver.saveModel();
    const other = await trainedService(base, drugGraph(24, 4), 1);
    await expect(other.loadModel(files.modelJson, files.weights)).rejects.toThrow(/trained on another graph \(“communities-24”, 24 drugs/);
  });

  it('parses the manifest before anything is built (weights.bin length from the shapes)', () => {
    expect(() => parseModelFiles(JSON.stringify({ format: MODEL_FILE_FORMAT }), new ArrayBuffer(0))).toThrow(/not a drug-gnn-playground-model\/1 file/);
  });
});
