/**
 * A faster BatchMatMul for the wasm backend when an operand is transposed.
 *
 * Why: tfjs-backend-wasm 4.22 sends a product to XNNPACK only when neither operand is transposed;
 * otherwise it runs a plain loop. Backprop of y = x·W needs dy·Wᵀ and xᵀ·dy, so every training step
 * took the slow loop: measured here at 4,000 × 64 × 64, xᵀ·dy took 14.5 ms and dy·Wᵀ 16.3 ms,
 * against 1.1–1.8 ms for an explicit Transpose followed by the untransposed product (the seed GCN's
 * epoch on a 10k-edge graph: ~80 ms → ~25 ms). This wrapper does exactly that, then calls the
 * backend's own kernel. Results are the same products, summed in XNNPACK's order.
 */
import * as tf from '../tf';

type Info = tf.TensorInfo;
interface WasmBackend {
  disposeData(dataId: object): boolean;
}

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
    if (!transposeA && !transposeB) return original.kernelFunc({ inputs, backend, attrs });
    const temps: Info[] = [];
    const prepare = (t: Info, flag: boolean) => {
      if (!flag) return t;
      const u = swapLast(t, backend);
      temps.push(u);
      return u;
    };
    const a = prepare(inputs.a as Info, transposeA);
    const b = prepare(inputs.b as Info, transposeB);
    const out = original.kernelFunc({ inputs: { a, b }, backend, attrs: { ...attrs, transposeA: false, transposeB: false } });
    for (const t of temps) (backend as WasmBackend).disposeData(t.dataId);
    return out;
  };
  tf.unregisterKernel(tf.BatchMatMul, 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
}
