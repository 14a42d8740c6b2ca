/**
 * The Output step: the dot-product decoder's score h_v · h_p for a partner p, its probability, and
 * how it compares with v's known interactions. Same arithmetic as tasks/linkTrainer.ts's pairLogits.
 */
import { sigmoid } from '../tasks/trainerBase';
import type { Matrix } from './traceArrays';
import type { OutputExplanation, PairStatus, PartnerScore } from './types';

export interface PairLookup {
  /** Known interaction (any split). */
  known(a: number, b: number): boolean;
  /** Carries messages (a training pair). */
  train(a: number, b: number): boolean;
}

/** OUTPUT for a pair from the final vectors. Other decoders (MLP, DistMult) plug in here. */
export interface PairScorer {
  /** e.g. "dot". */
  name: string;
  /** LaTeX of s(v, p). */
  latex: string;
  /** Logits for the pairs (a[i], b[i]), batched because a learned decoder runs on tensors (read back asynchronously on GPUs). */
  scorePairs(h: Matrix, a: Int32Array, b: Int32Array): Float32Array | Promise<Float32Array>;
}

export const DOT_SCORER: PairScorer = {
  name: 'dot',
  latex: String.raw`s(v,p) = h_v^{(L)} \cdot h_p^{(L)} = \sum_k h_{v,k}\, h_{p,k}`,
  scorePairs: (h, a, b) => Float32Array.from(a, (x, i) => dot(h, x, b[i])),
};

export function dot(h: Matrix, a: number, b: number): number {
  let s = 0;
  const ao = a * h.cols;
  const bo = b * h.cols;
  for (let k = 0; k < h.cols; k++) s += h.data[ao + k] * h.data[bo + k];
  return s;
}

/** Scores of v against every node (v itself gets -Infinity so it never ranks). */
export async function scoresOf(h: Matrix, v: number, scorer: PairScorer = DOT_SCORER): Promise<Float64Array> {
  const others = Int32Array.from({ length: h.rows }, (_, u) => u);
  const s = Float64Array.from(await scorer.scorePairs(h, new Int32Array(h.rows).fill(v), others));
  s[v] = -Infinity;
  return s;
}

export async function explainOutput(
  h: Matrix,
  v: number,
  partner: number | undefined,
  pairs: PairLookup,
  scorer: PairScorer = DOT_SCORER,
  topTerms = 3,
  topPartners = 10,
): Promise<OutputExplanation> {
  const scores = await scoresOf(h, v, scorer);
  const entry = (u: number): PartnerScore => ({ node: u, score: scores[u], probability: sigmoid(scores[u]), known: pairs.known(v, u) });
  const order = Array.from({ length: h.rows }, (_, u) => u)
    .filter((u) => u !== v)
    .sort((x, y) => scores[y] - scores[x]);
  const strongestUnknown = order.find((u) => !pairs.known(v, u)) ?? order[0] ?? v;
  const p = partner !== undefined && partner !== v && partner >= 0 && partner < h.rows ? partner : strongestUnknown;
  const score = scores[p] ?? 0;
  const hv = Array.from(h.data.subarray(v * h.cols, (v + 1) * h.cols));
  const hp = Array.from(h.data.subarray(p * h.cols, (p + 1) * h.cols));
  // Per-component terms only mean something for the dot product.
  const all = scorer.name === 'dot' ? hv.map((a, k) => ({ k, a, b: hp[k], product: a * hp[k] })).sort((x, y) => Math.abs(y.product) - Math.abs(x.product)) : [];
  const rest = all.slice(topTerms);
  const knownPartners = order.filter((u) => pairs.known(v, u)).map(entry);
  const status: PairStatus = pairs.train(v, p) ? 'train' : pairs.known(v, p) ? 'held-out' : 'unknown';
  let lower = 0;
  for (const u of order) if (u !== p && scores[u] < score) lower++;
  return {
    decoder: scorer.name,
    decoderLatex: scorer.latex,
    partner: p,
    partnerVector: hp,
    status,
    score,
    probability: sigmoid(score),
    terms: all.slice(0, topTerms),
    restSum: rest.reduce((s, t) => s + t.product, 0),
    restCount: rest.length,
    knownPartners,
    rankAmongKnown: 1 + knownPartners.filter((k) => k.node !== p && k.score > score).length,
    percentile: order.length > 1 ? lower / (order.length - 1) : 1,
    topPartners: order.slice(0, topPartners).map(entry),
    strongestUnknown,
  };
}
