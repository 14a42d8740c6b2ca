/**
 * Canvas or WebGL for Cytoscape. WebGL pays off only on a real GPU and for big views; under
 * software rendering (SwiftShader) it was slower than canvas: tasks of 200–900 ms while training with
 * ~680 drugs and 1,000 edges drawn, against 50–100 ms then with canvas. Cytoscape draws only the drugs (the interactions are on the
 * edge layer), so the size that counts is the number of drugs drawn.
 */
export const WEBGL_MIN_ELEMENTS = 20_000;

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

export function useWebglRenderer(choice: 'auto' | 'canvas' | 'webgl', drugsDrawn: number): boolean {
  if (choice !== 'auto') return choice === 'webgl';
  return drugsDrawn >= WEBGL_MIN_ELEMENTS && !webglIsSoftware();
}
