/**
 * The seed's message passing with every piece selectable (§3): pick AGG and UPDATE and watch the effect.
 *
 *   message    m_{u→v} = h_u
 *   aggregate  m_v = AGG_{u ∈ N(v)} m_{u→v}            AGG ∈ {sum, mean, max}
 *   update     replace:  h_v' = W m_v + b
 *              add:      h_v' = W (h_v + m_v) + b
 *              concat:   h_v' = W [h_v ‖ m_v] + b
 * (the model applies the activation between layers). mean + replace is exactly the seed GCN.
 */
import * as tf from '../tf';
import { aggregateNeighbours } from '../aggregators';
import type { AggregatorKind } from '../../settings/options';
import type { UpdateKind } from '../../settings/options';
import type { GraphOperators } from '../graphOperators';
import { Linear } from '../linear';
import { MessagePassingLayer } from '../messagePassing';
import type { Rng } from '../rng';

const AGG_TEX: Record<AggregatorKind, string> = {
  sum: String.raw`\sum_{u \in N(v)} h_u`,
  mean: String.raw`\frac{1}{|N(v)|}\sum_{u \in N(v)} h_u`,
  max: String.raw`\max_{u \in N(v)} h_u`,
};

export class MpnnLayer extends MessagePassingLayer {
  readonly formula: string;
  readonly linear: Linear;

  constructor(
    inFeatures: number,
    outFeatures: number,
    rng: Rng,
    name: string,
    readonly aggregator: AggregatorKind,
    readonly updateKind: UpdateKind,
  ) {
    super();
    // concat doubles the Linear layer's input; add needs h and m of the same width (they are).
    this.linear = this.newLinear(updateKind === 'concat' ? 2 * inFeatures : inFeatures, outFeatures, rng, name);
    const m = `m_v = ${AGG_TEX[aggregator]}`;
    const upd = { replace: 'W m_v + b', add: 'W (h_v + m_v) + b', concat: String.raw`W [h_v \,\|\, m_v] + b` }[updateKind];
    this.formula = `${m}, \\quad h_v' = ${upd}`;
  }

  protected message(h: tf.Tensor2D): tf.Tensor2D {
    return h;
  }

  protected aggregate(messages: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    return aggregateNeighbours(this.aggregator, messages, graph);
  }

  protected update(h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D {
    if (this.updateKind === 'replace') return this.linear.apply(aggregated);
    if (this.updateKind === 'add') return this.linear.apply(tf.add(h, aggregated));
    return this.linear.apply(tf.concat([h, aggregated], 1));
  }
}
