/**
 * Saved work on the page: the offer when the page opens ("Resume / Discard"), and the Saved work
 * panel listing what is stored with sizes, to resume or delete. Text from files (graph names) is
 * rendered as text only; every status goes to an aria-live region.
 */
import { useStore } from 'zustand';
import { formatBytes } from '../export/SaveSharePanel';
import { useSavedWork } from './context';
import { offerText, type SavedWork } from './savedWork';
import type { SavedWorkState } from './state';

const useSaved = <T,>(work: SavedWork, select: (s: SavedWorkState) => T): T => useStore(work.state, select);

/** Runs an action, leaving its failure in the saved-work status line (already set by the action). */
const run = (p: Promise<unknown>) => void p.catch(() => undefined);

export function SavedWorkOffer() {
  const work = useSavedWork();
  return work ? <Offer work={work} /> : null;
}

function Offer({ work }: { work: SavedWork }) {
  const offer = useSaved(work, (s) => s.offer);
  const busy = useSaved(work, (s) => s.busy);
  if (!offer || offer.length === 0) return null;
  return (
    <div className="saved-offer" role="region" aria-label="Saved work found">
      <p>
        <strong>Saved work:</strong> <span data-testid="saved-offer-text">{offerText(offer, formatBytes)}</span>
      </p>
      <button type="button" disabled={busy !== null} onClick={() => run(work.resume())}>
        Resume
      </button>
      <button
        type="button"
        disabled={busy !== null}
        title={offer.length > 1 ? `Deletes all ${offer.length} saved works` : 'Deletes the saved work'}
        onClick={() => run(work.discardOffer())}
      >
        Discard
      </button>
    </div>
  );
}

export function SavedWorkPanel() {
  const work = useSavedWork();
  return work ? <Panel work={work} /> : null;
}

function Panel({ work }: { work: SavedWork }) {
  const entries = useSaved(work, (s) => s.entries);
  const available = useSaved(work, (s) => s.available);
  const notice = useSaved(work, (s) => s.notice);
  const busy = useSaved(work, (s) => s.busy);
  const status = useSaved(work, (s) => s.status);
  const total = entries.reduce((s, e) => s + e.bytes, 0);
  return (
    <section className="panel saved-work" aria-label="Saved work">
      <h2>Saved work</h2>
      {available === true && <p className="muted small">Kept in this browser (IndexedDB) as you work, so a reload or tomorrow’s visit finds it again.</p>}
      {entries.length > 0 ? (
        <ul className="saved-list">
          {entries.map((e) => (
            <li key={e.id} data-saved-id={e.id}>
              <span className="saved-name">{e.name}</span>{' '}
              <span className="muted small">
                {e.epoch > 0 ? `epoch ${e.epoch} of ${e.model}` : 'not trained'}, {e.runs} {e.runs === 1 ? 'run' : 'runs'}, {formatBytes(e.bytes)},{' '}
                {new Date(e.savedAt).toLocaleString()}
              </span>
              <span className="saved-actions">
                <button type="button" disabled={busy !== null} aria-label={`Resume ${e.name}`} onClick={() => run(work.resume(e.id))}>
                  Resume
                </button>
                <button type="button" disabled={busy !== null} aria-label={`Delete ${e.name}`} onClick={() => run(work.remove(e.id))}>
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        available === true && <p className="muted small">Nothing saved yet: loaded files and trained models are saved as you work.</p>
      )}
      {entries.length > 1 && (
        <button type="button" disabled={busy !== null} onClick={() => run(work.removeAll())}>
          Delete all ({formatBytes(total)})
        </button>
      )}
      <p className="small" role="status" aria-live="polite" data-testid="saved-work-status">
        {notice ?? busy ?? status ?? ''}
      </p>
    </section>
  );
}
