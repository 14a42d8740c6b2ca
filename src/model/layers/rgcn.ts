/**
 * Relational GCN (Schlichtkrull et al. 2018, "Modeling Relational Data with Graph Convolutional
 * Networks"; PyG's RGCNConv with mean aggregation and basis decomposition):
 *
 *   h_v' = W_0 h_v + b + Σ_r Σ_{u ∈ N_r(v)} (1 / |N_r(v)|) W_r h_u,    W_r = Σ_b a_{rb} V_b
 *
 *   message    m_{u→v} = [W_1 h_u ‖ … ‖ W_R h_u]                   (each relation's message from u, side by side)
 *   aggregate  m_v = Σ_r A_r · m^{(r)}                               (A_r: mean over v's in-neighbours via relation r)
 *   update     h_v' = m_v + W_0 h_v + b                              (root weight and bias)
 *
 * Relations are the message graph's (messageGraph.ts): on a typed graph each relation in each direction
 * that ends at a different node kind (drug → protein and protein → drug are two), on an untyped graph
 * one — then R-GCN is GraphSAGE-mean with its neighbour weight written as a mix of bases. The bases
 * share parameters between relations, so a rare relation still gets a well-trained weight.
 */
import * as tf from '../tf';
import type { GraphOperators } from '../graphOperators';
import type { Linear } from '../linear';
import { MessagePassingLayer } from '../messagePassing';
import type { Rng } from '../rng';

export class RgcnLayer extends MessagePassingLayer {
  readonly formula = String.raw`h_v' = W_0 h_v + b + \sum_r \sum_{u \in N_r(v)} \frac{1}{|N_r(v)|} W_r h_u,\quad W_r = \sum_b a_{rb} V_b`;
  /** V_b: B × in × out (PyG's RGCNConv.weight). */
  readonly bases: tf.Variable<tf.Rank.R3>;
  /** a_{rb}: R × B (PyG's RGCNConv.comp). */
  readonly coefficients: tf.Variable<tf.Rank.R2>;
  /** W_0, without bias: the bias is its own vector, as PyG's (and so the teaching view reads m_v + W_0 h_v + b). */
  readonly root: Linear;
  readonly bias: tf.Variable<tf.Rank.R1>;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    rng: Rng,
    name: string,
    readonly numRelations: number,
    readonly numBases: number,
  ) {
    super();
    // Glorot over one basis (in × out) and over the coefficients (R × B), as PyG initialises them.
    const uniform = (n: number, bound: number) => Float32Array.from({ length: n }, () => (2 * rng.next() - 1) * bound);
    const basisBound = Math.sqrt(6 / (inFeatures + outFeatures));
    this.bases = this.param(`${name}/bases`, () => tf.tensor3d(uniform(numBases * inFeatures * outFeatures, basisBound), [numBases, inFeatures, outFeatures]));
    const coefficientBound = Math.sqrt(6 / (numRelations + numBases));
    this.coefficients = this.param(`${name}/coefficients`, () => tf.tensor2d(uniform(numRelations * numBases, coefficientBound), [numRelations, numBases]));
    this.root = this.newLinear(inFeatures, outFeatures, rng, `${name}/root`, { init: 'glorot', bias: false });
    this.bias = this.param(`${name}/b`, () => tf.zeros([outFeatures]) as tf.Tensor1D);
  }

  /** [W_1 ‖ … ‖ W_R]: in × (R · out), each W_r = Σ_b a_rb V_b (one R × B by B × (in · out) product). */
  relationWeights(): tf.Tensor2D {
    const { inFeatures: i, outFeatures: o, numRelations: r, numBases: b } = this;
    const mixed = tf.matMul(this.coefficients, tf.reshape(this.bases, [b, i * o]));
    return tf.reshape(tf.transpose(tf.reshape(mixed, [r, i, o]), [1, 0, 2]), [i, r * o]);
  }

  protected message(h: tf.Tensor2D): tf.Tensor2D {
    return tf.matMul(h, this.relationWeights());
  }

  protected aggregate(messages: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    if (graph.numRelations !== this.numRelations) {
      throw new Error(`R-GCN layer built for ${this.numRelations} relation(s), graph has ${graph.numRelations}`);
    }
    const n = messages.shape[0];
    const d = this.outFeatures;
    let sum: tf.Tensor2D | null = null;
    for (let r = 0; r < this.numRelations; r++) {
      const own = this.numRelations === 1 ? messages : tf.slice(messages, [0, r * d], [n, d]);
      const aggregated = graph.relationMean(r).apply(own);
      sum = sum ? (tf.add(sum, aggregated) as tf.Tensor2D) : aggregated;
    }
    return sum!;
  }

  protected update(h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D {
    return tf.add(tf.add(aggregated, this.root.apply(h)), this.bias);
  }
}
