/**
 * window.kernelsPage: runs the CsrSpmm kernel on a GPU backend and on cpu in the same page and
 * reports the largest differences; checks the wasm backend's SIMD kernels against cpu (simdCheck.ts);
 * and times training epochs for the benchmark.
 */
import '@tensorflow/tfjs-backend-webgpu';
import type { SparseMode } from '../../../src/model/sparseOps';
import { checkKernels, use } from '../../../bench/kernelCheck';
import { measureTraining, type BenchModel, type Measurement } from '../../../bench/trainMeasure';
import { checkSimdKernels } from './simdCheck';

async function adapterInfo(): Promise<string | null> {
  const gpu = (
    navigator as unknown as {
      gpu?: { requestAdapter(): Promise<{ isFallbackAdapter?: boolean; info?: { vendor: string; architecture: string; description: string } } | null> };
    }
  ).gpu;
  const adapter = await gpu?.requestAdapter();
  if (!adapter) return null;
  const i = adapter.info;
  return `${i?.vendor ?? '?'} ${i?.architecture ?? ''} ${i?.description ?? ''}${adapter.isFallbackAdapter ? ' (fallback adapter: software)' : ''}`.trim();
}

const check = (backend: string) => checkKernels(backend, adapterInfo);

const fromBase64 = (s: string) => new Int32Array(Uint8Array.from(atob(s), (ch) => ch.charCodeAt(0)).buffer);

/** Times training on `backend`; the pairs come base64-encoded (Int32Array bytes) from the bench. */
async function train(
  backend: string,
  numNodes: number,
  a64: string,
  b64: string,
  model: BenchModel,
  epochs: number,
  aggregation: 'auto' | SparseMode,
): Promise<Measurement> {
  await use(backend);
  return measureTraining({ numNodes, edgeSrc: fromBase64(a64), edgeDst: fromBase64(b64) }, model, epochs, { aggregation });
}

declare global {
  interface Window {
    kernelsPage: { check: typeof check; simd: typeof checkSimdKernels; train: typeof train; adapterInfo: typeof adapterInfo; ready: boolean };
  }
}
window.kernelsPage = { check, simd: checkSimdKernels, train, adapterInfo, ready: true };
