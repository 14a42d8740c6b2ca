/**
 * Everything the stepper shows for one drug v, read from one trace of the live model: per layer
 * the messages v received, m_v, the update's arithmetic and h_v before and after the activation;
 * then the decoder for a partner. Generic over MessagePassingLayer: what a layer does not expose
 * (a non-Linear update, say) is left out rather than guessed.
 */
import type { GraphOperators } from '../graphOperators';
import { aggregationTerms, closeVectors, fitAggregator, type AggregationFit } from './aggregation';
import { explainOutput, type PairLookup, type PairScorer } from './decoder';
import { hopRings } from './neighbourhood';
import { explainRelations } from './relational';
import { row, traceArrays, type LayerArrays, type TraceableModel } from './traceArrays';
import type { ActivationKind, AggregationTerm, LayerExplanation, NodeExplanation, RelationalExplanation } from './types';
import { explainUpdate } from './update';

export interface ExplainOptions {
  partner?: number;
  /** Output components spelled out on the Aggregate and Update screens (default: the first 3). */
  components?: number[];
  epoch?: number;
  /** The decoder, when it is not the plain dot product. */
  scorer?: PairScorer;
}

/** Named from the numbers; when no component is negative ReLU and identity agree, and hidden layers are said to use ReLU. */
function activationOf(pre: number[], post: number[], hidden: boolean): ActivationKind {
  const relu = closeVectors(
    pre.map((x) => Math.max(0, x)),
    post,
    1e-6,
  );
  if (relu && hidden) return 'relu';
  if (closeVectors(pre, post, 1e-6)) return 'identity';
  return relu ? 'relu' : 'other';
}

/** Sources and per-head weights of the attention edges into v (edges grouped by destination). */
function attentionInto(arrays: LayerArrays, v: number): { sources: number[]; weights: number[][] } | null {
  const { attention, attentionEdges: e } = arrays;
  if (!attention || !e) return null;
  const sources: number[] = [];
  const weights: number[][] = [];
  for (let k = e.rowPtr[v]; k < e.rowPtr[v + 1]; k++) {
    sources.push(e.src[k]);
    weights.push(row(attention, k));
  }
  return { sources, weights };
}

/** R-GCN's aggregation as the generic fields see it: every relation's senders, each with its W_r h_u. */
function relationalFit(relations: RelationalExplanation): AggregationFit {
  const neighbours = relations.groups.flatMap((g) => g.neighbours.map(({ node, message }) => ({ node, message })));
  return { kind: 'relation-mean', neighbours };
}

/** Per component: each relation's mean, which sum to m_v. */
function relationTerms(relations: RelationalExplanation, aggregated: number[], components: number[]): AggregationTerm[] {
  return components.map((k) => ({ component: k, values: relations.groups.map((g) => g.mean[k]), result: aggregated[k] }));
}

async function explainLayer(
  model: TraceableModel,
  graph: GraphOperators,
  arrays: LayerArrays,
  l: number,
  v: number,
  components: number[],
): Promise<LayerExplanation> {
  const layer = model.layers[l];
  const input = row(arrays.input, v);
  const aggregated = row(arrays.aggregated, v);
  const pre = row(arrays.output, v);
  const post = row(arrays.activated, v);
  const shown = components.filter((k) => k < aggregated.length);
  const relations = await explainRelations(layer, graph, arrays, v);
  const fit = relations ? relationalFit(relations) : fitAggregator(graph.graph, v, (u) => row(arrays.messages, u), aggregated, attentionInto(arrays, v));
  // Is MESSAGE the identity? Compare a few senders' messages with their input rows.
  const messageTransformed =
    arrays.messages.cols !== arrays.input.cols ||
    fit.neighbours.slice(0, 5).some(({ node }) => !closeVectors(row(arrays.messages, node), row(arrays.input, node), 1e-7));
  return {
    layer: l + 1,
    kind: layer.constructor.name,
    formula: layer.formula,
    aggregator: fit.kind,
    activation: activationOf(pre, post, l < model.layers.length - 1),
    input,
    neighbours: fit.neighbours,
    messageTransformed,
    aggregated,
    aggregationTerms: relations ? relationTerms(relations, aggregated, shown) : aggregationTerms(fit, aggregated, shown),
    ...(relations ? { relations } : {}),
    update: await explainUpdate(
      layer,
      l + 1,
      input,
      aggregated,
      pre,
      post,
      components.filter((k) => k < pre.length),
    ),
    pre,
    post,
  };
}

export async function explainNode(
  model: TraceableModel,
  graph: GraphOperators,
  v: number,
  pairs: PairLookup,
  options: ExplainOptions = {},
): Promise<NodeExplanation> {
  if (!(Number.isInteger(v) && v >= 0 && v < graph.numNodes)) throw new RangeError(`No node ${v} in a graph of ${graph.numNodes}.`);
  const arrays = await traceArrays(model, graph);
  const d = arrays[arrays.length - 1].output.cols;
  const components = (options.components ?? [0, 1, 2]).filter((k) => k >= 0 && k < d);
  const layers = await Promise.all(arrays.map((a, l) => explainLayer(model, graph, a, l, v, components)));
  const last = arrays[arrays.length - 1].activated;
  return {
    node: v,
    epoch: options.epoch ?? 0,
    layers,
    output: row(last, v),
    hops: hopRings(graph.graph, v, arrays.length),
    components,
    decoder: await explainOutput(last, v, options.partner, pairs, options.scorer),
  };
}
