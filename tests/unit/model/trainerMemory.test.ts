/**
 * Tensors must stay flat over epochs (a leak would grow with every epoch of a long run) at the size of the long-task browser test (100k edges), checked here
 * where tf.memory() is reachable: the tensor count after every epoch is the same, on the wasm
 * backend (the app's CPU path, with the CsrSpmm kernel chosen automatically) and on cpu.
 */
import * as tf from '../../../src/model/tf';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS, SEED_MODEL } from '../../../src/settings/schema';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';

function syntheticGraph(numNodes: number, numEdges: number) {
  const rng = new Rng(5);
  const seen = new Set<number>();
  const a: number[] = [];
  const b: number[] = [];
  while (a.length < numEdges) {
    const u = rng.int(numNodes);
    const v = rng.int(numNodes);
    const key = Math.min(u, v) * numNodes + Math.max(u, v);
    if (u === v || seen.has(key)) continue;
    seen.add(key);
    a.push(Math.min(u, v));
    b.push(Math.max(u, v));
  }
  return { numNodes, edgeSrc: Int32Array.from(a), edgeDst: Int32Array.from(b) };
}

describe('tensor count across epochs at 100k edges', () => {
  const graph = syntheticGraph(4000, 100_000);
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const backend of ['wasm', 'cpu']) {
    it(`stays flat on ${backend} (CsrSpmm kernel)`, async () => {
      await tf.setBackend(backend);
      const before = tf.memory().numTensors;
      // wasm runs the app's defaults (GCN + MLP decoder); cpu the seed model: the cpu backend's
      // plain-JS matMul makes the MLP over 170k pairs take ~15 s per epoch.
      const model = backend === 'wasm' ? {} : SEED_MODEL;
      const trainer = new LinkTrainer(graph, { ...DEFAULT_MODEL_SETTINGS, ...model, hidden: 64, epochs: 4 }, backend);
      expect(trainer.aggregationMode).toBe('kernel');
      const counts: number[] = [];
      const losses: number[] = [];
      for (let e = 0; e < 3; e++) {
        losses.push(await trainer.trainEpoch());
        counts.push(tf.memory().numTensors);
      }
      const h = await trainer.embeddings();
      expect(h.length).toBe(4000 * 64);
      expect(tf.memory().numTensors).toBe(counts[0]); // evaluation leaves nothing behind either
      expect(new Set(counts).size).toBe(1);
      expect(losses.every(Number.isFinite)).toBe(true);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
