/**
 * Recognises software GPUs from what WebGL and WebGPU report about themselves. Pure functions over
 * the reported strings, so the rules can be tested without a browser.
 *
 * Why: without a GPU, Chromium backs WebGL and WebGPU with SwiftShader (on the CPU), and training
 * there is ~10× slower than tfjs's wasm backend (ChCh-Miner: 518 vs 46 ms per epoch), so the
 * automatic choice must not take it. Headless Chromium 156 on a machine without a GPU reports
 *   WebGL  UNMASKED_RENDERER_WEBGL: "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)"
 *          RENDERER: "WebKit WebGL" (masked, says nothing)
 *   WebGPU adapter.info: { vendor: "google", architecture: "swiftshader", device: "", description: "",
 *          isFallbackAdapter: true } (adapter.isFallbackAdapter itself is gone there).
 */

/** Software rasterisers by the name they report, the label shown to the user first. */
const SOFTWARE_NAMES: [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/lavapipe/i, 'lavapipe'],
  [/llvmpipe/i, 'llvmpipe'],
  [/softpipe/i, 'softpipe'],
  [/microsoft basic render driver/i, 'Microsoft Basic Render Driver'],
  [/\bsoftware\b/i, 'software'],
];

/** The software rasteriser `text` names ("SwiftShader", "llvmpipe", …), or null for anything else. */
export function softwareName(text: string | null | undefined): string | null {
  if (!text) return null;
  for (const [pattern, label] of SOFTWARE_NAMES) if (pattern.test(text)) return label;
  return null;
}

/** What a WebGL context says about its renderer; `unmaskedRenderer` is null without WEBGL_debug_renderer_info. */
export interface WebglRendererInfo {
  renderer: string | null;
  unmaskedRenderer: string | null;
}

/** The software renderer behind a WebGL context, or null for a (presumably) real GPU. */
export function webglSoftware(info: WebglRendererInfo): string | null {
  // Browsers that mask the unmasked string (Firefox) put the real one in RENDERER; check both.
  return softwareName(info.unmaskedRenderer) ?? softwareName(info.renderer);
}

/** GPUAdapterInfo's fields (all optional: browsers fill in what they choose), plus the fallback flag. */
export interface WebgpuAdapterInfo {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  /** adapter.info.isFallbackAdapter, or the older adapter.isFallbackAdapter. */
  isFallbackAdapter?: boolean;
}

/** The software implementation behind a WebGPU adapter, or null for a (presumably) real GPU. */
export function webgpuSoftware(info: WebgpuAdapterInfo): string | null {
  const named = softwareName([info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' '));
  if (named) return named;
  // A fallback adapter is WebGPU's own word for "may be a software implementation".
  return info.isFallbackAdapter ? 'fallback adapter' : null;
}

const LABEL = { webgl: 'WebGL', webgpu: 'WebGPU' } as const;

/** The probe list's reason for skipping a software GPU in the automatic choice. */
export function softwareSkipReason(backend: 'webgl' | 'webgpu', name: string): string {
  const what = backend === 'webgl' ? 'software renderer' : 'software adapter';
  return `${what} (${name}) — WASM is faster; choose ${LABEL[backend]} explicitly to use it`;
}

/** The probe list's note when the user chose a software GPU explicitly. */
export function softwareChosenNote(backend: 'webgl' | 'webgpu', name: string): string {
  const what = backend === 'webgl' ? 'software renderer' : 'software adapter';
  return `${what} (${name}), used because ${LABEL[backend]} was chosen explicitly; WASM is usually ~10× faster here`;
}
