/**
 * Task 'type': interaction-type prediction on typed graphs (e.g. DrugBank's 86 DDI types). For each
 * known pair, softmax cross-entropy over the types with a per-type DistMult decoder (decoders.ts).
 * The typed pairs are split 85/5/10 from the seed, or a fixed split is given (typeSplitFile.ts);
 * messages flow over the training pairs only. Metrics: accuracy, macro-F1 and Cohen's κ on the
 * validation and test pairs; testReport adds per-type F1 and the most confused type pairs.
 */
import * as tf from '../tf';
import { TypeDecoder } from '../decoders';
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
 * Seeded split of the pairs that have a type: 85 / 5 / 10 of the pairs, or by drug (new-drug-one /
 * new-drug-both, drugSplit.ts: held-out drugs never in a training pair).
 */
export function splitTypedPairs(graph: TrainingGraph, seed: number, testFraction = TEST_FRACTION, mode: SplitMode = 'pairs'): TypeSplit {
  const types = graph.edgeType;
  if (!types || !graph.edgeTypes || graph.edgeTypes.length < 2) {
    throw new Error('Interaction-type prediction needs a graph with at least two interaction types (e.g. DrugBank DDI types).');
  }
  const typed: number[] = [];
  for (let i = 0; i < types.length; i++) if (types[i] >= 0) typed.push(i);
  if (mode !== 'pairs') return splitTypedByDrug(graph, Uint32Array.from(typed), seed, testFraction, mode);
  const order = new Rng(seed).fork(7).shuffle(Uint32Array.from(typed));
  const nVal = Math.floor(order.length * VAL_FRACTION);
  const nTest = Math.floor(order.length * testFraction);
  const pick = (from: number, to: number): TypedPairs => {
    const idx = order.subarray(from, to);
    return {
      a: Int32Array.from(idx, (e) => graph.edgeSrc[e]),
      b: Int32Array.from(idx, (e) => graph.edgeDst[e]),
      type: Int32Array.from(idx, (e) => types[e]),
    };
  };
  return { val: pick(0, nVal), test: pick(nVal, nVal + nTest), train: pick(nVal + nTest, order.length) };
}

function splitTypedByDrug(graph: TrainingGraph, typed: Uint32Array, seed: number, testFraction: number, mode: Exclude<SplitMode, 'pairs'>): TypeSplit {
  const { edgeSrc: src, edgeDst: dst, edgeType } = graph;
  const role = drugRoles(
    graph.numNodes,
    Int32Array.from(typed, (e) => src[e]),
    Int32Array.from(typed, (e) => dst[e]),
    seed,
    testFraction,
  );
  const parts: number[][] = [[], [], []];
  for (const e of typed) {
    const p = pairPart(mode, role[src[e]], role[dst[e]]);
    if (p >= 0) parts[p].push(e);
  }
  const [train, val, test] = parts.map((idx) => ({
    a: Int32Array.from(idx, (e) => src[e]),
    b: Int32Array.from(idx, (e) => dst[e]),
    type: Int32Array.from(idx, (e) => edgeType![e]),
  }));
  if (val.a.length === 0 || test.a.length === 0) {
    throw new Error(
      `The ${mode} split has no ${val.a.length === 0 ? 'validation' : 'test'} pairs on this graph: raise the test fraction or use the pairs split.`,
    );
  }
  return { train, val, test };
}

export class TypeTrainer extends TrainerBase {
  readonly typeSplit: TypeSplit;
  readonly typeDecoder: TypeDecoder;
  readonly numTypes: number;

  constructor(graph: TrainingGraph, settings: ModelSettings, backend: string = tf.getBackend(), morgan?: FeatureBlock, given?: TypeSplit) {
    const rng = new Rng(settings.seed);
    const split = given ?? splitTypedPairs(graph, settings.seed, settings.testFraction, settings.splitMode);
    super(graph, settings, messageGraphFromPairs(graph.numNodes, split.train.a, split.train.b), backend, rng, morgan);
    this.typeSplit = split;
    this.numTypes = graph.edgeTypes!.length;
    this.typeDecoder = new TypeDecoder(settings.hidden, this.numTypes, rng.fork(5));
  }

  byTask<R>(cases: TaskCases<R>): R {
    return cases.type(this);
  }

  protected loss(): tf.Scalar {
    const h = this.gnn.forward(this.operators, true);
    return softmaxCrossEntropy(this.typeSplit.train.type, this.typeDecoder.logits(h, this.typeSplit.train));
  }

  protected headVariables(): tf.Variable[] {
    return this.typeDecoder.variables();
  }

  protected selectionScore(m: EvalMetrics): number {
    return m.valMacroF1 ?? NaN;
  }

  readonly selectionMetric = 'macro-F1';

  /** Most likely type per pair. Read asynchronously: a synchronous read stalls (or fails on) WebGPU. */
  async predict(h: Float32Array, pairs: Pairs): Promise<Int32Array> {
    const logits = tf.tidy(() => this.typeDecoder.logits(tf.tensor2d(h, [this.graph.numNodes, this.settings.hidden]), pairs));
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
    this.typeDecoder.dispose();
  }
}
