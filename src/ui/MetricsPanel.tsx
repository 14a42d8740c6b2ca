/** Metrics of the latest epoch (validation and test) with the live chart. */
import { usePlayground } from './context';
import { MetricsChart } from './MetricsChart';

const fmt = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(3));

export function MetricsPanel() {
  const history = usePlayground((s) => s.history);
  const last = history.at(-1);
  return (
    <section className="panel metrics" aria-label="Metrics">
      <h2>Training</h2>
      <MetricsChart history={history} />
      <div className="chart-key">
        <span className="key loss">loss</span>
        <span className="key auroc">val AUROC</span>
        <span className="key auprc">val AUPRC</span>
      </div>
      <table className="metric-table">
        <thead>
          <tr>
            <th />
            <th>AUROC</th>
            <th>AUPRC</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>validation</th>
            <td data-testid="val-auroc">{fmt(last?.valAuroc)}</td>
            <td data-testid="val-auprc">{fmt(last?.valAuprc)}</td>
          </tr>
          <tr>
            <th>test</th>
            <td data-testid="test-auroc">{fmt(last?.testAuroc)}</td>
            <td data-testid="test-auprc">{fmt(last?.testAuprc)}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        Loss <span data-testid="loss">{fmt(last?.loss)}</span>
        {last ? ` · ${last.ms.toFixed(0)} ms / epoch` : ''}
      </p>
    </section>
  );
}
