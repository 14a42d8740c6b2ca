/**
 * The one typed protocol between the page and its workers.
 *
 * Workers expose an object implementing one of these interfaces with Comlink; the page holds a
 * `Comlink.Remote<…>` of it. Events flow back through callbacks the page passes in with
 * `Comlink.proxy`. Large arrays travel as transferables.
 */
import type { DrugGraph } from '../data/graph';
import type { ParseProgress, ParseResult } from '../data/parseResult';
import type { ColumnDetection, ColumnMapping } from '../data/table/layout';
import type { DrugBankProteins } from '../data/drugbank/proteinLists';
import type { ModelFiles } from '../model/modelFileFormat';
import type { BackendName } from '../settings/options';
import type { ModelSettings } from '../settings/schema';
import type { EmbeddingProjection, NodeExplanation, PairExplanation } from '../model/teach/types';
import type { HeuristicPairExplanation } from '../model/teach/heuristicPair';
import type { EarlyStop, EpochResult } from '../model/tasks/trainerBase';
import type { TypeReport } from '../model/tasks/typeTrainer';
import type { MultilabelReport } from '../model/labelMetrics';
import type { PackedCheckpoint, TrainerCheckpoint } from '../model/checkpointFormat';
import type { SplitCounts, SplitTexts } from '../model/splitTexts';

export type { SplitCounts, SplitTexts };

// ---------------------------------------------------------------- trainer

export type { BackendName };

export interface BackendProbe {
  name: BackendName;
  ok: boolean;
  /** Why it was skipped (no adapter, op failed, …) or, for the chosen one, what proved it. */
  detail: string;
  /** Set when skipped as a software GPU: the renderer's name ("SwiftShader", "llvmpipe", …). */
  software?: string;
}

/** The wasm backend's threads: what it runs on, what was asked for, and whether the worker could have more. */
export interface WasmThreads {
  /** Threads the wasm backend computes on: the SIMD kernels' where they have helpers, else tfjs's (1 without SharedArrayBuffer). */
  threads: number;
  /** Threads tfjs's own ops (XNNPACK) run on: 1 where the SIMD kernels have helper threads. */
  tfjsThreads: number;
  /** What was asked for: the `threads` setting, or for 0 one per core (capped, see wasmThreads.ts). */
  requested: number;
  /** Whether the worker is cross-origin isolated (SharedArrayBuffer, hence threads, needs it). */
  isolated: boolean;
  /** Threads the project's SIMD kernels (products, aggregation, MLP decoder) run on: 1 + their helpers. */
  kernelThreads: number;
}

export interface BackendInfo {
  chosen: BackendName;
  probes: BackendProbe[];
  /** Set when the chosen backend is wasm. */
  wasmThreads?: WasmThreads;
  /** How neighbour aggregation runs on this backend for this graph (dense matmul or sparse CSR). */
  aggregation: string;
}

export type TrainStatus = 'idle' | 'training' | 'paused' | 'done' | 'stopped' | 'error';

/** One epoch's loss, validation and test metrics, and training time in ms. */
export type EpochMetrics = EpochResult;

export interface CandidatePair {
  a: number;
  b: number;
  /** The decoder's logit: what ranks the candidates (probabilities saturate at 1.000). */
  score: number;
  probability: number;
}

/** The current model's logit and split part ('train' | 'val' | 'test' | 'none', see SPLIT_PARTS) for every known pair. */
export interface KnownPairScores {
  score: Float32Array;
  /** Index into SPLIT_PARTS per pair, graph edge order. */
  part: Uint8Array;
}

/**
 * Why the worker stopped a run on its own (a user's pause is the page's to know): validation
 * stopped improving, or the loss became NaN / blew up.
 */
export type StopInfo = ({ kind: 'early' } & EarlyStop) | { kind: 'diverged'; epoch: number; message: string };

/** What the page needs after an epoch to redraw: metrics plus predicted strengths. */
export interface TrainerUpdate {
  status: TrainStatus;
  metrics: EpochMetrics | null;
  /** Predicted probability for each known edge, aligned with graph.edgeSrc/edgeDst. */
  edgeProbabilities: Float32Array | null;
  /** Strongest predicted pairs that are not known interactions. */
  candidates: CandidatePair[];
  error: string | null;
  /** Things to tell the user about the node features (e.g. drugs without SMILES). */
  notes?: string[];
  /** Set once the worker has ended the run itself (early stopping, divergence). */
  stop?: StopInfo | null;
  /** The epoch with the best validation score so far (what early stopping compares against). */
  best?: EpochMetrics | null;
  /** The validation metric that picks the best epoch, e.g. "AUROC". */
  selectionMetric?: string;
  /** Type task, when a run ends: per-type F1 on the test pairs and the most confused type pairs. */
  typeReport?: TypeReport | null;
  /** Multilabel task, when a run ends: per-label AUROC / AUPRC / AP@50 on the test pairs, mean, median, best and worst. */
  multilabelReport?: MultilabelReport | null;
}

export interface TrainerApi {
  /**
   * Picks a backend (webgpu → webgl → wasm → cpu unless one is forced) and reports why; `threads` is
   * the wasm backend's thread setting (0 = one per core, capped).
   */
  init(preferred?: BackendName, threads?: number): Promise<BackendInfo>;
  /** Loads a graph and builds a fresh model from the settings (seeded, so repeatable). */
  setup(graph: DrugGraph, settings: ModelSettings): Promise<BackendInfo>;
  /** Runs epochs until paused, finished or the epoch budget is spent; calls onUpdate after each. */
  play(onUpdate: (u: TrainerUpdate) => void): Promise<void>;
  pause(): Promise<void>;
  /** Runs exactly one epoch. */
  step(): Promise<TrainerUpdate>;
  /** Rebuilds the model from its seed; keeps the graph (and the split files in use). */
  reset(settings: ModelSettings): Promise<void>;
  /**
   * Makes split files (their texts; null: back to the seeded split) the current graph's split and builds a
   * fresh model with `settings` on it. Parsed here with the CLI's code (model/splitTexts.ts); files that do
   * not fit the graph reject with the file, line and reason, and change nothing. The split serves its task
   * (link split: link task, type split: type task); a new graph (setup) drops it.
   */
  useSplit(texts: SplitTexts | null, settings: ModelSettings): Promise<FileSplitInfo | null>;
  /** Changes the epoch budget and candidate count without touching the model. */
  setBudget(epochs: number, candidates: number): Promise<void>;
  /** The current state without training (strengths from the current weights). */
  snapshot(): Promise<TrainerUpdate>;
  /**
   * Teaching (the stepper's numbers): what the current model computed for one node, layer by layer, and the
   * decoder for a partner (default: the strongest predicted partner that is not a known interaction).
   */
  explainNode(node: number, partner?: number): Promise<NodeExplanation>;
  /** Which neighbours and edges pushed the pair's score (gradient × input; attention for GAT). */
  explainPair(a: number, b: number): Promise<PairExplanation>;
  /**
   * A heuristic model's pair (node, partner) term by term: common neighbours with their weights, or
   * Katz's walks by length (default partner: the strongest that is not a known pair). Throws for a GNN.
   */
  explainHeuristicPair(node: number, partner?: number): Promise<HeuristicPairExplanation>;
  /** PCA of the node vectors after each layer at the recorded epoch at or before `epoch` (latest when omitted). */
  embeddingProjection(epoch?: number): Promise<EmbeddingProjection | null>;
  /** The model's output vector for one node from its plain forward pass (to check the stepper against). */
  nodeOutput(node: number): Promise<number[]>;
  /** Link task: logits and split parts of the known pairs from the current weights; null for other tasks. */
  knownPairScores(): Promise<KnownPairScores | null>;
  /**
   * Link task: the node's k strongest predicted partners that are not known pairs (a = node), of the
   * kind the predicted relation pairs it with (proteins for a drug under drug-target); null for other tasks.
   */
  nodeCandidates(node: number, k: number): Promise<CandidatePair[] | null>;

  // ---- Predictions files: rows streamed in blocks.

  /**
   * Streams a predictions file of the current model (model/predictionFile.ts): `onChunk` (a Comlink.proxy)
   * gets each encoded chunk, transferred, with the rows done so far, and is awaited before the next block
   * is made; returning false stops the file there. Resolves to what was written (`cancelled` when stopped).
   */
  predictionRows(
    request: import('../model/predictionFile').PredictionFileRequest,
    onChunk: (chunk: import('../model/predictionFile').PredictionChunk) => boolean | void | Promise<boolean | void>,
  ): Promise<import('../model/predictionFile').PredictionFileSummary>;
  /** Stops the predictions file in progress after its current block. */
  cancelPredictionRows(): Promise<void>;

  // ---- Model files: the trained weights out and back in.
  /** The current weights as model.json (text) + weights.bin (transferred); see src/model/modelFile.ts. */
  saveModel(): Promise<ModelFiles>;
  /**
   * Builds a model from a saved file's settings on the current graph and gives it the file's weights.
   * Rejects with the reason (damaged file, another graph, …) and keeps the current model.
   */
  loadModel(modelJson: string | null, weights: ArrayBuffer | null): Promise<LoadedModel>;
  /** The link split in use as link-split/1 JSON text; null for the other tasks. */
  splitFile(): Promise<string | null>;
  /** Fingerprints of the graph in use and of the current model's link split (null for other tasks). */
  fingerprints(): Promise<Fingerprints>;

  // ---- Checkpoints: the whole training state, for saved work that survives a reload.
  /**
   * The current model's whole training state (weights, Adam, epochs, early stopping, random streams),
   * taken between two epochs even while playing; its arrays are transferred.
   */
  checkpoint(): Promise<TrainerCheckpoint>;
  /** The same, its arrays packed into one Blob here in the worker (what the page stores: no copy on its thread). */
  packedCheckpoint(): Promise<PackedCheckpoint>;
  /**
   * Puts a checkpoint (either form) into the current model, which setup() built from the same graph
   * and settings; stops playing first. A checkpoint that does not fit rejects with the reason and
   * changes nothing. Resolves to the restored model's view (status 'paused', 'stopped' or 'done'; no epoch metrics).
   */
  restore(checkpoint: TrainerCheckpoint | PackedCheckpoint): Promise<TrainerUpdate>;

  // ---- PyG hand-off: a PyTorch Geometric project of the current model (src/export/pyg/).

  /**
   * The current model's project as a zip (`<folder>.zip`), built where the split and fixed features live,
   * so a big split (ogbl-ddi: 1.3 M pairs) is neither cloned to the page nor zipped on its thread.
   */
  pygProject(): Promise<{ name: string; bytes: Uint8Array }>;
}

/** A split from files in use: the files it came from and its pairs per part. */
export interface FileSplitInfo {
  files: string[];
  counts: SplitCounts;
}

/** Data and split fingerprints (src/data/fingerprint.ts) for run cards and model files. */
export interface Fingerprints {
  data: string;
  split: string | null;
}

/** What loading a model file did: the settings now in use, the epoch its weights come from, their evaluation. */
export interface LoadedModel {
  settings: ModelSettings;
  epoch: number;
  appVersion: string;
  /** Validation and test metrics of the loaded weights on this graph (loss NaN: nothing was trained). */
  metrics: EpochMetrics;
  /** Things the user should know (e.g. saved by another app version). */
  notes: string[];
}

// ---------------------------------------------------------------- parser

export interface ParserLoadOptions {
  /** Column mappings the user confirmed, keyed by ColumnDetection.file. */
  columnMappings?: Record<string, ColumnMapping>;
  /** Graph name; defaults to the file names. */
  name?: string;
  /** Estimated bytes of graph past which a load stops (default PARSE_MEMORY_BUDGET, data/memoryBudget.ts). */
  memoryBudget?: number;
  /** DrugBank XML's proteins as nodes (the `proteins` setting); default 'off'. */
  drugbankProteins?: DrugBankProteins;
}

/**
 * The parse worker (parser.worker.ts; the page starts it with startParserWorker() in ui/parserClient.ts).
 * Failures reject with a LoadError; after crossing the worker boundary it is an Error with name
 * 'LoadError' and the fields of LoadErrorInfo (test with `isLoadError` from data/errors). A load in
 * progress is stopped by `cancel()` (kind 'cancelled'). One load at a time: starting another cancels
 * the previous one. Pass `onProgress` wrapped in `Comlink.proxy`; it is called at most every 100 ms,
 * on its own channel, so a last call may arrive just after the result.
 */
export interface ParserApi {
  /** Loads dropped or picked files; the result's typed arrays are transferred, not copied. */
  load(files: File[], options?: ParserLoadOptions, onProgress?: (p: ParseProgress) => void): Promise<ParseResult>;
  /** Loads `?data=<url>` (and companion `&data=` URLs) with streaming fetch; needs CORS on those URLs. */
  loadUrl(urls: string[], options?: ParserLoadOptions, onProgress?: (p: ParseProgress) => void): Promise<ParseResult>;
  /** Stops the load in progress within a second. */
  cancel(): void;
  /** Reads the start of a table and returns the detected columns, for the column dialog. */
  detectColumns(file: File): Promise<ColumnDetection>;
}
