/** The load report of the graph in use: counts, what was merged or dropped, skipped rows and why. */
import type { LoadReport } from '../data/graph';
import { reportWords } from './typed/reportCounts';

export function LoadReportView({ report, name }: { report: LoadReport; name: string }) {
  const skipped = report.skippedRows.reduce((n, s) => n + s.count, 0);
  const words = reportWords(report);
  return (
    <div className="report" data-testid="report">
      <p>
        <strong>{name}</strong>: <span data-testid="report-nodes">{report.nodes}</span> {words.nodes}, <span data-testid="report-edges">{report.edges}</span>{' '}
        {words.edges}
        {report.edgeTypes > 0 ? `, ${report.edgeTypes} interaction types` : ''}.
      </p>
      <ul className="report-list">
        <li>
          with SMILES {report.withSmiles} · ATC {report.withAtc} · names {report.withNames}
        </li>
        {report.duplicatesMerged > 0 && <li>{report.duplicatesMerged} duplicate pairs merged</li>}
        {report.selfLoopsDropped > 0 && <li>{report.selfLoopsDropped} self-loops dropped</li>}
        {report.negatives !== undefined && (
          <li data-testid="report-negatives">
            {report.negatives} negative pairs kept from the label column
            {report.negatives > 0 ? ' (validation and test negatives are drawn from them first)' : ''}
          </li>
        )}
        {report.bareDrugs !== undefined && report.bareDrugs > 0 && (
          <li data-testid="report-bare">{report.bareDrugs} drugs only appear as interaction partners, without a record of their own</li>
        )}
        {skipped > 0 && (
          <li>
            {skipped} rows skipped:
            <ul>
              {report.skippedRows.map((s) => (
                <li key={s.reason}>
                  {s.count} × {s.reason} (line{s.examples.length > 1 ? 's' : ''} {s.examples.join(', ')}
                  {s.count > s.examples.length ? ', …' : ''})
                </li>
              ))}
            </ul>
          </li>
        )}
        {report.warnings.map((w) => (
          <li key={w} className="report-warning">
            {w}
          </li>
        ))}
      </ul>
      {report.notes && report.notes.length > 0 && (
        <details>
          <summary>Details</summary>
          <ul className="report-list">
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
