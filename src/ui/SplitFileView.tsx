/** The split in use when it came from files: which files, pairs per part, and the way back to the seeded split. */
import { useController, usePlayground } from './context';
import { splitCountsText } from './splitFiles';

export function SplitFileView() {
  const controller = useController();
  const fileSplit = usePlayground((s) => s.fileSplit);
  const notice = usePlayground((s) => s.splitNotice);
  const task = usePlayground((s) => s.settings.task);
  if (!fileSplit && !notice) return null;
  const unused = fileSplit && fileSplit.counts.kind !== task;
  return (
    <div className="split-files" data-testid="split-files">
      {notice && (
        <p className={notice.error ? 'error small' : 'muted small'} role={notice.error ? 'alert' : 'status'} data-testid="split-notice">
          {notice.text}
        </p>
      )}
      {fileSplit && (
        <>
          <p className="small" data-testid="split-active">
            <strong>Split from files</strong> ({fileSplit.files.join(', ')}): {splitCountsText(fileSplit.counts)}.
            {unused ? ` Not used by the ${task} task: it is a ${fileSplit.counts.kind} split (the ${task} task draws its own from the seed).` : ''}
          </p>
          <button type="button" onClick={() => void controller.useSplitFiles(null)} data-testid="seeded-split">
            Use the seeded split
          </button>
        </>
      )}
    </div>
  );
}
