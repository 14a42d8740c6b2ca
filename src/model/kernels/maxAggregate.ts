/**
 * Max aggregation m_v[j] = max_{u ∈ N(v)} x_u[j] (0 for a node without in-neighbours, as PyG),
 * as one typed-array kernel over the destination-grouped edges.
 *
 * Gradient: max is piecewise linear, so ∂m_v[j]/∂x_u[j] is 1 for the arg-max neighbour u and 0 for
 * the rest. The forward pass records that arg-max per (v, j) and the backward pass routes dy there
 * (ties: the first neighbour in edge order wins, a valid subgradient). Why not tf.max over gathered
 * rows: that needs tf.gather's gradient (nodes × edges × features on cpu/webgl, missing on wasm).
 */
import * as tf from '../tf';
import type { EdgeIndex } from '../messageGraph';

const readFloats = (t: tf.Tensor): Float32Array => t.dataSync() as Float32Array;

export function maxAggregate(x: tf.Tensor2D, edges: EdgeIndex): tf.Tensor2D {
  const [n, f] = x.shape;
  const { rowPtr, src } = edges;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const xv = readFloats(args[0] as tf.Tensor);
    const out = new Float32Array(edges.numNodes * f);
    const arg = new Int32Array(edges.numNodes * f).fill(-1);
    for (let v = 0; v < edges.numNodes; v++) {
      const o = v * f;
      for (let k = rowPtr[v]; k < rowPtr[v + 1]; k++) {
        const u = src[k];
        const xo = u * f;
        for (let j = 0; j < f; j++) {
          if (arg[o + j] < 0 || xv[xo + j] > out[o + j]) {
            out[o + j] = xv[xo + j];
            arg[o + j] = u;
          }
        }
      }
    }
    return {
      value: tf.tensor2d(out, [edges.numNodes, f]),
      gradFunc: (dy: tf.Tensor) => {
        const g = readFloats(dy);
        const dx = new Float32Array(n * f);
        for (let i = 0; i < arg.length; i++) {
          const u = arg[i];
          if (u >= 0) dx[u * f + (i % f)] += g[i];
        }
        return tf.tensor2d(dx, [n, f]);
      },
    };
  });
  return op(x) as tf.Tensor2D;
}
