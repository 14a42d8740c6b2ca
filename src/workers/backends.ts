/**
 * Backend selection for the trainer worker: webgpu → webgl → wasm → cpu, each proven with a tiny
 * real computation before it is trusted, with the reason every skipped one was skipped. The
 * automatic choice passes over software GPUs (SwiftShader & co., see softwareGpu.ts); a backend the
 * user names is used even then.
 */
import * as tf from '../model/tf';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Bundled by Vite as same-origin assets, so wasm works offline and from any sub-path.
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendName, BackendProbe, WasmThreads } from './protocol';
import { wasmThreadCount } from './wasmThreads';
import { cancelSimdThreads, loadSimdThreads, simdHelpersPossible, startSimdThreads } from './simdThreads';
import { softwareChosenNote, softwareSkipReason, webglSoftware, webgpuSoftware, type WebglRendererInfo, type WebgpuAdapterInfo } from './softwareGpu';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export const BACKEND_ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

interface GpuAdapterLike {
  info?: WebgpuAdapterInfo;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?(): Promise<WebgpuAdapterInfo>;
}

/** The WebGPU adapter's description, or why WebGPU cannot work here. */
async function webgpuAdapter(): Promise<{ info: WebgpuAdapterInfo } | { unavailable: string }> {
  const gpu = (globalThis.navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return { unavailable: 'navigator.gpu is missing (browser without WebGPU)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { unavailable: 'no WebGPU adapter (requestAdapter() returned null)' };
    // adapter.info is the current API; requestAdapterInfo() the one it replaced (Chromium < 127).
    const info = adapter.info ?? (await adapter.requestAdapterInfo?.().catch(() => undefined)) ?? {};
    return { info: { ...pick(info), isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter } };
  } catch (e) {
    return { unavailable: `requestAdapter() failed: ${(e as Error).message}` };
  }
}

/** GPUAdapterInfo's fields are getters on its prototype: copy them into a plain object. */
function pick(info: WebgpuAdapterInfo): WebgpuAdapterInfo {
  const { vendor, architecture, device, description } = info;
  return { vendor, architecture, device, description };
}

/**
 * What WebGL reports about its renderer, from a throwaway context like the one tfjs creates (webgl2 on
 * an OffscreenCanvas in a worker); null if no context can be made (tfjs's own attempt then says why).
 */
function webglRenderer(): WebglRendererInfo | null {
  try {
    const canvas: OffscreenCanvas | HTMLCanvasElement | null =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : (globalThis.document?.createElement('canvas') ?? null);
    const gl = (canvas?.getContext('webgl2') ?? canvas?.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const info = {
      renderer: String(gl.getParameter(gl.RENDERER) ?? ''),
      unmaskedRenderer: debug ? String(gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) ?? '') : null,
    };
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // frees it now, not at garbage collection
    return info;
  } catch {
    return null;
  }
}

/** The software GPU behind `name` ("SwiftShader", …), null for a real one, or why it is unusable. */
async function softwareGpu(name: 'webgl' | 'webgpu'): Promise<{ software: string | null } | { unavailable: string }> {
  if (name === 'webgpu') {
    const adapter = await webgpuAdapter();
    return 'unavailable' in adapter ? adapter : { software: webgpuSoftware(adapter.info) };
  }
  const renderer = webglRenderer();
  return { software: renderer ? webglSoftware(renderer) : null };
}

/** The wasm backend's thread count, set by chooseBackend before any attempt. */
let wasmThreadsAsked = 1;

/**
 * Runs `init` while navigator.hardwareConcurrency reads `cores`. tfjs's wasm backend caps its threads
 * at half the logical cores (it assumes two hyperthreads per core), which would give a 2-core machine
 * one thread whatever was asked; reporting twice the threads asked for makes that cap the request.
 */
async function withCoresReported<T>(cores: number, init: () => Promise<T>): Promise<T> {
  const nav = globalThis.navigator;
  if (!nav) return init();
  Object.defineProperty(nav, 'hardwareConcurrency', { value: cores, configurable: true });
  try {
    return await init();
  } finally {
    // Back to the prototype's getter, the real count.
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}

/**
 * Makes `name` the active backend if it initialises and computes a 2 × 2 product correctly. A
 * software GPU is refused unless `allowSoftware` (the user chose this backend).
 */
async function tryBackend(name: BackendName, allowSoftware: boolean): Promise<BackendProbe> {
  let note = '';
  if (name === 'webgpu' || name === 'webgl') {
    const gpu = await softwareGpu(name);
    if ('unavailable' in gpu) return { name, ok: false, detail: gpu.unavailable };
    if (gpu.software && !allowSoftware) return { name, ok: false, detail: softwareSkipReason(name, gpu.software), software: gpu.software };
    if (gpu.software) note = `; ${softwareChosenNote(name, gpu.software)}`;
  }
  try {
    const initialised = name === 'wasm' ? await withCoresReported(2 * wasmThreadsAsked, () => tf.setBackend(name)) : await tf.setBackend(name);
    if (!initialised) return { name, ok: false, detail: 'failed to initialise' };
    await tf.ready();
    const inputs = [
      tf.tensor2d([
        [1, 2],
        [3, 4],
      ]),
      tf.tensor2d([[5], [6]]),
    ];
    const product = tf.matMul(inputs[0], inputs[1]);
    const values = Array.from(await product.data());
    tf.dispose([product, ...inputs]);
    if (values[0] !== 17 || values[1] !== 39) {
      return { name, ok: false, detail: `test product gave [${values.join(', ')}], expected [17, 39]` };
    }
    return { name, ok: true, detail: `initialised; test product [1 2; 3 4]·[5; 6] = [17; 39] correct${note}` };
  } catch (e) {
    return { name, ok: false, detail: (e as Error).message || String(e) };
  }
}

/**
 * Tries the preferred backend first (if any; used even on a software GPU), then the default order
 * without software GPUs; returns every probe made.
 */
export async function chooseBackend(
  preferred?: BackendName,
  threadSetting = 0,
): Promise<{ chosen: BackendName; probes: BackendProbe[]; wasmThreads?: WasmThreads }> {
  const order = preferred ? [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)] : BACKEND_ORDER;
  const probes: BackendProbe[] = [];
  // Read by the wasm backend when it initialises, so set before any attempt.
  const requested = wasmThreadCount(threadSetting, globalThis.navigator?.hardwareConcurrency);
  // Where the SIMD kernels (most of an epoch's work) get helper threads, tfjs keeps one thread: its
  // pool's threads spin between its ops and took the cores from the helpers (ChCh-Miner epoch, 1 → 2
  // threads: 1.06× with both pools, 1.23× with the helpers alone; docs/performance.md).
  const helpers = requested > 1 && simdHelpersPossible() ? requested - 1 : 0;
  const tfjsAsked = helpers > 0 ? 1 : requested;
  if (helpers > 0) loadSimdThreads(helpers); // their script loads while tfjs initialises
  setThreadsCount(tfjsAsked);
  wasmThreadsAsked = tfjsAsked;
  for (const name of order) {
    const probe = await tryBackend(name, name === preferred);
    probes.push(probe);
    if (!probe.ok) continue;
    if (name !== 'wasm') {
      cancelSimdThreads();
      return { chosen: name, probes };
    }
    // Without cross-origin isolation there is no SharedArrayBuffer: tfjs loads its single-threaded build.
    const tfjsThreads = getThreadsCount();
    const kernelThreads = 1 + (helpers > 0 ? await startSimdThreads(helpers) : 0);
    const isolated = globalThis.crossOriginIsolated === true;
    const wasmThreads = { threads: Math.max(tfjsThreads, kernelThreads), tfjsThreads, kernelThreads, requested, isolated };
    return { chosen: name, probes, wasmThreads };
  }
  throw new Error(`No TensorFlow.js backend works here: ${probes.map((p) => `${p.name}: ${p.detail}`).join('; ')}`);
}
