/**
 * The trainer worker's teaching side (the stepper's numbers): explanations of one drug, of one pair, and the
 * embedding projections recorded per epoch. Kept apart from TrainerService so the training loop
 * stays readable; TrainerService delegates to it and tells it when an epoch ends or the model is
 * rebuilt.
 */
import { decoderPairScore, explainPair } from '../model/teach/attribution';
import { DOT_SCORER, type PairLookup, type PairScorer } from '../model/teach/decoder';
import { explainNode } from '../model/teach/explainNode';
import { ProjectionHistory } from '../model/teach/projectionHistory';
import { layerVectors, type TraceableModel } from '../model/teach/traceArrays';
import type { EmbeddingProjection, NodeExplanation, PairExplanation } from '../model/teach/types';
import type { LinkDecoder } from '../model/decoders';
import type { GraphOperators } from '../model/graphOperators';
import { PairSet, type Pairs } from '../model/split';

/** What the teaching side reads from a trainer (LinkTrainer and the other tasks' trainers fit). */
export interface TeachableTrainer {
  /** Null for a heuristic (no layers to step through). */
  readonly model: TraceableModel | null;
  readonly operators: GraphOperators;
  readonly graph: { numNodes: number; edgeSrc: Int32Array; edgeDst: Int32Array };
  readonly epoch: number;
  /** The epoch the weights come from: `epoch`, or the best one after early stopping restored it. */
  readonly weightsEpoch: number;
  readonly split?: { trainPos: Pairs };
  readonly decoder?: LinkDecoder;
  scorePairs?(h: Float32Array, p: Pairs): Promise<Float32Array>;
}

/** The model whose layers the stepper walks through; a heuristic has none. */
function layersOf(trainer: TeachableTrainer): TraceableModel {
  if (!trainer.model) throw new Error('A heuristic (cn, aa, ra, katz) has no layers to step through: choose a GNN model to see message passing.');
  return trainer.model;
}

const DECODER_LATEX: Record<string, string> = {
  distmult: String.raw`s(v,p) = \sum_k h_{v,k}\, r_k\, h_{p,k}`,
  mlp: String.raw`s(v,p) = w_2 \cdot \mathrm{ReLU}(W_1 (h_v \odot h_p) + b_1) + b_2`,
};

/** Recording a projection may cost at most this share of the epoch's time; beyond, it thins out. */
const PROJECTION_TIME_SHARE = 0.25;

export class TeachService {
  private readonly history = new ProjectionHistory();
  private lookup: { trainer: TeachableTrainer; pairs: PairLookup } | null = null;
  private every = 1;

  /** A fresh model: forget the old run's projections and record the untrained one (epoch 0). */
  async reset(trainer: TeachableTrainer): Promise<void> {
    this.history.clear();
    this.every = 1;
    this.lookup = null;
    await this.record(trainer);
  }

  /** After each epoch: record the projections, less often if that costs too much next to training. */
  async afterEpoch(trainer: TeachableTrainer, epochMs: number): Promise<void> {
    // Restored weights are always recorded: the slider must end at the model the page now shows.
    const restored = trainer.weightsEpoch !== trainer.epoch;
    if (!restored && trainer.epoch % this.every !== 0) return;
    const t0 = performance.now();
    await this.record(trainer);
    const ms = performance.now() - t0;
    if (ms > PROJECTION_TIME_SHARE * Math.max(1, epochMs)) this.every = Math.min(64, this.every * 2);
  }

  /**
   * Records the projections of the model as it is, under the epoch its weights come from (after a
   * restore that drops the frames after the best epoch); a failure here must never stop training.
   */
  private async record(trainer: TeachableTrainer): Promise<void> {
    if (!trainer.model) return;
    try {
      const epoch = trainer.weightsEpoch;
      this.history.record(epoch, await layerVectors(trainer.model, trainer.operators));
    } catch (e) {
      console.warn('Embedding projection skipped:', e);
    }
  }

  explainNode(trainer: TeachableTrainer, node: number, partner?: number): Promise<NodeExplanation> {
    return explainNode(layersOf(trainer), trainer.operators, node, this.pairs(trainer), {
      partner,
      epoch: trainer.weightsEpoch,
      scorer: this.scorer(trainer),
    });
  }

  explainPair(trainer: TeachableTrainer, a: number, b: number): Promise<PairExplanation> {
    // "Why" explains the decoder's own score (an MLP's, not a dot product it does not compute).
    const decoder = trainer.decoder;
    return explainPair(layersOf(trainer), trainer.operators, a, b, 8, decoder && decoder.kind !== 'dot' ? decoderPairScore(decoder) : undefined);
  }

  async embeddingProjection(trainer: TeachableTrainer, epoch?: number): Promise<EmbeddingProjection | null> {
    // Recording may have thinned out: make sure the model as it is now is the slider's last frame.
    if (this.history.epochs.at(-1) !== trainer.weightsEpoch) await this.record(trainer);
    return this.history.get(epoch);
  }

  private scorer(trainer: TeachableTrainer): PairScorer {
    const kind = trainer.decoder?.kind ?? 'dot';
    if (kind === 'dot' || !trainer.scorePairs) return DOT_SCORER;
    return {
      name: kind,
      latex: DECODER_LATEX[kind] ?? String.raw`s(v,p)`,
      scorePairs: (h, a, b) => trainer.scorePairs!(h.data, { a, b }),
    };
  }

  /** Known pairs (any split) and training pairs, built once per trainer. */
  private pairs(trainer: TeachableTrainer): PairLookup {
    if (this.lookup?.trainer === trainer) return this.lookup.pairs;
    const n = trainer.graph.numNodes;
    const known = new PairSet(n);
    for (let i = 0; i < trainer.graph.edgeSrc.length; i++) known.add(trainer.graph.edgeSrc[i], trainer.graph.edgeDst[i]);
    const train = new PairSet(n);
    if (trainer.split) train.addAll(trainer.split.trainPos);
    else for (let i = 0; i < trainer.operators.graph.src.length; i++) train.add(trainer.operators.graph.src[i], trainer.operators.graph.dst[i]);
    const pairs = { known: (a: number, b: number) => known.has(a, b), train: (a: number, b: number) => train.has(a, b) };
    this.lookup = { trainer, pairs };
    return pairs;
  }
}
