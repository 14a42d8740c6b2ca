/**
 * WebGPU in Node: Dawn — the WebGPU implementation inside Chromium — through the optional `webgpu`
 * package's Node binding, installed as navigator.gpu so tfjs's own webgpu backend registers.
 * For the CLI's `--backend webgpu` and the GPU benchmark; not a dependency (≈ 100 MB of native
 * binaries for every platform): `npm i --no-save webgpu@0.6.2`. DAWN_FLAGS (comma-separated Dawn
 * toggles, e.g. `backend=vulkan`) are passed to its `create`.
 */
import { webgpuSoftware } from '../workers/softwareGpu';

interface GpuAdapter {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}

/** Installs Dawn as navigator.gpu and registers tfjs's webgpu backend; a reason string when `webgpu` is absent. */
export async function installDawn(): Promise<{ describe(): Promise<string | null> } | string> {
  let dawn: { create(flags: string[]): unknown; globals: object };
  try {
    dawn = (await import(/* @vite-ignore */ 'webgpu' as string)) as typeof dawn;
  } catch (e) {
    return `the webgpu package is not installed (npm i --no-save webgpu@0.6.2): ${(e as Error).message.split('\n')[0]}`;
  }
  const flags = (process.env.DAWN_FLAGS ?? '').split(',').filter(Boolean);
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create(flags) as { requestAdapter(o?: object): Promise<GpuAdapter | null> };
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true });
  // The backend registers itself on import when navigator.gpu exists (tfjs-backend-webgpu's base.ts).
  await import('@tensorflow/tfjs-backend-webgpu');
  return {
    async describe() {
      const a = await gpu.requestAdapter({ powerPreference: 'high-performance' });
      if (!a) return null;
      const i = a.info ?? {};
      const software = webgpuSoftware({ ...i, isFallbackAdapter: a.isFallbackAdapter ?? i.isFallbackAdapter });
      return [i.vendor, i.architecture, i.device, i.description].filter(Boolean).join(' ') + (software ? ` (software: ${software})` : '');
    },
  };
}
