/**
 * The seed article's message passing (§3), as one small core every layer is built from:
 *
 *   message    m_{u→v} = MESSAGE(h_u^{(l-1)})                      (what each neighbour sends)
 *   aggregate  m_v^{(l)} = AGG({ m_{u→v} | u ∈ N(v) })             (sum, mean, max, attention, …)
 *   update     h_v^{(l)} = UPDATE(h_v^{(l-1)}, m_v^{(l)})           (add, concat or replace, then Linear)
 *
 * and, after the last layer, OUTPUT (a decoder, see decoders.ts). A layer can hand back the
 * tensors of each step so the teaching view can show the real numbers.
 */
import * as tf from './tf';
import type { GraphOperators } from './graphOperators';

/** The tensors one layer computed, for every node (rows are nodes). */
export interface LayerTrace {
  input: tf.Tensor2D;
  messages: tf.Tensor2D;
  aggregated: tf.Tensor2D;
  output: tf.Tensor2D;
  /**
   * Attention layers only: α per message edge and head (edges in the order of
   * `graph.edges(true)`, i.e. grouped by destination, self-loops included).
   */
  attention?: tf.Tensor2D;
}

export abstract class MessagePassingLayer {
  /** The layer's formula in LaTeX, shown in the UI. */
  abstract readonly formula: string;

  /** What each node sends along its out-edges. */
  protected abstract message(h: tf.Tensor2D): tf.Tensor2D;
  /** Combines the messages arriving at each node. */
  protected abstract aggregate(messages: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D;
  /** New node state from the old one and the aggregated messages. */
  protected abstract update(h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D;

  abstract variables(): tf.Variable[];
  abstract dispose(): void;

  forward(h: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    return this.update(h, this.aggregate(this.message(h), graph));
  }

  /** Same as forward, keeping every step's tensor (the caller disposes them). */
  trace(h: tf.Tensor2D, graph: GraphOperators): LayerTrace {
    const messages = this.message(h);
    const aggregated = this.aggregate(messages, graph);
    const output = this.update(h, aggregated);
    return { input: h, messages, aggregated, output };
  }
}
