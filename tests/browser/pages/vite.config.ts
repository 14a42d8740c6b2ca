/**
 * A dev-only test page (not part of the app): TensorFlow.js + the project's kernels and trainer on
 * the main thread, scripted by tests/browser/kernels.test.ts and `npm run bench` (webgl/webgpu).
 * Built to test-results/pages/ (git-ignored) by `buildTestPages()` in ./build.ts.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../../test-results/pages'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { kernels: resolve(import.meta.dirname, 'kernels.html') } },
  },
});
