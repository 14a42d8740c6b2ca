/**
 * `window.playground`: a small, documented hook for people (and tests) who script the app.
 */
import type cytoscape from 'cytoscape';
import type { AppSettings } from '../state/settings';
import type { PlaygroundController } from './controller';
import type { DataLoader } from './dataLoader';

export interface PlaygroundSnapshot {
  backend: string | null;
  aggregation: string | null;
  epoch: number;
  status: string;
  nodes: number;
  edges: number;
  metrics: { loss: number | null; valAuroc: number | null; valAuprc: number | null; testAuroc: number | null; testAuprc: number | null };
  /** Loss of every epoch so far, in order. */
  losses: number[];
  candidates: { a: string; b: string; probability: number }[];
  settings: AppSettings;
  error: string | null;
  loadError: string | null;
  /** Name and report counts of the graph in use. */
  graphName: string | null;
  loading: boolean;
}

export interface PlaygroundHook {
  readonly cy: cytoscape.Core | null;
  snapshot(): PlaygroundSnapshot;
  play(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<void>;
  reset(): Promise<void>;
  setSettings(partial: Partial<AppSettings>): Promise<void>;
  /** Loads files as if dropped on the page. */
  loadFiles(files: File[]): Promise<void>;
}

export function createAutomationHook(
  controller: PlaygroundController,
  loader: DataLoader,
  getCy: () => cytoscape.Core | null,
): PlaygroundHook {
  const { store } = controller;
  return {
    get cy() {
      return getCy();
    },
    snapshot() {
      const s = store.getState();
      const last = s.history.at(-1);
      const num = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? null : v);
      return {
        backend: s.backend?.chosen ?? null,
        aggregation: s.backend?.aggregation ?? null,
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
        candidates: s.candidates.map((c) => ({ a: s.graph!.nodes[c.a].id, b: s.graph!.nodes[c.b].id, probability: c.probability })),
        settings: s.settings,
        error: s.error,
        loadError: s.loadError,
        graphName: s.graph?.name ?? null,
        loading: s.loading !== null,
      };
    },
    play: () => controller.play(),
    pause: () => controller.pause(),
    step: () => controller.step(),
    reset: () => controller.reset(),
    setSettings: (partial) => controller.changeSettings(partial),
    loadFiles: (files) => loader.loadFiles(files),
  };
}
