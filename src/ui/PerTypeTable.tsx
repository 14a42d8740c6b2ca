/**
 * Type task, once a run ends: F1, support and predictions per interaction type on the test pairs, and
 * the most confused type pairs. Type names are shown as text. The table scrolls in a focusable region
 * so a keyboard user can scroll its 86 rows.
 */
import { usePlayground } from './context';

const fmt = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(3));

export function PerTypeTable() {
  const report = usePlayground((s) => s.typeReport);
  const status = usePlayground((s) => s.status);
  const types = usePlayground((s) => s.graph?.edgeTypes);
  if (!report || status === 'training') return null;
  const name = (t: number) => types?.[t] ?? String(t);
  const rows = report.perType.filter((r) => r.support > 0 || r.predicted > 0).sort((a, b) => b.support - a.support || a.cls - b.cls);
  return (
    <div className="per-type" data-testid="per-type">
      <div className="per-type-scroll" role="region" aria-label="Per-type scores on the test pairs" tabIndex={0}>
        <table className="metric-table">
          <caption>Per type, test pairs</caption>
          <thead>
            <tr>
              <th scope="col">type</th>
              <th scope="col">F1</th>
              <th scope="col">support</th>
              <th scope="col">predicted</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.cls}>
                <th scope="row">{name(r.cls)}</th>
                <td>{fmt(r.f1)}</td>
                <td>{r.support}</td>
                <td>{r.predicted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.confusions.length > 0 && (
        <>
          <p className="muted">Most confused (true → predicted: pairs)</p>
          <ol className="per-type-confusions">
            {report.confusions.map((c) => (
              <li key={`${c.truth}-${c.predicted}`}>
                {name(c.truth)} → {name(c.predicted)}: {c.count}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
