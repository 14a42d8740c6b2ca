/**
 * R-GCN's layer on a typed graph, spelled out for one node v: per message relation r, the
 * neighbours u ∈ N_r(v), each message W_r h_u (read from the traced MESSAGE, one block of R per
 * sender), W_r's mix of the shared bases (a_rb), the relation's mean; then the self term W_0 h_v + b
 * and the sum. Every piece is recomputed from the layer's weights and compared with the trace; if any
 * disagrees, nothing is offered (the stepper then shows the traced vectors only, as for any layer).
 */
import { RgcnLayer } from '../layers/rgcn';
import type { GraphOperators } from '../graphOperators';
import type { MessagePassingLayer } from '../messagePassing';
import { closeVectors } from './aggregation';
import { row, type LayerArrays } from './traceArrays';
import type { RelationalExplanation, RelationGroup } from './types';

/** "drug-target→drug" → relation "drug-target", receiving kind "drug" (relations.ts names them so). */
export function splitRelationName(name: string): { relation: string; receiverKind: string } {
  const at = name.lastIndexOf('→');
  return at < 0 ? { relation: name, receiverKind: '' } : { relation: name.slice(0, at), receiverKind: name.slice(at + 1) };
}

/** x · W with W stored [in, out] row-major from `offset` (a block of a larger array). */
function times(x: number[], w: ArrayLike<number>, outDim: number, offset = 0): number[] {
  const y = new Array<number>(outDim).fill(0);
  x.forEach((xk, k) => {
    if (xk === 0) return;
    for (let j = 0; j < outDim; j++) y[j] += xk * w[offset + k * outDim + j];
  });
  return y;
}

const add = (a: number[], b: number[]): number[] => a.map((x, k) => x + b[k]);

/** W_r = Σ_b a_rb V_b as a flat [in, out] array (float64, from the float32 weights). */
function relationWeight(bases: Float32Array, coefficients: number[], size: number): Float64Array {
  const w = new Float64Array(size);
  coefficients.forEach((a, b) => {
    for (let i = 0; i < size; i++) w[i] += a * bases[b * size + i];
  });
  return w;
}

/**
 * The relational explanation of `layer` at v, or undefined when the layer is not R-GCN, the graph
 * has a single relation (then R-GCN is a mean aggregator and the stepper shows it as one), or the
 * recomputation does not reproduce the trace.
 */
export async function explainRelations(
  layer: MessagePassingLayer,
  graph: GraphOperators,
  arrays: LayerArrays,
  v: number,
): Promise<RelationalExplanation | undefined> {
  const g = graph.graph;
  if (!(layer instanceof RgcnLayer) || !g.relation || !g.relationNames || g.relationNames.length < 2) return undefined;
  const { inFeatures: inDim, outFeatures: outDim, numRelations, numBases } = layer;
  if (numRelations !== g.relationNames.length || arrays.messages.cols !== numRelations * outDim) return undefined;
  const [bases, coefficients, root, bias] = (await Promise.all([
    layer.bases.data(),
    layer.coefficients.data(),
    layer.root.weight.data(),
    layer.bias.data(),
  ])) as Float32Array[];
  const senders: number[][] = g.relationNames.map(() => []);
  for (let e = 0; e < g.dst.length; e++) if (g.dst[e] === v) senders[g.relation[e]].push(g.src[e]);

  const groups: RelationGroup[] = [];
  const silent: string[] = [];
  let aggregated = new Array<number>(outDim).fill(0);
  for (let r = 0; r < numRelations; r++) {
    const name = g.relationNames[r];
    if (senders[r].length === 0) {
      silent.push(name);
      continue;
    }
    const a = Array.from(coefficients.subarray(r * numBases, (r + 1) * numBases));
    const w = relationWeight(bases, a, inDim * outDim);
    const neighbours = senders[r].map((u) => ({ node: u, input: row(arrays.input, u), message: row(arrays.messages, u).slice(r * outDim, (r + 1) * outDim) }));
    // The traced message must be W_r h_u with W_r mixed from the bases as shown.
    if (!neighbours.every((n) => closeVectors(times(n.input, w, outDim), n.message))) return undefined;
    const mean = neighbours.reduce((s, n) => add(s, n.message), new Array<number>(outDim).fill(0)).map((x) => x / neighbours.length);
    aggregated = add(aggregated, mean);
    groups.push({ index: r, name, ...splitRelationName(name), coefficients: a, neighbours, mean });
  }
  const self = add(times(row(arrays.input, v), root, outDim), Array.from(bias));
  const sum = add(aggregated, self);
  if (!closeVectors(aggregated, row(arrays.aggregated, v)) || !closeVectors(sum, row(arrays.output, v))) return undefined;
  return { groups, silent, numBases, self, sum };
}
