/**
 * A dev-only test page (not part of the app): TensorFlow.js + the project's kernels and trainer on
 * the main thread, scripted by tests/browser/kernels.test.ts (webgl, webgpu, wasm SIMD) and `npm run bench`
 * (webgl/webgpu). Built to test-results/pages/ (git-ignored) by `buildTestPages()` in ./build.ts.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { tfjsThreadedWasmScriptDir } from '../../../vite.config.ts';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  // tfjs's threaded wasm build runs on this page's main thread (the cross-origin isolated SIMD check).
  plugins: [tfjsThreadedWasmScriptDir()],
  build: {
    outDir: resolve(import.meta.dirname, '../../../test-results/pages'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { kernels: resolve(import.meta.dirname, 'kernels.html') } },
  },
});
