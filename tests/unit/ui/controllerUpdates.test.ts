/**
 * The controller shows the worker's training updates paced (at most four a second while training plays),
 * but loses none and keeps their order: every epoch reaches the history and the run's curve, an update
 * after training stops shows at once, and updates still queued when the model is reset are applied
 * before the reset, never after it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { PlaygroundController } from '../../../src/ui/controller';
import { createPlaygroundStore } from '../../../src/ui/store';
import type { TrainerClient } from '../../../src/ui/trainerClient';
import type { EpochMetrics, TrainerUpdate } from '../../../src/workers/protocol';
import { trainerUpdate as update } from './trainerUpdates';

const epoch = (e: number): EpochMetrics => ({ epoch: e, loss: 1 / e, ms: 5, valAuroc: 0.5 + e / 100, valAuprc: 0.5, testAuroc: 0.6, testAuprc: 0.5 });

/**
 * A controller over a stand-in worker whose Play sends `sends` (awaiting each, as the worker does);
 * `shown` records how many epochs the store held just before each was sent.
 */
function setup(sends: TrainerUpdate[]) {
  const shown: number[] = [];
  const store = createPlaygroundStore({ ...DEFAULT_SETTINGS, epochs: 10 }, []);
  store.setState({
    graph: { name: 'Demo', nodes: [], edgeSrc: new Int32Array(), edgeDst: new Int32Array(), edgeTypes: [] },
    backend: { chosen: 'wasm', probes: [], aggregation: 'kernel' },
  });
  const api = {
    play: async (onUpdate: (u: TrainerUpdate) => void) => {
      for (const u of sends) {
        shown.push(store.getState().history.length);
        await onUpdate(u);
      }
    },
    fingerprints: async () => null,
    reset: async () => undefined,
    snapshot: async () => update('idle', null),
  };
  const controller = new PlaygroundController(store, () => ({ api, terminate: () => undefined }) as unknown as TrainerClient);
  return { store, controller, shown };
}

describe('training updates on the page', () => {
  it('are paced while playing, but every epoch arrives, in order, and the end shows at once', async () => {
    const epochs = [1, 2, 3, 4, 5, 6];
    const { store, controller, shown } = setup([...epochs.map((e) => update('training', epoch(e))), update('done', epoch(6))]);
    await controller.play();
    const s = store.getState();
    expect(s.status).toBe('done');
    expect(s.history.map((m) => m.epoch)).toEqual(epochs);
    expect(s.runs[0].curve!.map((m) => m.epoch)).toEqual(epochs);
    // The first update shows at once; the next five, sent within the same quarter second, wait for the end.
    expect(shown).toEqual([0, 1, 1, 1, 1, 1, 1]);
  });

  it('updates still queued at a reset are applied before it, not after', async () => {
    const { store, controller } = setup([update('training', epoch(1)), update('training', epoch(2))]);
    await controller.play();
    expect(store.getState().history.map((m) => m.epoch)).toEqual([1]); // epoch 2 waits for its turn
    await controller.reset();
    expect(store.getState().history).toEqual([]);
    expect(store.getState().runs[0].curve!.map((m) => m.epoch)).toEqual([1, 2]); // the run ended with both
    await new Promise((r) => setTimeout(r, 400));
    expect(store.getState().history).toEqual([]);
  });
});
