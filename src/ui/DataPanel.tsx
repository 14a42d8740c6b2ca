/** Data: built-in sets, files from disk, load progress, and the report of what is loaded. */
import { useRef } from 'react';
import { BUILTIN_DATASETS } from '../data/builtinDatasets';
import { FILES_DATASET } from '../settings/schema';
import { useController, useDataLoader, usePlayground } from './context';
import { LoadProgressBar } from './LoadProgressBar';
import { LoadReportView } from './LoadReportView';
import { SettingControl } from './ControlsPanel';
import { SplitFileView } from './SplitFileView';

/** Chromium, Firefox and Safari pick folders with this attribute; React does not know it, so it is set as a plain attribute. */
const FOLDER_PICKER = { webkitdirectory: '' } as Record<string, string>;

export function DataPanel() {
  const controller = useController();
  const loader = useDataLoader();
  const picker = useRef<HTMLInputElement>(null);
  const folderPicker = useRef<HTMLInputElement>(null);
  const dataset = usePlayground((s) => s.settings.dataset);
  const report = usePlayground((s) => s.report);
  const graph = usePlayground((s) => s.graph);
  const fromFiles = dataset === FILES_DATASET;
  return (
    <section className="panel data" aria-label="Data">
      <h2>Data</h2>
      <select value={fromFiles ? '' : dataset} onChange={(e) => void controller.selectBuiltin(e.target.value)} aria-label="Data set">
        {fromFiles && (
          <option value="" disabled>
            {graph ? `From files: ${graph.name}` : 'From files (open them again)'}
          </option>
        )}
        {BUILTIN_DATASETS.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
      <button type="button" className="open-files" onClick={() => picker.current?.click()}>
        Open files…
      </button>
      <input
        ref={picker}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        accept=".xml,.zip,.csv,.tsv,.tab,.txt,.gz,.json"
        onChange={(e) => {
          void loader.loadFiles(Array.from(e.target.files ?? []), 'ask');
          e.target.value = '';
        }}
      />
      <button
        type="button"
        className="open-files"
        onClick={() => folderPicker.current?.click()}
        title="A folder of data or split files, e.g. SumGNN's split folder"
      >
        Open folder…
      </button>
      <input
        ref={folderPicker}
        type="file"
        hidden
        data-testid="folder-input"
        {...FOLDER_PICKER}
        onChange={(e) => {
          void loader.loadFiles(Array.from(e.target.files ?? []), 'ask');
          e.target.value = '';
        }}
      />
      <p className="muted small">
        or drop DrugBank XML / ZIP, DDI tables and companion tables anywhere on the page. Split files (a link-split/1 JSON, or SumGNN&apos;s train.txt, dev.txt,
        test.txt and node2id.json together) become the split of the data loaded.
      </p>
      <SettingControl name="proteins" />
      <LoadProgressBar />
      <SplitFileView />
      {graph && report && <LoadReportView report={report} name={graph.name} />}
    </section>
  );
}
