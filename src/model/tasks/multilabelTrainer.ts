/**
 * Task 'multilabel': a pair of drugs → the set of its labels (side effects), Decagon / TWOSIDES style.
 * The known labelled pairs (DrugGraph.pairLabels, or each typed edge's one type) are split 85 / 5 / 10
 * from the seed (or by drug, as the other tasks); messages flow over the training pairs only.
 *
 * Decoder: one logit per label from the pair's embeddings, with the type task's heads (typeHeads.ts):
 * decoder mlp → an MLP on [h_a ‖ h_b], averaged over both orders so the pair {a, b} gets one answer
 * (a side effect of taking two drugs has no direction); distmult or dot → per-label DistMult, Decagon's
 * diagonal decoder, symmetric by itself.
 *
 * Loss: binary cross-entropy over every (pair, label) cell, positive and negative cells weighed half
 * each (balancedBce). Negatives per label are
 * (1) the known training pairs without that label and (2) `negatives` × as many uniform random drug
 * pairs per step that are no known pair, drawn fresh each step (seeded), scored as having no label.
 * Evaluation does the same with fixed random pairs (as many as the part's pairs, drawn once from the
 * seed and never drawn for training): a label is scored on a split part when it has at least one
 * positive there (negatives always exist), and the mean and median go over those labels only.
 */
import * as tf from '../tf';
import { batchIndices } from '../batches';
import { createTypeHead, type TypeHead } from '../typeHeads';
import type { FeatureBlock } from '../features/block';
import { messageGraphFromPairs } from '../messageGraph';
import { bestAndWorst, perLabelScores, summariseLabels, type LabelScore, type MultilabelReport, type NamedLabelScore } from '../labelMetrics';
import { Rng } from '../rng';
import type { ModelSettings } from '../../settings/schema';
import { concatPairs, PairSet, sampleNegatives, TEST_FRACTION, VAL_FRACTION, type Pairs } from '../split';
import { drugRoles, pairPart } from '../drugSplit';
import type { SplitMode } from '../../settings/options';
import { TrainerBase, type EvalMetrics, type TaskCases, type TrainingGraph } from './trainerBase';

/** Unordered pairs (a < b) with their labels: pair i has labels[offset[i] … offset[i + 1]). */
export interface LabelledPairs extends Pairs {
  offset: Int32Array;
  labels: Int32Array;
}

export interface LabelSplit {
  train: LabelledPairs;
  val: LabelledPairs;
  test: LabelledPairs;
}

/** The graph's labelled pairs: every edge with at least one label, with all its labels (pairLabels) or its one type. */
export function labelledPairsOf(graph: TrainingGraph): LabelledPairs {
  const types = graph.edgeType;
  if (!types || !graph.edgeTypes || graph.edgeTypes.length < 2) {
    throw new Error('Multi-label prediction needs pairs with labels, at least two kinds (e.g. TWOSIDES: drug, drug, side effect rows).');
  }
  const perEdge: number[][] = Array.from({ length: graph.edgeSrc.length }, () => []);
  const pl = graph.pairLabels;
  if (pl) for (let i = 0; i < pl.edge.length; i++) perEdge[pl.edge[i]].push(pl.label[i]);
  else types.forEach((t, e) => t >= 0 && perEdge[e].push(t));
  const edges = perEdge.flatMap((ls, e) => (ls.length > 0 ? [e] : []));
  return {
    a: Int32Array.from(edges, (e) => graph.edgeSrc[e]),
    b: Int32Array.from(edges, (e) => graph.edgeDst[e]),
    offset: offsets(edges.map((e) => perEdge[e].length)),
    labels: Int32Array.from(edges.flatMap((e) => perEdge[e])),
  };
}

function offsets(counts: number[]): Int32Array {
  const out = new Int32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) out[i + 1] = out[i] + counts[i];
  return out;
}

/** The pairs at `idx` with their labels. */
export function pickLabelled(p: LabelledPairs, idx: Int32Array): LabelledPairs {
  const a = Int32Array.from(idx, (i) => p.a[i]);
  const b = Int32Array.from(idx, (i) => p.b[i]);
  const counts = Array.from(idx, (i) => p.offset[i + 1] - p.offset[i]);
  const labels = new Int32Array(counts.reduce((s, c) => s + c, 0));
  let k = 0;
  for (const i of idx) for (let j = p.offset[i]; j < p.offset[i + 1]; j++) labels[k++] = p.labels[j];
  return { a, b, offset: offsets(counts), labels };
}

/** Seeded split of the labelled pairs: 85 / 5 / 10 of the pairs (val 5 %, test `testFraction`), or by drug. */
export function splitLabelledPairs(graph: TrainingGraph, seed: number, testFraction = TEST_FRACTION, mode: SplitMode = 'pairs'): LabelSplit {
  const all = labelledPairsOf(graph);
  const count = all.a.length;
  if (mode !== 'pairs') {
    const role = drugRoles(graph.numNodes, all.a, all.b, seed, testFraction);
    const parts: number[][] = [[], [], []];
    for (let e = 0; e < count; e++) {
      const p = pairPart(mode, role[all.a[e]], role[all.b[e]]);
      if (p >= 0) parts[p].push(e);
    }
    const [train, val, test] = parts.map((idx) => pickLabelled(all, Int32Array.from(idx)));
    if (val.a.length === 0 || test.a.length === 0) {
      throw new Error(
        `The ${mode} split has no ${val.a.length === 0 ? 'validation' : 'test'} pairs on this graph: raise the test fraction or use the pairs split.`,
      );
    }
    return { train, val, test };
  }
  // Its own stream (fork 9): the type task's split (fork 7) of the same seed is not correlated with it.
  const order = new Rng(seed).fork(9).shuffle(Int32Array.from({ length: count }, (_, i) => i));
  const nVal = Math.floor(count * VAL_FRACTION);
  const nTest = Math.floor(count * testFraction);
  return {
    val: pickLabelled(all, order.subarray(0, nVal)),
    test: pickLabelled(all, order.subarray(nVal, nVal + nTest)),
    train: pickLabelled(all, order.subarray(nVal + nTest)),
  };
}

/** Row-major (pairs + extra) × labels 0/1 matrix: the pairs' labels, then `extra` rows without any. */
export function multiHot(p: LabelledPairs, numLabels: number, extra = 0): Float32Array {
  const n = p.a.length;
  const out = new Float32Array((n + extra) * numLabels);
  for (let i = 0; i < n; i++) for (let j = p.offset[i]; j < p.offset[i + 1]; j++) out[i * numLabels + p.labels[j]] = 1;
  return out;
}

/**
 * Binary cross-entropy with logits, positives and negatives weighed half each:
 * ½ · mean over positive cells + ½ · mean over negative cells. With ~0.2 % positive cells (TWOSIDES)
 * a plain mean is almost all negatives: the model spends its first epochs lowering every logit and
 * ranks held-out pairs below random ones meanwhile. Decagon balances the same way, by sampling as
 * many negatives as positives per side effect.
 */
export function balancedBce(logits: tf.Tensor1D, truth: Float32Array): tf.Scalar {
  let positives = 0;
  for (let i = 0; i < truth.length; i++) positives += truth[i];
  const negatives = truth.length - positives;
  const weights = Float32Array.from(truth, (y) => (y ? 0.5 / positives : 0.5 / negatives) * (positives && negatives ? 1 : 2));
  const y = tf.tensor1d(truth);
  // max(z, 0) − z·y + log(1 + e^{−|z|}): the stable form of BCE with logits.
  const cells = tf.add(tf.sub(tf.relu(logits), tf.mul(logits, y)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
  return tf.sum(tf.mul(cells, tf.tensor1d(weights)));
}

export class MultilabelTrainer extends TrainerBase {
  readonly labelSplit: LabelSplit;
  readonly numLabels: number;
  readonly head: TypeHead;
  /** Random non-pairs scored as having no label on validation and test, fixed for the run. */
  readonly heldOutNegatives: { val: Pairs; test: Pairs };
  /** Known pairs and the held-out random pairs: training never draws them as random negatives. */
  private readonly excluded: PairSet;
  private readonly batchRng: Rng;
  private readonly negativeRng: Rng;
  /** The current step's labelled pairs and random negatives (set just before each step). */
  private batch: { pairs: LabelledPairs; negatives: Pairs } | null = null;

  constructor(graph: TrainingGraph, settings: ModelSettings, backend: string = tf.getBackend(), morgan?: FeatureBlock) {
    const rng = new Rng(settings.seed);
    const split = splitLabelledPairs(graph, settings.seed, settings.testFraction, settings.splitMode);
    super(graph, settings, messageGraphFromPairs(graph.numNodes, split.train.a, split.train.b), backend, rng, morgan);
    this.labelSplit = split;
    this.numLabels = graph.edgeTypes!.length;
    this.batchRng = rng.fork(6);
    this.negativeRng = rng.fork(10);
    this.excluded = new PairSet(graph.numNodes);
    for (const p of [split.train, split.val, split.test]) this.excluded.addAll(p);
    for (let i = 0; i < graph.edgeSrc.length; i++) this.excluded.add(graph.edgeSrc[i], graph.edgeDst[i]);
    const heldOut = rng.fork(11);
    // sampleNegatives adds what it draws to `excluded`: training then never draws these.
    this.heldOutNegatives = {
      val: sampleNegatives(graph.numNodes, split.val.a.length, this.excluded, heldOut),
      test: sampleNegatives(graph.numNodes, split.test.a.length, this.excluded, heldOut),
    };
    this.head = createTypeHead(settings.decoder, settings.hidden, this.numLabels, settings.dropout, rng.fork(5), rng.fork(8));
  }

  byTask<R>(cases: TaskCases<R>): R {
    return cases.multilabel(this);
  }

  /** One step over all training pairs (batchSize 0), or one per shuffled batch; returns the mean loss over the steps' cells. */
  protected override async epochSteps(): Promise<number> {
    const train = this.labelSplit.train;
    const batches = batchIndices(train.a.length, this.settings.batchSize, this.batchRng);
    try {
      let total = 0;
      for (const idx of batches) {
        const pairs = batches.length === 1 ? train : pickLabelled(train, idx);
        this.batch = { pairs, negatives: this.drawNegatives(pairs.a.length * this.settings.negatives) };
        total += (await this.step()) * idx.length;
      }
      return total / train.a.length;
    } finally {
      this.batch = null;
    }
  }

  /** Uniform drug pairs that are no known pair and no held-out negative (repeats within a draw are harmless). */
  private drawNegatives(count: number): Pairs {
    const n = this.graph.numNodes;
    const a = new Int32Array(count);
    const b = new Int32Array(count);
    for (let i = 0, tries = 0; i < count;) {
      // A graph where nearly every pair is known leaves no negative to draw: say so, not hang.
      if (++tries > 1000 * (count + 10)) throw new Error('The graph is too dense to draw random negative pairs.');
      const u = this.negativeRng.int(n);
      const v = this.negativeRng.int(n);
      if (u === v || this.excluded.has(u, v)) continue;
      a[i] = Math.min(u, v);
      b[i] = Math.max(u, v);
      i++;
    }
    return { a, b };
  }

  /** Logits, pairs × labels; the MLP head averaged over (a, b) and (b, a), so a pair has one answer. */
  logits(h: tf.Tensor2D, pairs: Pairs, training = false): tf.Tensor2D {
    const forward = this.head.logits(h, pairs, training);
    if (this.head.kind !== 'concat-mlp') return forward;
    return tf.mul(tf.add(forward, this.head.logits(h, { a: pairs.b, b: pairs.a }, training)), 0.5) as tf.Tensor2D;
  }

  protected loss(): tf.Scalar {
    const batch = this.batch ?? { pairs: this.labelSplit.train, negatives: { a: new Int32Array(0), b: new Int32Array(0) } };
    const rows = concatPairs(batch.pairs, batch.negatives);
    const truth = multiHot(batch.pairs, this.numLabels, batch.negatives.a.length);
    const h = this.gnn.forward(this.operators, true);
    const z = tf.reshape(this.logits(h, rows, true), [-1]) as tf.Tensor1D;
    return balancedBce(z, truth);
  }

  protected headVariables(): tf.Variable[] {
    return this.head.variables();
  }

  /** Also the mini-batch shuffles', the random negatives' and the head's dropout streams. */
  override randomStreams(): Rng[] {
    return [...super.randomStreams(), this.batchRng, this.negativeRng, ...this.head.randomStreams()];
  }

  protected selectionScore(m: EvalMetrics): number {
    return m.valAuroc;
  }

  readonly selectionMetric = 'mean AUROC over labels';

  /** Per-label scores of a split part: its pairs and its held-out random pairs. Read asynchronously (WebGPU). */
  async partScores(h: Float32Array, part: 'val' | 'test'): Promise<LabelScore[]> {
    const pairs = this.labelSplit[part];
    const negatives = this.heldOutNegatives[part];
    const rows = concatPairs(pairs, negatives);
    const logits = tf.tidy(() => this.logits(tf.tensor2d(h, [this.graph.numNodes, this.settings.hidden]), rows));
    try {
      const scores = (await logits.data()) as Float32Array;
      return perLabelScores(scores, multiHot(pairs, this.numLabels, negatives.a.length), rows.a.length, this.numLabels);
    } finally {
      logits.dispose();
    }
  }

  async evaluate(h: Float32Array): Promise<EvalMetrics> {
    const val = summariseLabels(await this.partScores(h, 'val'));
    const test = summariseLabels(await this.partScores(h, 'test'));
    return {
      valAuroc: val.mean.auroc,
      valAuprc: val.mean.auprc,
      valAp50: val.mean.apAt50,
      testAuroc: test.mean.auroc,
      testAuprc: test.mean.auprc,
      testAp50: test.mean.apAt50,
    };
  }

  /** The test part's per-label scores with names, their summary and the `top` best and worst labels. */
  async testReport(h: Float32Array, top = 5): Promise<MultilabelReport> {
    const names = this.graph.edgeTypes ?? [];
    const perLabel = (await this.partScores(h, 'test')).map((s) => ({ ...s, name: names[s.label] ?? String(s.label) }));
    const { best, worst } = bestAndWorst<NamedLabelScore>(perLabel, top);
    return { summary: summariseLabels(perLabel), perLabel, best, worst };
  }

  override dispose(): void {
    super.dispose();
    this.head.dispose();
  }
}
