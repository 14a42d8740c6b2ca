/**
 * Software-GPU recognition from the strings browsers report. The SwiftShader strings are what
 * headless Chromium 156 reports on this machine (no GPU); the others are real reports of Mesa's
 * software drivers, Windows' WARP and hardware GPUs, which must not be mistaken for software.
 */
import { describe, expect, it } from 'vitest';
import { softwareName, softwareSkipReason, webglSoftware, webgpuSoftware } from '../../../src/workers/softwareGpu';

const CHROMIUM_SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('webglSoftware', () => {
  it('recognises the SwiftShader renderer headless Chromium reports (RENDERER itself is masked)', () => {
    expect(webglSoftware({ renderer: 'WebKit WebGL', unmaskedRenderer: CHROMIUM_SWIFTSHADER })).toBe('SwiftShader');
  });

  it('recognises Mesa llvmpipe / lavapipe, Windows WARP and generic "Software" renderers', () => {
    expect(webglSoftware({ renderer: 'WebKit WebGL', unmaskedRenderer: 'ANGLE (Mesa, llvmpipe (LLVM 15.0.7, 256 bits), OpenGL 4.5)' })).toBe('llvmpipe');
    expect(webglSoftware({ renderer: 'WebKit WebGL', unmaskedRenderer: 'ANGLE (Mesa, Vulkan 1.3 (llvmpipe (LLVM 15.0.7, 256 bits)), lavapipe)' })).toBe(
      'lavapipe',
    );
    expect(
      webglSoftware({ renderer: 'WebKit WebGL', unmaskedRenderer: 'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)' }),
    ).toBe('Microsoft Basic Render Driver');
    expect(webglSoftware({ renderer: 'Apple Software Renderer', unmaskedRenderer: null })).toBe('software');
  });

  it('reads RENDERER when the unmasked string is unavailable (no WEBGL_debug_renderer_info)', () => {
    expect(webglSoftware({ renderer: 'Google SwiftShader', unmaskedRenderer: null })).toBe('SwiftShader');
    expect(webglSoftware({ renderer: 'WebKit WebGL', unmaskedRenderer: null })).toBeNull();
  });

  it('leaves hardware GPUs alone', () => {
    for (const r of [
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 (0x00002206) Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
      'ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)',
      'Adreno (TM) 650',
      // "software" must be a word: a vendor string merely containing the letters is not a match.
      'ANGLE (Softwareless Inc, Fancy GPU)',
    ]) {
      expect(webglSoftware({ renderer: 'WebKit WebGL', unmaskedRenderer: r }), r).toBeNull();
    }
  });
});

describe('webgpuSoftware', () => {
  it('recognises the SwiftShader adapter headless Chromium reports', () => {
    expect(webgpuSoftware({ vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true })).toBe('SwiftShader');
  });

  it('recognises lavapipe / llvmpipe from the description', () => {
    expect(webgpuSoftware({ vendor: 'mesa', architecture: '', description: 'llvmpipe (LLVM 15.0.7, 256 bits)' })).toBe('llvmpipe');
    expect(webgpuSoftware({ vendor: 'mesa', architecture: 'lavapipe' })).toBe('lavapipe');
  });

  it('treats an unnamed fallback adapter as software, and a named hardware adapter as hardware', () => {
    expect(webgpuSoftware({ vendor: '', architecture: '', isFallbackAdapter: true })).toBe('fallback adapter');
    expect(webgpuSoftware({ vendor: 'nvidia', architecture: 'hopper', description: '', isFallbackAdapter: false })).toBeNull();
    // Dawn's adapter on the H200 lent to this project, as docs/bench/gpu-h200-dawn.json recorded it (fields joined).
    expect(webgpuSoftware({ description: 'nvidia nvidia-h200 NVIDIA: 580.159.04 580.159.4.0' })).toBeNull();
    expect(webgpuSoftware({ vendor: 'apple', architecture: 'metal-3' })).toBeNull();
    expect(webgpuSoftware({})).toBeNull();
  });
});

describe('softwareName and the skip reason', () => {
  it('is null for empty input and names the renderer in the reason', () => {
    expect(softwareName(null)).toBeNull();
    expect(softwareName('')).toBeNull();
    expect(softwareSkipReason('webgl', 'SwiftShader')).toBe('software renderer (SwiftShader) — WASM is faster; choose WebGL explicitly to use it');
    expect(softwareSkipReason('webgpu', 'SwiftShader')).toBe('software adapter (SwiftShader) — WASM is faster; choose WebGPU explicitly to use it');
  });
});
