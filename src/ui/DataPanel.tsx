/** Data set choice and the load report of what is loaded. */
import { BUILTIN_DATASETS } from '../data/builtinDatasets';
import { useController, usePlayground } from './context';

export function DataPanel() {
  const controller = useController();
  const dataset = usePlayground((s) => s.settings.dataset);
  const report = usePlayground((s) => s.report);
  const graph = usePlayground((s) => s.graph);
  const loading = usePlayground((s) => s.loading);
  return (
    <section className="panel data" aria-label="Data">
      <h2>Data</h2>
      <select value={dataset} onChange={(e) => void controller.changeSettings({ dataset: e.target.value })} aria-label="Data set">
        {BUILTIN_DATASETS.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
      {loading && <p className="muted">Loading {loading}…</p>}
      {graph && report && (
        <p className="report" data-testid="report">
          <strong>{graph.name}</strong>: {report.nodes} drugs, {report.edges} interactions
          {report.edgeTypes > 0 ? `, ${report.edgeTypes} types` : ''}; {report.withSmiles} with SMILES, {report.withAtc} with ATC
          codes.
        </p>
      )}
    </section>
  );
}
