/**
 * The few methods of tfjs's cpu and wasm backends that the typed-array kernels use. tfjs does not
 * export these classes' types to kernels registered from outside, so each kernel casts its backend
 * to one of these views.
 */
import type { TensorInfo } from '../tf';

/** What the cpu backend offers (MathBackendCPU): typed arrays behind each data id. */
export interface CpuBackendView {
  readSync(dataId: object): unknown;
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

/** What the wasm backend offers (BackendWasm): tensors are views into the module's heap. */
export interface WasmBackendView {
  makeOutput(shape: number[], dtype: 'float32' | 'int32' | 'bool'): TensorInfo;
  typedArrayFromHeap(t: TensorInfo): Float32Array | Int32Array;
  /** Byte offset of a tensor's data in the module's memory (for the SIMD kernels, simdKernels.ts). */
  getMemoryOffset(dataId: object): number;
  disposeData(dataId: object): boolean;
  /** One more tensor shares this data (disposeData then frees it only with the last). */
  incRef(dataId: object): void;
}
