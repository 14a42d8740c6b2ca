/**
 * The one typed protocol between the page and its workers.
 *
 * Workers expose an object implementing one of these interfaces with Comlink; the page holds a
 * `Comlink.Remote<…>` of it. Events flow back through callbacks the page passes in with
 * `Comlink.proxy`. Large arrays travel as transferables.
 */
import type { DrugGraph, LoadReport } from '../data/graph';
import type { ModelSettings } from '../model/settings';
import type { EpochResult } from '../model/trainer';

// ---------------------------------------------------------------- trainer

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendProbe {
  name: BackendName;
  ok: boolean;
  /** Why it was skipped (no adapter, op failed, …) or, for the chosen one, what proved it. */
  detail: string;
}

export interface BackendInfo {
  chosen: BackendName;
  probes: BackendProbe[];
  /** How neighbour aggregation runs on this backend for this graph (dense matmul or sparse CSR). */
  aggregation: string;
}

export type TrainStatus = 'idle' | 'training' | 'paused' | 'done' | 'stopped' | 'error';

/** One epoch's loss, validation and test metrics, and training time in ms. */
export type EpochMetrics = EpochResult;

export interface CandidatePair {
  a: number;
  b: number;
  probability: number;
}

/** What the page needs after an epoch to redraw: metrics plus predicted strengths. */
export interface TrainerUpdate {
  status: TrainStatus;
  metrics: EpochMetrics | null;
  /** Predicted probability for each known edge, aligned with graph.edgeSrc/edgeDst. */
  edgeProbabilities: Float32Array | null;
  /** Strongest predicted pairs that are not known interactions. */
  candidates: CandidatePair[];
  error: string | null;
}

export interface TrainerApi {
  /** Picks a backend (webgpu → webgl → wasm → cpu unless one is forced) and reports why. */
  init(preferred?: BackendName): Promise<BackendInfo>;
  /** Loads a graph and builds a fresh model from the settings (seeded, so repeatable). */
  setup(graph: DrugGraph, settings: ModelSettings): Promise<BackendInfo>;
  /** Runs epochs until paused, finished or the epoch budget is spent; calls onUpdate after each. */
  play(onUpdate: (u: TrainerUpdate) => void): Promise<void>;
  pause(): Promise<void>;
  /** Runs exactly one epoch. */
  step(): Promise<TrainerUpdate>;
  /** Rebuilds the model from its seed; keeps the graph. */
  reset(settings: ModelSettings): Promise<void>;
  /** Changes the epoch budget and candidate count without touching the model. */
  setBudget(epochs: number, candidates: number): Promise<void>;
  /** The current state without training (strengths from the current weights). */
  snapshot(): Promise<TrainerUpdate>;
}

// ---------------------------------------------------------------- parser

export interface ParseProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
}

export interface ParseResult {
  graph: DrugGraph;
  report: LoadReport;
}
