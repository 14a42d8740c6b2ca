/**
 * Runs and model files: every epoch's metrics are kept for the run card's curves, and a model loaded
 * from a file starts a run of its own that names the file, closes the run before it, and goes on
 * collecting epochs when it is trained further.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { RunLog } from '../../../src/ui/runs/runLog';
import { createPlaygroundStore } from '../../../src/ui/store';
import type { EpochMetrics, TrainerUpdate } from '../../../src/workers/protocol';
import { trainerUpdate as update } from './trainerUpdates';

const epoch = (e: number, valAuroc: number, ms = 10 * e): EpochMetrics => ({
  epoch: e,
  loss: 1 / e,
  ms,
  valAuroc,
  valAuprc: 0.5,
  testAuroc: 0.6,
  testAuprc: 0.5,
});

function setup() {
  const store = createPlaygroundStore({ ...DEFAULT_SETTINGS, hidden: 16, epochs: 10 }, []);
  store.setState({
    graph: { name: 'Demo', nodes: [], edgeSrc: new Int32Array(), edgeDst: new Int32Array(), edgeTypes: [] },
    backend: { chosen: 'wasm', probes: [], aggregation: 'kernel' },
  });
  const log = new RunLog(store);
  /** As the controller does: the run log first, then the store's history. */
  const apply = (u: TrainerUpdate) => {
    log.record(u);
    if (u.metrics && u.metrics.epoch !== store.getState().history.at(-1)?.epoch) store.setState({ history: [...store.getState().history, u.metrics] });
  };
  return { store, log, apply };
}

describe('runs keep their curves; loaded models get their own run', () => {
  it('keeps every epoch in order', () => {
    const { store, apply } = setup();
    apply(update('training', epoch(1, 0.6)));
    apply(update('training', epoch(2, 0.7)));
    apply(update('paused', epoch(2, 0.7))); // the same epoch again (pause view): not a new point
    expect(store.getState().runs[0].curve!.map((e) => e.epoch)).toEqual([1, 2]);
  });

  it('a loaded model: a new run naming the file, the previous run closed, further epochs appended', () => {
    const { store, log, apply } = setup();
    apply(update('training', epoch(1, 0.6)));
    const loaded = { ...epoch(7, 0.9, 0), loss: NaN };
    store.setState({ history: [loaded], settings: { ...store.getState().settings, hidden: 32 } });
    log.startLoaded('demo.model.zip', loaded, '0.1.0', 'AUROC');
    const [first, second] = store.getState().runs;
    expect(first.end.kind).toBe('user');
    expect(second).toMatchObject({ id: 2, epochs: 7, last: loaded, loadedFrom: { file: 'demo.model.zip', epoch: 7, appVersion: '0.1.0' }, epochMs: [] });
    expect(second.settings.hidden).toBe(32);
    expect(store.getState().currentRun).toBe(2);
    apply(update('paused', loaded)); // the snapshot after loading: no new epoch, no new run
    apply(update('training', epoch(8, 0.91)));
    const continued = store.getState().runs[1];
    expect(store.getState().runs).toHaveLength(2);
    expect(continued.curve!.map((e) => e.epoch)).toEqual([7, 8]);
    expect(continued.epochMs).toEqual([80]);
    expect(continued.epochs).toBe(8);
  });
});
