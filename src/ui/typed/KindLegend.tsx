/**
 * The legend's part for typed graphs: each node kind with its shape and colour, each relation with
 * its line pattern, and a checkbox per entry that shows or hides it in the view (the `hide` setting).
 */
import type { DrugGraph } from '../../data/graph';
import { NO_ATC_COLOR } from '../colorScale';
import { useController, usePlayground } from '../context';
import { hiddenNames, withHidden } from '../network/viewFilter';
import { kindStyles, presentKindsAndRelations, relationDashes, type KindShape } from './kindStyle';

/** The shape as a 12-px SVG icon (what Cytoscape draws, near enough to recognise). */
function ShapeIcon({ shape, color }: { shape: KindShape; color: string }) {
  const points: Partial<Record<KindShape, string>> = {
    triangle: '6,1 11,11 1,11',
    diamond: '6,0.5 11.5,6 6,11.5 0.5,6',
    hexagon: '3,1 9,1 11.5,6 9,11 3,11 0.5,6',
    star: '6,0.5 7.5,4.3 11.5,4.5 8.4,7.1 9.4,11.2 6,8.9 2.6,11.2 3.6,7.1 0.5,4.5 4.5,4.3',
    vee: '0.5,1 6,5 11.5,1 6,11.5',
  };
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" className="kind-icon">
      {shape === 'ellipse' && <circle cx="6" cy="6" r="5.5" fill={color} />}
      {shape === 'round-rectangle' && <rect x="0.5" y="0.5" width="11" height="11" rx="2.5" fill={color} />}
      {points[shape] && <polygon points={points[shape]} fill={color} />}
    </svg>
  );
}

export function KindLegend({ graph }: { graph: DrugGraph }) {
  const controller = useController();
  const hide = usePlayground((s) => s.settings.hide);
  const hidden = new Set(hiddenNames(hide));
  const { kinds, relations } = presentKindsAndRelations(graph);
  const allKinds = graph.kinds ?? ['drug'];
  const allRelations = graph.relations ?? ['drug-drug'];
  const styles = kindStyles(allKinds);
  const dashes = relationDashes(allRelations);
  const toggle = (name: string, show: boolean) => void controller.changeSettings({ hide: withHidden(hide, name, !show) });
  return (
    <div className="kind-legend" data-testid="kind-legend">
      <fieldset>
        <legend>Node kinds</legend>
        {kinds.map(({ name, count }) => {
          const style = styles[allKinds.indexOf(name)];
          return (
            <label key={name} className="legend-row legend-check">
              <input type="checkbox" checked={!hidden.has(name)} onChange={(e) => toggle(name, e.target.checked)} data-testid={`show-kind-${name}`} />
              <ShapeIcon shape={style.shape} color={style.color ?? NO_ATC_COLOR} />
              {name} <span className="muted">{count.toLocaleString()}</span>
              {style.color === null && <span className="muted">(colour: ATC group)</span>}
            </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>Relations</legend>
        {relations.map(({ name, count }) => (
          <label key={name} className="legend-row legend-check">
            <input type="checkbox" checked={!hidden.has(name)} onChange={(e) => toggle(name, e.target.checked)} data-testid={`show-relation-${name}`} />
            <svg width="28" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="28" y2="4" stroke="#4292c6" strokeWidth="2" strokeDasharray={dashes[allRelations.indexOf(name)].join(' ') || undefined} />
            </svg>
            {name} <span className="muted">{count.toLocaleString()}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
