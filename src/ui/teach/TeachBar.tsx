/** Entry points to the teaching views: find a drug (name or DrugBank ID) to step through, the embedding view, the tour. */
import { useRef, useState } from 'react';
import { usePlayground } from '../context';
import { useTeach, useTeachController } from './context';
import { searchDrugs } from './drugSearch';

export function TeachBar() {
  const teach = useTeachController();
  const graph = usePlayground((s) => s.graph);
  const embeddingOpen = useTeach((s) => s.embeddingOpen);
  // E.g. `#drug=` naming a drug the data does not have.
  const error = useTeach((s) => s.error);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hits = graph ? searchDrugs(graph.nodes, query) : [];
  const pick = (i: number) => {
    setQuery('');
    setOpen(false);
    // Hand the keyboard to the stepper (← / → / Esc are ignored while a field has focus).
    input.current?.blur();
    void teach.open(i);
  };
  return (
    <div className="teach-bar" data-testid="teach-bar">
      <span className="teach-bar-title">Teach</span>
      <div className="teach-search">
        <input
          ref={input}
          type="search"
          placeholder="Step through a drug: name or DrugBank ID"
          aria-label="Find a drug to step through"
          data-testid="teach-search"
          value={query}
          disabled={!graph}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && hits.length > 0) pick(hits[0]);
            if (e.key === 'Escape') setOpen(false);
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        {open && hits.length > 0 && graph && (
          <ul className="teach-hits" role="listbox">
            {hits.map((i) => (
              <li key={i} role="option" aria-selected={false} onMouseDown={() => pick(i)}>
                {graph.nodes[i].name} <span className="muted">{graph.nodes[i].id}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className={embeddingOpen ? 'on' : ''} onClick={() => void teach.toggleEmbedding()} disabled={!graph} data-testid="embedding-toggle">
        Embedding view
      </button>
      <button type="button" onClick={() => teach.startTour()} title="A short tour of the playground">
        Tour
      </button>
      {error && (
        <p className="warning teach-error" role="status" data-testid="teach-error">
          {error}
        </p>
      )}
    </div>
  );
}
