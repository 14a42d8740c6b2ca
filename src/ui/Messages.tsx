/** Errors and warnings, always rendered as text. */
import { usePlayground } from './context';

export function Messages() {
  const error = usePlayground((s) => s.error);
  const loadError = usePlayground((s) => s.loadError);
  const urlWarnings = usePlayground((s) => s.urlWarnings);
  const dataNotice = usePlayground((s) => s.dataNotice);
  if (!error && !loadError && !dataNotice && urlWarnings.length === 0) return null;
  return (
    <div className="messages" role="alert">
      {loadError && (
        <p className="error" data-testid="load-error">
          Could not load: {loadError} The data already loaded is unchanged.
        </p>
      )}
      {error && (
        <p className="error" data-testid="error">
          {error}
        </p>
      )}
      {dataNotice && (
        <p className="warning" data-testid="data-notice">
          {dataNotice}
        </p>
      )}
      {urlWarnings.map((w) => (
        <p key={w} className="warning">
          {w}
        </p>
      ))}
    </div>
  );
}
