/**
 * The link-prediction training loop (task 'link'), independent of where it runs (worker, CLI, tests):
 * BCE (or the pairwise AUC loss) with k fresh uniform negatives per training positive each epoch;
 * messages flow over the training pairs only (an epoch's subset of them with edge dropout); AUROC,
 * AUPRC and Hits@20 on the validation and test pairs.
 */
import * as tf from '../tf';
import { batchIndices, pickNegatives, pickPairs } from '../batches';
import {
  allNodesSpace,
  partnersIn,
  topUnknownPairs,
  topUnknownPairsBy,
  topUnknownPairsByRow,
  topUnknownPartners,
  type PairSpace,
  type ScanPause,
  type ScoredPair,
} from '../candidates';
import { createLinkDecoder, type LinkDecoder } from '../decoders';
import type { FeatureBlock } from '../features/block';
import { messageGraphFromPairs, relationCount } from '../messageGraph';
import { keptPairs } from '../edgeDropout';
import { GraphOperators } from '../graphOperators';
import { pairCsr } from '../kernels/pairDot';
import { DENSE_LOSS_MAX_NODES, DenseLinkLoss } from '../denseLinkLoss';
import { bceLinkLossJoined, linkTrainingLoss } from '../linkLoss';
import { linkMetrics } from '../metrics';
import { drawKey, drawNegatives, type NegativeDraw } from '../negatives';
import { Rng } from '../rng';
import type { ModelSettings } from '../../settings/schema';
import { concatPairs, negativesFromGiven, pairCount, PairSet, splitLinks, splitPartOf, type LinkSplit, type Pairs } from '../split';
import { splitLinksByDrug, trainingNodes } from '../drugSplit';
import { relationalMessageGraph, relationTask, typedNegatives, type RelationTask } from '../relations';
import { sigmoid, TrainerBase, type EvalMetrics, type TrainingGraph, type LinkPredictor, type TaskCases } from './trainerBase';

export interface LinkTrainerOptions {
  /** A fixed split (link-split/1 file, OGB's official one) instead of the seeded one (settings.splitMode). */
  split?: LinkSplit;
  /** Precomputed Morgan fingerprints when the features include 'morgan'. */
  morgan?: FeatureBlock;
  /** Validation metric for early stopping and the best epoch: AUROC (default) or Hits@20 (OGB). */
  selectBy?: 'auroc' | 'hits20';
  /** 'gathered' forces the per-pair loss where the dense one would be chosen (benchmark comparisons). */
  loss?: 'auto' | 'gathered';
}

/** Pairs a learned decoder scores at once outside training (bounded activations). */
const SCORE_BLOCK = 65_536;

export class LinkTrainer extends TrainerBase implements LinkPredictor {
  readonly split: LinkSplit;
  readonly decoder: LinkDecoder;
  readonly lossMode: 'gathered' | 'dense';
  /** The stream of training negatives: draw k (epoch k) is a pure function of (seed, k). */
  private readonly negativeSeed: number;
  private readonly dense: DenseLinkLoss | null = null;
  private readonly batchRng: Rng;
  private readonly trainPairs: PairSet;
  private readonly knownPairs: PairSet;
  private readonly selectBy: 'auroc' | 'hits20';
  /** New-drug splits: the drugs training negatives are drawn from (held-out drugs excluded); a typed relation: its first end's kind; else all. */
  private readonly negativeNodes: Int32Array | undefined;
  /** A typed relation's other end's kind (proteins for drug-target); else the same as negativeNodes. */
  private readonly negativeOthers: Int32Array | undefined;
  /** Typed graphs: the relation predicted (the others only carry messages); null when untyped. */
  readonly relation: RelationTask | null;
  /** The positives and negatives of the current optimiser step (a draw the device makes itself, or pairs). */
  private batch: { pos: Pairs; neg: Pairs | NegativeDraw } | null = null;
  private disposed = false;
  /** The next epoch's negatives, drawn on the host during this epoch's last GPU step. */
  private nextNegatives: { draw: number; pairs: Pairs } | null = null;
  private lastStepOfEpoch = false;
  /** Edge dropout's stream: epoch k's kept pairs are a pure function of (seed, k). */
  private readonly edgeDropoutSeed: number;
  /** With edge dropout: the operators over this epoch's kept training pairs (evaluation uses `operators`). */
  private epochOperators: GraphOperators | null = null;

  constructor(graph: TrainingGraph, settings: ModelSettings, backend: string = tf.getBackend(), options: LinkTrainerOptions = {}) {
    const rng = new Rng(settings.seed);
    const given = givenNegatives(graph);
    const relation = relationTask(graph, settings.relation);
    const split = options.split ?? (relation ? relationSplit(graph, settings, relation) : seededSplit(graph, settings, given));
    const messages = relation
      ? relationalMessageGraph(graph, [
          { pairs: split.trainPos, relation: relation.index },
          { pairs: relation.context, relation: relation.context.relation },
        ])
      : messageGraphFromPairs(graph.numNodes, split.trainPos.a, split.trainPos.b);
    super(graph, settings, messages, backend, rng, options.morgan);
    this.split = split;
    this.relation = relation;
    if (relation) this.featureNotes.push(relationNote(relation, messages.relationNames ?? []));
    if (given && !options.split && settings.splitMode === 'pairs') this.featureNotes.push(givenNegativesNote(given.a.length, split));
    this.decoder = createLinkDecoder(settings.decoder, settings.hidden, rng.fork(5));
    this.negativeSeed = rng.fork(3).int(2 ** 32);
    // Forked last, so the other streams are the same with and without mini-batches.
    this.batchRng = rng.fork(6);
    this.edgeDropoutSeed = rng.fork(7).int(2 ** 32);
    this.selectBy = options.selectBy ?? 'auroc';
    this.trainPairs = new PairSet(graph.numNodes).addAll(split.trainPos);
    this.negativeNodes = relation ? relation.left : split.unseenNodes && trainingNodes(graph.numNodes, split.unseenNodes);
    this.negativeOthers = relation?.right;
    this.knownPairs = new PairSet(graph.numNodes);
    for (let i = 0; i < graph.edgeSrc.length; i++) this.knownPairs.add(graph.edgeSrc[i], graph.edgeDst[i]);
    for (const p of [split.trainPos, split.valPos, split.testPos]) this.knownPairs.addAll(p);
    // The dense H·Hᵀ loss (dot decoder only) keeps GPU training on the GPU; on webgpu it also draws
    // the negatives there, for full batches of graphs whose N × N matrices fit.
    const n = graph.numNodes;
    const onWebgpu = backend === 'webgpu' && this.stepsPerEpoch === 1 && n <= DENSE_LOSS_MAX_NODES;
    // The dense loss's device draw picks among all drugs; a new-drug split's negatives must avoid the held-out ones.
    // It is BCE with one negative per positive only.
    const plainBce = settings.loss === 'bce' && settings.negatives === 1;
    const dense =
      plainBce &&
      !this.negativeNodes &&
      options.loss !== 'gathered' &&
      settings.decoder === 'dot' &&
      (onWebgpu || (this.operators.mode === 'dense' && n <= 2048));
    this.lossMode = dense ? 'dense' : 'gathered';
    if (dense) this.dense = new DenseLinkLoss(n, split.trainPos, this.trainPairs, backend);
  }

  byTask<R>(cases: TaskCases<R>): R {
    return cases.link(this);
  }

  override linkPredictor(): LinkPredictor {
    return this;
  }

  /**
   * One fresh negative per training positive, then one step over all pairs (batchSize 0) or one step
   * per shuffled batch of positives with their negatives, each with full-graph message passing (as
   * OGB's full-graph ogbl-ddi examples). Returns the mean loss over the epoch's pairs.
   */
  protected override async epochSteps(): Promise<number> {
    this.dropEdgesForEpoch();
    const pos = this.split.trainPos;
    const batches = batchIndices(pos.a.length, this.settings.batchSize, this.batchRng);
    const draw = this.negativeDraw(this.epoch);
    const onDevice = batches.length === 1 && this.dense?.drawsOnDevice;
    const neg = onDevice
      ? draw
      : this.nextNegatives?.draw === this.epoch
        ? this.nextNegatives.pairs
        : drawNegatives(this.graph.numNodes, draw, this.trainPairs, this.negativeNodes, this.negativeOthers);
    this.nextNegatives = null;
    try {
      if (batches.length === 1) {
        this.batch = { pos, neg };
        this.lastStepOfEpoch = true;
        return await this.step();
      }
      let total = 0;
      for (const [i, idx] of batches.entries()) {
        this.batch = { pos: pickPairs(pos, idx), neg: pickNegatives(neg as Pairs, idx, this.settings.negatives) };
        this.lastStepOfEpoch = i === batches.length - 1;
        total += (await this.step()) * idx.length;
      }
      return total / pos.a.length;
    } finally {
      this.batch = null;
      this.lastStepOfEpoch = false;
    }
  }

  /** With edge dropout, rebuilds the training operators over this epoch's kept pairs (freeing last epoch's). */
  private dropEdgesForEpoch(): void {
    const fraction = this.settings.edgeDropout;
    if (fraction <= 0) return;
    this.epochOperators?.dispose();
    this.epochOperators = null;
    const kept = keptPairs(this.split.trainPos, fraction, this.edgeDropoutSeed, this.epoch);
    // A typed graph keeps its context pairs and message relations (R-GCN and per-relation layers read them).
    const relation = this.relation;
    const messages = relation
      ? relationalMessageGraph(this.graph, [
          { pairs: kept, relation: relation.index },
          { pairs: relation.context, relation: relation.context.relation },
        ])
      : messageGraphFromPairs(this.graph.numNodes, kept.a, kept.b);
    if (relationCount(messages) !== this.operators.numRelations) {
      throw new Error(`Edge dropout ${fraction} left a message relation without edges this epoch; try a smaller fraction.`);
    }
    this.epochOperators = new GraphOperators(messages, this.operators.mode);
  }

  /** Also the mini-batch shuffles' stream (the negatives are a pure function of (seed, epoch)). */
  override randomStreams(): Rng[] {
    return [...super.randomStreams(), this.batchRng];
  }

  /** Optimiser steps per epoch with the current settings. */
  get stepsPerEpoch(): number {
    const count = this.split.trainPos.a.length;
    const size = this.settings.batchSize;
    return size <= 0 || size >= count ? 1 : Math.ceil(count / size);
  }

  /** Draws the next epoch's negatives while the GPU runs this epoch's last step (same pairs as drawn later). */
  protected override prepareNextStep(): void {
    if (!this.lastStepOfEpoch) return;
    const fullBatch = this.stepsPerEpoch === 1;
    if (fullBatch && this.dense?.drawsOnDevice) return;
    const draw = this.epoch + 1;
    const pairs = drawNegatives(this.graph.numNodes, this.negativeDraw(draw), this.trainPairs, this.negativeNodes, this.negativeOthers);
    this.nextNegatives = { draw, pairs };
    // The dot decoder's full-batch gradient needs the pairs' CSR; building it now keeps it off the next step.
    if (fullBatch && this.decoder.kind === 'dot' && !this.dense) pairCsr(this.graph.numNodes, pairs.a, pairs.b);
  }

  /** Epoch `epoch`'s training negatives: k per training positive, positive i's at i·k … i·k + k − 1. */
  private negativeDraw(epoch: number): NegativeDraw {
    return { key: drawKey(this.negativeSeed, epoch), count: this.split.trainPos.a.length * this.settings.negatives };
  }

  protected loss(): tf.Scalar {
    const { pos, neg } = this.batch!;
    const h = this.gnn.forward(this.epochOperators ?? this.operators, true);
    if (this.dense) return this.dense.loss(h, pos, neg);
    // BCE with a learned decoder: one call over positives and negatives together (one pass of its
    // kernels, no concatenated scores, no two gradients to sum), the loss fused in where the decoder
    // has such a kernel. The dot decoder keeps two: its gradient reuses each pair list's CSR, built
    // ahead for the negatives.
    if (this.settings.loss === 'bce' && this.decoder.kind !== 'dot') {
      const pairs = concatPairs(pos, neg as Pairs);
      return this.decoder.bceLoss?.(h, pairs, pos.a.length) ?? bceLinkLossJoined(this.decoder.score(h, pairs), pos.a.length);
    }
    return linkTrainingLoss(this.settings.loss, this.decoder.score(h, pos), this.decoder.score(h, neg as Pairs));
  }

  protected headVariables(): tf.Variable[] {
    return this.decoder.variables();
  }

  protected selectionScore(m: EvalMetrics): number {
    return this.selectBy === 'hits20' ? (m.valHits20 ?? NaN) : m.valAuroc;
  }

  get selectionMetric(): string {
    return this.selectBy === 'hits20' ? 'Hits@20' : 'AUROC';
  }

  /**
   * Decoder logits for the pairs from row-major embeddings. A learned decoder runs on `block` pairs at a
   * time (all 1.3 M known pairs of ogbl-ddi at once would hold ~1.4 GB of 64-wide MLP activations) and
   * its scores are read back asynchronously (no GPU stall; Dawn in Node has no synchronous read).
   */
  async scorePairs(h: Float32Array, p: Pairs, block = SCORE_BLOCK): Promise<Float32Array> {
    if (this.decoder.kind === 'dot') return pairLogits(h, this.settings.hidden, p);
    const out = new Float32Array(p.a.length);
    const ht = tf.tensor2d(h, [this.graph.numNodes, this.settings.hidden]);
    try {
      for (let from = 0; from < out.length; from += block) {
        const to = Math.min(out.length, from + block);
        const scores = tf.tidy(() => this.decoder.score(ht, { a: p.a.subarray(from, to), b: p.b.subarray(from, to) }));
        out.set((await scores.data()) as Float32Array, from);
        scores.dispose();
      }
    } finally {
      ht.dispose();
    }
    return out;
  }

  async evaluate(h: Float32Array): Promise<EvalMetrics> {
    const s = this.split;
    const [vp, vn, tp, tn] = [
      await this.scorePairs(h, s.valPos),
      await this.scorePairs(h, s.valNeg),
      await this.scorePairs(h, s.testPos),
      await this.scorePairs(h, s.testNeg),
    ];
    return linkMetrics(vp, vn, tp, tn);
  }

  /** Logit and split part (index into SPLIT_PARTS) of every known pair, in the graph's edge order. */
  async knownEdgeScores(h: Float32Array): Promise<{ score: Float32Array; part: Uint8Array }> {
    const pairs = { a: this.graph.edgeSrc, b: this.graph.edgeDst };
    this.knownParts ??= splitPartOf(this.split, pairs);
    return { score: await this.scorePairs(h, pairs), part: this.knownParts };
  }

  private knownParts: Uint8Array | null = null;

  strengthOf(score: number): number {
    return sigmoid(score);
  }

  /** Predicted probability for every known pair, in the graph's edge order. */
  async knownEdgeProbabilities(h: Float32Array): Promise<Float32Array> {
    return (await this.scorePairs(h, { a: this.graph.edgeSrc, b: this.graph.edgeDst })).map((x) => 1 / (1 + Math.exp(-x)));
  }

  /** The pairs candidates come from: a typed graph's relation joins its two kinds only (drug × protein), else all nodes. */
  get candidateSpace(): PairSpace {
    return this.relation ? { left: this.relation.left, right: this.relation.right } : allNodesSpace(this.graph.numNodes);
  }

  /**
   * The k strongest predicted pairs that are not known interactions, over the candidate space (all
   * N(N−1)/2 pairs of an untyped graph). A learned decoder scores them in blocks (memory bounded
   * whatever N); `pause` is awaited between blocks (the worker yields there) and the scan gives up,
   * returning [], if the trainer is disposed meanwhile.
   */
  async candidates(k: number, h: Float32Array, pause?: ScanPause): Promise<ScoredPair[]> {
    const n = this.graph.numNodes;
    const d = this.settings.hidden;
    const space = this.candidateSpace;
    const between = async () => (pause ? await pause() : true) && !this.disposed;
    if (this.decoder.kind === 'dot') return topUnknownPairs(h, n, d, k, this.knownPairs, between, undefined, space);
    const ht = tf.tensor2d(h, [n, d]);
    const rows = this.relation ? null : this.decoder.rowScorer(ht);
    try {
      if (rows) return await topUnknownPairsByRow(n, k, this.knownPairs, rows.rows, between);
      const score = async (p: Pairs) => {
        const s = tf.tidy(() => this.decoder.score(ht, p));
        try {
          return (await s.data()) as Float32Array;
        } finally {
          s.dispose();
        }
      };
      return await topUnknownPairsBy(n, k, this.knownPairs, score, between, undefined, space);
    } finally {
      rows?.dispose();
      ht.dispose();
    }
  }

  async nodeCandidates(v: number, k: number, h: Float32Array): Promise<ScoredPair[]> {
    return topUnknownPartners(v, partnersIn(this.candidateSpace, v), k, this.knownPairs, (p) => this.scorePairs(h, p));
  }

  override dispose(): void {
    this.disposed = true;
    super.dispose();
    this.decoder.dispose();
    this.dense?.dispose();
    this.epochOperators?.dispose();
  }
}

/** The data's own non-interactions (a label column's negatives), if it has any. */
function givenNegatives(graph: TrainingGraph): Pairs | undefined {
  return graph.negativeSrc && graph.negativeDst ? { a: graph.negativeSrc, b: graph.negativeDst } : undefined;
}

/** The seeded split the settings ask for: random pairs, or by drug (S1/S2). */
/** The seeded split the settings ask for (pairs or by drug), with the data's own negatives used first. */
export function seededSplit(graph: TrainingGraph, settings: ModelSettings, given: Pairs | undefined = givenNegatives(graph)): LinkSplit {
  const { numNodes, edgeSrc, edgeDst } = graph;
  return settings.splitMode === 'pairs'
    ? splitLinks(numNodes, edgeSrc, edgeDst, settings.seed, settings.testFraction, given)
    : splitLinksByDrug(numNodes, edgeSrc, edgeDst, settings.seed, settings.splitMode, settings.testFraction);
}

/**
 * A typed graph's split: only the chosen relation's pairs are held out (85/5/10 as always), and its
 * validation and test negatives join nodes of the relation's two kinds.
 */
function relationSplit(graph: TrainingGraph, settings: ModelSettings, relation: RelationTask): LinkSplit {
  if (settings.splitMode !== 'pairs')
    throw new Error(`relation ${relation.name}: typed graphs are split by pairs only (split ${settings.splitMode} is for drug–drug data)`);
  const only = { numNodes: graph.numNodes, edgeSrc: relation.target.a, edgeDst: relation.target.b };
  return typedNegatives(seededSplit(only, settings, undefined), relation, settings.seed);
}

function relationNote(relation: RelationTask, messageRelations: string[]): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  return (
    `Predicting ${relation.description} (${n(relation.target.a.length)} pairs split 85/5/10; negatives of the same kinds); ` +
    `${n(relation.context.a.length)} pairs of other relations carry messages only. Message relations: ${messageRelations.join(', ')}.`
  );
}

/** h_a · h_b for each pair, from a row-major embedding array. */
export function pairLogits(h: Float32Array, d: number, p: Pairs): Float32Array {
  const out = new Float32Array(p.a.length);
  for (let i = 0; i < out.length; i++) {
    const ao = p.a[i] * d;
    const bo = p.b[i] * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += h[ao + j] * h[bo + j];
    out[i] = s;
  }
  return out;
}

/** Says how many val/test negatives are the data's own (see splitLinks). */
function givenNegativesNote(given: number, split: LinkSplit): string {
  const take = negativesFromGiven(given, pairCount(split.valNeg), pairCount(split.testNeg));
  const n = (x: number): string => x.toLocaleString('en-US');
  const total = pairCount(split.valNeg) + pairCount(split.testNeg);
  return (
    `Evaluation uses the data's own negatives: ${n(take.val + take.test)} of the ${n(total)} validation and test negative pairs ` +
    `come from the ${n(given)} pairs the data labels negative (validation ${n(take.val)}, test ${n(take.test)}); the rest are sampled uniformly.`
  );
}
