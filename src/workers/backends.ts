/**
 * Backend selection for the trainer worker: webgpu → webgl → wasm → cpu, each proven with a tiny
 * real computation before it is trusted, with the reason every skipped one was skipped.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Bundled by Vite as same-origin assets, so wasm works offline and from any sub-path.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName, BackendProbe } from './protocol';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export const BACKEND_ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Why WebGPU cannot work here, or null if an adapter exists. */
async function webgpuUnavailable(): Promise<string | null> {
  const gpu = (globalThis.navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return 'navigator.gpu is missing (browser without WebGPU)';
  try {
    const adapter = await gpu.requestAdapter();
    return adapter ? null : 'no WebGPU adapter (requestAdapter() returned null)';
  } catch (e) {
    return `requestAdapter() failed: ${(e as Error).message}`;
  }
}

/** Makes `name` the active backend if it initialises and computes a 2 × 2 product correctly. */
async function tryBackend(name: BackendName): Promise<BackendProbe> {
  if (name === 'webgpu') {
    const why = await webgpuUnavailable();
    if (why) return { name, ok: false, detail: why };
  }
  try {
    if (!(await tf.setBackend(name))) return { name, ok: false, detail: 'failed to initialise' };
    await tf.ready();
    const product = tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5], [6]]));
    const values = Array.from(await product.data());
    tf.dispose(product);
    if (values[0] !== 17 || values[1] !== 39) {
      return { name, ok: false, detail: `test product gave [${values.join(', ')}], expected [17, 39]` };
    }
    return { name, ok: true, detail: 'initialised; test product [1 2; 3 4]·[5; 6] = [17; 39] correct' };
  } catch (e) {
    return { name, ok: false, detail: (e as Error).message || String(e) };
  }
}

/** Tries the preferred backend first (if any), then the default order; returns every probe made. */
export async function chooseBackend(preferred?: BackendName): Promise<{ chosen: BackendName; probes: BackendProbe[] }> {
  const order = preferred ? [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)] : BACKEND_ORDER;
  const probes: BackendProbe[] = [];
  for (const name of order) {
    const probe = await tryBackend(name);
    probes.push(probe);
    if (probe.ok) return { chosen: name, probes };
  }
  throw new Error(`No TensorFlow.js backend works here: ${probes.map((p) => `${p.name}: ${p.detail}`).join('; ')}`);
}
