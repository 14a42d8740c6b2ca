/** The row under a seed sweep's runs: mean ± std (sample std) of each test metric, and the sweep's card. */
import { formatMeanStd } from '../../export/meanStd';
import { sweepMetric, type MetricColumn, type MetricsFrom, type SweepGroup } from './runsView';

interface Props {
  group: SweepGroup;
  columns: MetricColumn[];
  from: MetricsFrom;
  /** Downloads the sweep's card (every run's card plus the summary). */
  onCard(sweepId: number, format: 'json' | 'md'): void;
}

export function SweepRow({ group, columns, from, onCard }: Props) {
  const n = group.runs.length;
  const seeds = group.runs.map((r) => r.settings.seed).join(', ');
  return (
    <tr className="sweep-summary" data-testid="sweep-row" data-sweep={group.id}>
      <td>Σ</td>
      <td>
        <div className="run-actions">
          <button
            type="button"
            onClick={() => onCard(group.id, 'json')}
            aria-label={`Card JSON (card of the seed sweep from run ${group.id} as JSON)`}
            title="Download the sweep’s card as JSON: every run’s card and the mean ± std"
          >
            Card JSON
          </button>
          <button
            type="button"
            onClick={() => onCard(group.id, 'md')}
            aria-label={`Card MD (card of the seed sweep from run ${group.id} as Markdown)`}
            title="Download the sweep’s card as Markdown"
          >
            Card MD
          </button>
        </div>
      </td>
      <td colSpan={6} data-testid="sweep-label" title="Sample standard deviation (n − 1) over the runs that finished">
        mean ± std over {n} seeds ({seeds}){n < group.size ? ` · ${group.size - n} of ${group.size} runs did not finish` : ''}
      </td>
      {columns.flatMap((c) => [
        <td key={c.val} className="metric" />,
        <td key={c.test} className="metric" data-metric={c.test}>
          {formatMeanStd(sweepMetric(group, c.test, from), 3)}
        </td>,
      ])}
      <td />
    </tr>
  );
}
