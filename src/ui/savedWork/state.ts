/** What the page shows about saved work, in its own small store (the playground's store stays as it is). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SavedSummary } from './db';

export interface SavedWorkState {
  /** null until the database has answered; false when saving is off (see notice). */
  available: boolean | null;
  /** Why saving is off or failed, for the page (text only). */
  notice: string | null;
  /** Set when a write failed (e.g. quota): deleting saved work turns saving back on. */
  failedWrite: boolean;
  /** Every saved work, most recent first. */
  entries: SavedSummary[];
  /** Saved work offered when the page opened; null once resumed, discarded or not offered. */
  offer: SavedSummary[] | null;
  /** What is being done now ("Resuming …"), for the status line. */
  busy: string | null;
  /** The outcome of the last action ("Resumed …", a failure), for the status line. */
  status: string | null;
  /** Date.now() of the last save. */
  lastSaved: number | null;
}

export type SavedWorkStateStore = StoreApi<SavedWorkState>;

export function createSavedWorkState(): SavedWorkStateStore {
  return createStore<SavedWorkState>()(() => ({
    available: null,
    notice: null,
    failedWrite: false,
    entries: [],
    offer: null,
    busy: null,
    status: null,
    lastSaved: null,
  }));
}
