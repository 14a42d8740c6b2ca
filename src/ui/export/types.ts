/**
 * What the page can hand the user as a file ("Save and share"): one entry per kind, each in the
 * module of its area (predictions, graph formats and images, model and run cards, PyG hand-off).
 * `window.playground.export(kind)` and the Save and share panel both go through these entries.
 */
import type cytoscape from 'cytoscape';
import type { ComponentType } from 'react';
import type { PlaygroundController } from '../controller';
import type { PlaygroundStore } from '../store';

export type ExportKind =
  | 'predictions-csv'
  | 'graphml'
  | 'gexf'
  | 'cx2'
  | 'cyjs'
  | 'png'
  | 'svg'
  | 'chart-png'
  | 'chart-svg'
  | 'model'
  | 'run-card-json'
  | 'run-card-md'
  | 'runs-csv'
  | 'split'
  | 'pyg';

/** A finished file: its suggested name, MIME type and content. */
export interface ExportResult {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** What an exporter may read: the store (graph, predictions, runs), the controller (the trainer worker), the network view. */
export interface ExportContext {
  store: PlaygroundStore;
  controller: PlaygroundController;
  getCy: () => cytoscape.Core | null;
}

/** Options an exporter understands (e.g. { what: 'candidates', top: 500, format: 'tsv' }); unknown keys are ignored. */
export type ExportOptions = Record<string, unknown>;

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportEntry {
  kind: ExportKind;
  /** Button text in the Save and share panel. */
  label: string;
  /** One line: what the file is and which tools open it. */
  help: string;
  /** Panel group heading. */
  group: 'Predictions' | 'Network' | 'Model and runs' | 'PyTorch Geometric';
  /** Whether the entry can run in the page's current state (e.g. a trained model exists); a reason when not. */
  available?(ctx: ExportContext): true | string;
  /** Own controls shown in the panel instead of the plain button (options, progress, Cancel); `disabled` while another export runs. */
  Controls?: ComponentType<{ ctx: ExportContext; disabled: boolean }>;
  /** Builds the whole file in memory. */
  run(ctx: ExportContext, options?: ExportOptions): Promise<ExportResult>;
}
