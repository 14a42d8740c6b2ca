/**
 * The link-prediction training loop, independent of where it runs (worker, CLI, tests).
 * Everything random comes from the settings' seed, so the same seed gives the same run.
 */
import * as tf from '@tensorflow/tfjs';
import { messageGraphFromPairs } from './graphOperators';
import { chooseSparseMode, GraphOperators } from './graphTensors';
import { linkLossDense, linkLossGathered } from './linkLoss';
import { auprc, auroc } from './metrics';
import { GnnModel } from './model';
import { Rng } from './rng';
import type { SparseMode } from './sparseOps';
import { PairSet, sampleTrainingNegatives, splitLinks, type LinkSplit, type Pairs } from './split';
import type { ModelSettings } from './settings';
import { topUnknownPairs, type ScoredPair } from './candidates';

export interface LinkGraph {
  numNodes: number;
  /** Known undirected pairs. */
  edgeSrc: Int32Array;
  edgeDst: Int32Array;
}

export interface EvalMetrics {
  valAuroc: number;
  valAuprc: number;
  testAuroc: number;
  testAuprc: number;
}

export interface EpochResult extends EvalMetrics {
  epoch: number;
  loss: number;
  ms: number;
}

export class TrainingDiverged extends Error {}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export class LinkTrainer {
  readonly split: LinkSplit;
  readonly operators: GraphOperators;
  readonly model: GnnModel;
  readonly lossMode: 'gathered' | 'dense';
  epoch = 0;
  private readonly optimizer: tf.AdamOptimizer;
  private readonly negativeRng: Rng;
  private readonly trainPairs: PairSet;
  private readonly knownPairs: PairSet;

  constructor(
    readonly graph: LinkGraph,
    readonly settings: ModelSettings,
    backend: string = tf.getBackend(),
  ) {
    const rng = new Rng(settings.seed);
    this.split = splitLinks(graph.numNodes, graph.edgeSrc, graph.edgeDst, settings.seed);
    const messages = messageGraphFromPairs(graph.numNodes, this.split.trainPos.a, this.split.trainPos.b);
    const mode: SparseMode =
      settings.aggregation === 'auto'
        ? chooseSparseMode(backend, graph.numNodes, messages.src.length)
        : settings.aggregation;
    this.operators = new GraphOperators(messages, mode);
    this.lossMode = mode === 'dense' && graph.numNodes <= 2048 ? 'dense' : 'gathered';
    this.model = new GnnModel(settings, graph.numNodes, rng.fork(4));
    // Explicit epsilon: webgl's default differs from the other backends' (see notes).
    this.optimizer = tf.train.adam(settings.learningRate, 0.9, 0.999, 1e-7);
    this.negativeRng = rng.fork(3);
    this.trainPairs = new PairSet(graph.numNodes).addAll(this.split.trainPos);
    this.knownPairs = new PairSet(graph.numNodes);
    for (let i = 0; i < graph.edgeSrc.length; i++) this.knownPairs.add(graph.edgeSrc[i], graph.edgeDst[i]);
  }

  get aggregationMode(): SparseMode {
    return this.operators.mode;
  }

  /** One optimisation step over all training pairs; returns the loss before the update. */
  async trainEpoch(): Promise<number> {
    const pos = this.split.trainPos;
    const neg = sampleTrainingNegatives(this.graph.numNodes, pos.a.length, this.trainPairs, this.negativeRng);
    const lossFn = this.lossMode === 'dense' ? linkLossDense : linkLossGathered;
    const cost = this.optimizer.minimize(
      () => lossFn(this.model.forward(this.operators), pos, neg),
      true,
      this.model.variables(),
    );
    // Asynchronous read: a synchronous one stalls the GPU pipeline on webgpu.
    const loss = (await cost!.data())[0];
    cost!.dispose();
    this.epoch++;
    if (!Number.isFinite(loss)) {
      throw new TrainingDiverged(
        `Training stopped at epoch ${this.epoch}: the loss became ${loss}. Try a smaller learning rate.`,
      );
    }
    return loss;
  }

  /** Output node embeddings as a row-major N × d array. */
  async embeddings(): Promise<Float32Array> {
    const h = tf.tidy(() => this.model.forward(this.operators));
    const values = (await h.data()) as Float32Array;
    h.dispose();
    return values;
  }

  evaluate(h: Float32Array): EvalMetrics {
    const d = this.settings.hidden;
    const s = this.split;
    const score = (p: Pairs) => pairLogits(h, d, p);
    return {
      valAuroc: auroc(score(s.valPos), score(s.valNeg)),
      valAuprc: auprc(score(s.valPos), score(s.valNeg)),
      testAuroc: auroc(score(s.testPos), score(s.testNeg)),
      testAuprc: auprc(score(s.testPos), score(s.testNeg)),
    };
  }

  /** Train one epoch, then evaluate; timing covers the training step only. */
  async runEpoch(): Promise<EpochResult> {
    const t0 = performance.now();
    const loss = await this.trainEpoch();
    const ms = performance.now() - t0;
    return { epoch: this.epoch, loss, ms, ...this.evaluate(await this.embeddings()) };
  }

  /** Predicted probability for every known pair, in the graph's edge order. */
  knownEdgeProbabilities(h: Float32Array): Float32Array {
    const logits = pairLogits(h, this.settings.hidden, { a: this.graph.edgeSrc, b: this.graph.edgeDst });
    return logits.map(sigmoid);
  }

  /** The k strongest predicted pairs that are not known interactions. */
  candidates(k: number, h: Float32Array): ScoredPair[] {
    return topUnknownPairs(h, this.graph.numNodes, this.settings.hidden, k, this.knownPairs);
  }

  dispose(): void {
    this.model.dispose();
    this.operators.dispose();
    this.optimizer.dispose();
  }
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
