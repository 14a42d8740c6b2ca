/**
 * Saved work as the page uses it: opens the database (or says why it cannot), offers what was saved
 * when the page opens, resumes, discards and deletes; the WorkSaver keeps saving meanwhile.
 */
import type { PlaygroundController } from '../controller';
import { approxBytes, SavedWorkDb, storageProblem, type SavedSummary } from './db';
import { WorkSaver } from './saver';
import { createSavedWorkState, type SavedWorkStateStore } from './state';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class SavedWork {
  readonly state: SavedWorkStateStore = createSavedWorkState();
  private db: SavedWorkDb | null = null;
  private saver: WorkSaver | null = null;
  /** Settles when init() has opened the database or given up. */
  private opened: Promise<void> = Promise.resolve();

  constructor(
    private readonly controller: PlaygroundController,
    /** Settles once the page's own first load is done (a resume must not race it). */
    private readonly started: Promise<unknown> = Promise.resolve(),
    private readonly openDb: () => SavedWorkDb = () => new SavedWorkDb(),
  ) {}

  /**
   * Opens the database and starts saving; `offer`: show what was saved for a resume (not when the URL
   * asked for other data). Never throws: without IndexedDB the page goes on without saving.
   */
  init(offer: boolean): Promise<void> {
    this.opened = this.open(offer);
    return this.opened;
  }

  private async open(offer: boolean): Promise<void> {
    try {
      const db = this.openDb();
      // A newer layout opened in another tab asks this one to let go: close, and say so.
      db.on('versionchange', () => {
        db.close();
        this.stopSaving('Saved work is off in this tab: another tab of the playground upgraded the saved-work database. Reload to save again.');
        return false;
      });
      db.on('blocked', () => this.stopSaving(storageProblem({ name: 'BlockedError' })));
      await db.open();
      this.db = db;
      const entries = await db.list();
      this.state.setState({ available: true, entries, offer: offer && entries.length > 0 ? entries : null });
      this.saver = new WorkSaver(this.controller.store, db, this.state, () => this.controller.trainer.packedCheckpoint());
      this.saver.start();
    } catch (e) {
      this.stopSaving(storageProblem(e));
    }
  }

  private stopSaving(notice: string): void {
    this.saver?.stop();
    this.state.setState({ available: false, notice, offer: null });
  }

  /** Resumes saved work (default: the most recent); resolves when the page shows it. */
  async resume(id?: string): Promise<SavedSummary> {
    await this.opened;
    const db = this.requireDb();
    const target = id ?? (await db.list())[0]?.id;
    if (!target) throw new Error('There is no saved work to resume.');
    this.state.setState({ busy: 'Resuming saved work…', status: null });
    // What the page holds now is saved first (if worth it): the resume replaces it, runs table included.
    await this.saver?.flush();
    this.saver?.hold(true);
    try {
      await this.started.catch(() => undefined);
      const work = await db.load(target);
      if (!work) throw new Error('That saved work is gone (deleted in another tab?).');
      const problem = await this.controller.resumeSaved({
        graph: work.graph.graph,
        report: work.graph.report,
        session: work.session,
        checkpoint: work.checkpoint,
      });
      this.saver?.adopt(target, this.controller.store.getState().graph!, work.summary.graphBytes || approxBytes(work.graph));
      const s = work.summary;
      this.state.setState({ offer: null, status: problem ?? `Resumed ${s.name}${s.epoch > 0 ? ` at epoch ${s.epoch} of ${s.model}` : ''}.` });
      return s;
    } catch (e) {
      this.state.setState({ status: `Could not resume: ${message(e)} What was on the page is unchanged.` });
      throw e;
    } finally {
      this.state.setState({ busy: null });
      this.saver?.hold(false);
    }
  }

  /** Deletes what the start-up offer listed. */
  async discardOffer(): Promise<void> {
    const offer = this.state.getState().offer ?? [];
    for (const e of offer) await this.remove(e.id);
    this.state.setState({ offer: null, status: `Discarded ${offer.length === 1 ? 'the saved work' : `${offer.length} saved works`}.` });
  }

  async remove(id: string): Promise<void> {
    const db = this.requireDb();
    const name = (await db.list()).find((e) => e.id === id)?.name ?? 'saved work';
    await db.remove(id);
    const current = this.saver?.forget(id) ?? false;
    const note = current ? ' The work on the page is no longer saved (until you load data or resume saved work).' : '';
    this.state.setState({ entries: await db.list(), status: `Deleted ${name}.${note}` });
    this.saver?.enable();
  }

  async removeAll(): Promise<void> {
    const db = this.requireDb();
    const ids = (await db.list()).map((e) => e.id);
    await db.removeAll();
    const current = ids.map((id) => this.saver?.forget(id) ?? false).some(Boolean);
    const note = current ? ' The work on the page is no longer saved (until you load data or resume saved work).' : '';
    this.state.setState({ entries: [], offer: null, status: `All saved work deleted.${note}` });
    this.saver?.enable();
  }

  /** Saves now (tests, and before the user leaves); resolves when written. */
  async saveNow(): Promise<void> {
    await this.opened;
    await this.saver?.flush();
  }

  async list(): Promise<SavedSummary[]> {
    await this.opened;
    return this.db ? this.db.list() : [];
  }

  private requireDb(): SavedWorkDb {
    if (!this.db) throw new Error(this.state.getState().notice ?? 'Saved work is not available.');
    return this.db;
  }
}

/** "ChCh-Miner + 1 more, epoch 341 of gcn, 12.3 MB": one line for the offer. */
export function offerText(entries: SavedSummary[], formatBytes: (n: number) => string): string {
  const [first, ...rest] = entries;
  const more = rest.length > 0 ? ` + ${rest.length} more` : '';
  const trained = first.epoch > 0 ? `epoch ${first.epoch} of ${first.model}` : 'not trained yet';
  const bytes = entries.reduce((s, e) => s + e.bytes, 0);
  return `${first.name}${more}, ${trained}, ${formatBytes(bytes)}`;
}
