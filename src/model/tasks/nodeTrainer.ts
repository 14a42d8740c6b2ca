/**
 * Task 'node': node classification on the first ATC level (14 anatomical main groups), the
 * supervised setting of the seed's code (`criterion(logits, drug_labels)`). Only drugs with an ATC
 * code have a label; the loss and metrics are masked to them. Labelled drugs are split 80/10/10 from
 * the seed; messages flow over all known interactions (transductive). A Linear head maps the
 * embeddings to class logits; softmax cross-entropy; accuracy and macro-F1.
 */
import * as tf from '../tf';
import { ATC_GROUPS } from '../features/attributes';
import { featureKinds } from '../features/spec';
import type { FeatureBlock } from '../features/block';
import { messageGraphFromPairs } from '../messageGraph';
import { softmaxCrossEntropy } from '../linkLoss';
import { Linear } from '../linear';
import { accuracy, argmaxRows, macroF1 } from '../metrics';
import { Rng } from '../rng';
import type { ModelSettings } from '../../settings/schema';
import { gatherRows } from '../sparseOps';
import { TrainerBase, type EvalMetrics, type TaskCases, type TrainingGraph } from './trainerBase';

export interface NodeSplit {
  train: Int32Array;
  val: Int32Array;
  test: Int32Array;
  /** Class per node, −1 when unlabelled. */
  labels: Int32Array;
}

/** First ATC group of each drug's first ATC code, or −1. */
export function atcLabels(graph: TrainingGraph): Int32Array {
  const labels = new Int32Array(graph.numNodes).fill(-1);
  graph.nodes?.forEach((n, i) => {
    const code = n.atc?.find((c) => c.trim().length > 0);
    if (code) labels[i] = ATC_GROUPS.indexOf(code.trim().charAt(0).toUpperCase() as (typeof ATC_GROUPS)[number]);
  });
  return labels;
}

export function splitNodes(labels: Int32Array, seed: number, testFraction = 0.1): NodeSplit {
  const labelled: number[] = [];
  labels.forEach((l, i) => l >= 0 && labelled.push(i));
  if (labelled.length < 10) {
    throw new Error(`Node classification needs drugs with ATC codes; only ${labelled.length} have one. Add a table with ATC codes.`);
  }
  const order = new Rng(seed).fork(8).shuffle(Int32Array.from(labelled));
  const nVal = Math.floor(order.length * 0.1);
  const nTest = Math.floor(order.length * testFraction);
  return { val: order.slice(0, nVal), test: order.slice(nVal, nVal + nTest), train: order.slice(nVal + nTest), labels };
}

export class NodeTrainer extends TrainerBase {
  readonly nodeSplit: NodeSplit;
  readonly head: Linear;
  readonly numClasses = ATC_GROUPS.length;
  private readonly trainLabels: Int32Array;

  constructor(graph: TrainingGraph, settings: ModelSettings, backend: string = tf.getBackend(), morgan?: FeatureBlock) {
    if (featureKinds(settings.features).includes('atc')) {
      throw new Error('Node classification predicts the ATC main group, so “atc” node features would hand it the answer; choose other features.');
    }
    const rng = new Rng(settings.seed);
    const split = splitNodes(atcLabels(graph), settings.seed, settings.testFraction);
    super(graph, settings, messageGraphFromPairs(graph.numNodes, graph.edgeSrc, graph.edgeDst), backend, rng, morgan);
    this.nodeSplit = split;
    this.head = new Linear(settings.hidden, this.numClasses, rng.fork(5), 'classifier');
    const y = Int32Array.from(split.train, (i) => split.labels[i]);
    this.trainLabels = y;
  }

  byTask<R>(cases: TaskCases<R>): R {
    return cases.node(this);
  }

  protected loss(): tf.Scalar {
    const h = this.gnn.forward(this.operators, true);
    return softmaxCrossEntropy(this.trainLabels, this.head.apply(gatherRows(h, this.nodeSplit.train)));
  }

  protected headVariables(): tf.Variable[] {
    return this.head.variables();
  }

  protected selectionScore(m: EvalMetrics): number {
    return m.valMacroF1 ?? NaN;
  }

  readonly selectionMetric = 'macro-F1';

  /** Most likely ATC group per node (index into ATC_GROUPS). Read asynchronously: a synchronous read stalls (or fails on) WebGPU. */
  async predict(h: Float32Array): Promise<Int32Array> {
    const logits = tf.tidy(() => this.head.apply(tf.tensor2d(h, [this.graph.numNodes, this.settings.hidden])));
    try {
      return argmaxRows((await logits.data()) as Float32Array, this.numClasses);
    } finally {
      logits.dispose();
    }
  }

  async evaluate(h: Float32Array): Promise<EvalMetrics> {
    const pred = await this.predict(h);
    const part = (idx: Int32Array) => ({
      truth: Int32Array.from(idx, (i) => this.nodeSplit.labels[i]),
      pred: Int32Array.from(idx, (i) => pred[i]),
    });
    const v = part(this.nodeSplit.val);
    const t = part(this.nodeSplit.test);
    return {
      valAuroc: NaN,
      valAuprc: NaN,
      testAuroc: NaN,
      testAuprc: NaN,
      valAccuracy: accuracy(v.truth, v.pred),
      testAccuracy: accuracy(t.truth, t.pred),
      valMacroF1: macroF1(v.truth, v.pred),
      testMacroF1: macroF1(t.truth, t.pred),
    };
  }

  override dispose(): void {
    super.dispose();
    this.head.dispose();
  }
}
