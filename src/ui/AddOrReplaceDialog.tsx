/**
 * Asked when files are dropped or opened while the user's own data is loaded: add them to the graph
 * in use, or replace it. Cancel (or Esc) leaves everything as it was. File names are shown as text.
 */
import { useEffect, useRef } from 'react';
import { useDataLoader, usePlayground } from './context';
import { Modal } from './Modal';

function Dialog({ files, graph }: { files: string[]; graph: string }) {
  const loader = useDataLoader();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const what = files.length === 1 ? files[0] : `${files.length} files (${files.join(', ')})`;
  return (
    <Modal onCancel={() => loader.resolveAddOrReplace(null)} labelledBy="add-or-replace-title" describedBy="add-or-replace-text" testId="add-or-replace-dialog">
      <h2 id="add-or-replace-title">Add to the current graph, or replace it?</h2>
      <p id="add-or-replace-text">
        Load <strong>{what}</strong>: add its interactions to <strong>{graph}</strong> (drugs with the same id are merged), or replace that graph and its model.
      </p>
      <div className="modal-buttons">
        <button type="button" onClick={() => loader.resolveAddOrReplace(null)}>
          Cancel
        </button>
        <button type="button" data-testid="replace-graph" onClick={() => loader.resolveAddOrReplace('replace')}>
          Replace it
        </button>
        <button type="button" ref={first} className="primary" data-testid="add-to-graph" onClick={() => loader.resolveAddOrReplace('add')}>
          Add to {graph}
        </button>
      </div>
    </Modal>
  );
}

export function AddOrReplaceDialog() {
  const question = usePlayground((s) => s.addOrReplace);
  return question ? <Dialog files={question.files} graph={question.graph} /> : null;
}
