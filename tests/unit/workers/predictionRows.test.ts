/**
 * The worker's predictions file without the worker: chunks arrive in order with their progress and
 * concatenate to the whole file; cancelPredictionRows (or a callback returning false) stops it after the
 * current block; a model reset waits for the file instead of freeing tensors under it.
 */
import * as tf from '../../../src/model/tf';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrugGraph } from '../../../src/data/graph';
import type { PredictionChunk } from '../../../src/model/predictionFile';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { TrainerService } from '../../../src/workers/trainerService';
import { randomPairs } from '../../helpers/graphs';

afterEach(() => tf.disposeVariables());

const settings: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, hidden: 8, epochs: 5, candidates: 5, decoder: 'dot' };
const N = 120; // 7,140 pairs
const pairs = randomPairs(N, 400, 1);
const graph: DrugGraph = {
  name: 'G',
  nodes: Array.from({ length: N }, (_, i) => ({ id: `D${i}`, name: i % 7 === 0 ? `drug, no. ${i}` : `drug ${i}` })),
  edgeSrc: pairs.a,
  edgeDst: pairs.b,
  edgeTypes: [],
};

async function service(): Promise<TrainerService> {
  const s = new TrainerService();
  await s.init('cpu');
  await s.setup(graph, settings);
  await s.step();
  return s;
}

describe('TrainerService.predictionRows', () => {
  it('streams every pair in chunks with progress; the chunks joined are the file', async () => {
    const s = await service();
    const chunks: PredictionChunk[] = [];
    const summary = await s.predictionRows({ what: 'all', format: 'tsv', block: 1000 }, (c) => void chunks.push(c));
    const total = (N * (N - 1)) / 2;
    expect(chunks.map((c) => c.done)).toEqual([1000, 2000, 3000, 4000, 5000, 6000, 7000, total]);
    expect(chunks.every((c) => c.total === total)).toBe(true);
    const text = new TextDecoder().decode(new Uint8Array(await new Blob(chunks.map((c) => c.bytes as BlobPart)).arrayBuffer()));
    const lines = text.split('\n');
    expect(lines[0]).toBe('drug_a_id\tdrug_a_name\tdrug_b_id\tdrug_b_name\tknown\tsplit\tscore\tprobability\trank');
    expect(lines).toHaveLength(total + 2); // header, rows, and the empty string after the last newline
    expect(lines.filter((l) => l.split('\t')[4] === '1')).toHaveLength(400);
    expect(summary).toMatchObject({ task: 'link', what: 'all', rows: total, cancelled: false, bytes: chunks.reduce((n, c) => n + c.bytes.length, 0) });
  });

  it('cancel stops after the block in hand; a reset asked meanwhile waits for it and then takes effect', async () => {
    const s = await service();
    const before = await s.nodeOutput(0);
    let seen = 0;
    let reset: Promise<void> | null = null;
    const summary = await s.predictionRows({ what: 'all', format: 'csv', block: 500 }, async (c) => {
      seen = c.done;
      if (c.done === 1000) {
        reset = s.reset({ ...settings, seed: 9 });
        await s.cancelPredictionRows();
      }
    });
    expect(seen).toBe(1000);
    expect(summary).toMatchObject({ rows: 1000, cancelled: true });
    await reset;
    expect(await s.nodeOutput(0)).not.toEqual(before);
    // A callback that returns false stops too.
    let calls = 0;
    const stopped = await s.predictionRows({ what: 'known', format: 'csv', block: 100 }, () => ++calls < 3);
    expect(stopped).toMatchObject({ rows: 300, total: 400, cancelled: true });
  });
});
