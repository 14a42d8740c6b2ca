/**
 * `CsrSpmm`: Y = A · X for a fixed sparse A (CSR: int32 rowPtr/colIdx, float32 values tensors) as a
 * kernel registered with TensorFlow.js for every backend the app uses, with a registered gradient.
 *
 * Why a registered kernel rather than tf.customGrad over dataSync (the 'sparse' mode): the data
 * never leaves the backend (GPU programs on webgl/webgpu; in-place heap access on wasm), and the
 * engine tracks the output like any other op's, so tidy/memory accounting stay exact.
 *
 * Gradient: dX = Aᵀ · dY, which is the same kernel on the transposed CSR. The transposed arrays
 * travel as extra inputs (unused by the forward kernels) so the gradient can reach them as saved
 * inputs without reading anything back.
 */
import * as tf from '../tf';
import { transposeCsr, type Csr } from '../csr';
import { csrSpmmCpu, csrSpmmWasm } from './csrSpmmCpu';
import { csrSpmmWebgl } from './csrSpmmWebgl';
import { csrSpmmWebgpu } from './csrSpmmWebgpu';
import { installWasmOverrides } from './wasmOverrides';

export const CSR_SPMM = 'CsrSpmm';

const INPUTS = ['rowPtr', 'colIdx', 'values', 'x', 'tRowPtr', 'tColIdx', 'tValues'] as const;

const IMPLEMENTATIONS: Record<string, tf.KernelFunc> = {
  cpu: csrSpmmCpu,
  wasm: csrSpmmWasm,
  webgl: csrSpmmWebgl,
  webgpu: csrSpmmWebgpu,
};

/** Backends with a CsrSpmm implementation. */
export const CSR_SPMM_BACKENDS = Object.keys(IMPLEMENTATIONS);

let registered = false;

/** Registers the kernels and the gradient once per JS realm (page, worker, Node process). */
export function registerCsrSpmm(): void {
  if (registered) return;
  registered = true;
  for (const [backendName, kernelFunc] of Object.entries(IMPLEMENTATIONS)) {
    if (!tf.getKernel(CSR_SPMM, backendName)) tf.registerKernel({ kernelName: CSR_SPMM, backendName, kernelFunc });
  }
  if (!tf.getGradient(CSR_SPMM)) {
    tf.registerGradient({
      kernelName: CSR_SPMM,
      inputsToSave: [...INPUTS],
      gradFunc: (dy, saved) => {
        const [rowPtr, colIdx, values, , tRowPtr, tColIdx, tValues] = saved;
        const swapped = { rowPtr: tRowPtr, colIdx: tColIdx, values: tValues, tRowPtr: rowPtr, tColIdx: colIdx, tValues: values };
        // Only x is ever on a path from a trained variable: the CSR tensors are constants.
        return { x: () => tf.engine().runKernel(CSR_SPMM, { ...swapped, x: dy as tf.Tensor }) as tf.Tensor };
      },
    });
  }
}

function upload(m: Csr): tf.Tensor[] {
  // A matrix without entries still gets one (never read) entry: zero-length buffers are
  // not allowed as WebGPU bindings.
  const empty = m.colIdx.length === 0;
  return [
    tf.tensor1d(m.rowPtr, 'int32'),
    tf.tensor1d(empty ? new Int32Array(1) : m.colIdx, 'int32'),
    tf.tensor1d(empty ? new Float32Array(1) : m.values, 'float32'),
  ];
}

/**
 * Y = A · X for a matrix used in one call only (e.g. a row selection that changes every epoch):
 * the CSR tensors are uploaded inside a tidy, and the engine keeps them while a gradient needs them.
 */
export function csrSpmmOnce(a: Csr, x: tf.Tensor2D): tf.Tensor2D {
  registerCsrSpmm();
  if (x.shape[0] !== a.numCols) throw new Error(`CsrSpmm: x has ${x.shape[0]} rows, A has ${a.numCols} columns.`);
  return tf.tidy(() => {
    const [rowPtr, colIdx, values, tRowPtr, tColIdx, tValues] = [...upload(a), ...upload(transposeCsr(a))];
    return tf.engine().runKernel(CSR_SPMM, { rowPtr, colIdx, values, x, tRowPtr, tColIdx, tValues }) as tf.Tensor2D;
  });
}

/** A and Aᵀ as tensors on the current backend, uploaded once per graph. */
export class CsrTensors {
  readonly numRows: number;
  readonly numCols: number;
  private readonly tensors: Record<Exclude<(typeof INPUTS)[number], 'x'>, tf.Tensor>;

  constructor(a: Csr, aT: Csr = transposeCsr(a)) {
    registerCsrSpmm();
    // The same training step's dense products, made fast on wasm (see wasmMatMul.ts).
    installWasmOverrides();
    this.numRows = a.numRows;
    this.numCols = a.numCols;
    // Kept: built lazily, possibly inside tidy(), and they live as long as the graph.
    const [rowPtr, colIdx, values, tRowPtr, tColIdx, tValues] = [...upload(a), ...upload(aT)].map((t) => tf.keep(t));
    this.tensors = { rowPtr, colIdx, values, tRowPtr, tColIdx, tValues };
  }

  /** Y = A · X (numRows × f), differentiable in X. */
  multiply(x: tf.Tensor2D): tf.Tensor2D {
    if (x.shape[0] !== this.numCols) throw new Error(`CsrSpmm: x has ${x.shape[0]} rows, A has ${this.numCols} columns.`);
    return tf.engine().runKernel(CSR_SPMM, { ...this.tensors, x }) as tf.Tensor2D;
  }

  dispose(): void {
    tf.dispose(Object.values(this.tensors));
  }
}
