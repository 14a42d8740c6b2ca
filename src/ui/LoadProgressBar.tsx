/** Progress of a file load: bytes read, MB/s, time left, and Cancel; after parsing, what is still being done. */
import { useDataLoader, usePlayground } from './context';
import { formatBytes } from './loadProgress';

export function LoadProgressBar() {
  const loader = useDataLoader();
  const loading = usePlayground((s) => s.loading);
  const stage = usePlayground((s) => s.loadStage);
  const p = usePlayground((s) => s.progress);
  if (!loading) return null;
  return (
    <div className="load-progress" data-testid="load-progress">
      <div className="muted">
        Loading {loading}…{stage && <span data-testid="load-stage"> parsed; {stage}</span>}
      </div>
      {p && (
        <>
          <progress max={1} value={p.fraction ?? undefined} />
          <div className="muted small">
            {p.fileCount > 1 ? `file ${p.fileIndex + 1}/${p.fileCount} · ` : ''}
            {formatBytes(p.bytesRead)}
            {p.totalBytes > 0 ? ` of ${formatBytes(p.totalBytes)}` : ''}
            {p.mbPerSecond !== null ? ` · ${p.mbPerSecond.toFixed(1)} MB/s` : ''}
            {p.secondsLeft !== null ? ` · ${Math.ceil(p.secondsLeft)} s left` : ''}
          </div>
        </>
      )}
      {/* Cancel stops the parse; once parsed there is nothing left that it could stop. */}
      {!stage && (
        <button type="button" onClick={() => void loader.cancel()} data-testid="cancel-load">
          Cancel
        </button>
      )}
    </div>
  );
}
