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
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n  Content-Security-Policy: ${CSP}\n` });
    },
  };
}

// Relative base: the built site works from any sub-path (GitHub Pages, a folder on a lab server…).
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    // KaTeX's fonts as files, not data: URLs, which the CSP's default-src 'self' would block.
    assetsInlineLimit: (file: string) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
  },
});
