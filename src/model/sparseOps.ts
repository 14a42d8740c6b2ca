/**
 * TensorFlow.js operations over a fixed sparse matrix, with hand-written gradients.
 *
 * Why: tf.gather's gradient and tf.unsortedSegmentSum cost nodes × edges × features on the cpu and
 * webgl backends and do not exist on wasm (see the project's notes). A CSR product and its
 * transpose give the same results in time linear in the edges.
 */
import * as tf from './tf';
import { csrToDense, selectionCsr, spmmArrays, transposeCsr, type Csr } from './csr';
import { CSR_SPMM_BACKENDS, CsrTensors, csrSpmmOnce } from './kernels/csrSpmm';
import { pairDots, pairDotsGradient } from './kernels/pairDot';
import { PAIR_DOT_BACKENDS, pairDotKernel } from './kernels/pairDotKernel';

/**
 * 'sparse': CSR product over typed arrays (reads tensor data; best on cpu/wasm). 'dense': matmul with
 * the dense matrix (best on GPUs for small graphs). 'kernel': the registered CsrSpmm kernel
 * (kernels/csrSpmm.ts) on the backend's own memory, GPU programs included.
 */
export type SparseMode = 'sparse' | 'dense' | 'kernel';

const readFloats = (t: tf.Tensor): Float32Array => t.dataSync() as Float32Array;

/** Y = A · X for a fixed matrix A, differentiable in X (dX = Aᵀ · dY). */
export class SparseOperator {
  private readonly transposed: Csr;
  private readonly dense: tf.Tensor2D | null;
  private readonly kernel: CsrTensors | null;

  constructor(
    readonly matrix: Csr,
    readonly mode: SparseMode,
  ) {
    this.transposed = transposeCsr(matrix);
    // Kept: operators are built lazily, possibly inside a tidy() scope, and live as long as the graph.
    this.dense = mode === 'dense' ? tf.keep(tf.tensor2d(csrToDense(matrix), [matrix.numRows, matrix.numCols])) : null;
    this.kernel = mode === 'kernel' ? new CsrTensors(matrix, this.transposed) : null;
  }

  apply(x: tf.Tensor2D): tf.Tensor2D {
    if (this.dense) return tf.matMul(this.dense, x);
    if (this.kernel) return this.kernel.multiply(x);
    return csrProduct(this.matrix, this.transposed, x);
  }

  dispose(): void {
    this.dense?.dispose();
    this.kernel?.dispose();
  }
}

function csrProduct(a: Csr, aT: Csr, x: tf.Tensor2D): tf.Tensor2D {
  const f = x.shape[1];
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.tensor2d(spmmArrays(a, readFloats(args[0] as tf.Tensor), f), [a.numRows, f]),
    gradFunc: (dy: tf.Tensor) => tf.tensor2d(spmmArrays(aT, readFloats(dy), f), [a.numCols, f]),
  }));
  return op(x) as tf.Tensor2D;
}

/**
 * Rows of h picked by idx, with a gradient that scatters back in time linear in idx.length
 * (the built-in gradient of tf.gather goes through unsortedSegmentSum).
 */
export function gatherRows(h: tf.Tensor2D, idx: Int32Array): tf.Tensor2D {
  const [n, f] = h.shape;
  // On GPUs the selection matrix's product: forward and gradient stay on the device (a custom
  // gradient would read dy back synchronously, stalling the pipeline every step).
  if (!copyRowsOnCpu() && CSR_SPMM_BACKENDS.includes(tf.getBackend())) return csrSpmmOnce(selectionCsr(idx, n), h);
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: copyRowsOnCpu() ? copyRows(readFloats(args[0] as tf.Tensor), idx, f) : (tf.gather(args[0] as tf.Tensor, tf.tensor1d(idx, 'int32')) as tf.Tensor2D),
    gradFunc: (dy: tf.Tensor) => {
      const scatter = transposeCsr(selectionCsr(idx, n));
      return tf.tensor2d(spmmArrays(scatter, readFloats(dy), f), [n, f]);
    },
  }));
  return op(h) as tf.Tensor2D;
}

/**
 * On the CPU-side backends a typed-array row copy: tf.gather took ~1 s for 82 k rows × 64 on cpu and
 * wasm (per-element index arithmetic), the copy a few ms. GPU backends keep tf.gather (no read-back).
 */
const copyRowsOnCpu = (): boolean => tf.getBackend() === 'cpu' || tf.getBackend() === 'wasm';

function copyRows(h: Float32Array, idx: Int32Array, f: number): tf.Tensor2D {
  const out = new Float32Array(idx.length * f);
  for (let i = 0; i < idx.length; i++) out.set(h.subarray(idx[i] * f, idx[i] * f + f), i * f);
  return tf.tensor2d(out, [idx.length, f]);
}

/**
 * s_i = h_{a_i} · h_{b_i} for each pair, fused in one typed-array kernel: gathering the rows as
 * tensors first costs ~10× more on the cpu backend. Gradient: dh_a += g·h_b and dh_b += g·h_a
 * (computed as a CSR product, see kernels/pairDot.ts).
 */
export function pairDotProducts(h: tf.Tensor2D, a: Int32Array, b: Int32Array): tf.Tensor1D {
  // The registered kernel where there is one: on GPUs it never reads h back to the CPU.
  if (PAIR_DOT_BACKENDS.includes(tf.getBackend())) return pairDotKernel(h, a, b);
  const [n, d] = h.shape;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const hv = readFloats(args[0] as tf.Tensor);
    const out = new Float32Array(a.length);
    pairDots(hv, d, a, b, out);
    return {
      value: tf.tensor1d(out),
      gradFunc: (dy: tf.Tensor) => {
        const dh = new Float32Array(n * d);
        pairDotsGradient(hv, n, d, a, b, readFloats(dy), dh);
        return tf.tensor2d(dh, [n, d]);
      },
    };
  });
  return op(h) as tf.Tensor1D;
}
