/**
 * The seed GCN layer — exactly the seed article's §4 code (DGL `copy_u` + `mean`, then `nn.Linear`):
 *
 *   message    m_{u→v} = h_u                                  (copy_u)
 *   aggregate  m_v = (1 / |N(v)|) Σ_{u ∈ N(v)} m_{u→v}         (mean over in-neighbours; 0 if none)
 *   update     h_v' = W m_v + b                                (Linear; no self term, no self-loop)
 */
import type * as tf from '../tf';
import type { GraphOperators } from '../graphOperators';
import type { Linear } from '../linear';
import { MessagePassingLayer } from '../messagePassing';
import type { Rng } from '../rng';

export class SeedGcnLayer extends MessagePassingLayer {
  readonly formula = String.raw`h_v^{(l)} = W^{(l)} \frac{1}{|N(v)|}\sum_{u \in N(v)} h_u^{(l-1)} + b^{(l)}`;
  readonly linear: Linear;

  constructor(inFeatures: number, outFeatures: number, rng: Rng, name: string) {
    super();
    this.linear = this.newLinear(inFeatures, outFeatures, rng, name);
  }

  protected message(h: tf.Tensor2D): tf.Tensor2D {
    return h;
  }

  protected aggregate(messages: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    return graph.neighbourhood('mean').apply(messages);
  }

  protected update(_h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D {
    return this.linear.apply(aggregated);
  }
}
