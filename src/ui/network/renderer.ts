/**
 * Canvas or WebGL for Cytoscape. WebGL pays off only on a real GPU and for big views; under
 * software rendering (SwiftShader) it was slower than canvas (see the project's notes).
 */
export const WEBGL_MIN_EDGES = 20_000;

let softwareGl: boolean | null = null;

/** True when the page's WebGL is a software rasteriser (or missing). Cached: it cannot change. */
export function webglIsSoftware(): boolean {
  if (softwareGl !== null) return softwareGl;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return (softwareGl = true);
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    softwareGl = /swiftshader|llvmpipe|software/i.test(renderer);
  } catch {
    softwareGl = true;
  }
  return softwareGl;
}

export function useWebglRenderer(choice: 'auto' | 'canvas' | 'webgl', edgesDrawn: number): boolean {
  if (choice !== 'auto') return choice === 'webgl';
  return edgesDrawn >= WEBGL_MIN_EDGES && !webglIsSoftware();
}
