/** Controls of the network view: search/focus a drug (any node kind on a typed graph), neighbourhood radius, strength threshold, edge cap. */
import { useId, useMemo, useState } from 'react';
import { SETTINGS } from '../settings/schema';
import { useController, usePlayground } from './context';
import { kindOfNode, searchableKinds, searchDrugs } from './teach/drugSearch';

export function ViewControls() {
  const controller = useController();
  const graph = usePlayground((s) => s.graph);
  const { focus, hops, minStrength, maxEdges } = usePlayground((s) => s.settings);
  const [query, setQuery] = useState('');
  const listId = useId();
  const matches = useMemo(() => (graph ? searchDrugs(graph.nodes, query) : []), [graph, query]);
  if (!graph) return null;
  const focusNames = focus
    ? focus
        .split(',')
        .map((id) => graph.nodes.find((n) => n.id === id)?.name ?? id)
        .join(', ')
    : '';
  const focusOn = (q: string) => {
    const hit = searchDrugs(graph.nodes, q, 1)[0];
    if (hit !== undefined) void controller.changeSettings({ focus: graph.nodes[hit].id });
  };
  return (
    <div className="view-controls" aria-label="Network view">
      <input
        type="search"
        placeholder={graph.nodeKind ? `Find ${searchableKinds(graph)} by name or id` : 'Find a drug by name or DrugBank ID'}
        aria-label={graph.nodeKind ? `Find ${searchableKinds(graph)}` : 'Find a drug'}
        data-testid="drug-search"
        list={listId}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && focusOn(query)}
      />
      <datalist id={listId}>
        {matches.map((i) => (
          <option key={i} value={graph.nodes[i].name}>
            {graph.nodes[i].id}
            {kindOfNode(graph, i) ? ` · ${kindOfNode(graph, i)}` : ''}
          </option>
        ))}
      </datalist>
      {focus && (
        <span className="focus-chip" data-testid="focus">
          focus: {focusNames}
          <button type="button" aria-label="Show the whole graph" onClick={() => void controller.changeSettings({ focus: '' })}>
            ×
          </button>
        </span>
      )}
      <label title={SETTINGS.hops.help}>
        hops{' '}
        <input
          type="number"
          min={SETTINGS.hops.min}
          max={SETTINGS.hops.max}
          value={hops}
          onChange={(e) =>
            void controller.changeSettings({ hops: Math.min(SETTINGS.hops.max, Math.max(SETTINGS.hops.min, Number(e.target.value) || SETTINGS.hops.min)) })
          }
        />
      </label>
      <label title={SETTINGS.minStrength.help}>
        strength ≥ {minStrength.toFixed(2)}{' '}
        <input
          type="range"
          min={SETTINGS.minStrength.min}
          max={SETTINGS.minStrength.max}
          step={0.05}
          value={minStrength}
          data-testid="strength-threshold"
          onChange={(e) => void controller.changeSettings({ minStrength: Number(e.target.value) })}
        />
      </label>
      <label title={SETTINGS.maxEdges.help}>
        edges drawn ≤{' '}
        <input
          type="number"
          min={SETTINGS.maxEdges.min}
          max={SETTINGS.maxEdges.max}
          step={500}
          defaultValue={maxEdges}
          key={maxEdges}
          onBlur={(e) => {
            const parsed = SETTINGS.maxEdges.parse(e.target.value);
            if ('value' in parsed) void controller.changeSettings({ maxEdges: parsed.value });
          }}
        />
      </label>
    </div>
  );
}
