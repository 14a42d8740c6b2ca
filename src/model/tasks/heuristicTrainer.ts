/**
 * A heuristic baseline (model cn, aa, ra or katz) as a link-prediction trainer without parameters: the
 * same split as LinkTrainer (seeded, a split file or OGB's), scores from the TRAINING pairs'
 * neighbourhoods only (as OGB's heuristics: a held-out pair never counts towards its own score),
 * and the same metrics. An "epoch" only evaluates; the run stops after the first.
 */
import { messageGraphFromPairs } from '../messageGraph';
import { heuristicScorer, neighbourLists, type HeuristicScorer, type NeighbourLists } from '../heuristics';
import { linkMetrics } from '../metrics';
import { Rng } from '../rng';
import { PairSet, splitPartOf, type LinkSplit, type Pairs } from '../split';
import { allNodesSpace, partnersIn, topUnknownPartners, type ScanPause, type ScoredPair } from '../candidates';
import { explainHeuristicPair, strongestPartners, type HeuristicPairExplanation } from '../teach/heuristicPair';
import type { ModelSettings } from '../../settings/schema';
import { isHeuristicKind, type HeuristicKind } from '../../settings/options';
import type * as tf from '../tf';
import { TrainerBase, type EpochResult, type EvalMetrics, type LinkPredictor, type TaskCases, type TrainingGraph } from './trainerBase';
import { seededSplit, type LinkTrainerOptions } from './linkTrainer';

export class HeuristicTrainer extends TrainerBase implements LinkPredictor {
  readonly split: LinkSplit;
  readonly kind: HeuristicKind;
  readonly stepsPerEpoch = 0;
  readonly selectionMetric: string;
  /** The training pairs' neighbour lists: the graph the heuristic reads. */
  readonly neighbours: NeighbourLists;
  private readonly scorer: HeuristicScorer;
  private readonly knownPairs: PairSet;
  private readonly selectBy: 'auroc' | 'hits20';
  private knownCache: { score: Float32Array; part: Uint8Array; max: number } | null = null;
  private disposed = false;

  constructor(graph: TrainingGraph, settings: ModelSettings, backend: string, options: LinkTrainerOptions = {}) {
    const kind = settings.model;
    if (!isHeuristicKind(kind)) throw new Error(`${kind} is not a heuristic`);
    const split = options.split ?? seededSplit(graph, settings);
    super(graph, settings, messageGraphFromPairs(graph.numNodes, split.trainPos.a, split.trainPos.b), backend, new Rng(settings.seed), options.morgan);
    this.kind = kind;
    this.split = split;
    this.neighbours = neighbourLists(graph.numNodes, split.trainPos.a, split.trainPos.b);
    this.scorer = heuristicScorer(kind, this.neighbours);
    this.selectBy = options.selectBy ?? 'auroc';
    this.selectionMetric = this.selectBy === 'hits20' ? 'Hits@20' : 'AUROC';
    this.knownPairs = new PairSet(graph.numNodes);
    for (let i = 0; i < graph.edgeSrc.length; i++) this.knownPairs.add(graph.edgeSrc[i], graph.edgeDst[i]);
    for (const p of [split.trainPos, split.valPos, split.testPos]) this.knownPairs.addAll(p);
  }

  byTask<R>(cases: TaskCases<R>): R {
    return cases.heuristic(this);
  }

  override linkPredictor(): LinkPredictor {
    return this;
  }

  /** Nothing to optimise: no loss (NaN, as a loaded model's evaluation), and the run is complete. */
  override async trainEpoch(): Promise<number> {
    this.epoch++;
    this.weightsEpoch = this.epoch;
    return NaN;
  }

  override async runEpoch(): Promise<EpochResult> {
    const result = await super.runEpoch();
    this.stopReason = `${this.kind} is a heuristic: it has nothing to learn, so one evaluation is the whole run.`;
    return result;
  }

  protected loss(): tf.Scalar {
    throw new Error('a heuristic has no loss');
  }

  protected headVariables(): tf.Variable[] {
    return [];
  }

  protected selectionScore(m: EvalMetrics): number {
    return this.selectBy === 'hits20' ? (m.valHits20 ?? NaN) : m.valAuroc;
  }

  /** Heuristic scores of the pairs (`h` is ignored: there are no embeddings). */
  async scorePairs(_h: Float32Array, p: Pairs): Promise<Float32Array> {
    return this.scorer.pairScores(p);
  }

  async evaluate(): Promise<EvalMetrics> {
    const s = this.split;
    const score = (p: Pairs) => this.scorer.pairScores(p);
    const [vp, vn, tp, tn] = [score(s.valPos), score(s.valNeg), score(s.testPos), score(s.testNeg)];
    return linkMetrics(vp, vn, tp, tn);
  }

  /** Scores of the known pairs never change (nothing is trained): computed once. */
  private known(): { score: Float32Array; part: Uint8Array; max: number } {
    if (this.knownCache) return this.knownCache;
    const pairs = { a: this.graph.edgeSrc, b: this.graph.edgeDst };
    const score = this.scorer.pairScores(pairs);
    let max = 0;
    for (const x of score) if (x > max) max = x;
    this.knownCache = { score, part: splitPartOf(this.split, pairs), max };
    return this.knownCache;
  }

  async knownEdgeScores(): Promise<{ score: Float32Array; part: Uint8Array }> {
    const { score, part } = this.known();
    return { score: score.slice(), part };
  }

  /**
   * Heuristic scores are not probabilities: the page's strength is the score relative to the
   * strongest known pair's (1 = as many, or as rare, common neighbours as the best-supported pair).
   */
  strengthOf(score: number): number {
    const { max } = this.known();
    return max > 0 ? Math.min(1, score / max) : 0;
  }

  async knownEdgeProbabilities(): Promise<Float32Array> {
    return this.known().score.map((x) => this.strengthOf(x));
  }

  async candidates(k: number, _h: Float32Array, pause?: ScanPause): Promise<ScoredPair[]> {
    const between = async () => (pause ? await pause() : true) && !this.disposed;
    return this.scorer.topUnknown(k, this.knownPairs, between);
  }

  /** Heuristics ignore relations: any other node is a partner. */
  async nodeCandidates(v: number, k: number): Promise<ScoredPair[]> {
    return topUnknownPartners(v, partnersIn(allNodesSpace(this.graph.numNodes), v), k, this.knownPairs, (p) => this.scorer.pairScores(p));
  }

  /**
   * The teaching view's numbers: the pair (a, partner) term by term, with a's strongest partners that
   * are not known pairs; without a partner, the strongest of them.
   */
  explainPair(a: number, partner?: number): HeuristicPairExplanation {
    const partners = strongestPartners(this.kind, this.neighbours, a, 10, (x, y) => this.knownPairs.has(x, y));
    const b = partner ?? partners[0]?.node ?? (a === 0 ? 1 : 0);
    return explainHeuristicPair(this.kind, this.neighbours, a, b, partners);
  }

  override dispose(): void {
    this.disposed = true;
    super.dispose();
  }
}
