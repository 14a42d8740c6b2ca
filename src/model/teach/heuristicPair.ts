/**
 * The teaching view's numbers for a heuristic model: a pair's score taken apart into its terms on the
 * graph the heuristic reads (the split's training pairs). cn / aa / ra: one term per common neighbour
 * w (1, 1 / ln deg w, 1 / deg w); katz: one term per walk length l (β^l × the number of walks). Plain
 * data for the worker boundary, typed arrays only (no tensors).
 */
import type { HeuristicKind } from '../../settings/options';
import { commonNeighbourWeights, degreeOf, heuristicScorer, type NeighbourLists } from '../heuristics';
import { KATZ_BETA, KatzWalks } from '../katz';

export interface CommonNeighbourTerm {
  node: number;
  /** Its degree in the training graph. */
  degree: number;
  /** Its term in the score: cn 1, aa 1 / ln deg, ra 1 / deg; katz: the two-step walks through it (1). */
  weight: number;
}

export interface WalkTerm {
  length: number;
  /** (A^l)_{ab}: walks of this length from a to b. */
  walks: number;
  /** β^l. */
  factor: number;
  /** β^l · walks. */
  term: number;
}

export interface HeuristicPairExplanation {
  kind: HeuristicKind;
  a: number;
  b: number;
  degreeA: number;
  degreeB: number;
  /** The pair's score under the heuristic (the sum of the terms). */
  score: number;
  /** All common neighbours, largest term first (then by node). */
  common: CommonNeighbourTerm[];
  /** Katz only: one term per walk length; null for cn / aa / ra. */
  walks: WalkTerm[] | null;
  /** Katz's β (null for the others). */
  beta: number | null;
  /** The drug's strongest partners that are not known pairs, for choosing another partner. */
  partners: { node: number; score: number }[];
  /** The graph read: drugs and (training) pairs, for its density. */
  numNodes: number;
  numPairs: number;
  /** Common neighbours of a pair drawn at random, on average: Σ_w deg w (deg w − 1) / (N (N − 1)). */
  meanCommon: number;
}

/** The mean number of common neighbours over all pairs of distinct nodes (each w is shared by deg w (deg w − 1) / 2 pairs). */
export function meanCommonNeighbours(g: NeighbourLists): number {
  const n = g.numNodes;
  if (n < 2) return 0;
  let s = 0;
  for (let w = 0; w < n; w++) {
    const d = degreeOf(g, w);
    s += d * (d - 1);
  }
  return s / (n * (n - 1));
}

/** Common neighbours of a and b with their weights under the heuristic (katz counts each as one two-step walk). */
export function commonNeighbourTerms(kind: HeuristicKind, g: NeighbourLists, a: number, b: number): CommonNeighbourTerm[] {
  const weight = commonNeighbourWeights(kind === 'katz' ? 'cn' : kind, g);
  const inA = new Set(g.col.subarray(g.rowPtr[a], g.rowPtr[a + 1]));
  const out: CommonNeighbourTerm[] = [];
  for (const w of g.col.subarray(g.rowPtr[b], g.rowPtr[b + 1])) if (inA.has(w)) out.push({ node: w, degree: degreeOf(g, w), weight: weight[w] });
  return out.sort((x, y) => y.weight - x.weight || x.node - y.node);
}

/** The `count` highest-scoring partners of a that `isKnown` does not list (ties by node index). */
export function strongestPartners(kind: HeuristicKind, g: NeighbourLists, a: number, count: number, isKnown: (a: number, b: number) => boolean) {
  const others = Int32Array.from({ length: g.numNodes }, (_, v) => v).filter((v) => v !== a && !isKnown(a, v));
  const scores = heuristicScorer(kind, g).pairScores({ a: new Int32Array(others.length).fill(a), b: others });
  return Array.from(others, (node, i) => ({ node, score: scores[i] }))
    .sort((x, y) => y.score - x.score || x.node - y.node)
    .slice(0, count);
}

/** The pair (a, b) under the heuristic, term by term; `partners` lists a's strongest unknown partners. */
export function explainHeuristicPair(
  kind: HeuristicKind,
  g: NeighbourLists,
  a: number,
  b: number,
  partners: { node: number; score: number }[] = [],
): HeuristicPairExplanation {
  const common = commonNeighbourTerms(kind, g, a, b);
  let walks: WalkTerm[] | null = null;
  let score = common.reduce((s, t) => s + t.weight, 0);
  if (kind === 'katz') {
    const k = new KatzWalks(g);
    k.from(a);
    walks = k.pathCounts(b).map((count, i) => ({ length: i + 1, walks: count, factor: KATZ_BETA ** (i + 1), term: KATZ_BETA ** (i + 1) * count }));
    score = walks.reduce((s, t) => s + t.term, 0);
  }
  return {
    kind,
    a,
    b,
    degreeA: degreeOf(g, a),
    degreeB: degreeOf(g, b),
    score,
    common,
    walks,
    beta: kind === 'katz' ? KATZ_BETA : null,
    partners,
    numNodes: g.numNodes,
    numPairs: g.col.length / 2,
    meanCommon: meanCommonNeighbours(g),
  };
}
