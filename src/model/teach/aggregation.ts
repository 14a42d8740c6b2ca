/**
 * Names the aggregator a layer used for one node by recomputing candidates from the neighbours'
 * messages and comparing with the traced m_v. Checking the numbers (rather than trusting a label)
 * keeps the explanation honest for any MessagePassingLayer, including ones added later.
 */
import { inDegrees, type MessageGraph } from '../messageGraph';
import type { AggregationTerm, AggregatorKind, NeighbourMessage } from './types';

export function closeVectors(a: ArrayLike<number>, b: ArrayLike<number>, relTol = 1e-4): boolean {
  if (a.length !== b.length) return false;
  let scale = 1;
  for (let i = 0; i < a.length; i++) scale = Math.max(scale, Math.abs(a[i]), Math.abs(b[i]));
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= relTol * scale)) return false;
  return true;
}

/** Σ_i w_i · x_i per component; `heads` splits the columns into equal blocks with one weight each. */
export function weightedSum(messages: number[][], dim: number, weights: number[][]): number[] {
  const out = new Array<number>(dim).fill(0);
  messages.forEach((m, i) => {
    const w = weights[i];
    const block = dim / w.length;
    for (let k = 0; k < dim; k++) out[k] += w[Math.floor(k / block)] * m[k];
  });
  return out;
}

export function combine(kind: 'mean' | 'sum' | 'max', messages: number[][], dim: number): number[] {
  if (messages.length === 0) return new Array<number>(dim).fill(0);
  if (kind === 'max') return Array.from({ length: dim }, (_, k) => Math.max(...messages.map((m) => m[k])));
  const s = weightedSum(
    messages,
    dim,
    messages.map(() => [1]),
  );
  return kind === 'mean' ? s.map((x) => x / messages.length) : s;
}

/** Kipf GCN's symmetric weights 1/√(d̂_u d̂_v) with d̂ counting the self-loop. */
export function gcnWeights(g: MessageGraph, v: number, sources: number[]): number[] {
  const deg = inDegrees(g);
  return sources.map((u) => 1 / Math.sqrt((deg[u] + 1) * (deg[v] + 1)));
}

export interface AggregationFit {
  kind: AggregatorKind;
  /** The messages AGG combined (v's own included for self-loop aggregators). */
  neighbours: NeighbourMessage[];
  /** Per-neighbour weight(s) the aggregator applied, when it weighs them (gcn, attention). */
  weights?: number[][];
}

/**
 * Tries, in order: mean, sum, max over the in-neighbours; attention weights over in-neighbours and
 * v (self-loop); GCN normalisation over in-neighbours and v. The first that reproduces m_v wins.
 */
export function fitAggregator(
  g: MessageGraph,
  v: number,
  messageOf: (u: number) => number[],
  aggregated: number[],
  attention: { sources: number[]; weights: number[][] } | null,
): AggregationFit {
  const d = aggregated.length;
  const plain = inNeighbours(g, v);
  const plainMsgs = plain.map(messageOf);
  const asNeighbours = (nodes: number[], msgs: number[][], weights?: number[][]): NeighbourMessage[] =>
    nodes.map((node, i) => ({ node, message: msgs[i], ...(weights ? { weight: weights[i] } : {}), ...(node === v ? { self: true } : {}) }));
  if (attention) {
    const msgs = attention.sources.map(messageOf);
    if (closeVectors(weightedSum(msgs, d, attention.weights), aggregated)) {
      return { kind: 'attention', neighbours: asNeighbours(attention.sources, msgs, attention.weights), weights: attention.weights };
    }
  }
  for (const kind of ['mean', 'sum', 'max'] as const) {
    if (closeVectors(combine(kind, plainMsgs, d), aggregated)) return { kind, neighbours: asNeighbours(plain, plainMsgs) };
  }
  const withSelf = [...plain, v];
  const w = gcnWeights(g, v, withSelf).map((x) => [x]);
  const selfMsgs = withSelf.map(messageOf);
  if (closeVectors(weightedSum(selfMsgs, d, w), aggregated)) return { kind: 'gcn', neighbours: asNeighbours(withSelf, selfMsgs, w), weights: w };
  return { kind: 'unknown', neighbours: asNeighbours(plain, plainMsgs) };
}

/** In-neighbour sources of v in edge order (a multi-edge appears as often as it carries a message). */
export function inNeighbours(g: MessageGraph, v: number): number[] {
  const out: number[] = [];
  for (let e = 0; e < g.dst.length; e++) if (g.dst[e] === v) out.push(g.src[e]);
  return out;
}

export function aggregationTerms(fit: AggregationFit, aggregated: number[], components: number[]): AggregationTerm[] {
  return components.map((k) => {
    const block = fit.weights ? aggregated.length / fit.weights[0].length : 1;
    return {
      component: k,
      values: fit.neighbours.map((n) => n.message[k]),
      ...(fit.weights ? { weights: fit.weights.map((w) => w[Math.floor(k / block)]) } : {}),
      result: aggregated[k],
    };
  });
}
