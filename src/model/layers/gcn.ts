/**
 * Kipf & Welling's GCN layer (ICLR 2017), as PyG's GCNConv:
 *
 *   H' = D̂^{-1/2} (A + I) D̂^{-1/2} H W + b,   D̂ = degree including the self-loop
 *
 *   message    m_{u→v} = W h_u                                  (Linear without bias; Glorot init)
 *   aggregate  m_v = Σ_{u ∈ N(v) ∪ {v}} m_{u→v} / √(d̂_u d̂_v)    (symmetric normalisation)
 *   update     h_v' = m_v + b                                    (bias starts at 0)
 */
import * as tf from '../tf';
import type { GraphOperators } from '../graphOperators';
import type { Linear } from '../linear';
import { MessagePassingLayer } from '../messagePassing';
import type { Rng } from '../rng';

export class KipfGcnLayer extends MessagePassingLayer {
  readonly formula = String.raw`h_v' = \sum_{u \in N(v) \cup \{v\}} \frac{1}{\sqrt{\hat d_u \hat d_v}} W h_u + b`;
  readonly linear: Linear;
  readonly bias: tf.Variable<tf.Rank.R1>;

  constructor(inFeatures: number, outFeatures: number, rng: Rng, name: string) {
    super();
    this.linear = this.newLinear(inFeatures, outFeatures, rng, name, { init: 'glorot', bias: false });
    this.bias = this.param(`${name}/b`, () => tf.zeros([outFeatures]) as tf.Tensor1D);
  }

  protected message(h: tf.Tensor2D): tf.Tensor2D {
    return this.linear.apply(h);
  }

  protected aggregate(messages: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    return graph.neighbourhood('gcn').apply(messages);
  }

  protected update(_h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D {
    return tf.add(aggregated, this.bias);
  }
}
