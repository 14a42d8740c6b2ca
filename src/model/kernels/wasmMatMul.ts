/**
 * BatchMatMul for the wasm backend: this project's SIMD product (simdKernels.ts, in place on the
 * backend's memory) where it applies, else tfjs's own kernel.
 *
 * Why: tfjs-backend-wasm 4.22 sends a product to XNNPACK only when neither operand is transposed,
 * and otherwise runs a plain loop (measured at 4,000 × 64 × 64: xᵀ·dy 14.5 ms, dy·Wᵀ 16.3 ms, against
 * 1.1–1.8 ms transposed first); backprop of y = x·W needs both. And XNNPACK itself reached 7–8.5 G
 * multiply-adds/s on the tall × 64 × 64 products GNNs make, the SIMD kernel ~14 G (relaxed SIMD ~24 G).
 * The SIMD kernel reads a transposed A in place; a transposed B (usually a weight) is transposed
 * first. Products it does not take (a column count not a multiple of 4, broadcast batches, no SIMD)
 * go to the original kernel, transposed operands made explicit first.
 */
import * as tf from '../tf';
import { simdKernelsFor, type SimdKernels } from './simdKernels';
import type { WasmBackendView } from './backendViews';

type Info = tf.TensorInfo;

let installed = false;

/** Replaces wasm's BatchMatMul by the wrapper; idempotent; a no-op if the wasm backend is not loaded. */
export function installWasmMatMul(): void {
  if (installed) return;
  const original = tf.getKernel(tf.BatchMatMul, 'wasm');
  const transpose = tf.getKernel(tf.Transpose, 'wasm');
  if (!original || !transpose) return;
  installed = true;
  const swapLast = (x: Info, backend: object): Info => {
    const r = x.shape.length;
    const perm = [...Array(r - 2).keys(), r - 1, r - 2];
    return transpose.kernelFunc({ inputs: { x }, backend, attrs: { perm } }) as Info;
  };
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = attrs as { transposeA: boolean; transposeB: boolean };
    const simd = simdKernelsFor(backend);
    const a = inputs.a as Info;
    const b = inputs.b as Info;
    if (simd && simdApplies(a, b, transposeA, transposeB)) {
      const bt = transposeB ? swapLast(b, backend) : b;
      const out = simdMatMul(simd, backend as WasmBackendView, a, bt, transposeA);
      if (bt !== b) (backend as WasmBackendView).disposeData(bt.dataId);
      return out;
    }
    if (!transposeA && !transposeB) return original.kernelFunc({ inputs, backend, attrs });
    const temps: Info[] = [];
    const prepare = (t: Info, flag: boolean) => {
      if (!flag) return t;
      const u = swapLast(t, backend);
      temps.push(u);
      return u;
    };
    const out = original.kernelFunc({
      inputs: { a: prepare(a, transposeA), b: prepare(b, transposeB) },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    });
    for (const t of temps) (backend as WasmBackendView).disposeData(t.dataId);
    return out;
  };
  tf.unregisterKernel(tf.BatchMatMul, 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
}

/** float32, equal batch dimensions (no broadcasting), a non-empty inner dimension and an output width the 4-lane tiles cover. */
function simdApplies(a: Info, b: Info, transposeA: boolean, transposeB: boolean): boolean {
  if (a.dtype !== 'float32' || b.dtype !== 'float32' || a.shape.length !== b.shape.length) return false;
  const r = a.shape.length;
  for (let i = 0; i < r - 2; i++) if (a.shape[i] !== b.shape[i]) return false;
  const n = transposeB ? b.shape[r - 2] : b.shape[r - 1];
  const k = transposeA ? a.shape[r - 2] : a.shape[r - 1];
  return n % 4 === 0 && n > 0 && k > 0; // k = 0 would leave the output unwritten
}

/** C = op(A) · B for each batch; B untransposed here. */
function simdMatMul(simd: SimdKernels, backend: WasmBackendView, a: Info, b: Info, transposeA: boolean): Info {
  const r = a.shape.length;
  const batchShape = a.shape.slice(0, r - 2);
  const batches = batchShape.reduce((x, y) => x * y, 1);
  const m = transposeA ? a.shape[r - 1] : a.shape[r - 2];
  const k = transposeA ? a.shape[r - 2] : a.shape[r - 1];
  const n = b.shape[r - 1];
  const out = backend.makeOutput([...batchShape, m, n], 'float32');
  const ap = backend.getMemoryOffset(a.dataId);
  const bp = backend.getMemoryOffset(b.dataId);
  const cp = backend.getMemoryOffset(out.dataId);
  const [ars, aqs] = transposeA ? [1, m] : [k, 1];
  for (let i = 0; i < batches; i++) simd.gemm(ap + 4 * i * m * k, ars, aqs, bp + 4 * i * k * n, cp + 4 * i * m * n, m, k, n, false);
  return out;
}
