/**
 * The trainer worker's service without the worker: a set-up or reset that fails must leave the
 * model already trained in place and usable (build the new model first, swap, then free the old).
 */
import * as tf from '../../../src/model/tf';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrugGraph } from '../../../src/data/graph';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { TrainerService } from '../../../src/workers/trainerService';

afterEach(() => tf.disposeVariables());

const settings: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, hidden: 8, epochs: 50, candidates: 5 };

function drugs(n: number) {
  return Array.from({ length: n }, (_, i) => ({ id: `D${i}`, name: `drug ${i}` }));
}

/** A sparse random graph the link task can split. */
function sparseGraph(n: number, m: number): DrugGraph {
  const rng = new Rng(5);
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  while (a.length < m) {
    const u = rng.int(n);
    const v = rng.int(n);
    if (u === v || seen.has(Math.min(u, v) * n + Math.max(u, v))) continue;
    seen.add(Math.min(u, v) * n + Math.max(u, v));
    a.push(Math.min(u, v));
    b.push(Math.max(u, v));
  }
  return { name: 'A', nodes: drugs(n), edgeSrc: Int32Array.from(a), edgeDst: Int32Array.from(b), edgeTypes: [] };
}

/** Every pair known: no negative pairs can be drawn for validation and test, so set-up fails. */
function completeGraph(n: number): DrugGraph {
  const a: number[] = [];
  const b: number[] = [];
  for (let u = 0; u < n; u++)
    for (let v = u + 1; v < n; v++) {
      a.push(u);
      b.push(v);
    }
  return { name: 'B', nodes: drugs(n), edgeSrc: Int32Array.from(a), edgeDst: Int32Array.from(b), edgeTypes: [] };
}

async function outputs(service: TrainerService, nodes: number[]): Promise<number[][]> {
  return Promise.all(nodes.map((v) => service.nodeOutput(v)));
}

describe('TrainerService set-up and reset: build first, then swap', () => {
  it('keeps the trained model when setup fails on a new graph', async () => {
    const service = new TrainerService();
    await service.init('cpu');
    await service.setup(sparseGraph(40, 90), settings);
    const first = await service.step();
    expect(first.metrics!.epoch).toBe(1);
    const before = await service.snapshot();
    const h = await outputs(service, [0, 7, 39]);
    const tensors = tf.memory().numTensors;

    await expect(service.setup(completeGraph(8), settings)).rejects.toThrow(/too dense/);

    // Same tensors, same answers: the old model was neither freed nor replaced.
    expect(tf.memory().numTensors).toBe(tensors);
    expect(await outputs(service, [0, 7, 39])).toEqual(h);
    const after = await service.snapshot();
    expect(Array.from(after.edgeProbabilities!)).toEqual(Array.from(before.edgeProbabilities!));
    expect(after.candidates).toEqual(before.candidates);
    expect(after.metrics).toEqual(first.metrics);
    // Training goes on from epoch 1 on the old graph (40 nodes, not 8).
    const second = await service.step();
    expect(second.error).toBeNull();
    expect(second.metrics!.epoch).toBe(2);
    expect((await service.nodeOutput(39)).length).toBe(8);
  });

  it('keeps the trained model when a reset with impossible settings fails', async () => {
    const service = new TrainerService();
    await service.init('cpu');
    await service.setup(sparseGraph(40, 90), settings);
    await service.step();
    const h = await outputs(service, [3, 21]);
    // 8 is not divisible by 3 attention heads.
    const tensors = tf.memory().numTensors;
    await expect(service.reset({ ...settings, model: 'gat', heads: 3 })).rejects.toThrow(/not divisible by 3 heads/);
    expect(tf.memory().numTensors).toBe(tensors); // the half-built model was freed
    expect(await outputs(service, [3, 21])).toEqual(h);
    expect((await service.step()).metrics!.epoch).toBe(2);
  });

  it('frees the old model once the new one is in place', async () => {
    const service = new TrainerService();
    await service.init('cpu');
    await service.setup(sparseGraph(40, 90), settings);
    await service.step();
    const tensors = tf.memory().numTensors;
    await service.reset(settings);
    await service.snapshot();
    // A fresh model of the same shape: no more tensors than the old one held (Adam's slots not yet created).
    expect(tf.memory().numTensors).toBeLessThanOrEqual(tensors);
    expect((await service.step()).metrics!.epoch).toBe(1);
  });

  it('Play asked for while a reset is still building trains the new model', async () => {
    const service = new TrainerService();
    await service.init('cpu');
    await service.setup(sparseGraph(40, 90), settings);
    await service.step();
    const reset = service.reset({ ...settings, epochs: 2 }); // not awaited, as a quick click would
    const epochs: number[] = [];
    await service.play((u) => void (u.metrics && epochs.push(u.metrics.epoch)));
    await reset;
    // The new model's epochs 1 and 2 (its budget), not the old model's 2, 3, …
    expect(epochs).toEqual([1, 2]);
  });
});

describe('TrainerService after early stopping', () => {
  it('shows the restored best weights: probabilities, candidates, outputs and the teaching view are the best epoch’s', async () => {
    const service = new TrainerService();
    await service.init('cpu');
    await service.setup(sparseGraph(40, 90), { ...settings, patience: 3, learningRate: 0.05, epochs: 300 });
    // Step (a forced full view each epoch) until the run stops, keeping what each epoch showed.
    const views = new Map<number, { probabilities: number[]; candidates: unknown; output: number[] }>();
    let u = await service.step();
    while (u.status !== 'stopped' && u.metrics!.epoch < 300) {
      views.set(u.metrics!.epoch, { probabilities: Array.from(u.edgeProbabilities!), candidates: u.candidates, output: await service.nodeOutput(5) });
      u = await service.step();
    }
    expect(u.status).toBe('stopped');
    expect(u.stop).toMatchObject({ kind: 'early', epoch: u.metrics!.epoch, patience: 3 });
    const bestEpoch = u.best!.epoch;
    expect(u.metrics!.epoch - bestEpoch).toBe(3);
    const best = views.get(bestEpoch)!;
    expect(Array.from(u.edgeProbabilities!)).toEqual(best.probabilities);
    expect(u.candidates).toEqual(best.candidates);
    expect(await service.nodeOutput(5)).toEqual(best.output);
    // The epoch before the stop showed other weights, so the equality above is the restore's doing.
    expect(views.get(u.metrics!.epoch - 1)!.probabilities).not.toEqual(best.probabilities);
    // The teaching view labels the model by the epoch its weights come from, and its slider ends there.
    expect((await service.explainNode(5)).epoch).toBe(bestEpoch);
    expect((await service.embeddingProjection())!.epoch).toBe(bestEpoch);
    // Another step trains on from the best weights and is the user's, not a new early stop.
    expect((await service.step()).status).toBe('paused');
  });
});

describe('TrainerService.useSplit: split files for the graph in use', () => {
  it('trains on a link-split file, keeps it over a reset, refuses one for other data and drops it with new data', async () => {
    const { splitLinks } = await import('../../../src/model/split');
    const { linkSplitToJson } = await import('../../../src/model/splitFile');
    const service = new TrainerService();
    await service.init('cpu');
    const graph = sparseGraph(40, 90);
    const ids = graph.nodes.map((n) => n.id);
    await service.setup(graph, settings);
    const seeded = await service.splitFile();
    // Another seed's split: different pairs from the one the settings' seed draws.
    const given = JSON.stringify(linkSplitToJson(splitLinks(40, graph.edgeSrc, graph.edgeDst, 77), ids));
    expect(given).not.toBe(seeded);
    const info = await service.useSplit({ kind: 'link', file: 'given.json', text: given }, settings);
    expect(info).toMatchObject({ files: ['given.json'], counts: { kind: 'link', train: expect.any(Number) } });
    expect(info!.counts.train + info!.counts.val + info!.counts.test).toBe(90);
    expect(await service.splitFile()).toBe(given);
    await service.reset({ ...settings, seed: 3 });
    expect(await service.splitFile()).toBe(given);
    expect((await service.step()).metrics!.epoch).toBe(1);

    // Same drugs, other pairs: refused with the file's name; the split in use stays.
    const other = sparseGraph(40, 90);
    const shifted = { ...other, edgeSrc: other.edgeSrc.map((u) => (u + 7) % 40), edgeDst: other.edgeDst.map((v) => (v + 13) % 40) };
    const foreign = JSON.stringify(linkSplitToJson(splitLinks(40, shifted.edgeSrc, shifted.edgeDst, 1), ids));
    await expect(service.useSplit({ kind: 'link', file: 'foreign.json', text: foreign }, settings)).rejects.toThrow(
      /^foreign.json: \d+ of its \d+ positive pairs are not interactions/,
    );
    expect(await service.splitFile()).toBe(given);

    // Back to the seeded split, and new data starts on its seeded split.
    expect(await service.useSplit(null, settings)).toBeNull();
    expect(await service.splitFile()).toBe(seeded);
    await service.useSplit({ kind: 'link', file: 'given.json', text: given }, settings);
    await service.setup(graph, settings);
    expect(await service.splitFile()).toBe(seeded);
  });
});
