/**
 * Legend of the network view: the strength scale, the candidate style, node colours by ATC group
 * and, on a typed graph only, the node kinds and relations with their show/hide checkboxes.
 */
import { ATC_GROUPS, CANDIDATE_COLOR, NO_ATC_COLOR, presentAtcGroups, STRENGTH_GRADIENT } from './colorScale';
import { usePlayground } from './context';
import { KindLegend } from './typed/KindLegend';
import { isTyped } from './typed/kindStyle';

export function Legend() {
  const graph = usePlayground((s) => s.graph);
  const groups = presentAtcGroups(graph?.nodes ?? []);
  return (
    <div className="legend" data-testid="legend" aria-label="Legend">
      <div className="legend-title">Predicted association strength (known interactions)</div>
      <div className="legend-scale" style={{ background: STRENGTH_GRADIENT }} />
      <div className="legend-ticks">
        <span>0</span>
        <span>0.5</span>
        <span>1</span>
      </div>
      <div className="legend-row">
        <svg width="28" height="8" aria-hidden="true">
          <line x1="0" y1="4" x2="28" y2="4" stroke={CANDIDATE_COLOR} strokeWidth="2.5" strokeDasharray="5 3" />
        </svg>
        candidate: strong prediction, not a known interaction
      </div>
      {graph && isTyped(graph) && <KindLegend graph={graph} />}
      <details>
        <summary>{graph && isTyped(graph) ? 'Drug colour: ATC main group' : 'Node colour: ATC main group'}</summary>
        {groups.map((g) => (
          <div key={g} className="legend-row">
            <span className="swatch" style={{ background: ATC_GROUPS[g].color }} />
            {g} · {ATC_GROUPS[g].name}
          </div>
        ))}
        <div className="legend-row">
          <span className="swatch" style={{ background: NO_ATC_COLOR }} />
          no ATC code
        </div>
      </details>
    </div>
  );
}
