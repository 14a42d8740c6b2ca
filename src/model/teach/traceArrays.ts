/**
 * Runs the live model's `trace()` once and copies every step's tensor into typed arrays. The
 * teaching code reads rows from these arrays, so what it shows is exactly what the model's own
 * forward pass computed (trace is the same code path as forward).
 */
import * as tf from '../tf';
import type { EdgeIndex } from '../messageGraph';
import type { GraphOperators } from '../graphOperators';
import type { LayerTrace, MessagePassingLayer } from '../messagePassing';

/** The part of GnnModel the teaching code relies on (kept small so every model kind fits). */
export interface TraceableModel {
  readonly layers: MessagePassingLayer[];
  trace(graph: GraphOperators): { layers: LayerTrace[]; activated: tf.Tensor2D[] };
}

export interface Matrix {
  data: Float32Array;
  rows: number;
  cols: number;
}

export interface LayerArrays {
  input: Matrix;
  messages: Matrix;
  aggregated: Matrix;
  output: Matrix;
  /** Output after the activation (input of the next layer). */
  activated: Matrix;
  /** Attention layers: α per edge of `attentionEdges` × head. */
  attention: Matrix | null;
  attentionEdges: EdgeIndex | null;
}

export const row = (m: Matrix, i: number): number[] => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols));

/**
 * Attention weights, when the layer offers them: the trace's `attention` field (edges in the order
 * of `graph.edges(true)`), or a method `attention(h, graph)` / `attentionWeights(h, graph)`.
 * Duck-typed so an attention layer written elsewhere plugs in without this file knowing its class.
 */
function attentionOf(layer: MessagePassingLayer, trace: LayerTrace, graph: GraphOperators): tf.Tensor | null {
  if (trace.attention) return trace.attention;
  const duck = layer as unknown as Record<string, unknown>;
  const fn = duck.attentionWeights ?? duck.attention;
  if (typeof fn !== 'function') return null;
  const t = (fn as (h: tf.Tensor2D, g: GraphOperators) => unknown).call(layer, trace.input, graph);
  return t instanceof tf.Tensor ? t : null;
}

/**
 * Reads tensors made by `make` (inside tidy, cloned so the model's own tensors are never freed)
 * with asynchronous reads — a synchronous read stalls or fails on webgpu — then frees them.
 */
async function readTensors(make: () => tf.Tensor2D[]): Promise<Matrix[]> {
  const tensors = tf.tidy(() => make().map((t) => tf.clone(t)));
  try {
    const data = await Promise.all(tensors.map((t) => t.data() as Promise<Float32Array>));
    return tensors.map((t, i) => ({ data: data[i], rows: t.shape[0], cols: t.shape[1] }));
  } finally {
    tf.dispose(tensors);
  }
}

const PER_LAYER = 6;

export async function traceArrays(model: TraceableModel, graph: GraphOperators): Promise<LayerArrays[]> {
  let hasAttention: boolean[] = [];
  const mats = await readTensors(() => {
    const { layers, activated } = model.trace(graph);
    hasAttention = [];
    return layers.flatMap((t, l) => {
      const att = attentionOf(model.layers[l], t, graph);
      hasAttention.push(!!att);
      const att2 = (att ? (att.rank === 1 ? tf.expandDims(att, 1) : att) : tf.zeros([1, 1])) as tf.Tensor2D;
      return [t.input, t.messages, t.aggregated, t.output, activated[l], att2];
    });
  });
  const edges = hasAttention.some(Boolean) && typeof (graph as { edges?: unknown }).edges === 'function' ? graph.edges(true) : null;
  return hasAttention.map((att, l) => {
    const [input, messages, aggregated, output, activated, attention] = mats.slice(l * PER_LAYER, (l + 1) * PER_LAYER);
    const ok = att && edges !== null && edges.src.length === attention.rows;
    return { input, messages, aggregated, output, activated, attention: ok ? attention : null, attentionEdges: ok ? edges : null };
  });
}

/** The vectors the embedding view projects: input features, then each layer's activated output. */
export async function layerVectors(model: TraceableModel, graph: GraphOperators): Promise<{ label: string; data: Float32Array; cols: number }[]> {
  const mats = await readTensors(() => {
    const { layers, activated } = model.trace(graph);
    return [layers[0].input, ...activated];
  });
  return mats.map((m, i) => ({ label: i === 0 ? 'input features' : `after layer ${i}`, data: m.data, cols: m.cols }));
}
