/**
 * Multilabel task, once a run ends: AUROC, AUPRC and AP@50 per label on the test pairs as their mean
 * and median over the scored labels, then the best and worst labels by name (names shown as text).
 */
import type { NamedLabelScore } from '../model/labelMetrics';
import { usePlayground } from './context';

const fmt = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(3));

function LabelRows({ title, rows }: { title: string; rows: NamedLabelScore[] }) {
  return (
    <>
      <tr>
        <th scope="rowgroup" colSpan={5}>
          {title}
        </th>
      </tr>
      {rows.map((r) => (
        <tr key={r.label}>
          <th scope="row">{r.name}</th>
          <td>{fmt(r.auroc)}</td>
          <td>{fmt(r.auprc)}</td>
          <td>{fmt(r.apAt50)}</td>
          <td>{r.positives}</td>
        </tr>
      ))}
    </>
  );
}

export function MultilabelTable() {
  const report = usePlayground((s) => s.multilabelReport);
  const status = usePlayground((s) => s.status);
  if (!report || status === 'training') return null;
  const { summary, best, worst } = report;
  return (
    <div className="per-type" data-testid="per-label">
      <table className="metric-table">
        <caption>
          Per label, test pairs: {summary.scored} of {report.perLabel.length} labels scored
        </caption>
        <thead>
          <tr>
            <td />
            <th scope="col">AUROC</th>
            <th scope="col">AUPRC</th>
            <th scope="col">AP@50</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">mean</th>
            <td data-testid="label-mean-auroc">{fmt(summary.mean.auroc)}</td>
            <td>{fmt(summary.mean.auprc)}</td>
            <td>{fmt(summary.mean.apAt50)}</td>
          </tr>
          <tr>
            <th scope="row">median</th>
            <td>{fmt(summary.median.auroc)}</td>
            <td>{fmt(summary.median.auprc)}</td>
            <td>{fmt(summary.median.apAt50)}</td>
          </tr>
        </tbody>
      </table>
      <div className="per-type-scroll" role="region" aria-label="Best and worst labels on the test pairs" tabIndex={0}>
        <table className="metric-table">
          <thead>
            <tr>
              <th scope="col">label</th>
              <th scope="col">AUROC</th>
              <th scope="col">AUPRC</th>
              <th scope="col">AP@50</th>
              <th scope="col">positives</th>
            </tr>
          </thead>
          <tbody>
            <LabelRows title="best (by AUPRC)" rows={best} />
            <LabelRows title="worst" rows={worst} />
          </tbody>
        </table>
      </div>
    </div>
  );
}
