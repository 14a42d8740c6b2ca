/**
 * GraphSAGE with the mean aggregator and a root weight (Hamilton et al. 2017; PyG's SAGEConv):
 *
 *   message    m_{u→v} = h_u
 *   aggregate  m_v = (1 / |N(v)|) Σ_{u ∈ N(v)} m_{u→v}          (0 without in-neighbours)
 *   update     h_v' = W_neigh m_v + b + W_self h_v                (W_self has no bias, as PyG's lin_r)
 */
import * as tf from '../tf';
import type { GraphOperators } from '../graphOperators';
import type { Linear } from '../linear';
import { MessagePassingLayer } from '../messagePassing';
import type { Rng } from '../rng';

export class SageLayer extends MessagePassingLayer {
  readonly formula = String.raw`h_v' = W_{self} h_v + W_{neigh} \frac{1}{|N(v)|}\sum_{u \in N(v)} h_u + b`;
  readonly neigh: Linear;
  readonly self: Linear;

  constructor(inFeatures: number, outFeatures: number, rng: Rng, name: string) {
    super();
    this.neigh = this.newLinear(inFeatures, outFeatures, rng, `${name}/neigh`);
    this.self = this.newLinear(inFeatures, outFeatures, rng, `${name}/self`, { bias: false });
  }

  protected message(h: tf.Tensor2D): tf.Tensor2D {
    return h;
  }

  protected aggregate(messages: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    return graph.neighbourhood('mean').apply(messages);
  }

  protected update(h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D {
    return tf.add(this.neigh.apply(aggregated), this.self.apply(h));
  }
}
