/**
 * "Save and share": one button per export, grouped by area. Each button builds its file through the
 * same entry `window.playground.export(kind)` uses and hands it to the browser as a download.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { downloadResult } from './download';
import { LoadModel } from './LoadModel';
import { EXPORTS } from './registry';
import type { ExportContext, ExportEntry } from './types';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function SaveSharePanel({ ctx }: { ctx: ExportContext }) {
  // Re-render when the graph, the run or the runs table change: availability depends on them.
  useStore(ctx.store, (s) => [s.graph, s.history.length, s.runs.length, s.status].join('|'));
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('');
  if (!ctx.store.getState().graph || EXPORTS.length === 0) return null;
  const groups = [...new Set(EXPORTS.map((e) => e.group))];
  const save = async (entry: ExportEntry) => {
    setBusy(entry.kind);
    setStatus(`Preparing ${entry.label}…`);
    try {
      const result = await entry.run(ctx);
      downloadResult(result);
      setStatus(`Saved ${result.name} (${formatBytes(result.bytes.length)}).`);
    } catch (e) {
      setStatus(`${entry.label}: ${message(e)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="panel save-share" aria-label="Save and share">
      <h2>Save and share</h2>
      {groups.map((group) => (
        <div key={group} className="save-group">
          <h3>{group}</h3>
          <div className="save-buttons">
            {EXPORTS.filter((e) => e.group === group).map((entry) => {
              const ok = entry.available?.(ctx) ?? true;
              if (entry.Controls) return <entry.Controls key={entry.kind} ctx={ctx} disabled={busy !== null || ok !== true} />;
              return (
                <button
                  key={entry.kind}
                  type="button"
                  data-export={entry.kind}
                  disabled={busy !== null || ok !== true}
                  title={ok === true ? entry.help : ok}
                  onClick={() => void save(entry)}
                >
                  {entry.label}
                </button>
              );
            })}
          </div>
          {group === 'Model and runs' && <LoadModel ctx={ctx} />}
        </div>
      ))}
      <p className="muted small" role="status" aria-live="polite" data-testid="save-status">
        {status}
      </p>
    </section>
  );
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}
