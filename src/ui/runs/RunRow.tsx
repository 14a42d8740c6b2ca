/** One run in the runs table: its data, settings, how it ended, its metrics and two actions. */
import type { ModelSettings } from '../../settings/schema';
import type { EvalMetrics } from '../../model/tasks/trainerBase';
import { median, type RunRecord } from './runs';
import { metricOf, settingChips, type MetricColumn, type MetricsFrom } from './runsView';
import { runEndCell } from './runText';

interface Props {
  run: RunRecord;
  live: boolean;
  columns: MetricColumn[];
  from: MetricsFrom;
  differing: Set<keyof ModelSettings>;
  best: Map<keyof EvalMetrics, Set<number>>;
  onRestore(id: number): void;
  onRemove(id: number): void;
  /** Downloads the run's card. */
  onCard(id: number, format: 'json' | 'md'): void;
}

function MetricCell({ run, metric, from, best }: { run: RunRecord; metric: keyof EvalMetrics; from: MetricsFrom; best: boolean }) {
  const v = metricOf(run, metric, from);
  return (
    <td className={best ? 'metric best' : 'metric'} data-metric={metric} title={best ? 'Best among runs on the same data and task' : undefined}>
      <span className="value">{v === null ? '—' : v.toFixed(3)}</span>
      {best && (
        <span role="img" aria-label="best">
          {' '}
          ★
        </span>
      )}
    </td>
  );
}

export function RunRow({ run, live, columns, from, differing, best, onRestore, onRemove, onCard }: Props) {
  const end = runEndCell(run);
  const ms = median(run.epochMs);
  return (
    <tr className={live ? 'live' : undefined} data-testid="run-row" data-run={run.id}>
      <td>{run.id}</td>
      {/* Actions first: on a narrow window the metric columns scroll, the buttons stay in view. */}
      <td>
        <div className="run-actions">
          <button
            type="button"
            onClick={() => onRestore(run.id)}
            title="Put this run’s model settings into the controls and the URL (a fresh model: weights are not restored)"
          >
            Use settings
          </button>
          <button
            type="button"
            onClick={() => onCard(run.id, 'json')}
            aria-label={`Card JSON (run card of run ${run.id} as JSON)`}
            title="Download this run’s card as JSON (settings, curves, metrics, timings, fingerprints)"
          >
            Card JSON
          </button>
          <button
            type="button"
            onClick={() => onCard(run.id, 'md')}
            aria-label={`Card MD (run card of run ${run.id} as Markdown)`}
            title="Download this run’s card as Markdown"
          >
            Card MD
          </button>
          <button type="button" onClick={() => onRemove(run.id)} aria-label={`Remove run ${run.id}`} title="Remove this row">
            ✕
          </button>
        </div>
      </td>
      <td className="run-data" title={run.dataset}>
        {run.dataset}
        {run.loadedFrom && (
          <span className="run-loaded" data-testid="run-loaded" title={`Weights of epoch ${run.loadedFrom.epoch} loaded from ${run.loadedFrom.file}`}>
            model file {run.loadedFrom.file}
          </span>
        )}
        {run.splitFiles && (
          <span className="run-loaded" data-testid="run-split" title={`Trained on the split from ${run.splitFiles.join(', ')}`}>
            split from {run.splitFiles.join(', ')}
          </span>
        )}
      </td>
      <td>
        <span className={differing.has('model') ? 'run-model differs' : 'run-model'} data-testid="run-model">
          {run.settings.model}
        </span>
      </td>
      <td className="chips">
        {settingChips(run.settings).map((c) => (
          <span key={c.name} className={differing.has(c.name) ? 'chip differs' : 'chip'}>
            {c.text}
          </span>
        ))}
      </td>
      <td>{run.backend}</td>
      <td data-testid="run-epochs">{run.epochs}</td>
      <td className={`run-end-cell end-${run.end.kind}`} title={end.title} data-testid="run-end-cell">
        {end.text}
      </td>
      {columns.flatMap((c) => [
        <MetricCell key={c.val} run={run} metric={c.val} from={from} best={best.get(c.val)?.has(run.id) ?? false} />,
        <MetricCell key={c.test} run={run} metric={c.test} from={from} best={best.get(c.test)?.has(run.id) ?? false} />,
      ])}
      <td data-testid="run-ms">{Number.isNaN(ms) ? '—' : ms.toFixed(0)}</td>
    </tr>
  );
}
