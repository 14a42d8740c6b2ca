/**
 * Task 'type': interaction-type prediction on typed graphs (e.g. DrugBank's 86 DDI types). For each
 * known (head, tail) pair, softmax cross-entropy over the types with a type head (typeHeads.ts: a
 * direction-aware MLP on [h_a ‖ h_b], or per-type DistMult), one step per epoch or per shuffled
 * mini-batch of training pairs (batchSize), each with full-graph message passing as the link task.
 * The typed pairs are split 85/5/10 from the seed, or a fixed split is given (typeSplitFile.ts);
 * messages flow over the training pairs only, in both directions. Metrics: accuracy, macro-F1 and Cohen's κ on the
 * validation and test pairs; testReport adds per-type F1 and the most confused type pairs.
 */
import * as tf from '../tf';
import { batchIndices } from '../batches';
import { createTypeHead, type TypeHead } from '../typeHeads';
import type { FeatureBlock } from '../features/block';
import { messageGraphFromPairs } from '../messageGraph';
import { softmaxCrossEntropy } from '../linkLoss';
import { accuracy, argmaxRows, cohenKappa, macroF1, perClassF1, topConfusions, type ClassScore, type Confusion } from '../metrics';
import { Rng } from '../rng';
import type { ModelSettings } from '../../settings/schema';
import { TEST_FRACTION, VAL_FRACTION, type Pairs } from '../split';
import { drugRoles, pairPart } from '../drugSplit';
import type { SplitMode } from '../../settings/options';
import { TrainerBase, type EvalMetrics, type TaskCases, type TrainingGraph } from './trainerBase';

export interface TypedPairs extends Pairs {
  type: Int32Array;
}

export interface TypeSplit {
  train: TypedPairs;
  val: TypedPairs;
  test: TypedPairs;
}

/** The test pairs' per-type scores (index = type) and the most frequent confusions. */
export interface TypeReport {
  perType: ClassScore[];
  confusions: Confusion[];
}

/**
 * The type task's pairs: the graph's typed interactions as listed, (head, tail) directed, when the
 * loader kept them (typedPairs); else its typed undirected edges (graphs built by hand, old callers).
 */
export function typedPairsOf(graph: TrainingGraph): TypedPairs {
  const types = graph.edgeType;
  if (!types || !graph.edgeTypes || graph.edgeTypes.length < 2) {
    throw new Error('Interaction-type prediction needs a graph with at least two interaction types (e.g. DrugBank DDI types).');
  }
  if (graph.typedPairs) return { a: graph.typedPairs.head, b: graph.typedPairs.tail, type: graph.typedPairs.type };
  const typed: number[] = [];
  for (let i = 0; i < types.length; i++) if (types[i] >= 0) typed.push(i);
  return {
    a: Int32Array.from(typed, (e) => graph.edgeSrc[e]),
    b: Int32Array.from(typed, (e) => graph.edgeDst[e]),
    type: Int32Array.from(typed, (e) => types[e]),
  };
}

/**
 * Seeded split of the typed pairs (directed, typedPairsOf): 85 / 5 / 10 of the pairs, or by drug
 * (new-drug-one / new-drug-both, drugSplit.ts: held-out drugs never in a training pair).
 */
export function splitTypedPairs(graph: TrainingGraph, seed: number, testFraction = TEST_FRACTION, mode: SplitMode = 'pairs'): TypeSplit {
  const all = typedPairsOf(graph);
  const count = all.a.length;
  if (mode !== 'pairs') return splitTypedByDrug(graph.numNodes, all, seed, testFraction, mode);
  const order = new Rng(seed).fork(7).shuffle(Int32Array.from({ length: count }, (_, i) => i));
  const nVal = Math.floor(count * VAL_FRACTION);
  const nTest = Math.floor(count * testFraction);
  const pick = (from: number, to: number): TypedPairs => pickTypedPairs(all, order.subarray(from, to));
  return { val: pick(0, nVal), test: pick(nVal, nVal + nTest), train: pick(nVal + nTest, count) };
}

function splitTypedByDrug(numNodes: number, all: TypedPairs, seed: number, testFraction: number, mode: Exclude<SplitMode, 'pairs'>): TypeSplit {
  const role = drugRoles(numNodes, all.a, all.b, seed, testFraction);
  const parts: number[][] = [[], [], []];
  for (let e = 0; e < all.a.length; e++) {
    const p = pairPart(mode, role[all.a[e]], role[all.b[e]]);
    if (p >= 0) parts[p].push(e);
  }
  const [train, val, test] = parts.map((idx) => pickTypedPairs(all, Int32Array.from(idx)));
  if (val.a.length === 0 || test.a.length === 0) {
    throw new Error(
      `The ${mode} split has no ${val.a.length === 0 ? 'validation' : 'test'} pairs on this graph: raise the test fraction or use the pairs split.`,
    );
  }
  return { train, val, test };
}

/** Each unordered pair once (a pair listed both ways with two types is one interaction for message passing). */
export function uniqueUndirected(numNodes: number, a: Int32Array, b: Int32Array): { a: Int32Array; b: Int32Array } {
  const seen = new Set<number>();
  const ua: number[] = [];
  const ub: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const lo = Math.min(a[i], b[i]);
    const hi = Math.max(a[i], b[i]);
    const key = lo * numNodes + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    ua.push(lo);
    ub.push(hi);
  }
  return { a: Int32Array.from(ua), b: Int32Array.from(ub) };
}

/** The typed pairs at the given indices. */
export function pickTypedPairs(p: TypedPairs, idx: Int32Array): TypedPairs {
  return {
    a: Int32Array.from(idx, (i) => p.a[i]),
    b: Int32Array.from(idx, (i) => p.b[i]),
    type: Int32Array.from(idx, (i) => p.type[i]),
  };
}

export class TypeTrainer extends TrainerBase {
  readonly typeSplit: TypeSplit;
  readonly typeHead: TypeHead;
  readonly numTypes: number;
  private readonly batchRng: Rng;
  /** The training pairs of the current optimiser step. */
  private batch: TypedPairs | null = null;

  constructor(graph: TrainingGraph, settings: ModelSettings, backend: string = tf.getBackend(), morgan?: FeatureBlock, given?: TypeSplit) {
    const rng = new Rng(settings.seed);
    const split = given ?? splitTypedPairs(graph, settings.seed, settings.testFraction, settings.splitMode);
    const messages = uniqueUndirected(graph.numNodes, split.train.a, split.train.b);
    super(graph, settings, messageGraphFromPairs(graph.numNodes, messages.a, messages.b), backend, rng, morgan);
    this.typeSplit = split;
    this.numTypes = graph.edgeTypes!.length;
    const headRng = rng.fork(5);
    this.batchRng = rng.fork(6);
    this.typeHead = createTypeHead(settings.decoder, settings.hidden, this.numTypes, settings.dropout, headRng, rng.fork(8));
  }

  byTask<R>(cases: TaskCases<R>): R {
    return cases.type(this);
  }

  /** One step over all training pairs (batchSize 0), or one per shuffled batch; returns the mean loss over the pairs. */
  protected override async epochSteps(): Promise<number> {
    const train = this.typeSplit.train;
    const batches = batchIndices(train.a.length, this.settings.batchSize, this.batchRng);
    try {
      let total = 0;
      for (const idx of batches) {
        this.batch = batches.length === 1 ? train : pickTypedPairs(train, idx);
        total += (await this.step()) * idx.length;
      }
      return total / train.a.length;
    } finally {
      this.batch = null;
    }
  }

  /** Optimiser steps per epoch with the current settings. */
  get stepsPerEpoch(): number {
    const count = this.typeSplit.train.a.length;
    const size = this.settings.batchSize;
    return size <= 0 || size >= count ? 1 : Math.ceil(count / size);
  }

  protected loss(): tf.Scalar {
    const pairs = this.batch ?? this.typeSplit.train;
    const h = this.gnn.forward(this.operators, true);
    return softmaxCrossEntropy(pairs.type, this.typeHead.logits(h, pairs, true));
  }

  protected headVariables(): tf.Variable[] {
    return this.typeHead.variables();
  }

  /** Also the mini-batch shuffles' and the head's dropout streams. */
  override randomStreams(): Rng[] {
    return [...super.randomStreams(), this.batchRng, ...this.typeHead.randomStreams()];
  }

  protected selectionScore(m: EvalMetrics): number {
    return m.valMacroF1 ?? NaN;
  }

  readonly selectionMetric = 'macro-F1';

  /** Most likely type per pair. Read asynchronously: a synchronous read stalls (or fails on) WebGPU. */
  async predict(h: Float32Array, pairs: Pairs): Promise<Int32Array> {
    const logits = tf.tidy(() => this.typeHead.logits(tf.tensor2d(h, [this.graph.numNodes, this.settings.hidden]), pairs));
    try {
      return argmaxRows((await logits.data()) as Float32Array, this.numTypes);
    } finally {
      logits.dispose();
    }
  }

  async evaluate(h: Float32Array): Promise<EvalMetrics> {
    const pv = await this.predict(h, this.typeSplit.val);
    const pt = await this.predict(h, this.typeSplit.test);
    return {
      valAuroc: NaN,
      valAuprc: NaN,
      testAuroc: NaN,
      testAuprc: NaN,
      valAccuracy: accuracy(this.typeSplit.val.type, pv),
      testAccuracy: accuracy(this.typeSplit.test.type, pt),
      valMacroF1: macroF1(this.typeSplit.val.type, pv),
      testMacroF1: macroF1(this.typeSplit.test.type, pt),
      valKappa: cohenKappa(this.typeSplit.val.type, pv),
      testKappa: cohenKappa(this.typeSplit.test.type, pt),
    };
  }

  /** Per-type F1 on the test pairs and the `top` most confused (true, predicted) type pairs. */
  async testReport(h: Float32Array, top = 10): Promise<TypeReport> {
    const pt = await this.predict(h, this.typeSplit.test);
    return { perType: perClassF1(this.typeSplit.test.type, pt, this.numTypes), confusions: topConfusions(this.typeSplit.test.type, pt, top) };
  }

  override dispose(): void {
    super.dispose();
    this.typeHead.dispose();
  }
}
