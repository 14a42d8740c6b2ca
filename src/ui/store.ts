/**
 * The page's state in one Zustand store, created per app instance (no module-level singleton):
 * plain data only; all changes go through the controller.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DrugGraph, LoadReport } from '../data/graph';
import type { ColumnDetection } from '../data/table/layout';
import type { LoadProgressView } from './loadProgress';
import type { AppSettings } from '../settings/schema';
import type { BackendInfo, CandidatePair, EpochMetrics, FileSplitInfo, SplitTexts, StopInfo, TrainStatus } from '../workers/protocol';
import type { RunRecord } from './runs/runs';
import type { TypeReport } from '../model/tasks/typeTrainer';
import type { MultilabelReport } from '../model/labelMetrics';
import type { IsolationState } from './crossOriginIsolation';

export interface PlaygroundState {
  settings: AppSettings;
  /** Problems found in the URL (bad values are replaced by defaults). */
  urlWarnings: string[];
  graph: DrugGraph | null;
  report: LoadReport | null;
  loading: string | null;
  /** What a load in flight does after parsing (building the model, first predictions); null while parsing. */
  loadStage: string | null;
  backend: BackendInfo | null;
  /** Whether the page is cross-origin isolated (wasm threads), or why not; null before it is known. */
  isolation: IsolationState | null;
  status: TrainStatus;
  history: EpochMetrics[];
  /** Predicted probability per known edge (graph edge order), from the latest view refresh. */
  edgeProbabilities: Float32Array | null;
  candidates: CandidatePair[];
  /** Training or set-up failure. */
  error: string | null;
  /** The last load failure; the graph already loaded stays. */
  loadError: string | null;
  /** What the trainer wants the user to know about the node features (drugs without SMILES, …). */
  trainerNotes: string[];
  /** Why the worker ended the current model's training itself (early stopping, divergence). */
  stop: StopInfo | null;
  /** The current model's best validation epoch so far. */
  best: EpochMetrics | null;
  /** Type task: per-type test scores from the end of the last run; null otherwise. */
  typeReport: TypeReport | null;
  /** Multilabel task: per-label test scores from the end of the last run; null otherwise. */
  multilabelReport: MultilabelReport | null;
  /** This session's runs, oldest first (kept in memory only). */
  runs: RunRecord[];
  /** Id of the run the current model belongs to, once it has trained; ids are never reused. */
  currentRun: number | null;
  nextRunId: number;
  /** Something about the data set to say that is not a failure (e.g. a link that named local files). */
  dataNotice: string | null;
  /** Progress of the file load in flight. */
  progress: LoadProgressView | null;
  /** Tables whose columns the user must confirm before loading goes on. */
  columnDialog: ColumnDetection[] | null;
  /** Files waiting for the user's "add to the current graph or replace it?" */
  addOrReplace: { files: string[]; graph: string } | null;
  /** What the last model file load did (loaded, and with which settings) or why it was refused. */
  modelNotice: { text: string; error: boolean } | null;
  /** The seed sweep in progress (Repeat over seeds): which run of how many, and its seed; null outside one. */
  sweep: { index: number; size: number; seed: number } | null;
  /**
   * Split files in use for the loaded graph (the next runs train on them), with their texts so that
   * saved work and a new worker can apply them again; null: the seeded split.
   */
  fileSplit: (FileSplitInfo & { texts: SplitTexts }) | null;
  /** Why split files were refused (error), or what applying them did. */
  splitNotice: { text: string; error: boolean } | null;
}

export type PlaygroundStore = StoreApi<PlaygroundState>;

export function createPlaygroundStore(settings: AppSettings, urlWarnings: string[], isolation: IsolationState | null = null): PlaygroundStore {
  return createStore<PlaygroundState>()(() => ({
    settings,
    urlWarnings,
    isolation,
    graph: null,
    report: null,
    loading: null,
    loadStage: null,
    backend: null,
    status: 'idle',
    history: [],
    edgeProbabilities: null,
    candidates: [],
    error: null,
    loadError: null,
    progress: null,
    columnDialog: null,
    addOrReplace: null,
    trainerNotes: [],
    stop: null,
    best: null,
    typeReport: null,
    multilabelReport: null,
    runs: [],
    currentRun: null,
    nextRunId: 1,
    dataNotice: null,
    modelNotice: null,
    sweep: null,
    fileSplit: null,
    splitNotice: null,
  }));
}
