/** The session's training runs side by side, so models can be compared on the same data: one row per model trained, the live one included. */
import { Fragment, useContext, useState } from 'react';
import './runs.css';
import type { EvalMetrics } from '../../model/tasks/trainerBase';
import { PlaygroundContext, useController, usePlayground } from '../context';
import { downloadResult } from '../export/download';
import { runExport } from '../export/registry';
import { RunRow } from './RunRow';
import { bestRuns, differingSettings, sweepGroups, visibleMetricColumns, type MetricsFrom } from './runsView';
import { SweepRow } from './SweepRow';

export function RunsTable() {
  const controller = useController();
  const runs = usePlayground((s) => s.runs);
  const current = usePlayground((s) => s.currentRun);
  const graph = usePlayground((s) => s.graph);
  const [from, setFrom] = useState<MetricsFrom>('last');
  const store = useContext(PlaygroundContext)!.store;
  const [cardError, setCardError] = useState('');
  const card = (id: number, format: 'json' | 'md', of: 'run' | 'sweep' = 'run') =>
    runExport({ store, controller, getCy: () => null }, format === 'json' ? 'run-card-json' : 'run-card-md', { [of]: id }).then(
      (result) => (setCardError(''), downloadResult(result)),
      (e: unknown) => setCardError(e instanceof Error ? e.message : String(e)),
    );
  if (runs.length === 0) {
    // Shown, with room for a row, before the first run: see .runs in runs.css.
    if (!graph) return null;
    return (
      <details className="panel runs" open aria-label="Runs">
        <summary>
          <h2>Runs this session (0)</h2>
        </summary>
        <p className="muted">Each model you train gets a row here: its settings, how it ended and its metrics, side by side.</p>
      </details>
    );
  }
  const columns = visibleMetricColumns(runs, from);
  const sweeps = sweepGroups(runs);
  const differing = differingSettings(runs);
  const best = new Map<keyof EvalMetrics, Set<number>>(columns.flatMap((c) => [c.val, c.test].map((k) => [k, bestRuns(runs, k, from)] as const)));
  return (
    <details className="panel runs" open aria-label="Runs">
      <summary>
        <h2>Runs this session ({runs.length})</h2>
      </summary>
      <div className="runs-options">
        <label>
          Metrics at{' '}
          <select value={from} onChange={(e) => setFrom(e.target.value as MetricsFrom)} data-testid="runs-metrics-from">
            <option value="last">the last epoch</option>
            <option value="best">the best validation epoch</option>
          </select>
        </label>
        <span className="muted small">★ best among runs on the same data and task · highlighted settings differ between runs</span>
      </div>
      <div className="runs-scroll">
        <table className="runs-table" data-testid="runs-table">
          <thead>
            <tr>
              <th rowSpan={2}>#</th>
              <th rowSpan={2}>
                <span className="visually-hidden">actions</span>
              </th>
              <th rowSpan={2}>data</th>
              <th rowSpan={2}>model</th>
              <th rowSpan={2}>settings</th>
              <th rowSpan={2}>backend</th>
              <th rowSpan={2}>epochs</th>
              <th rowSpan={2}>ended</th>
              {columns.map((c) => (
                <th key={c.label} colSpan={2} className="metric-group">
                  {c.label}
                </th>
              ))}
              <th rowSpan={2} title="Median training time per epoch">
                ms / epoch
              </th>
            </tr>
            <tr>{columns.flatMap((c) => [<th key={c.val}>val</th>, <th key={c.test}>test</th>])}</tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <Fragment key={r.id}>
                <RunRow
                  run={r}
                  live={r.id === current}
                  columns={columns}
                  from={from}
                  differing={differing}
                  best={best}
                  onRestore={(id) => void controller.restoreRun(id)}
                  onRemove={(id) => controller.removeRun(id)}
                  onCard={(id, format) => void card(id, format)}
                />
                {sweeps.has(r.id) && (
                  <SweepRow group={sweeps.get(r.id)!} columns={columns} from={from} onCard={(id, format) => void card(id, format, 'sweep')} />
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {/* Only when there is something to say: an empty line here would grow the panel under the first run's row. */}
      {cardError && (
        <p className="muted small" role="alert">
          {cardError}
        </p>
      )}
    </details>
  );
}
