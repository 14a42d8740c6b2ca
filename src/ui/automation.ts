/**
 * `window.playground`: a small, documented hook for people (and tests) who script the app.
 */
import type cytoscape from 'cytoscape';
import { EdgeLayer, type DrawnEdges } from './network/edgeLayer';
import type { AppSettings } from '../settings/schema';
import type { PlaygroundController } from './controller';
import type { DataLoader, LoadMode } from './dataLoader';
import type { StepperSnapshot, TeachController } from './teach/teachController';
import { runExport } from './export/registry';
import type { ExportKind, ExportOptions, ExportResult } from './export/types';
import type { SavedSummary } from './savedWork/db';
import type { SavedWork } from './savedWork/savedWork';

export interface PlaygroundSnapshot {
  backend: string | null;
  aggregation: string | null;
  /** The wasm backend's threads (null on other backends) and whether the page is cross-origin isolated. */
  wasmThreads: number | null;
  /** Threads the SIMD kernels run on (wasm only). */
  kernelThreads: number | null;
  crossOriginIsolated: boolean;
  epoch: number;
  status: string;
  nodes: number;
  edges: number;
  metrics: { loss: number | null; valAuroc: number | null; valAuprc: number | null; testAuroc: number | null; testAuprc: number | null };
  /** Loss of every epoch so far, in order. */
  losses: number[];
  /** Training time of every epoch so far (ms, measured in the worker), in order. */
  epochMs: number[];
  candidates: { a: string; b: string; score: number; probability: number }[];
  settings: AppSettings;
  error: string | null;
  loadError: string | null;
  /** Name and report counts of the graph in use. */
  graphName: string | null;
  loading: boolean;
  /** The message-passing stepper: drug id, layer, step name and the vector on screen; null when closed. */
  stepper: StepperSnapshot | null;
}

export interface PlaygroundHook {
  /** Cytoscape instance of the network view: the drugs (the interactions are on the edge layer beneath). */
  readonly cy: cytoscape.Core | null;
  /** The interactions and candidate pairs the network view draws, with their colours; null before a graph is shown. */
  drawnEdges(): DrawnEdges | null;
  snapshot(): PlaygroundSnapshot;
  play(): Promise<void>;
  pause(): Promise<void>;
  /** No argument: trains one epoch. A number: moves the open stepper by that many screens (trains one epoch when it is closed). */
  step(delta?: number): Promise<void>;
  reset(): Promise<void>;
  setSettings(partial: Partial<AppSettings>): Promise<void>;
  /** Loads files as if dropped on the page. */
  /** 'replace' unless told: 'ask' as a drop does, 'add' to the graph in use. */
  loadFiles(files: File[], mode?: LoadMode): Promise<void>;
  /** Opens the stepper on a drug (id or name; pauses training) and resolves once its numbers are on screen. */
  openStepper(drugId: string): Promise<void>;
  /** Moves the open stepper by `delta` screens (negative: back). */
  stepTeach(delta: number): Promise<void>;
  closeStepper(): void;
  /** The model's own output vector h_v^(L) for a drug, from a plain forward pass (not the stepper's trace). */
  modelOutput(drugId: string): Promise<number[]>;
  /** Builds one export (the Save and share panel's files) without downloading it. */
  export(kind: ExportKind, options?: ExportOptions): Promise<ExportResult>;
  /** What is saved in this browser (IndexedDB), most recent first; [] when saving is off. */
  savedWork(): Promise<SavedSummary[]>;
  /** Resumes the most recent saved work (or `id`); resolves once the view and snapshot() show it. */
  resume(id?: string): Promise<void>;
  /** Saves the page's work now instead of at the next throttled save; resolves when written. */
  saveNow(): Promise<void>;
}

/** Resolves when the network view draws the graph in the store (or after `ms`). */
async function viewShows(store: PlaygroundController['store'], getCy: () => cytoscape.Core | null, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const graph = store.getState().graph;
    const cy = getCy();
    if (graph && cy && cy.nodes().length === graph.nodes.length && EdgeLayer.of(cy)?.snapshot()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function createAutomationHook(
  controller: PlaygroundController,
  loader: DataLoader,
  getCy: () => cytoscape.Core | null,
  teach?: TeachController,
  saved?: SavedWork,
): PlaygroundHook {
  const { store } = controller;
  return {
    get cy() {
      return getCy();
    },
    drawnEdges() {
      const cy = getCy();
      return cy ? (EdgeLayer.of(cy)?.snapshot() ?? null) : null;
    },
    snapshot() {
      const s = store.getState();
      const last = s.history.at(-1);
      const num = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
      return {
        backend: s.backend?.chosen ?? null,
        aggregation: s.backend?.aggregation ?? null,
        wasmThreads: s.backend?.wasmThreads?.threads ?? null,
        kernelThreads: s.backend?.wasmThreads?.kernelThreads ?? null,
        crossOriginIsolated: s.isolation?.isolated ?? false,
        epoch: last?.epoch ?? 0,
        status: s.status,
        nodes: s.graph?.nodes.length ?? 0,
        edges: s.graph?.edgeSrc.length ?? 0,
        metrics: {
          loss: num(last?.loss),
          valAuroc: num(last?.valAuroc),
          valAuprc: num(last?.valAuprc),
          testAuroc: num(last?.testAuroc),
          testAuprc: num(last?.testAuprc),
        },
        losses: s.history.map((h) => h.loss),
        epochMs: s.history.map((h) => h.ms),
        candidates: s.candidates.map((c) => ({ a: s.graph!.nodes[c.a].id, b: s.graph!.nodes[c.b].id, score: c.score, probability: c.probability })),
        settings: s.settings,
        error: s.error,
        loadError: s.loadError,
        graphName: s.graph?.name ?? null,
        loading: s.loading !== null,
        stepper: teach?.snapshot() ?? null,
      };
    },
    play: () => controller.play(),
    pause: () => controller.pause(),
    step: async (delta?: number) => {
      if (typeof delta === 'number' && teach && teach.store.getState().node !== null) return teach.step(delta);
      return controller.step();
    },
    reset: () => controller.reset(),
    setSettings: (partial) => controller.changeSettings(partial),
    loadFiles: (files, mode) => loader.loadFiles(files, mode),
    openStepper: async (drugId) => {
      if (!teach) throw new Error('The stepper is not available.');
      if (!(await teach.openDrug(drugId))) throw new Error(teach.store.getState().error ?? `No drug ${drugId}.`);
    },
    stepTeach: async (delta) => teach?.step(delta),
    closeStepper: () => teach?.close(),
    modelOutput: async (drugId) => {
      const graph = store.getState().graph;
      const i = graph ? graph.nodes.findIndex((n) => n.id === drugId) : -1;
      if (i < 0) throw new Error(`No drug ${drugId}.`);
      return controller.trainer.nodeOutput(i);
    },
    export: (kind, options) => runExport({ store, controller, getCy }, kind, options),
    savedWork: async () => (saved ? saved.list() : []),
    resume: async (id) => {
      if (!saved) throw new Error('Saved work is not available on this page.');
      await saved.resume(id);
      await viewShows(store, getCy);
    },
    saveNow: async () => saved?.saveNow(),
  };
}
