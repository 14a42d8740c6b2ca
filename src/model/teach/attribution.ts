/**
 * "Why this prediction": which nodes' vectors, and along which message edges, pushed the score of a
 * pair (a, b) up or down — the model's own decoder score (dot product by default). Gradient × input
 * at every level: for the vectors entering layer l+1 (level l; level 0 = input features), node u gets
 * Σ_k h_{u,k} · ∂s/∂h_{u,k}. Level L-1 are a's and b's direct neighbours (the last messages), level 0
 * reaches L hops. With a bias-free model and decoder the values at every level sum to 2·s (the score
 * is positively homogeneous of degree 2 in h: dot, DistMult and the MLP on h_a ⊙ h_b all are), which
 * the unit tests check; with biases they are an approximation, so the view shows shares of |value|.
 * When a layer exposes attention weights (GAT), the edges into a and b also carry them.
 */
import * as tf from '../tf';
import type { GraphOperators } from '../graphOperators';
import { sigmoid } from '../tasks/trainerBase';
import { hopRings } from './neighbourhood';
import { traceArrays, type LayerArrays, type TraceableModel } from './traceArrays';
import type { AttributedEdge, AttributionLevel, NodeAttribution, PairExplanation } from './types';

/**
 * The model's forward pass from the vectors entering layer `from` (activation between layers, none
 * after the last, as GnnModel). explainPair checks it against the trace before trusting it.
 */
export function forwardFrom(model: TraceableModel, h: tf.Tensor2D, from: number, graph: GraphOperators): tf.Tensor2D {
  let x = h;
  for (let l = from; l < model.layers.length; l++) {
    x = model.layers[l].forward(x, graph);
    if (l < model.layers.length - 1) x = tf.relu(x);
  }
  return x;
}

/** A differentiable score for one pair from the final embeddings: the link decoder's logit. */
export type PairScoreFn = (h: tf.Tensor2D, a: number, b: number) => tf.Scalar;

/** h_a · h_b, picking the rows with a 0/1 matrix product: tf.gather's gradient is slow on cpu/webgl and missing on wasm. */
export const dotPairScore: PairScoreFn = (h, a, b) => {
  const n = h.shape[0];
  const pick = new Float32Array(2 * n);
  pick[a] = 1;
  pick[n + b] = 1;
  const [ha, hb] = tf.split(tf.matMul(tf.tensor2d(pick, [2, n]), h), 2, 0);
  return tf.sum(tf.mul(ha, hb));
};

/** The pair score of a learned link decoder (MLP, DistMult), so "why" explains what the model outputs. */
export function decoderPairScore(decoder: { score(h: tf.Tensor2D, pairs: { a: Int32Array; b: Int32Array }): tf.Tensor1D }): PairScoreFn {
  return (h, a, b) => tf.sum(decoder.score(h, { a: Int32Array.of(a), b: Int32Array.of(b) }));
}

export async function explainPair(
  model: TraceableModel,
  graph: GraphOperators,
  a: number,
  b: number,
  topK = 8,
  pairScore: PairScoreFn = dotPairScore,
): Promise<PairExplanation> {
  const L = model.layers.length;
  const arrays = await traceArrays(model, graph);
  const final = arrays[L - 1].activated;
  const scored = tf.tidy(() => pairScore(tf.tensor2d(final.data, [final.rows, final.cols]), a, b));
  const score = (await scored.data())[0];
  scored.dispose();

  const levels: AttributionLevel[] = [];
  for (let level = 0; level < L; level++) {
    const input = arrays[level].input;
    const t = tf.tidy(() => {
      const h = tf.tensor2d(input.data, [input.rows, input.cols]);
      const grad = tf.grad((x) => pairScore(forwardFrom(model, x as tf.Tensor2D, level, graph), a, b))(h);
      return tf.sum(tf.mul(grad, h), 1);
    });
    const values = (await t.data()) as Float32Array;
    t.dispose();
    levels.push(summarise(values, level, L, topK));
  }
  // Sanity: the replayed forward must be the model's (else the gradients explain something else).
  const replayed = tf.tidy(() => {
    const x = arrays[0].input;
    return pairScore(forwardFrom(model, tf.tensor2d(x.data, [x.rows, x.cols]), 0, graph), a, b);
  });
  const replay = (await replayed.data())[0];
  replayed.dispose();
  if (Math.abs(replay - score) > 1e-3 * (1 + Math.abs(score))) {
    throw new Error('This model’s forward pass is not a plain stack of its layers; attribution is not available for it.');
  }

  const attention = attentionLookup(arrays[L - 1]);
  const nodes = new Set<number>([a, b]);
  for (const lv of levels) for (const t of lv.top) nodes.add(t.node);
  const edges = pathEdges(graph, a, b, levels, L, attention);
  for (const e of edges) nodes.add(e.source).add(e.target);
  return { a, b, score, probability: sigmoid(score), method: attention ? 'attention' : 'gradient×input', levels, nodes: [...nodes], edges };
}

function summarise(values: Float32Array, level: number, L: number, topK: number): AttributionLevel {
  let abs = 0;
  let total = 0;
  for (const x of values) {
    abs += Math.abs(x);
    total += x;
  }
  const all: NodeAttribution[] = Array.from(values, (value, node) => ({ node, value, share: abs > 0 ? Math.abs(value) / abs : 0 }));
  const top = all
    .filter((x) => x.value !== 0)
    .sort((p, q) => Math.abs(q.value) - Math.abs(p.value))
    .slice(0, topK);
  return { level, hops: L - level, top, total };
}

/**
 * Message edges along which the top-attributed vectors reach a or b: u → w where u is a top node at
 * level l and w is a, b, or a top node at level l+1 (the vectors w passes on next).
 */
/** α(u → w) averaged over heads, for the last layer's attention edges (grouped by destination). */
function attentionLookup(arrays: LayerArrays): ((u: number, w: number) => number | undefined) | null {
  const { attention: att, attentionEdges: e } = arrays;
  if (!att || !e) return null;
  return (u, w) => {
    for (let k = e.rowPtr[w]; k < e.rowPtr[w + 1]; k++) {
      if (e.src[k] !== u) continue;
      let s = 0;
      for (let h = 0; h < att.cols; h++) s += att.data[k * att.cols + h];
      return s / att.cols;
    }
    return undefined;
  };
}

function pathEdges(
  graph: GraphOperators,
  a: number,
  b: number,
  levels: AttributionLevel[],
  L: number,
  attention: ((u: number, w: number) => number | undefined) | null,
): AttributedEdge[] {
  const g = graph.graph;
  const targetsAt = (level: number): Set<number> => (level >= L ? new Set([a, b]) : new Set([a, b, ...levels[level].top.map((t) => t.node)]));
  // Only edges inside the pair's receptive field can matter.
  const field = new Set<number>([a, b, ...hopRings(g, a, L).flat(), ...hopRings(g, b, L).flat()]);
  const out = new Map<string, AttributedEdge>();
  for (const lv of levels) {
    const share = new Map(lv.top.map((t) => [t.node, t.share]));
    const targets = targetsAt(lv.level + 1);
    for (let e = 0; e < g.src.length; e++) {
      const u = g.src[e];
      const w = g.dst[e];
      if (!share.has(u) || !targets.has(w) || !field.has(w)) continue;
      const key = `${u}>${w}`;
      const prev = out.get(key);
      const s = share.get(u)!;
      if (!prev || prev.share < s) {
        const edge: AttributedEdge = { source: u, target: w, share: s };
        const alpha = attention && lv.level === L - 1 && (w === a || w === b) ? attention(u, w) : undefined;
        if (alpha !== undefined) edge.attention = alpha;
        out.set(key, edge);
      }
    }
  }
  return [...out.values()].sort((p, q) => q.share - p.share);
}
