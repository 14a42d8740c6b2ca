/**
 * Vectors as a compact heat-map: one row per vector, one cell per component, colour = value
 * (blue negative, red positive, same scale for all rows); hovering a cell shows its exact value.
 */
import { full, heatColor, maxAbs } from './format';

export interface HeatRow {
  key: string | number;
  label: string;
  values: number[];
  /** Extra text after the label (e.g. an attention weight). */
  note?: string;
  strong?: boolean;
}

export function HeatMap({ rows, testId, scale, highlight = [] }: { rows: HeatRow[]; testId?: string; scale?: number; highlight?: number[] }) {
  const s = scale ?? maxAbs(rows.map((r) => r.values));
  const cols = rows[0]?.values.length ?? 0;
  return (
    <div className="heatmap" data-testid={testId} style={{ ['--cols' as string]: cols }}>
      {rows.map((r) => (
        <div key={r.key} className={r.strong ? 'heat-row strong' : 'heat-row'}>
          <span className="heat-label" title={r.label}>
            {r.label}
            {r.note && <span className="heat-note"> {r.note}</span>}
          </span>
          <span className="heat-cells">
            {r.values.map((x, k) => (
              <span
                key={k}
                className={highlight.includes(k) ? 'heat-cell marked' : 'heat-cell'}
                style={{ background: heatColor(x, s) }}
                title={`${r.label} · component ${k + 1} = ${full(x)}`}
                data-value={x}
              />
            ))}
          </span>
        </div>
      ))}
      <div className="heat-scale">
        <span style={{ background: heatColor(-s, s) }} /> −{s.toPrecision(3)} <span style={{ background: '#fff' }} /> 0{' '}
        <span style={{ background: heatColor(s, s) }} /> +{s.toPrecision(3)}
        <span className="muted"> · hover a cell for its value</span>
      </div>
    </div>
  );
}

/** One vector with its first components written out as numbers under the colours. */
export function VectorView({
  label,
  values,
  testId,
  marked = [],
  heat = true,
}: {
  label: string;
  values: number[];
  testId?: string;
  marked?: number[];
  heat?: boolean;
}) {
  const shown = Math.min(values.length, 8);
  return (
    <div className="vector-view" data-testid={testId} data-vector={JSON.stringify(values)}>
      {heat && <HeatMap rows={[{ key: 0, label, values, strong: true }]} highlight={marked} />}
      <div className="vector-numbers">
        {heat ? '' : `${label} = `}[{' '}
        {values.slice(0, shown).map((x, k) => (
          <span key={k} className={marked.includes(k) ? 'num marked' : 'num'} title={full(x)}>
            {x.toFixed(3)}
            {k < shown - 1 ? ', ' : ''}
          </span>
        ))}
        {values.length > shown ? `, … (${values.length} values)` : ''} ]
      </div>
    </div>
  );
}
