/**
 * Entry points to the teaching views: find a drug (name or DrugBank ID) to step through, the embedding
 * view, the tour. The search is a combobox: ↑/↓ choose among the results, Enter opens the chosen one.
 */
import { useState } from 'react';
import { nextIndex } from '../listKeys';
import { usePlayground } from '../context';
import { useTeach, useTeachController } from './context';
import { kindOfNode, searchDrugs } from './drugSearch';

const HITS_ID = 'teach-hits';
const optionId = (k: number) => `teach-hit-${k}`;

export function TeachBar() {
  const teach = useTeachController();
  const graph = usePlayground((s) => s.graph);
  const embeddingOpen = useTeach((s) => s.embeddingOpen);
  // The tour never runs in presenting mode, so its button is not offered there.
  const presenting = usePlayground((s) => s.settings.present === '1');
  // E.g. `#drug=` naming a drug the data does not have.
  const error = useTeach((s) => s.error);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  /** The result ↑/↓ point at (Enter opens it): announced through aria-activedescendant, focus stays in the field. */
  const [active, setActive] = useState(0);
  const hits = graph ? searchDrugs(graph.nodes, query) : [];
  const shown = open && hits.length > 0 && graph !== null;
  const current = Math.min(active, hits.length - 1);
  const pick = (i: number) => {
    setQuery('');
    setOpen(false);
    // The stepper takes the focus when it opens (and gives it back to this field when it closes).
    void teach.open(i);
  };
  return (
    <div className="teach-bar" data-testid="teach-bar">
      <span className="teach-bar-title">Teach</span>
      <div className="teach-search">
        <input
          type="search"
          role="combobox"
          aria-expanded={shown}
          aria-controls={shown ? HITS_ID : undefined}
          aria-autocomplete="list"
          aria-activedescendant={shown ? optionId(current) : undefined}
          placeholder="Step through a drug: name or DrugBank ID"
          aria-label="Find a drug to step through"
          data-testid="teach-search"
          value={query}
          disabled={!graph}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            const to = nextIndex(e.key, shown ? current : -1, hits.length);
            if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && to !== null) {
              e.preventDefault();
              setOpen(true);
              setActive(to);
            } else if (e.key === 'Enter' && hits.length > 0) pick(hits[Math.max(current, 0)]);
            else if (e.key === 'Escape') setOpen(false);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        {shown && (
          <ul className="teach-hits" role="listbox" id={HITS_ID} aria-label="Drugs found">
            {hits.map((i, k) => (
              <li
                key={i}
                id={optionId(k)}
                role="option"
                aria-selected={k === current}
                className={k === current ? 'active' : undefined}
                onMouseDown={() => pick(i)}
              >
                {graph.nodes[i].name} <span className="muted">{graph.nodes[i].id}</span>
                {kindOfNode(graph, i) && <span className="muted"> · {kindOfNode(graph, i)}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className={embeddingOpen ? 'on' : ''} onClick={() => void teach.toggleEmbedding()} disabled={!graph} data-testid="embedding-toggle">
        Embedding view
      </button>
      {!presenting && (
        <button type="button" onClick={() => teach.startTour()} title="A short tour of the playground">
          Tour
        </button>
      )}
      {error && (
        <p className="warning teach-error" role="status" data-testid="teach-error">
          {error}
        </p>
      )}
    </div>
  );
}
