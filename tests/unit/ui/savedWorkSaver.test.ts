/**
 * The saver and the session it stores (fake-indexeddb in Node): the session is cut to the
 * checkpoint's epoch when the page is ahead of it; the untouched built-in demo is not saved, files
 * and trained models are; a full quota turns saving off with a message and leaves the page's state
 * alone; deleting saved work turns it back on.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { DrugGraph, LoadReport } from '../../../src/data/graph';
import { CHECKPOINT_FORMAT, type TrainerCheckpoint } from '../../../src/model/checkpointFormat';
import { DEFAULT_SETTINGS, FILES_DATASET, modelSettingsOf } from '../../../src/settings/schema';
import { newRun, withEpoch } from '../../../src/ui/runs/runs';
import { SavedWorkDb } from '../../../src/ui/savedWork/db';
import { WorkSaver } from '../../../src/ui/savedWork/saver';
import { sessionAtEpoch } from '../../../src/ui/savedWork/session';
import { createSavedWorkState } from '../../../src/ui/savedWork/state';
import { createPlaygroundStore } from '../../../src/ui/store';
import type { EpochMetrics } from '../../../src/workers/protocol';

const m = (epoch: number): EpochMetrics => ({ epoch, loss: 1 / epoch, ms: epoch, valAuroc: 0.5 + epoch / 100, valAuprc: 0.5, testAuroc: 0.5, testAuprc: 0.5 });
const graph: DrugGraph = {
  name: 'pairs.tsv',
  nodes: [
    { id: 'A', name: 'A' },
    { id: 'B', name: 'B' },
  ],
  edgeSrc: Int32Array.from([0]),
  edgeDst: Int32Array.from([1]),
  edgeTypes: [],
};
const report = {
  files: ['pairs.tsv'],
  nodes: 2,
  edges: 1,
  edgeTypes: 0,
  withSmiles: 0,
  withAtc: 0,
  withNames: 2,
  duplicatesMerged: 0,
  selfLoopsDropped: 0,
  skippedRows: [],
  warnings: [],
} as LoadReport;
const settings = { ...DEFAULT_SETTINGS, dataset: FILES_DATASET };

/** A page that trained `epochs` epochs of run 1. */
function page(epochs: number, dataset = FILES_DATASET) {
  const store = createPlaygroundStore({ ...settings, dataset }, []);
  const history = Array.from({ length: epochs }, (_, i) => m(i + 1));
  let run = newRun(1, graph.name, modelSettingsOf(settings), 'cpu');
  for (const h of history) run = withEpoch(run, h, history[0], 'AUROC');
  store.setState({
    graph,
    report,
    history,
    runs: epochs > 0 ? [{ ...run, end: { kind: 'running' } }] : [],
    currentRun: epochs > 0 ? 1 : null,
    nextRunId: 2,
    status: 'paused',
  });
  return store;
}

const checkpointAt = (epoch: number): TrainerCheckpoint => ({
  format: CHECKPOINT_FORMAT,
  settings: modelSettingsOf(settings),
  numNodes: 2,
  epoch,
  weightsEpoch: epoch,
  variables: [{ shape: [2, 2], values: new Float32Array(4).fill(epoch) }],
  optimizer: { iterations: epoch, accBeta1: 0.5, accBeta2: 0.5, moments: [] },
  best: m(1),
  bestWeights: null,
  earlyStop: null,
  stopReason: null,
  rngStates: [1],
});

describe('sessionAtEpoch', () => {
  it('cuts the history and the current run to the checkpoint’s epoch', () => {
    const s = page(6).getState();
    const cut = sessionAtEpoch(s, 'x', 4, m(2))!;
    expect(cut.history.map((h) => h.epoch)).toEqual([1, 2, 3, 4]);
    expect(cut.runs[0]).toMatchObject({ epochs: 4, last: m(4), best: m(2), end: { kind: 'paused' } });
    expect(cut.runs[0].epochMs).toEqual([1, 2, 3, 4]);
    expect(cut.best).toEqual(m(2));
  });

  it('keeps everything when the page is at the epoch, and waits when the page is behind it', () => {
    const s = page(4).getState();
    expect(sessionAtEpoch(s, 'x', 4, m(1))).toMatchObject({ runs: s.runs, history: s.history, best: s.best });
    expect(sessionAtEpoch(s, 'x', 5, m(1))).toBeNull();
  });

  it('keeps the split files the model trains on (their texts, for a resume to apply again), and none for the seeded split', () => {
    const s = page(4).getState();
    expect(sessionAtEpoch(s, 'x', 4, m(1))!.fileSplit).toBeNull();
    const texts = { kind: 'link' as const, file: 'given.json', text: '{"format":"link-split/1"}' };
    const fileSplit = { files: ['given.json'], counts: { kind: 'link' as const, train: 1, val: 1, test: 1 }, texts };
    expect(sessionAtEpoch({ ...s, fileSplit }, 'x', 4, m(1))!.fileSplit).toEqual({ texts });
  });
});

function saverFor(store: ReturnType<typeof page>, db: SavedWorkDb, checkpoint: () => Promise<TrainerCheckpoint>) {
  const state = createSavedWorkState();
  state.setState({ available: true });
  const saver = new WorkSaver(store, db, state, checkpoint, 50);
  saver.start();
  store.setState({ graph: { ...graph } }); // the saver follows graphs from the moment it starts
  return { saver, state };
}

describe('WorkSaver', () => {
  const freshDb = () => new SavedWorkDb(undefined, { indexedDB: new IDBFactory(), IDBKeyRange });

  it('saves files and trained models, with the session at the checkpoint’s epoch; not the untouched demo', async () => {
    const db = freshDb();
    const demo = page(0, 'demo');
    const d = saverFor(demo, db, async () => checkpointAt(0));
    await d.saver.flush();
    expect(await db.list()).toEqual([]);
    d.saver.stop();

    const store = page(6);
    const { saver, state } = saverFor(store, db, async () => checkpointAt(5));
    await saver.flush();
    const [entry] = await db.list();
    expect(entry).toMatchObject({ name: 'pairs.tsv', dataset: FILES_DATASET, epoch: 5, runs: 1, nodes: 2, edges: 1 });
    expect(state.getState().entries).toEqual([entry]);
    const work = (await db.load(entry.id))!;
    expect(work.session.history).toHaveLength(5);
    expect((work.checkpoint as TrainerCheckpoint).variables[0].values).toEqual(new Float32Array(4).fill(5));

    // The user deleted the work being saved: it stays deleted while the same graph is on the page…
    await db.remove(entry.id);
    expect(saver.forget(entry.id)).toBe(true);
    store.setState({ history: [...store.getState().history] });
    await saver.flush();
    expect(await db.list()).toEqual([]);
    // …and other data is saved again.
    store.setState({ graph: { ...graph, name: 'other.tsv' } });
    await saver.flush();
    expect((await db.list()).map((e) => e.name)).toEqual(['other.tsv']);
    saver.stop();
  });

  it('a full quota turns saving off with a message; the page’s state is untouched; deleting turns it back on', async () => {
    const db = freshDb();
    const store = page(3);
    const realSave = db.save.bind(db);
    let full = true;
    db.save = async (...args) => {
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realSave(...args);
    };
    const { saver, state } = saverFor(store, db, async () => checkpointAt(3));
    const before = store.getState();
    await saver.flush();
    expect(state.getState()).toMatchObject({ available: false, failedWrite: true });
    expect(state.getState().notice).toMatch(/storage for this page is full/);
    expect(store.getState()).toBe(before);
    // Further changes are not written while off.
    full = false;
    store.setState({ history: [...store.getState().history] });
    await new Promise((r) => setTimeout(r, 120));
    expect(await db.list()).toEqual([]);
    // The user deleted saved work: saving resumes.
    saver.enable();
    await new Promise((r) => setTimeout(r, 120));
    await saver.flush();
    expect((await db.list()).map((e) => e.epoch)).toEqual([3]);
    saver.stop();
  });
});
