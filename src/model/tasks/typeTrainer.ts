/**
 * Task 'type': interaction-type prediction on typed graphs (e.g. DrugBank's 86 DDI types). For each
 * known pair, softmax cross-entropy over the types with a per-type DistMult decoder (decoders.ts).
 * The typed pairs are split 85/5/10 from the seed; messages flow over the training pairs only.
 * Metrics: accuracy and macro-F1 on the validation and test pairs.
 */
import * as tf from '../tf';
import { TypeDecoder } from '../decoders';
import type { FeatureBlock } from '../features/block';
import { messageGraphFromPairs } from '../messageGraph';
import { softmaxCrossEntropy } from '../linkLoss';
import { accuracy, argmaxRows, macroF1 } from '../metrics';
import { Rng } from '../rng';
import type { ModelSettings } from '../../settings/schema';
import { TEST_FRACTION, VAL_FRACTION, type Pairs } from '../split';
import { TrainerBase, type EvalMetrics, type TaskCases, type TrainingGraph } from './trainerBase';

export interface TypedPairs extends Pairs {
  type: Int32Array;
}

export interface TypeSplit {
  train: TypedPairs;
  val: TypedPairs;
  test: TypedPairs;
}

/** Seeded 85 / 5 / 10 split of the pairs that have a type. */
export function splitTypedPairs(graph: TrainingGraph, seed: number, testFraction = TEST_FRACTION): TypeSplit {
  const types = graph.edgeType;
  if (!types || !graph.edgeTypes || graph.edgeTypes.length < 2) {
    throw new Error('Interaction-type prediction needs a graph with at least two interaction types (e.g. DrugBank DDI types).');
  }
  const typed: number[] = [];
  for (let i = 0; i < types.length; i++) if (types[i] >= 0) typed.push(i);
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

export class TypeTrainer extends TrainerBase {
  readonly typeSplit: TypeSplit;
  readonly typeDecoder: TypeDecoder;
  readonly numTypes: number;

  constructor(graph: TrainingGraph, settings: ModelSettings, backend: string = tf.getBackend(), morgan?: FeatureBlock) {
    const rng = new Rng(settings.seed);
    const split = splitTypedPairs(graph, settings.seed, settings.testFraction);
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
    };
  }

  override dispose(): void {
    super.dispose();
    this.typeDecoder.dispose();
  }
}
