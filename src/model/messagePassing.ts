/**
 * The seed article's message passing (§3), as one small core every layer is built from:
 *
 *   message    m_{u→v} = MESSAGE(h_u^{(l-1)})                      (what each neighbour sends)
 *   weigh      w_{u→v} = EDGE_WEIGHT(m_u, m_v)                      (attention; most layers: none)
 *   aggregate  m_v^{(l)} = AGG({ (m_{u→v}, w_{u→v}) | u ∈ N(v) })   (sum, mean, max, attention, …)
 *   update     h_v^{(l)} = UPDATE(h_v^{(l-1)}, m_v^{(l)})           (add, concat or replace, then Linear)
 *
 * and, after the last layer, OUTPUT (a decoder, see decoders.ts). A layer can hand back the
 * tensors of each step so the teaching view can show the real numbers. The edge weights are
 * computed once per pass and used by both the aggregation and the trace.
 */
import * as tf from './tf';
import type { GraphOperators } from './graphOperators';
import { Linear, type LinearOptions } from './linear';
import type { Rng } from './rng';
import { trainable } from './variables';

/** The tensors one layer computed, for every node (rows are nodes). */
export interface LayerTrace {
  input: tf.Tensor2D;
  messages: tf.Tensor2D;
  aggregated: tf.Tensor2D;
  output: tf.Tensor2D;
  /**
   * Layers with an edge-weight step (attention): the weight per message edge and head (edges in
   * the order of `graph.edges(true)`, i.e. grouped by destination, self-loops included).
   */
  attention?: tf.Tensor2D;
}

/** A layer's four steps as plain functions (for a layer built from layers: layers/hetero.ts). */
export interface LayerSteps {
  message(h: tf.Tensor2D): tf.Tensor2D;
  edgeWeights(messages: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D | null;
  aggregate(messages: tf.Tensor2D, graph: GraphOperators, weights: tf.Tensor2D | null): tf.Tensor2D;
  update(h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D;
}

export abstract class MessagePassingLayer {
  /** The layer's formula in LaTeX, shown in the UI. */
  abstract readonly formula: string;
  /** Every trainable variable, in the order the layer made them (the order model files store). */
  private readonly registry: tf.Variable[] = [];

  /** What each node sends along its out-edges. */
  protected abstract message(h: tf.Tensor2D): tf.Tensor2D;
  /**
   * A weight per message edge and head, from the messages (attention), or null when the
   * aggregation weighs edges by the graph's structure alone (sum, mean, GCN normalisation).
   */
  protected edgeWeights(_messages: tf.Tensor2D, _graph: GraphOperators): tf.Tensor2D | null {
    return null;
  }
  /** Combines the messages arriving at each node, with the edge weights when the layer has them. */
  protected abstract aggregate(messages: tf.Tensor2D, graph: GraphOperators, weights: tf.Tensor2D | null): tf.Tensor2D;
  /** New node state from the old one and the aggregated messages. */
  protected abstract update(h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D;

  /** A trainable variable of this layer, made from `initial` (which is disposed): variables() and dispose() know it from here. */
  protected param<R extends tf.Rank>(name: string, initial: () => tf.Tensor<R>): tf.Variable<R> {
    const v = tf.tidy(() => trainable(initial(), name));
    this.registry.push(v);
    return v;
  }

  /** A Linear sub-layer whose weights are registered as this layer's. */
  protected newLinear(inFeatures: number, outFeatures: number, rng: Rng, name: string, options?: LinearOptions): Linear {
    const lin = new Linear(inFeatures, outFeatures, rng, name, options);
    this.registry.push(...lin.variables());
    return lin;
  }

  /**
   * Another layer's steps, for a layer that runs layers inside it (one per relation): the steps stay
   * protected for everyone else.
   */
  protected static stepsOf(layer: MessagePassingLayer): LayerSteps {
    return {
      message: (h) => layer.message(h),
      edgeWeights: (m, g) => layer.edgeWeights(m, g),
      aggregate: (m, g, w) => layer.aggregate(m, g, w),
      update: (h, a) => layer.update(h, a),
    };
  }

  variables(): tf.Variable[] {
    return [...this.registry];
  }

  dispose(): void {
    tf.dispose(this.registry);
    this.registry.length = 0;
  }

  forward(h: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    const messages = this.message(h);
    return this.update(h, this.aggregate(messages, graph, this.edgeWeights(messages, graph)));
  }

  /** Same as forward, keeping every step's tensor (the caller disposes them). */
  trace(h: tf.Tensor2D, graph: GraphOperators): LayerTrace {
    const messages = this.message(h);
    const weights = this.edgeWeights(messages, graph);
    const aggregated = this.aggregate(messages, graph, weights);
    const output = this.update(h, aggregated);
    return { input: h, messages, aggregated, output, ...(weights ? { attention: weights } : {}) };
  }
}
