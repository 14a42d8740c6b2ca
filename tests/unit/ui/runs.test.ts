/**
 * The runs table's data: how worker updates become run rows (start, live updates, end reasons,
 * close on model replacement, removal), the best value per metric among comparable runs, the
 * settings that differ, and the words for each way a run ends.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { closeRun, newRun, runEndOf, withEpoch, type RunRecord } from '../../../src/ui/runs/runs';
import { median } from '../../../src/ui/runs/runs';
import { RunLog } from '../../../src/ui/runs/runLog';
import { bestRuns, differingSettings, settingChips, visibleMetricColumns } from '../../../src/ui/runs/runsView';
import { runEndCell, runNotice } from '../../../src/ui/runs/runText';
import { createPlaygroundStore } from '../../../src/ui/store';
import type { EpochMetrics, TrainerUpdate } from '../../../src/workers/protocol';

const epoch = (e: number, valAuroc: number, extra: Partial<EpochMetrics> = {}): EpochMetrics => ({
  epoch: e,
  loss: 1 / e,
  ms: 10 * e,
  valAuroc,
  valAuprc: valAuroc - 0.1,
  testAuroc: valAuroc - 0.05,
  testAuprc: valAuroc - 0.15,
  ...extra,
});

const update = (status: TrainerUpdate['status'], metrics: EpochMetrics | null, more: Partial<TrainerUpdate> = {}): TrainerUpdate => ({
  status,
  metrics,
  edgeProbabilities: null,
  candidates: [],
  error: null,
  ...more,
});

function storeWithGraph() {
  const store = createPlaygroundStore({ ...DEFAULT_SETTINGS, hidden: 16, epochs: 3 }, []);
  store.setState({
    graph: { name: 'Demo', nodes: [], edgeSrc: new Int32Array(), edgeDst: new Int32Array(), edgeTypes: [] },
    backend: { chosen: 'webgl', probes: [], aggregation: 'dense' },
  });
  return store;
}

/** As the controller does: the run log sees the update, then the history takes its metrics. */
function feed(store: ReturnType<typeof storeWithGraph>, log: RunLog, u: TrainerUpdate) {
  log.record(u);
  if (u.metrics) store.setState({ history: [...store.getState().history, u.metrics] });
}

describe('RunLog', () => {
  it('starts a run with the first epoch, follows it live and records why it ended', () => {
    const store = storeWithGraph();
    const log = new RunLog(store);
    log.record(update('idle', null)); // a freshly built model: no run yet
    expect(store.getState().runs).toEqual([]);
    feed(store, log, update('training', epoch(1, 0.6), { best: epoch(1, 0.6), selectionMetric: 'AUROC' }));
    let [run] = store.getState().runs;
    expect(run).toMatchObject({ id: 1, dataset: 'Demo', backend: 'webgl', epochs: 1, end: { kind: 'running' } });
    expect(run.settings.hidden).toBe(16);
    feed(store, log, update('training', epoch(2, 0.7)));
    // The end-of-play update repeats no epoch: nothing is counted twice.
    feed(store, log, update('done', epoch(2, 0.7)));
    [run] = store.getState().runs;
    expect(run.epochs).toBe(2);
    expect(run.epochMs).toEqual([10, 20]);
    expect(run.last!.valAuroc).toBe(0.7);
    expect(run.end).toEqual({ kind: 'finished' });
  });

  it('closes a paused run as stopped by the user; the next model makes a new row', () => {
    const store = storeWithGraph();
    const log = new RunLog(store);
    feed(store, log, update('paused', epoch(1, 0.6)));
    expect(store.getState().runs[0].end).toEqual({ kind: 'paused' });
    log.close();
    store.setState({ history: [] });
    expect(store.getState().runs[0].end).toEqual({ kind: 'user' });
    store.setState({ settings: { ...store.getState().settings, model: 'gat' } });
    feed(store, log, update('training', epoch(1, 0.65)));
    const runs = store.getState().runs;
    expect(runs.map((r) => [r.id, r.settings.model])).toEqual([
      [1, DEFAULT_MODEL_SETTINGS.model],
      [2, 'gat'],
    ]);
    expect(store.getState().currentRun).toBe(2);
  });

  it('a run paused after its whole budget closes as finished; a longer budget keeps the same run', () => {
    const store = storeWithGraph();
    const log = new RunLog(store);
    feed(store, log, update('paused', epoch(1, 0.6)));
    log.setBudget(1);
    log.close();
    expect(store.getState().runs[0]).toMatchObject({ end: { kind: 'finished' }, settings: { epochs: 1 } });
  });

  it('records early stopping and divergence (even before any epoch finished)', () => {
    const store = storeWithGraph();
    const log = new RunLog(store);
    feed(store, log, update('training', epoch(1, 0.6)));
    const stop = { kind: 'early' as const, epoch: 1, patience: 1, bestEpoch: 1, metric: 'AUROC' };
    feed(store, log, update('stopped', null, { stop }));
    expect(store.getState().runs[0].end).toEqual({ kind: 'early', bestEpoch: 1, patience: 1, metric: 'AUROC' });
    log.close();
    expect(store.getState().runs[0].end.kind).toBe('early');
    store.setState({ history: [] });
    const message = 'Training stopped at epoch 1: the loss became NaN. Try a smaller learning rate.';
    feed(store, log, update('error', null, { error: message, stop: { kind: 'diverged', epoch: 1, message } }));
    expect(store.getState().runs[1]).toMatchObject({ epochs: 0, end: { kind: 'diverged', epoch: 1, message } });
  });

  it('a removed live run does not come back with the next epoch', () => {
    const store = storeWithGraph();
    const log = new RunLog(store);
    feed(store, log, update('training', epoch(1, 0.6)));
    log.remove(1);
    feed(store, log, update('training', epoch(2, 0.6)));
    expect(store.getState().runs).toEqual([]);
  });
});

describe('run records', () => {
  it('maps worker states to end reasons', () => {
    expect(runEndOf('training', null, null)).toEqual({ kind: 'running' });
    expect(runEndOf('paused', null, null)).toEqual({ kind: 'paused' });
    expect(runEndOf('error', null, 'boom')).toEqual({ kind: 'error', message: 'boom' });
  });

  it('median of odd and even counts', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([])).toBeNaN();
  });

  it('closing leaves an ended run as it is', () => {
    const r = { ...newRun(1, 'x', DEFAULT_MODEL_SETTINGS, 'cpu'), end: { kind: 'error' as const, message: 'm' } };
    expect(closeRun(r)).toBe(r);
  });
});

function run(id: number, model: RunRecord['settings']['model'], valAuroc: number, more: Partial<RunRecord> = {}): RunRecord {
  const r = withEpoch(newRun(id, 'Demo', { ...DEFAULT_MODEL_SETTINGS, model }, 'webgl'), epoch(5, valAuroc), epoch(3, valAuroc + 0.01), 'AUROC');
  return { ...r, ...more };
}

describe('runs table view', () => {
  it('marks the best value per column among runs on the same data and task, ties included', () => {
    const runs = [run(1, 'seed-gcn', 0.8), run(2, 'gcn', 0.9), run(3, 'sage', 0.9), run(4, 'gat', 0.99, { dataset: 'Other' })];
    expect(bestRuns(runs, 'valAuroc', 'last')).toEqual(new Set([2, 3]));
    // Alone on its data set: nothing to compare with, so not marked.
    expect(bestRuns(runs, 'valAuroc', 'last').has(4)).toBe(false);
    // The best-epoch view compares the best epochs' numbers.
    const best = [run(1, 'gcn', 0.8, { best: epoch(2, 0.95) }), run(2, 'gcn', 0.9)];
    expect(bestRuns(best, 'valAuroc', 'best')).toEqual(new Set([1]));
    expect(bestRuns(best, 'valAuroc', 'last')).toEqual(new Set([2]));
  });

  it('shows only metric columns some run has (NaN counts as none)', () => {
    const link = run(1, 'gcn', 0.8);
    const typed = {
      ...run(2, 'gcn', NaN),
      last: { ...epoch(5, NaN), valAuprc: NaN, testAuroc: NaN, testAuprc: NaN, valAccuracy: 0.5, testAccuracy: 0.4, valMacroF1: 0.3, testMacroF1: 0.2 },
    };
    expect(visibleMetricColumns([link], 'last').map((c) => c.label)).toEqual(['AUROC', 'AUPRC']);
    expect(visibleMetricColumns([typed], 'last').map((c) => c.label)).toEqual(['accuracy', 'macro-F1']);
  });

  it('flags the settings that differ and writes chips with the URL’s names', () => {
    const a = run(1, 'gat', 0.8);
    const b = { ...run(2, 'seed-gcn', 0.8), settings: { ...DEFAULT_MODEL_SETTINGS, learningRate: 0.02 } };
    expect(differingSettings([a, b])).toEqual(new Set(['model', 'learningRate']));
    expect(differingSettings([a])).toEqual(new Set());
    const chips = settingChips(a.settings).map((c) => c.text);
    expect(chips).toContain('lr=0.01');
    expect(chips).toContain('heads=4'); // GAT only
    expect(settingChips(b.settings).map((c) => c.text)).not.toContain('heads=4');
    // The per-relation form shows only when it was on (the table cannot tell whether the graph had relations).
    expect(chips.some((c) => c.startsWith('hetero='))).toBe(false);
    expect(settingChips({ ...a.settings, hetero: 'sum' }).map((c) => c.text)).toContain('hetero=sum');
    // A heuristic reads only the split (mode included): no layer, decoder or optimiser chips.
    expect(settingChips({ ...DEFAULT_MODEL_SETTINGS, model: 'aa' }).map((c) => c.text)).toEqual(['task=link', 'test=0.1', 'splitmode=pairs', 'seed=0']);
  });
});

describe('how a run ended, in words', () => {
  const early = { kind: 'early' as const, epoch: 57, patience: 20, bestEpoch: 37, metric: 'AUROC' };

  it('says an early stop with its epoch, patience, metric and best epoch', () => {
    const n = runNotice({ status: 'stopped', stop: early, best: epoch(37, 0.912), epoch: 57, budget: 100, error: null })!;
    expect(n.kind).toBe('early');
    expect(n.text).toMatch(
      /^Stopped early at epoch 57: validation AUROC has not improved for 20 epochs\. The best was epoch 37 \(validation 0\.912, test 0\.862\)/,
    );
    expect(n.text).toMatch(
      /its weights were restored, so the network, the candidates and the teaching view show that model\. The chart and the numbers above are epoch 57's\.$/,
    );
  });

  it('keeps early stop, the user’s pause, divergence and the end of the budget apart', () => {
    const base = { stop: null, best: null, epoch: 12, budget: 100, error: null };
    expect(runNotice({ ...base, status: 'paused' })).toEqual({ kind: 'user', text: 'Paused by you at epoch 12 of 100.' });
    expect(runNotice({ ...base, status: 'training' })).toBeNull();
    expect(runNotice({ ...base, status: 'done', epoch: 100 })!.kind).toBe('finished');
    const message = 'Training stopped at epoch 3: the loss became NaN. Try a smaller learning rate.';
    expect(runNotice({ ...base, status: 'error', error: message, stop: { kind: 'diverged', epoch: 3, message } })).toEqual({
      kind: 'diverged',
      text: `Diverged: ${message}`,
    });
    expect(runNotice({ ...base, status: 'error', error: 'boom' })!.kind).toBe('error');
  });

  it('names the best epoch in the table cell', () => {
    const r = { ...run(1, 'gcn', 0.8), end: { kind: 'early' as const, bestEpoch: 37, patience: 20, metric: 'AUROC' } };
    expect(runEndCell(r)).toEqual({
      text: 'early stop, best epoch 37',
      title: "Validation AUROC did not improve for 20 epochs; the model was put back to epoch 37's weights.",
    });
    expect(runEndCell({ ...r, end: { kind: 'user' } }).text).toBe('stopped by user');
  });
});
