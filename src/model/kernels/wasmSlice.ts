/**
 * Slice for the wasm backend: a block of columns of a matrix (R-GCN cuts each relation's messages out
 * of the n × R·d message matrix) copied row by row with memory.copy in the SIMD module.
 *
 * Why: tfjs-backend-wasm 4.22 copies such a slice with one `subarray` + `set` per row, a typed-array
 * object per row: measured 6–8 ms for 7,652 × 64 out of 7,652 × 192, about as long as the matrix
 * product that made it. Other slices (contiguous, rank ≠ 2, no SIMD module) go to tfjs's kernel.
 */
import * as tf from '../tf';
import { simdKernelsFor } from './simdKernels';
import type { WasmBackendView } from './backendViews';

let installed = false;

/** Replaces wasm's Slice by the wrapper; idempotent; a no-op if the wasm backend is not loaded. */
export function installWasmSlice(): void {
  if (installed) return;
  const original = tf.getKernel(tf.Slice, 'wasm');
  if (!original) return;
  installed = true;
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const x = inputs.x as tf.TensorInfo;
    const simd = simdKernelsFor(backend);
    if (!simd || x.shape.length !== 2 || x.dtype === 'string' || x.dtype === 'complex64') return original.kernelFunc({ inputs, backend, attrs });
    const { begin, size } = attrs as unknown as { begin: number[]; size: number[] };
    const [[r0, c0], [rows, cols]] = tf.slice_util.parseSliceParams(x, begin, size);
    const be = backend as unknown as WasmBackendView;
    const out = be.makeOutput([rows, cols], x.dtype as 'float32' | 'int32' | 'bool');
    const width = x.dtype === 'bool' ? 1 : 4; // bytes per entry: bool is one, float32 and int32 four
    const from = be.getMemoryOffset(x.dataId) + width * (r0 * x.shape[1] + c0);
    simd.copyRows(from, width * x.shape[1], be.getMemoryOffset(out.dataId), width * cols, rows, width * cols);
    return out;
  };
  tf.unregisterKernel(tf.Slice, 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
}
