/**
 * The seed's AGG step (§3.1) in its three classic forms, over the message edges (u → v):
 *
 *   sum   m_v = Σ_{u ∈ N(v)} x_u
 *   mean  m_v = (1 / |N(v)|) Σ_{u ∈ N(v)} x_u        (0 without in-neighbours)
 *   max   m_v = max_{u ∈ N(v)} x_u  (per feature)     (0 without in-neighbours)
 *
 * sum and mean are products with a fixed sparse matrix; max is its own typed-array kernel whose
 * gradient routes to the arg-max neighbour.
 */
import type * as tf from './tf';
import type { GraphOperators } from './graphOperators';
import { maxAggregate } from './kernels/maxAggregate';
import type { AggregatorKind } from '../settings/options';

export function aggregateNeighbours(kind: AggregatorKind, x: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
  if (kind === 'max') return maxAggregate(x, graph.edges(false));
  return graph.neighbourhood(kind).apply(x);
}
