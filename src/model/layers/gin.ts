/**
 * Graph Isomorphism Network layer (Xu et al. 2019; PyG's GINConv with a trainable ε, "GIN-ε"):
 *
 *   message    m_{u→v} = h_u
 *   aggregate  m_v = Σ_{u ∈ N(v)} m_{u→v}                      (sum: injective on multisets)
 *   update     h_v' = MLP((1 + ε) h_v + m_v),  MLP = Linear → ReLU → Linear,  ε starts at 0
 */
import * as tf from '../tf';
import type { GraphOperators } from '../graphOperators';
import type { Linear } from '../linear';
import { MessagePassingLayer } from '../messagePassing';
import type { Rng } from '../rng';

export class GinLayer extends MessagePassingLayer {
  readonly formula = String.raw`h_v' = \mathrm{MLP}\big((1 + \varepsilon) h_v + \sum_{u \in N(v)} h_u\big)`;
  readonly lin1: Linear;
  readonly lin2: Linear;
  readonly eps: tf.Variable<tf.Rank.R0>;

  constructor(inFeatures: number, outFeatures: number, rng: Rng, name: string) {
    super();
    this.lin1 = this.newLinear(inFeatures, outFeatures, rng, `${name}/mlp1`);
    this.lin2 = this.newLinear(outFeatures, outFeatures, rng, `${name}/mlp2`);
    this.eps = this.param(`${name}/eps`, () => tf.scalar(0));
  }

  protected message(h: tf.Tensor2D): tf.Tensor2D {
    return h;
  }

  protected aggregate(messages: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    return graph.neighbourhood('sum').apply(messages);
  }

  protected update(h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D {
    const combined = tf.add(tf.mul(tf.add(1, this.eps), h), aggregated) as tf.Tensor2D;
    return this.lin2.apply(tf.relu(this.lin1.apply(combined)));
  }
}
