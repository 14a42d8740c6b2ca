/** Metrics of the latest epoch (validation and test) with the live chart. */
import type { EpochMetrics } from '../workers/protocol';
import { usePlayground } from './context';
import { MetricsChart } from './MetricsChart';
import { RunEndNotice } from './runs/RunEndNotice';
import { PerTypeTable } from './PerTypeTable';
import { MultilabelTable } from './MultilabelTable';

const fmt = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '—' : v.toFixed(3));

/** Metrics that only some tasks have: Hits@20 (links), accuracy and macro-F1 (types, nodes), Cohen's κ (types), AP@50 (labels). */
function ExtraMetrics({ m }: { m: EpochMetrics }) {
  const rows = [
    ['Hits@20', m.valHits20, m.testHits20],
    ['accuracy', m.valAccuracy, m.testAccuracy],
    ['macro-F1', m.valMacroF1, m.testMacroF1],
    ["Cohen's κ", m.valKappa, m.testKappa],
    ['AP@50 (mean over labels)', m.valAp50, m.testAp50],
  ].filter(([, v, t]) => v !== undefined || t !== undefined) as [string, number | undefined, number | undefined][];
  if (rows.length === 0) return null;
  return (
    <table className="metric-table">
      <thead>
        <tr>
          <td />
          <th>val</th>
          <th>test</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, v, t]) => (
          <tr key={name}>
            <th>{name}</th>
            <td>{fmt(v)}</td>
            <td>{fmt(t)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MetricsPanel() {
  const notes = usePlayground((s) => s.trainerNotes);
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
            <td />
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
      {last && <ExtraMetrics m={last} />}
      <p className="muted">
        Loss <span data-testid="loss">{fmt(last?.loss)}</span>
        {last ? ` · ${last.ms.toFixed(0)} ms / epoch` : ''}
      </p>
      <RunEndNotice />
      <PerTypeTable />
      <MultilabelTable />
      {notes.length > 0 && (
        <ul className="trainer-notes" data-testid="trainer-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
