/**
 * Serves the built app (dist/) under a sub-path on localhost and drives Debian's Chromium with
 * playwright-core, recording any request that leaves the app's origin.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { PlaygroundSnapshot } from '../../src/ui/automation';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SUB_PATH = '/some/sub-path/';
export const SCREENSHOTS = resolve(ROOT, 'test-results/screenshots');

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
];

export interface AppServer {
  url: string;
  /** Where ../shared/datasets is served (same origin as the app). */
  sharedUrl: string;
  close(): Promise<void>;
}

/** Test data served beside the app (same origin), e.g. for `?data=<url>`: ../shared/datasets under /shared/. */
export const SHARED_URL_PATH = '/shared/';

export async function serveDist(): Promise<AppServer> {
  const dist = resolve(ROOT, 'dist');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const files = sirv(dist, { dev: false, etag: true });
  const shared = sirv(resolve(ROOT, '../shared/datasets'), { dev: true });
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith(SHARED_URL_PATH)) {
      req.url = req.url.slice(SHARED_URL_PATH.length - 1);
      shared(req, res, () => {
        res.statusCode = 404;
        res.end();
      });
      return;
    }
    if (!req.url?.startsWith(SUB_PATH)) {
      res.statusCode = 404;
      res.end('outside the app sub-path');
      return;
    }
    req.url = req.url.slice(SUB_PATH.length - 1);
    files(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${SUB_PATH}`,
    sharedUrl: `http://127.0.0.1:${port}${SHARED_URL_PATH}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export interface OpenedApp {
  page: Page;
  /** Requests to any origin other than the app's. */
  foreignRequests: string[];
  consoleErrors: string[];
}

export async function openApp(browser: Browser, url: string): Promise<OpenedApp> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
  });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.playground?.snapshot().edges > 0 && window.playground.snapshot().backend !== null, null, {
    timeout: 60_000,
  });
  return { page, foreignRequests, consoleErrors };
}

export const snapshot = (page: Page): Promise<PlaygroundSnapshot> => page.evaluate(() => window.playground.snapshot());

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = resolve(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Waits until the run reaches `epoch` (or stops), polling the automation hook. */
export async function waitForEpoch(page: Page, epoch: number, timeout = 240_000): Promise<PlaygroundSnapshot> {
  await page.waitForFunction(
    (e) => {
      const s = window.playground.snapshot();
      return s.epoch >= e || s.status === 'error' || s.status === 'done';
    },
    epoch,
    { timeout, polling: 250 },
  );
  return snapshot(page);
}

/** The built app served and one Chromium launched for the calling test file (or describe block). */
export function useServedApp(extraArgs: string[] = []): { readonly server: AppServer; readonly browser: Browser } {
  const app = {} as { server: AppServer; browser: Browser };
  beforeAll(async () => {
    app.server = await serveDist();
    app.browser = await launchChromium(extraArgs);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}
