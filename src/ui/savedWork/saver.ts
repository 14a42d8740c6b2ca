/**
 * Saves the work on the page as it changes: the graph once per saved work, then the session and the
 * trainer's checkpoint together, at most every few seconds while training and right away when
 * training pauses or stops or the tab is hidden. One write at a time; values go to IndexedDB by
 * structured clone (no JSON of big arrays on the page's thread). A failed write (quota, database
 * gone) turns saving off with a message; the page itself goes on untouched.
 */
import type { DrugGraph } from '../../data/graph';
import { checkpointMeta, settingsDiffer, type PackedCheckpoint, type TrainerCheckpoint } from '../../model/checkpointFormat';
import { FILES_DATASET, modelSettingsOf } from '../../settings/schema';
import type { PlaygroundState, PlaygroundStore } from '../store';
import { approxBytes, storageProblem, summarise, type SavedWorkDb } from './db';
import { sessionAtEpoch } from './session';
import type { SavedWorkStateStore } from './state';

/** Saves while training at most this often. */
export const SAVE_INTERVAL_MS = 3000;

/** Worth keeping: data the URL cannot bring back (files, links), or anything trained. */
export function worthSaving(s: PlaygroundState): boolean {
  if (!s.graph || !s.report || s.loading) return false;
  return s.settings.dataset === FILES_DATASET || s.history.length > 0 || s.runs.length > 0;
}

const newId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export class WorkSaver {
  private entryId: string | null = null;
  private graph: DrugGraph | null = null;
  private graphSaved = false;
  private graphBytes = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> | null = null;
  private lastWrite = 0;
  private unsubscribe: (() => void) | null = null;
  /** On while a resume replaces the page's state. */
  private paused = false;

  constructor(
    private readonly store: PlaygroundStore,
    private readonly db: SavedWorkDb,
    private readonly state: SavedWorkStateStore,
    /** The trainer's checkpoint, packed in the worker (so no big copy happens on the page's thread). */
    private readonly checkpoint: () => Promise<TrainerCheckpoint | PackedCheckpoint>,
    private readonly intervalMs = SAVE_INTERVAL_MS,
  ) {}

  start(): void {
    this.unsubscribe = this.store.subscribe((s, prev) => {
      if (s.graph !== this.graph) this.newGraph(s.graph);
      const changed =
        s.graph !== prev.graph ||
        s.history !== prev.history ||
        s.runs !== prev.runs ||
        s.settings !== prev.settings ||
        s.status !== prev.status ||
        s.loading !== prev.loading;
      if (!changed) return;
      // Training goes on: throttled. Anything else (pause, stop, a row removed, new settings): now.
      this.schedule(s.status !== 'training');
    });
    if (typeof document === 'undefined') return; // unit tests in Node
    addEventListener('pagehide', () => void this.flush());
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && void this.flush());
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
  }

  /** The graph on the page is the saved work `id`'s (after a resume): go on saving into it. */
  adopt(id: string, graph: DrugGraph, graphBytes: number): void {
    this.entryId = id;
    this.graph = graph;
    this.graphSaved = true;
    this.graphBytes = graphBytes;
  }

  /** While a resume swaps the page's state: nothing half-replaced is saved. */
  hold(on: boolean): void {
    this.paused = on;
    if (!on) this.schedule(true);
  }

  /** Saving again after the user freed space (deleted saved work). */
  enable(): void {
    if (this.state.getState().available === false && this.state.getState().failedWrite) {
      this.state.setState({ available: true, notice: null, failedWrite: false });
      this.schedule(true);
    }
  }

  /**
   * The saved work `id` was deleted. If the page was saving into it, it stops saving this graph (the
   * user asked for it gone) until other data is loaded or saved work resumed. Returns whether it was.
   */
  forget(id: string): boolean {
    if (id !== this.entryId) return false;
    this.graphSaved = false;
    this.entryId = null;
    return true;
  }

  private newGraph(graph: DrugGraph | null): void {
    this.graph = graph;
    this.entryId = graph ? newId() : null;
    this.graphSaved = false;
    this.graphBytes = 0;
  }

  private schedule(now: boolean): void {
    if (this.paused || this.state.getState().available !== true) return;
    const wait = now ? 0 : Math.max(0, this.lastWrite + this.intervalMs - Date.now());
    if (this.timer) {
      if (!now) return;
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, wait);
  }

  /** Writes the state as it is now, after any write in progress (one at a time). Resolves when written. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    this.writing = this.write().finally(() => {
      this.writing = null;
      this.lastWrite = Date.now();
    });
    return this.writing;
  }

  private async write(): Promise<void> {
    if (this.paused || this.state.getState().available !== true) return;
    const s = this.store.getState();
    if (!worthSaving(s) || !this.entryId) return;
    const graph = s.graph!;
    const id = this.entryId;
    let checkpoint: TrainerCheckpoint | PackedCheckpoint | null = null;
    try {
      if (s.history.length > 0) checkpoint = await withTimeout(this.checkpoint(), CHECKPOINT_TIMEOUT_MS);
    } catch {
      // No model right now (being rebuilt, the worker restarting): not a storage problem, try later.
      return this.retry(this.intervalMs);
    }
    const now = this.store.getState();
    // The page moved on meanwhile (new data, a resume, a rebuilt model): the next save catches up.
    if (now.graph !== graph || this.entryId !== id || this.paused) return;
    const meta = checkpoint ? checkpointMeta(checkpoint) : null;
    if (meta && settingsDiffer(meta.settings, modelSettingsOf(now.settings)).length > 0) return this.retry(this.intervalMs);
    const session = sessionAtEpoch(now, id, meta?.epoch ?? 0, meta?.best ?? null);
    if (!session) return this.retry(200); // the page has not shown the checkpoint's epoch yet
    const t0 = performance.now();
    try {
      const parts = { graph: this.graphSaved ? undefined : { id, graph, report: now.report! }, session, checkpoint: { id, checkpoint } };
      if (parts.graph) this.graphBytes = approxBytes(parts.graph);
      const summary = summarise({ id, graph, report: now.report! }, session, checkpoint, Date.now(), this.graphBytes);
      await this.db.save(summary, parts);
      this.graphSaved = true;
      this.state.setState({ entries: await this.db.list(), lastSaved: summary.savedAt });
      // For traces and tests: when each save ran (its work on this thread is a few ms; the rest is IndexedDB's).
      performance.measure('saved-work:save', { start: t0, detail: { epoch: meta?.epoch ?? 0, graph: parts.graph !== undefined } });
    } catch (e) {
      this.state.setState({ available: false, failedWrite: true, notice: storageProblem(e) });
    }
  }

  /** Tries again after a while (not at once: a mismatch can last, e.g. settings whose model failed to build). */
  private retry(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }
}

/** A worker terminated mid-call (backend switch) never answers: give up on it after a while. */
const CHECKPOINT_TIMEOUT_MS = 30_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The trainer did not answer.')), ms);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
