import type cytoscape from 'cytoscape';
import { useCallback, type ReactNode } from 'react';
import { CandidatesList } from './CandidatesList';
import { ColumnDialog } from './ColumnDialog';
import { AddOrReplaceDialog } from './AddOrReplaceDialog';
import { FileDrop } from './FileDrop';
import { ControlsPanel, TrainingButtons } from './ControlsPanel';
import { DataPanel } from './DataPanel';
import { Header } from './Header';
import { Legend } from './Legend';
import { Messages } from './Messages';
import { MetricsPanel } from './MetricsPanel';
import { NetworkView } from './NetworkView';
import { RunsTable } from './runs/RunsTable';
import { ViewControls } from './ViewControls';
import { SaveSharePanel } from './export/SaveSharePanel';
import type { ExportContext } from './export/types';
import { SavedWorkOffer, SavedWorkPanel } from './savedWork/SavedWorkViews';

/** `headerExtra`: what the page adds to the title bar (the teaching view's drug search). */
export function App({
  onNetwork,
  headerExtra,
  exportContext,
}: {
  onNetwork: (cy: cytoscape.Core | null) => void;
  headerExtra?: ReactNode;
  /** What the Save and share panel builds its files from. */
  exportContext?: ExportContext;
}) {
  const onReady = useCallback((cy: cytoscape.Core | null) => onNetwork(cy), [onNetwork]);
  return (
    <div className="app">
      <Header>{headerExtra}</Header>
      <Messages />
      <SavedWorkOffer />
      <div className="toolbar" role="region" aria-label="Training">
        <TrainingButtons />
      </div>
      <main className="layout">
        <aside className="left" aria-label="Data and model settings">
          <DataPanel />
          <ControlsPanel />
        </aside>
        <section className="center">
          <ViewControls />
          <div className="network-wrap">
            <NetworkView onReady={onReady} />
            <Legend />
          </div>
        </section>
        <aside className="right" aria-label="Results">
          <MetricsPanel />
          <CandidatesList />
          {exportContext && <SaveSharePanel ctx={exportContext} />}
          <SavedWorkPanel />
        </aside>
      </main>
      {/* A landmark of its own: every part of the page sits in one (screen-reader navigation). */}
      <section className="runs-region" aria-label="Runs">
        <RunsTable />
      </section>
      <FileDrop />
      <ColumnDialog />
      <AddOrReplaceDialog />
    </div>
  );
}
