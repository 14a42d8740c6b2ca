/**
 * What every task's training loop shares: the message-passing operators, the model, Adam, one
 * full-batch step per epoch (the link task can split it into mini-batches) with a clear stop on NaN/divergence, and validation-based early
 * stopping, which puts the best validation epoch's weights back (the model the user then looks at
 * and the test metrics worth reporting are that epoch's).
 * Everything random comes from the settings' seed, so the same seed gives the same run.
 */
import * as tf from '../tf';
import type { DrugGraph } from '../../data/graph';
import { fixedFeatureBlocks } from '../features/index';
import { featureKinds } from '../features/spec';
import type { FeatureBlock } from '../features/block';
import { inDegrees, relationCount, type MessageGraph } from '../messageGraph';
import { chooseSparseMode, GraphOperators } from '../graphOperators';
import { GnnModel } from '../model';
import type { Rng } from '../rng';
import type { ModelSettings } from '../../settings/schema';
import { isHeuristicKind } from '../../settings/options';
import type { SparseMode } from '../sparseOps';
import type { ScanPause, ScoredPair } from '../candidates';
import type { LinkSplit } from '../split';
import { newDrugFeatureNote } from '../drugSplit';
import type { HeuristicTrainer } from './heuristicTrainer';
import type { LinkTrainer } from './linkTrainer';
import type { MultilabelTrainer } from './multilabelTrainer';
import type { NodeTrainer } from './nodeTrainer';
import type { TypeTrainer } from './typeTrainer';

/**
 * The graph a trainer learns from: DrugGraph's fields (documented there) that training reads, plus the
 * node count; the drugs' annotations (SMILES, ATC, categories for features and the node task) and the
 * type names are optional here, so tests and the CLI can build one from bare pairs.
 */
export type TrainingGraph = { numNodes: number } & Pick<
  DrugGraph,
  'edgeSrc' | 'edgeDst' | 'edgeType' | 'typedPairs' | 'pairLabels' | 'negativeSrc' | 'negativeDst' | 'nodeKind' | 'kinds' | 'edgeRelation' | 'relations'
> &
  Partial<Pick<DrugGraph, 'nodes' | 'edgeTypes'>>;

export interface EvalMetrics {
  valAuroc: number;
  valAuprc: number;
  testAuroc: number;
  testAuprc: number;
  /** Link task: OGB's Hits@20 on logits. */
  valHits20?: number;
  testHits20?: number;
  /** Type and node tasks. */
  valAccuracy?: number;
  testAccuracy?: number;
  valMacroF1?: number;
  testMacroF1?: number;
  /** Type task: Cohen's κ. */
  valKappa?: number;
  testKappa?: number;
  /** Multilabel task: Decagon's AP@50, mean over the labels (its AUROC and AUPRC are the means over labels too). */
  valAp50?: number;
  testAp50?: number;
}

export interface EpochResult extends EvalMetrics {
  epoch: number;
  loss: number;
  ms: number;
}

export class TrainingDiverged extends Error {}

/** What only link prediction offers: its split, a score for every pair, candidate new pairs. */
export interface LinkPredictor {
  readonly split: LinkSplit;
  /** Optimiser steps per epoch (mini-batches of training pairs). */
  readonly stepsPerEpoch: number;
  /** Logit and split part of every known pair, in the graph's edge order. */
  knownEdgeScores(h: Float32Array): Promise<{ score: Float32Array; part: Uint8Array }>;
  /** Predicted probability of every known pair, in the graph's edge order. */
  knownEdgeProbabilities(h: Float32Array): Promise<Float32Array>;
  /** A pair score as the page's 0–1 strength: a logit's sigmoid, or a heuristic's score relative to the strongest known pair's. */
  strengthOf(score: number): number;
  /** The k strongest predicted pairs that are not known interactions (a typed graph: of the predicted relation's two kinds). */
  candidates(k: number, h: Float32Array, pause?: ScanPause): Promise<ScoredPair[]>;
  /** Node v's k strongest predicted partners that are not known pairs, of the kind its relation pairs it with (a = v). */
  nodeCandidates(v: number, k: number, h: Float32Array): Promise<ScoredPair[]>;
}

/** One function per task, for code that differs by task (export files, predictions); byTask picks the trainer's. */
export interface TaskCases<R> {
  link(trainer: LinkTrainer): R;
  type(trainer: TypeTrainer): R;
  node(trainer: NodeTrainer): R;
  /** A pair → its set of labels (side effects). */
  multilabel(trainer: MultilabelTrainer): R;
  /** Link prediction by a parameter-free heuristic (cn, aa, ra, katz). */
  heuristic(trainer: HeuristicTrainer): R;
}

/** Backends whose training step runs asynchronously on a device while JavaScript goes on. */
const GPU_BACKENDS = new Set(['webgl', 'webgpu']);

/**
 * tfjs-webgpu submits recorded work in batches and holds the last one until something is read;
 * submitting it now lets the GPU finish the step while the host prepares the next. Uses the same
 * two calls tfjs makes before a read; a no-op when nothing is pending or on another backend.
 */
function submitPendingWebgpuWork(): void {
  const be = tf.backend() as { commandEncoder?: unknown; endComputePassEncoder?: () => void; submitQueue?: () => void };
  if (!be.commandEncoder || !be.endComputePassEncoder || !be.submitQueue) return;
  be.endComputePassEncoder();
  be.submitQueue();
}

/** Why early stopping ended a run, as data (the UI words it; stopReason is the CLI's sentence). */
export interface EarlyStop {
  /** The epoch at which training stopped. */
  epoch: number;
  patience: number;
  /** The epoch with the best validation score; the model holds its weights again. */
  bestEpoch: number;
  /** The validation metric compared, e.g. "AUROC". */
  metric: string;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Loss beyond this (with an initial loss of order 1) means the run has blown up, even before NaN. */
const DIVERGED_LOSS = 1e6;

export abstract class TrainerBase {
  readonly operators: GraphOperators;
  /** The GNN; null for a heuristic (cn, aa, ra, katz), which scores pairs from the graph alone. */
  readonly model: GnnModel | null;
  /** What the user should know about the node features (missing SMILES, …). */
  readonly featureNotes: string[];
  epoch = 0;
  /** Set when early stopping ends the run; the UI/CLI stop and show it. */
  stopReason: string | null = null;
  earlyStop: EarlyStop | null = null;
  /** The epoch with the best validation score so far and its metrics. */
  best: EpochResult | null = null;
  /** The epoch the current weights come from: the last one trained, or the best once early stopping restored it. */
  weightsEpoch = 0;
  /**
   * The trainable variables' values at the best epoch, kept only when early stopping is on. Clones
   * stay on the backend and share the variables' buffers until the next optimiser step replaces
   * those, so keeping them costs one copy of the weights and no read-back.
   */
  private bestWeights: tf.Tensor[] | null = null;
  /** Adam; public for checkpoints (its moments and step count are part of the training state). */
  readonly optimizer: tf.AdamOptimizer;
  /** Prepare the next step on the host while the device runs this one (GPU backends; tests force it). */
  overlapHostWork: boolean;

  constructor(
    readonly graph: TrainingGraph,
    readonly settings: ModelSettings,
    messages: MessageGraph,
    backend: string,
    rng: Rng,
    morgan?: FeatureBlock,
  ) {
    const mode: SparseMode = settings.aggregation === 'auto' ? chooseSparseMode(backend, graph.numNodes, messages.src.length) : settings.aggregation;
    this.operators = new GraphOperators(messages, mode);
    this.overlapHostWork = GPU_BACKENDS.has(backend);
    try {
      const blocks = fixedFeatureBlocks(featureKinds(settings.features), {
        nodes: graph.nodes,
        degrees: inDegrees(messages),
        morgan,
      });
      const splitNote = settings.task === 'node' ? null : newDrugFeatureNote(settings.splitMode, featureKinds(settings.features));
      this.featureNotes = [...blocks.flatMap((b) => b.notes), ...(splitNote ? [splitNote] : [])];
      this.model = isHeuristicKind(settings.model) ? null : new GnnModel(settings, graph.numNodes, rng.fork(4), blocks, relationCount(messages));
    } catch (e) {
      // A failed build must not leak: the app keeps running with the previous model.
      this.operators.dispose();
      throw e;
    }
    // Explicit epsilon: webgl's default differs from the other backends' (see notes).
    this.optimizer = tf.train.adam(settings.learningRate, 0.9, 0.999, 1e-7);
  }

  /** Adam steps taken so far (one per epoch, or one per mini-batch). */
  get optimizerSteps(): number {
    return this.optimizer.iterations;
  }

  /** The GNN, for the trainers that have one (every task's but a heuristic's). */
  protected get gnn(): GnnModel {
    if (!this.model) throw new Error(`${this.settings.model} is a heuristic: it has no layers to run`);
    return this.model;
  }

  get aggregationMode(): SparseMode {
    return this.operators.mode;
  }

  /** Runs the case for this trainer's task. */
  abstract byTask<R>(cases: TaskCases<R>): R;

  /** Link prediction's split, pair scores and candidates; null for tasks that predict no new pairs. */
  linkPredictor(): LinkPredictor | null {
    return null;
  }

  /** The task's loss from the current weights (called inside the optimiser's tape). */
  protected abstract loss(): tf.Scalar;
  /** Trainable weights beyond the model's (decoder, classifier). */
  protected abstract headVariables(): tf.Variable[];
  /** Validation and test metrics from output embeddings (row-major N × d). */
  abstract evaluate(h: Float32Array): EvalMetrics | Promise<EvalMetrics>;
  /** The validation score early stopping maximises. */
  protected abstract selectionScore(m: EvalMetrics): number;
  /** Its name, e.g. "AUROC". */
  abstract readonly selectionMetric: string;

  /** Every trainable variable in a fixed order (the model's, then the task head's): what a saved model or checkpoint holds. */
  variables(): tf.Variable[] {
    return [...(this.model?.variables() ?? []), ...this.headVariables()];
  }

  /** The random streams training still draws from, in a fixed order: a checkpoint saves their states. */
  randomStreams(): Rng[] {
    return this.model ? [this.model.dropoutRng] : [];
  }

  /** The kept copy of the best epoch's weights (early stopping on), for checkpoints. */
  get keptBestWeights(): readonly tf.Tensor[] | null {
    return this.bestWeights;
  }

  /** Replaces the kept best weights (a restored checkpoint's); takes ownership of the tensors. */
  setKeptBestWeights(tensors: tf.Tensor[] | null): void {
    if (this.bestWeights) tf.dispose(this.bestWeights);
    this.bestWeights = tensors;
  }

  /** One epoch of optimisation; returns its mean training loss (each step's loss before its update). */
  async trainEpoch(): Promise<number> {
    try {
      return await this.epochSteps();
    } finally {
      this.epoch++;
      this.weightsEpoch = this.epoch;
    }
  }

  /** The optimiser steps of one epoch. Default: one step over the whole training set. */
  protected epochSteps(): Promise<number> {
    return this.step();
  }

  /** One Adam step on the current loss(); returns the loss before the update. */
  protected async step(): Promise<number> {
    const cost = this.optimizer.minimize(() => this.loss(), true, this.variables());
    // On a GPU the step now runs on the device: prepare the next one on the host meanwhile.
    if (this.overlapHostWork) {
      submitPendingWebgpuWork();
      this.prepareNextStep();
    }
    // Asynchronous read: a synchronous one stalls the GPU pipeline on webgpu.
    const loss = (await cost!.data())[0];
    cost!.dispose();
    if (!Number.isFinite(loss) || loss > DIVERGED_LOSS) {
      throw new TrainingDiverged(`Training stopped at epoch ${this.epoch + 1}: the loss became ${loss}. Try a smaller learning rate.`);
    }
    return loss;
  }

  /** Host-side work for the next step (e.g. drawing negatives), overlapped with the GPU's step. */
  protected prepareNextStep(): void {}

  /** Output node embeddings as a row-major N × d array. */
  async embeddings(): Promise<Float32Array> {
    // A heuristic has no embeddings; its scores come from the graph (the h it is handed is ignored).
    if (!this.model) return new Float32Array(0);
    const model = this.model;
    const h = tf.tidy(() => model.forward(this.operators));
    const values = (await h.data()) as Float32Array;
    h.dispose();
    return values;
  }

  /** Train one epoch, then evaluate; timing covers the training step only. */
  async runEpoch(): Promise<EpochResult> {
    const t0 = performance.now();
    const loss = await this.trainEpoch();
    const ms = performance.now() - t0;
    const result: EpochResult = { epoch: this.epoch, loss, ms, ...(await this.evaluate(await this.embeddings())) };
    this.track(result);
    return result;
  }

  private track(result: EpochResult): void {
    const score = this.selectionScore(result);
    const patience = this.settings.patience;
    if (this.best === null || score > this.selectionScore(this.best)) {
      this.best = result;
      if (patience > 0) this.keepBestWeights();
    }
    if (patience > 0 && this.epoch - this.best.epoch >= patience) {
      // Restored once, when the run stops; epochs stepped after that train on from the best weights.
      if (!this.earlyStop) this.restoreBestWeights();
      this.earlyStop = { epoch: this.epoch, patience, bestEpoch: this.best.epoch, metric: this.selectionMetric };
      this.stopReason =
        `Early stopping at epoch ${this.epoch}: no better validation score for ${patience} epochs; ` +
        `the best was at epoch ${this.best.epoch}, whose weights the model holds again.`;
    }
  }

  private keepBestWeights(): void {
    if (this.bestWeights) tf.dispose(this.bestWeights);
    this.bestWeights = this.variables().map((v) => tf.clone(v));
  }

  /** Puts the best epoch's values back into the variables (Adam's moments stay: they do not change the model). */
  private restoreBestWeights(): void {
    if (!this.bestWeights || !this.best) return;
    const copies = this.bestWeights;
    this.variables().forEach((v, i) => v.assign(copies[i]));
    this.weightsEpoch = this.best.epoch;
  }

  dispose(): void {
    if (this.bestWeights) tf.dispose(this.bestWeights);
    this.bestWeights = null;
    this.model?.dispose();
    this.operators.dispose();
    this.optimizer.dispose();
  }
}
