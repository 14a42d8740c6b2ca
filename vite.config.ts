import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Content-Security-Policy for the built site: scripts only from its own origin (plus WebAssembly
 * for the wasm backend), data from anywhere over https (for `?data=<url>`). Build only: the dev
 * server needs an inline script for React Fast Refresh.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self' https: blob: data:",
].join('; ');

/**
 * The policy as a `<meta>` tag in the page, and as `_headers` (the Netlify / Cloudflare Pages format)
 * for hosts that send headers: a `<meta>` policy does not reach Web Workers, whose policy comes from
 * their script's response headers. The parse worker checks its fetches in code as well
 * (src/data/fetchPolicy.ts), for hosts such as GitHub Pages that send no such header.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n  Content-Security-Policy: ${CSP}\n${ISOLATION_HEADERS}` });
    },
  };
}

/**
 * Cross-origin isolation (SharedArrayBuffer, so the wasm backend can use threads): hosts that read
 * `_headers` send these; elsewhere (GitHub Pages…) the page registers the `coi-serviceworker` package's
 * script, emitted here beside index.html so it works from any sub-path (src/ui/crossOriginIsolation.ts).
 */
const ISOLATION_HEADERS = '  Cross-Origin-Opener-Policy: same-origin\n  Cross-Origin-Embedder-Policy: require-corp\n';
// The page registers it by this name (src/ui/crossOriginIsolation.ts).
const ISOLATION_WORKER = 'coi-serviceworker.js';

function isolationServiceWorker(): Plugin {
  return {
    name: 'cross-origin-isolation-service-worker',
    apply: 'build',
    generateBundle() {
      const source = readFileSync(createRequire(import.meta.url).resolve('coi-serviceworker/coi-serviceworker.js'), 'utf8');
      this.emitFile({ type: 'asset', fileName: ISOLATION_WORKER, source });
    },
  };
}

/**
 * tfjs's threaded wasm backend starts its threads from `factory.toString()`, so that function must not
 * use variables of its module: Emscripten's `_scriptDir` is one, and once minified
 * `typeof _scriptDir !== "undefined" && _scriptDir` becomes `e!==void 0&&e`, a ReferenceError in every
 * thread. Reading it from globalThis keeps the function self-contained (the value only matters where
 * no script URL is given, and tfjs always gives one).
 */
export function tfjsThreadedWasmScriptDir(): Plugin {
  return {
    name: 'tfjs-threaded-wasm-script-dir',
    apply: 'build',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js')) return null;
      const fixed = code.replace('var _scriptDir =', '_scriptDir =').replaceAll('_scriptDir', 'globalThis.__tfjsWasmScriptDir');
      if (fixed === code) this.error('tfjs-backend-wasm-threaded-simd.js no longer has _scriptDir: check whether this fix is still needed');
      return { code: fixed, map: null };
    },
  };
}

// Relative base: the built site works from any sub-path (GitHub Pages, a folder on a lab server…).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), isolationServiceWorker()],
  // TensorFlow.js runs in the workers, bundled with their own plugins.
  worker: { format: 'es', plugins: () => [tfjsThreadedWasmScriptDir()] },
  build: {
    target: 'es2022',
    // KaTeX's fonts as files, not data: URLs, which the CSP's default-src 'self' would block.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
  },
});
