/**
 * Saved work in IndexedDB through Dexie (versioned schema, upgrades, transactions and clear errors
 * over the raw API). One saved work = one graph the user worked on: its parsed graph and load report,
 * the page's session (settings, runs table, metrics history) and the latest trainer checkpoint.
 * Values go in by structured clone (typed arrays stay binary); nothing here touches the DOM or tfjs.
 *
 * Schema history:
 * - v1: one record per saved work in `work` (everything together).
 * - v2: a small summary per saved work in `entries` (listed without reading megabytes of graph and
 *   weights), the big parts in `graphs`, `sessions` and `checkpoints`; v1 records are split on upgrade.
 */
import Dexie, { type Table } from 'dexie';
import type { DrugGraph, LoadReport } from '../../data/graph';
import { checkpointMeta, type PackedCheckpoint, type TrainerCheckpoint } from '../../model/checkpointFormat';
import type { AppSettings } from '../../settings/schema';
import type { EpochMetrics, SplitTexts, StopInfo } from '../../workers/protocol';
import type { RunRecord } from '../runs/runs';

export const DB_NAME = 'drug-gnn-playground';
export const DB_VERSION = 2;

/** What the page keeps of a session besides the graph and the model. */
export interface SavedSession {
  id: string;
  settings: AppSettings;
  runs: RunRecord[];
  currentRun: number | null;
  nextRunId: number;
  /** The current model's epochs, up to the checkpoint's epoch. */
  history: EpochMetrics[];
  stop: StopInfo | null;
  best: EpochMetrics | null;
  /** Split files the model trained on (absent: the seeded split, and sessions saved before the page read split files). */
  fileSplit?: { texts: SplitTexts } | null;
}

export interface SavedGraph {
  id: string;
  graph: DrugGraph;
  report: LoadReport;
}

export interface SavedCheckpoint {
  id: string;
  /**
   * Null while the current model has not trained (a resume builds it fresh from its seed). The page
   * stores the packed form (one Blob, made in the worker); the plain form is accepted as well.
   */
  checkpoint: TrainerCheckpoint | PackedCheckpoint | null;
}

/** One line of the Saved work list. */
export interface SavedSummary {
  id: string;
  /** The graph's name, e.g. "ChCh-Miner_durgbank-chem-chem.tsv". */
  name: string;
  /** settings.dataset: a built-in set's id or "files". */
  dataset: string;
  nodes: number;
  edges: number;
  model: string;
  task: string;
  /** Epochs the current model has trained (as far as the checkpoint goes). */
  epoch: number;
  runs: number;
  /** Approximate bytes stored: graph + session + checkpoint. */
  bytes: number;
  graphBytes: number;
  checkpointBytes: number;
  /** Date.now() of the last save. */
  savedAt: number;
}

/** Everything of one saved work, read back for a resume. */
export interface SavedWork {
  summary: SavedSummary;
  graph: SavedGraph;
  session: SavedSession;
  checkpoint: TrainerCheckpoint | PackedCheckpoint | null;
}

/** The v1 record: all parts of one saved work together. */
export interface SavedWorkV1 extends Omit<SavedSession, 'id'> {
  id: string;
  savedAt: number;
  graph: DrugGraph;
  report: LoadReport;
  checkpoint: TrainerCheckpoint | null;
}

export const SCHEMA_V1 = { work: 'id, savedAt' };
const SCHEMA_V2 = { work: null, entries: 'id, savedAt', graphs: 'id', sessions: 'id', checkpoints: 'id' };

/**
 * Approximate size in bytes of structured-cloneable data: typed arrays by their bytes, strings at two
 * bytes a character, numbers at eight. One walk, no serialisation (cheap enough for a DrugBank graph).
 */
export function approxBytes(value: unknown, depth = 0): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return 2 * value.length;
  if (typeof value === 'number') return 8;
  if (typeof value === 'boolean') return 4;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (typeof Blob !== 'undefined' && value instanceof Blob) return value.size;
  if (value instanceof ArrayBuffer) return value.byteLength;
  if (depth > 32 || typeof value !== 'object') return 0;
  let sum = 0;
  if (Array.isArray(value)) {
    for (const v of value) sum += approxBytes(v, depth + 1);
    return sum;
  }
  for (const [k, v] of Object.entries(value)) sum += 2 * k.length + approxBytes(v, depth + 1);
  return sum;
}

/** The summary of a saved work from its parts. */
export function summarise(
  graph: SavedGraph,
  session: SavedSession,
  checkpoint: TrainerCheckpoint | PackedCheckpoint | null,
  savedAt: number,
  graphBytes?: number,
): SavedSummary {
  const gBytes = graphBytes ?? approxBytes(graph);
  const cBytes = checkpoint ? approxBytes(checkpoint) : 0;
  return {
    id: session.id,
    name: graph.graph.name,
    dataset: session.settings.dataset,
    nodes: graph.graph.nodes.length,
    edges: graph.graph.edgeSrc.length,
    model: session.settings.model,
    task: session.settings.task,
    epoch: checkpoint ? checkpointMeta(checkpoint).epoch : 0,
    runs: session.runs.length,
    bytes: gBytes + approxBytes(session) + cBytes,
    graphBytes: gBytes,
    checkpointBytes: cBytes,
    savedAt,
  };
}

export class SavedWorkDb extends Dexie {
  entries!: Table<SavedSummary, string>;
  graphs!: Table<SavedGraph, string>;
  sessions!: Table<SavedSession, string>;
  checkpoints!: Table<SavedCheckpoint, string>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        // v1 → v2: split each record; its summary is computed here once.
        const old = (await tx.table('work').toArray()) as SavedWorkV1[];
        for (const w of old) {
          const { id, savedAt, graph, report, checkpoint, ...rest } = w;
          const g: SavedGraph = { id, graph, report };
          const s: SavedSession = { id, ...rest };
          await tx.table('graphs').put(g);
          await tx.table('sessions').put(s);
          await tx.table('checkpoints').put({ id, checkpoint });
          await tx.table('entries').put(summarise(g, s, checkpoint, savedAt));
        }
      });
  }

  /** Every saved work, most recent first. */
  async list(): Promise<SavedSummary[]> {
    return (await this.entries.orderBy('savedAt').toArray()).reverse();
  }

  async load(id: string): Promise<SavedWork | null> {
    return this.transaction('r', [this.entries, this.graphs, this.sessions, this.checkpoints], async () => {
      const [summary, graph, session, cp] = await Promise.all([this.entries.get(id), this.graphs.get(id), this.sessions.get(id), this.checkpoints.get(id)]);
      if (!summary || !graph || !session) return null;
      return { summary, graph, session, checkpoint: cp?.checkpoint ?? null };
    });
  }

  /** Writes the parts given (the graph only when it is new) and the summary, in one transaction. */
  async save(summary: SavedSummary, parts: { graph?: SavedGraph; session: SavedSession; checkpoint?: SavedCheckpoint }): Promise<void> {
    await this.transaction('rw', [this.entries, this.graphs, this.sessions, this.checkpoints], async () => {
      if (parts.graph) await this.graphs.put(parts.graph);
      await this.sessions.put(parts.session);
      if (parts.checkpoint) await this.checkpoints.put(parts.checkpoint);
      await this.entries.put(summary);
    });
  }

  async remove(id: string): Promise<void> {
    await this.transaction('rw', [this.entries, this.graphs, this.sessions, this.checkpoints], async () => {
      await Promise.all([this.entries.delete(id), this.graphs.delete(id), this.sessions.delete(id), this.checkpoints.delete(id)]);
    });
  }

  async removeAll(): Promise<void> {
    await this.transaction('rw', [this.entries, this.graphs, this.sessions, this.checkpoints], async () => {
      await Promise.all([this.entries.clear(), this.graphs.clear(), this.sessions.clear(), this.checkpoints.clear()]);
    });
  }
}

/** Why saving does not work here, worded for the page (quota, private window, another tab). */
export function storageProblem(e: unknown): string {
  const err = e as { name?: string; message?: string; inner?: { name?: string } };
  const name = err?.inner?.name ?? err?.name ?? '';
  const text = err?.message ?? String(e);
  if (/QuotaExceeded/i.test(name) || /quota/i.test(text)) {
    return 'Saving stopped: the browser’s storage for this page is full. Delete saved work in the Saved work panel (or free space in the browser) to save again; nothing on the page was lost.';
  }
  if (/MissingAPI/i.test(name) || /indexedDB/i.test(text) || /SecurityError|InvalidState/i.test(name)) {
    return 'Saved work is off: this browser does not let the page use IndexedDB here (a private window, or storage blocked). The page works as usual, but nothing is kept after a reload.';
  }
  if (/Blocked|VersionError/i.test(name)) {
    return 'Saved work is off: another tab of the playground holds the saved-work database open with an older layout. Close the other tabs and reload to save again.';
  }
  return `Saved work is off: the browser’s database failed (${name || 'error'}: ${text}). The page works as usual, but nothing is kept after a reload.`;
}
