/** Title bar: the training status, what the page adds (the teaching search), the backend in use (and why others were skipped). */
import type { ReactNode } from 'react';
import { usePlayground } from './context';
import { isHeuristicKind } from '../settings/options';
import { threadsLabel } from './threadsLabel';

export function BackendBadge() {
  const backend = usePlayground((s) => s.backend);
  const isolation = usePlayground((s) => s.isolation);
  if (!backend) return <span className="badge">starting TensorFlow.js…</span>;
  const threads = backend.wasmThreads && threadsLabel(backend.wasmThreads, isolation);
  const skipped = backend.probes.filter((p) => !p.ok);
  // The most common surprise (a GPU backend exists but is not used) is said without opening the list.
  // Short, so the header stays one line; the list below says which backend and why.
  const software = [...new Set(skipped.flatMap((p) => (p.software ? [p.software] : [])))];
  return (
    <details className="backend">
      <summary className="badge" data-testid="backend">
        backend: <strong>{backend.chosen}</strong>
        {threads && <span title={threads.detail}> · {threads.short}</span>} · {backend.aggregation}
        {software.length > 0 && <span title="a software GPU, slower than WASM: the list says more"> · {software.join(', ')} skipped</span>}
      </summary>
      <ul>
        {backend.probes.map((p) => (
          <li key={p.name}>
            <strong>{p.name}</strong>: {p.ok ? 'in use — ' : 'skipped — '}
            {p.detail}
          </li>
        ))}
        {skipped.length === 0 && <li>The first backend tried works.</li>}
        {threads && <li>wasm threads: {threads.detail}</li>}
      </ul>
    </details>
  );
}

export function Header({ children }: { children?: ReactNode }) {
  const status = usePlayground((s) => s.status);
  const heuristic = usePlayground((s) => isHeuristicKind(s.settings.model));
  return (
    <header className="app-header">
      <h1>Drug GNN Playground</h1>
      <span className={`badge status-${status}`} data-testid="status">
        {/* 'stopped' means early stopping, or a heuristic's one evaluation; the training panel says more. */}
        {status === 'stopped' ? (heuristic ? 'done' : 'early stop') : status}
      </span>
      {children}
      <BackendBadge />
    </header>
  );
}
