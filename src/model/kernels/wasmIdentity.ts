/**
 * Identity for the wasm backend without a copy: the output shares the input's memory, counted by the
 * backend as wasm's own Reshape does (the cpu backend's Identity works the same way).
 *
 * Why: tfjs-backend-wasm 4.22 copies the whole tensor, and the engine clones every output a kernel
 * saves for its gradient, so the MLP decoder's saved pre-activations (P × 64) were copied twice an
 * epoch — 2–3 % of the default model's epoch on ChCh-Miner, all of it on one thread. Nothing here
 * writes into a kernel's inputs, so sharing is safe.
 */
import * as tf from '../tf';
import type { WasmBackendView } from './backendViews';

let installed = false;

/** Replaces wasm's Identity; idempotent; a no-op if the wasm backend is not loaded. */
export function installWasmIdentity(): void {
  if (installed) return;
  const original = tf.getKernel(tf.Identity, 'wasm');
  if (!original) return;
  installed = true;
  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const x = inputs.x as tf.TensorInfo;
    if (x.dtype === 'string') return original.kernelFunc({ inputs, backend, attrs });
    (backend as unknown as WasmBackendView).incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  tf.unregisterKernel(tf.Identity, 'wasm');
  tf.registerKernel({ ...original, kernelFunc });
}
