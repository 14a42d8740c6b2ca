/**
 * The three typed-array kernels of graph attention (GAT), each with its hand-written gradient, over
 * the destination-grouped edges (edge k: src[k] → dst[k]; edges into v are rowPtr[v] … rowPtr[v+1]):
 *
 *   edgeScores      e[k, h] = s[src_k, h] + t[dst_k, h]                  (per-edge logits before LeakyReLU)
 *   edgeSoftmax     α[k, h] = exp(e[k, h]) / Σ_{k' into dst_k} exp(e[k', h])
 *   weightedSum     out[v, h·F + f] = Σ_{k into v} α[k, h] · z[src_k, h·F + f]
 *
 * Why kernels: the obvious gather / unsortedSegmentSum formulation costs nodes × edges × features on
 * the cpu and webgl backends and does not exist on wasm (see the project's notes).
 */
import * as tf from '../tf';
import type { EdgeIndex } from '../messageGraph';

type Arg = tf.Tensor | tf.GradSaveFunc;
const readFloats = (t: tf.Tensor): Float32Array => t.dataSync() as Float32Array;

/** e[k, h] = s[src_k, h] + t[dst_k, h]; gradients scatter-add back to the endpoints. */
export function edgeScores(s: tf.Tensor2D, t: tf.Tensor2D, edges: EdgeIndex): tf.Tensor2D {
  const [n, heads] = s.shape;
  const m = edges.src.length;
  const op = tf.customGrad((...args: Arg[]) => {
    const sv = readFloats(args[0] as tf.Tensor);
    const tv = readFloats(args[1] as tf.Tensor);
    const out = new Float32Array(m * heads);
    for (let k = 0; k < m; k++) {
      const so = edges.src[k] * heads;
      const to = edges.dst[k] * heads;
      for (let h = 0; h < heads; h++) out[k * heads + h] = sv[so + h] + tv[to + h];
    }
    return {
      value: tf.tensor2d(out, [m, heads]),
      gradFunc: (dy: tf.Tensor) => {
        const g = readFloats(dy);
        const ds = new Float32Array(n * heads);
        const dt = new Float32Array(n * heads);
        for (let k = 0; k < m; k++) {
          const so = edges.src[k] * heads;
          const to = edges.dst[k] * heads;
          for (let h = 0; h < heads; h++) {
            ds[so + h] += g[k * heads + h];
            dt[to + h] += g[k * heads + h];
          }
        }
        return [tf.tensor2d(ds, [n, heads]), tf.tensor2d(dt, [n, heads])];
      },
    };
  });
  return op(s, t) as tf.Tensor2D;
}

/**
 * Softmax of the edge logits over each destination's incoming edges, per head (max-subtracted for
 * stability). Gradient of a softmax: de_k = α_k (dα_k − Σ_{k' in the same group} α_k' dα_k').
 */
export function edgeSoftmax(logits: tf.Tensor2D, edges: EdgeIndex): tf.Tensor2D {
  const [m, heads] = logits.shape;
  const { rowPtr } = edges;
  const op = tf.customGrad((...args: Arg[]) => {
    const e = readFloats(args[0] as tf.Tensor);
    const alpha = new Float32Array(m * heads);
    for (let v = 0; v < edges.numNodes; v++) {
      const lo = rowPtr[v];
      const hi = rowPtr[v + 1];
      if (lo === hi) continue;
      for (let h = 0; h < heads; h++) {
        let max = -Infinity;
        for (let k = lo; k < hi; k++) max = Math.max(max, e[k * heads + h]);
        let sum = 0;
        for (let k = lo; k < hi; k++) sum += alpha[k * heads + h] = Math.exp(e[k * heads + h] - max);
        for (let k = lo; k < hi; k++) alpha[k * heads + h] /= sum;
      }
    }
    return {
      value: tf.tensor2d(alpha, [m, heads]),
      gradFunc: (dy: tf.Tensor) => {
        const g = readFloats(dy);
        const de = new Float32Array(m * heads);
        for (let v = 0; v < edges.numNodes; v++) {
          for (let h = 0; h < heads; h++) {
            let dot = 0;
            for (let k = rowPtr[v]; k < rowPtr[v + 1]; k++) dot += alpha[k * heads + h] * g[k * heads + h];
            for (let k = rowPtr[v]; k < rowPtr[v + 1]; k++) de[k * heads + h] = alpha[k * heads + h] * (g[k * heads + h] - dot);
          }
        }
        return tf.tensor2d(de, [m, heads]);
      },
    };
  });
  return op(logits) as tf.Tensor2D;
}

/**
 * out[v, h·F + f] = Σ_{k into v} α[k, h] z[src_k, h·F + f], z holding `heads` blocks of F columns.
 * Gradients: dz[src_k, h·F + f] += α[k, h] dy[v, h·F + f] and dα[k, h] = Σ_f dy[dst_k, h·F + f] z[src_k, h·F + f].
 */
export function weightedSum(alpha: tf.Tensor2D, z: tf.Tensor2D, edges: EdgeIndex): tf.Tensor2D {
  const [m, heads] = alpha.shape;
  const [n, width] = z.shape;
  const f = width / heads;
  const { rowPtr, src } = edges;
  const op = tf.customGrad((...args: Arg[]) => {
    const a = readFloats(args[0] as tf.Tensor);
    const zv = readFloats(args[1] as tf.Tensor);
    const out = new Float32Array(edges.numNodes * width);
    for (let v = 0; v < edges.numNodes; v++) {
      const o = v * width;
      for (let k = rowPtr[v]; k < rowPtr[v + 1]; k++) {
        const zo = src[k] * width;
        for (let h = 0; h < heads; h++) {
          const w = a[k * heads + h];
          for (let j = h * f; j < (h + 1) * f; j++) out[o + j] += w * zv[zo + j];
        }
      }
    }
    return {
      value: tf.tensor2d(out, [edges.numNodes, width]),
      gradFunc: (dy: tf.Tensor) => {
        const g = readFloats(dy);
        const da = new Float32Array(m * heads);
        const dz = new Float32Array(n * width);
        for (let v = 0; v < edges.numNodes; v++) {
          const o = v * width;
          for (let k = rowPtr[v]; k < rowPtr[v + 1]; k++) {
            const zo = src[k] * width;
            for (let h = 0; h < heads; h++) {
              const w = a[k * heads + h];
              let s = 0;
              for (let j = h * f; j < (h + 1) * f; j++) {
                s += g[o + j] * zv[zo + j];
                dz[zo + j] += w * g[o + j];
              }
              da[k * heads + h] = s;
            }
          }
        }
        return [tf.tensor2d(da, [m, heads]), tf.tensor2d(dz, [n, width])];
      },
    };
  });
  return op(alpha, z) as tf.Tensor2D;
}
