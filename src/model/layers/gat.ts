/**
 * Graph attention layer (Veličković et al. 2018; PyG's GATConv with self-loops, heads concatenated):
 *
 *   message    z_u = W h_u   split into K heads of F = out / K columns   (Glorot init, no bias)
 *   aggregate  e_{uv}^k = LeakyReLU_{0.2}(a_src^k · z_u^k + a_dst^k · z_v^k)
 *              α_{uv}^k = softmax_{u ∈ N(v) ∪ {v}} e_{uv}^k              (attention weights)
 *              m_v^k = Σ_{u ∈ N(v) ∪ {v}} α_{uv}^k z_u^k
 *   update     h_v' = ‖_k m_v^k + b                                      (heads concatenated)
 *
 * The attention weights are the core's edge-weight step: computed once per pass, returned by
 * `attention()` and in `trace()`.
 */
import * as tf from '../tf';
import type { GraphOperators } from '../graphOperators';
import { edgeScores, edgeSoftmax, weightedSum } from '../kernels/attention';
import type { Linear } from '../linear';
import { MessagePassingLayer } from '../messagePassing';
import type { Rng } from '../rng';

export class GatLayer extends MessagePassingLayer {
  readonly formula = String.raw`h_v' = \big\Vert_{k} \sum_{u \in N(v) \cup \{v\}} \alpha_{uv}^k W^k h_u + b,\quad \alpha_{uv}^k = \mathrm{softmax}_u\,\mathrm{LeakyReLU}(a^{k\top}[W^k h_u \Vert W^k h_v])`;
  readonly linear: Linear;
  readonly attSrc: tf.Variable<tf.Rank.R2>;
  readonly attDst: tf.Variable<tf.Rank.R2>;
  readonly bias: tf.Variable<tf.Rank.R1>;
  readonly perHead: number;

  constructor(
    inFeatures: number,
    outFeatures: number,
    rng: Rng,
    name: string,
    readonly heads: number,
  ) {
    super();
    if (outFeatures % heads !== 0) throw new Error(`GAT: the width ${outFeatures} is not divisible by ${heads} heads.`);
    this.perHead = outFeatures / heads;
    this.linear = this.newLinear(inFeatures, outFeatures, rng, name, { init: 'glorot', bias: false });
    const bound = Math.sqrt(6 / (heads + this.perHead));
    const att = () => Float32Array.from({ length: heads * this.perHead }, () => (2 * rng.next() - 1) * bound);
    this.attSrc = this.param(`${name}/att_src`, () => tf.tensor2d(att(), [heads, this.perHead]));
    this.attDst = this.param(`${name}/att_dst`, () => tf.tensor2d(att(), [heads, this.perHead]));
    this.bias = this.param(`${name}/b`, () => tf.zeros([outFeatures]) as tf.Tensor1D);
  }

  protected message(h: tf.Tensor2D): tf.Tensor2D {
    return this.linear.apply(h);
  }

  /** α per edge (grouped by destination, self-loops included) and head, from the messages z. */
  protected override edgeWeights(z: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    const n = z.shape[0];
    const zh = tf.reshape(z, [n, this.heads, this.perHead]);
    const s = tf.sum(tf.mul(zh, this.attSrc), 2) as tf.Tensor2D;
    const t = tf.sum(tf.mul(zh, this.attDst), 2) as tf.Tensor2D;
    const edges = graph.edges(true);
    return edgeSoftmax(tf.leakyRelu(edgeScores(s, t, edges), 0.2), edges);
  }

  protected aggregate(messages: tf.Tensor2D, graph: GraphOperators, alpha: tf.Tensor2D | null): tf.Tensor2D {
    // The core always passes this layer's edgeWeights, which are never null.
    return weightedSum(alpha!, messages, graph.edges(true));
  }

  protected update(_h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D {
    return tf.add(aggregated, this.bias);
  }

  /** Attention weights α (message edges × heads) for the input h, in the order of graph.edges(true). */
  attention(h: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    return tf.tidy(() => this.edgeWeights(this.message(h), graph));
  }
}
