/** Builds the dev-only test pages (./vite.config.ts) and serves them on localhost. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { build } from 'vite';

export const PAGES_DIR = resolve(import.meta.dirname, '../../../test-results/pages');

export async function buildTestPages(): Promise<void> {
  await build({ configFile: resolve(import.meta.dirname, 'vite.config.ts') });
}

/** Where the same pages are served cross-origin isolated (COOP/COEP headers), so tfjs's wasm backend loads its threaded build. */
const ISOLATED_PATH = '/isolated/';

/** Serves the built pages at `url`, and cross-origin isolated at `isolatedUrl`. */
export async function serveTestPages(): Promise<{ url: string; isolatedUrl: string; close(): Promise<void> }> {
  const files = sirv(PAGES_DIR, { dev: true });
  const server = createServer((req, res) => {
    if (req.url?.startsWith(ISOLATED_PATH)) {
      req.url = req.url.slice(ISOLATED_PATH.length - 1);
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  return { url, isolatedUrl: `${url}${ISOLATED_PATH.slice(1)}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
