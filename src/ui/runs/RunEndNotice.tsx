/** Why training is not running: early stop, divergence, error, the user's pause or the end of the budget. */
import { usePlayground } from '../context';
import { runNotice } from './runText';

export function RunEndNotice() {
  const status = usePlayground((s) => s.status);
  const stop = usePlayground((s) => s.stop);
  const best = usePlayground((s) => s.best);
  const epoch = usePlayground((s) => s.history.at(-1)?.epoch ?? 0);
  const budget = usePlayground((s) => s.settings.epochs);
  const error = usePlayground((s) => s.error);
  const notice = runNotice({ status, stop, best, epoch, budget, error });
  if (!notice) return null;
  return (
    <p className={`run-end run-end-${notice.kind}`} data-testid="run-end" data-kind={notice.kind}>
      {notice.text}
    </p>
  );
}
