/**
 * Seed sweeps in the runs table: the RunLog tags the runs a sweep starts, and the table groups the
 * finished ones under a mean ± std row after the sweep's last row.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { newRun, type RunRecord } from '../../../src/ui/runs/runs';
import { RunLog } from '../../../src/ui/runs/runLog';
import { sweepGroups, sweepMetric } from '../../../src/ui/runs/runsView';
import { createPlaygroundStore } from '../../../src/ui/store';
import type { EpochMetrics, TrainerUpdate } from '../../../src/workers/protocol';

const metrics = (testAuroc: number): EpochMetrics => ({ epoch: 3, loss: 0.5, ms: 10, valAuroc: testAuroc + 0.01, valAuprc: NaN, testAuroc, testAuprc: NaN });

function run(id: number, seed: number, testAuroc: number, end: RunRecord['end'], sweep?: RunRecord['sweep']): RunRecord {
  return { ...newRun(id, 'Demo', { ...DEFAULT_MODEL_SETTINGS, seed }, 'cpu'), end, last: metrics(testAuroc), best: metrics(testAuroc), sweep };
}

describe('sweep groups', () => {
  it('groups a sweep’s finished runs under its last row; mean and sample std of a metric', () => {
    const done = { kind: 'finished' } as const;
    const runs = [
      run(1, 0, 0.5, done),
      run(2, 0, 0.9, done, { id: 2, index: 0, size: 3 }),
      run(3, 1, 0.8, { kind: 'early', bestEpoch: 2, patience: 1, metric: 'AUROC' }, { id: 2, index: 1, size: 3 }),
      run(4, 2, 0.1, { kind: 'user' }, { id: 2, index: 2, size: 3 }), // paused: not in the mean
      run(5, 7, 0.7, done, { id: 5, index: 0, size: 2 }), // a sweep with one run: no summary
    ];
    const groups = sweepGroups(runs);
    expect([...groups.keys()]).toEqual([4]);
    const g = groups.get(4)!;
    expect(g).toMatchObject({ id: 2, size: 3 });
    expect(g.runs.map((r) => r.id)).toEqual([2, 3]);
    const s = sweepMetric(g, 'testAuroc', 'last')!;
    expect(s.mean).toBeCloseTo(0.85, 12);
    expect(s.std).toBeCloseTo(0.1 / Math.SQRT2, 12);
    expect(sweepMetric(g, 'testHits20', 'last')).toBeNull();
  });

  it('the RunLog puts the tag on the next run it starts, and only on that one', () => {
    const store = createPlaygroundStore({ ...DEFAULT_SETTINGS, epochs: 3 }, []);
    store.setState({ graph: { name: 'Demo', nodes: [], edgeSrc: new Int32Array(), edgeDst: new Int32Array(), edgeTypes: [] } });
    const log = new RunLog(store);
    log.tagNextRun({ id: 1, index: 0, size: 2 });
    const u: TrainerUpdate = { status: 'training', metrics: metrics(0.7), edgeProbabilities: null, candidates: [], error: null };
    log.record(u);
    log.close();
    log.record(u);
    expect(store.getState().runs.map((r) => r.sweep ?? null)).toEqual([{ id: 1, index: 0, size: 2 }, null]);
  });
});
