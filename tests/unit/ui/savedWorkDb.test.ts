/**
 * The saved-work database (fake-indexeddb in Node): a v1 database (one record per saved work) is
 * upgraded to v2 (summary + graph + session + checkpoint stores) with every part intact, typed
 * arrays included; saves, listing, loading and deletion work on v2.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import type { DrugGraph, LoadReport } from '../../../src/data/graph';
import { CHECKPOINT_FORMAT, type TrainerCheckpoint } from '../../../src/model/checkpointFormat';
import { DEFAULT_MODEL_SETTINGS, DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { approxBytes, SavedWorkDb, SCHEMA_V1, summarise, type SavedSession, type SavedWorkV1 } from '../../../src/ui/savedWork/db';

/** A fresh, empty IndexedDB per test. */
const fresh = () => ({ indexedDB: new IDBFactory(), IDBKeyRange });

const graph: DrugGraph = {
  name: 'tiny.tsv',
  nodes: [
    { id: 'DB1', name: 'one' },
    { id: 'DB2', name: 'two', atc: ['C01AA05'] },
    { id: 'DB3', name: 'three' },
  ],
  edgeSrc: Int32Array.from([0, 1]),
  edgeDst: Int32Array.from([1, 2]),
  edgeTypes: [],
};
const report: LoadReport = {
  files: ['tiny.tsv'],
  nodes: 3,
  edges: 2,
  edgeTypes: 0,
  withSmiles: 0,
  withAtc: 1,
  withNames: 3,
  duplicatesMerged: 0,
  selfLoopsDropped: 0,
  skippedRows: [],
  warnings: ['a warning'],
};
const checkpoint: TrainerCheckpoint = {
  format: CHECKPOINT_FORMAT,
  settings: { ...DEFAULT_MODEL_SETTINGS, hidden: 2 },
  numNodes: 3,
  epoch: 7,
  weightsEpoch: 7,
  variables: [{ shape: [3, 2], values: Float32Array.from([1, 2, 3, 4, 5, 6]) }],
  optimizer: { iterations: 7, accBeta1: 0.9 ** 8, accBeta2: 0.999 ** 8, moments: [] },
  best: null,
  bestWeights: null,
  earlyStop: null,
  stopReason: null,
  rngStates: [123456789],
};
const session = (id: string): SavedSession => ({
  id,
  settings: { ...DEFAULT_SETTINGS, dataset: 'files' },
  runs: [],
  currentRun: null,
  nextRunId: 1,
  history: [],
  stop: null,
  best: null,
});

describe('saved-work database', () => {
  it('upgrades a v1 database: each record split into summary, graph, session and checkpoint', async () => {
    const deps = fresh();
    const v1 = new Dexie('drug-gnn-playground', deps);
    v1.version(1).stores(SCHEMA_V1);
    const { id: _id, ...rest } = session('w1');
    const record: SavedWorkV1 = { ...rest, id: 'w1', savedAt: 1000, graph, report, checkpoint };
    await v1.table('work').put(record);
    await v1.table('work').put({ ...record, id: 'w2', savedAt: 2000, checkpoint: null });
    v1.close();

    const db = new SavedWorkDb(undefined, deps);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['checkpoints', 'entries', 'graphs', 'sessions']);
    const list = await db.list();
    expect(list.map((e) => e.id)).toEqual(['w2', 'w1']); // most recent first
    expect(list[1]).toMatchObject({
      name: 'tiny.tsv',
      dataset: 'files',
      nodes: 3,
      edges: 2,
      epoch: 7,
      savedAt: 1000,
      checkpointBytes: approxBytes(checkpoint),
    });
    expect(list[0].epoch).toBe(0);
    const work = (await db.load('w1'))!;
    expect(work.graph.graph.edgeDst).toBeInstanceOf(Int32Array);
    expect(Array.from(work.graph.graph.edgeDst)).toEqual([1, 2]);
    expect(work.graph.report.warnings).toEqual(['a warning']);
    expect(work.session.settings.dataset).toBe('files');
    expect((work.checkpoint as TrainerCheckpoint).variables[0].values).toEqual(Float32Array.from([1, 2, 3, 4, 5, 6]));
    expect((work.checkpoint as TrainerCheckpoint).rngStates).toEqual([123456789]);
    db.close();
  });

  it('saves, lists, loads and deletes on v2', async () => {
    const db = new SavedWorkDb(undefined, fresh());
    const g = { id: 'a', graph, report };
    await db.save(summarise(g, session('a'), null, 5), { graph: g, session: session('a'), checkpoint: { id: 'a', checkpoint: null } });
    const s2 = { ...session('a'), nextRunId: 4 };
    // A later save without the graph keeps the graph already stored.
    await db.save(summarise(g, s2, checkpoint, 6), { session: s2, checkpoint: { id: 'a', checkpoint } });
    const w = (await db.load('a'))!;
    expect(w.session.nextRunId).toBe(4);
    expect(w.graph.graph.nodes.length).toBe(3);
    expect((w.checkpoint as TrainerCheckpoint).epoch).toBe(7);
    expect(w.summary.bytes).toBeGreaterThan(w.summary.graphBytes + w.summary.checkpointBytes);
    await db.remove('a');
    expect(await db.list()).toEqual([]);
    expect(await db.load('a')).toBeNull();
    db.close();
  });

  it('approxBytes counts typed arrays by their bytes and strings at two bytes a character', () => {
    expect(approxBytes({ a: new Float32Array(10), b: 'xyz' })).toBe(2 + 40 + 2 + 6);
  });
});
