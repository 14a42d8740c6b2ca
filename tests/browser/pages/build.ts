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

export async function serveTestPages(): Promise<{ url: string; close(): Promise<void> }> {
  const files = sirv(PAGES_DIR, { dev: true });
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}
