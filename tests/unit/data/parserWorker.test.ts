import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MessageChannel } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { createParserApi, installLoadErrorTransfer } from '../../../src/workers/parserService';
import { isLoadError } from '../../../src/data/errors';
import type { ParseProgress } from '../../../src/data/parseResult';
import type { ParserApi } from '../../../src/workers/protocol';

// The worker's API driven over a real MessageChannel, as the page drives the worker, fetching from a
// local HTTP server as `?data=<url>` would.
installLoadErrorTransfer();
const channel = new MessageChannel();
Comlink.expose(createParserApi(), channel.port1 as unknown as Comlink.Endpoint);
const api = Comlink.wrap<ParserApi>(channel.port2 as unknown as Comlink.Endpoint);

const FILES: Record<string, string> = {
  '/data/ddi.tsv': 'Drug1\tDrug2\nDB00001\tDB00002\nDB00002\tDB00003\n',
  '/data/drugbank%20vocabulary.csv': 'DrugBank ID,Common name\nDB00001,Lepirudin\n',
  '/data/bad.xml': '<drugbank>\n<drug>\n</drugbank>',
};
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/endless.tsv') {
      res.writeHead(200, { 'content-type': 'text/tab-separated-values' });
      res.write('Drug1\tDrug2\n');
      const timer = setInterval(() => res.write('DB00001\tDB00002\n'.repeat(1000)), 5);
      res.on('close', () => clearInterval(timer));
      return;
    }
    const body = FILES[req.url ?? ''];
    if (body === undefined) {
      res.writeHead(404, 'Not Found').end('missing');
      return;
    }
    res.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  channel.port1.close();
  channel.port2.close();
  server.closeAllConnections();
  server.close();
});

describe('parse worker API', () => {
  it('loads ?data= URLs with streaming fetch, reports progress, and returns typed arrays', async () => {
    const seen: ParseProgress[] = [];
    const r = await api.loadUrl(
      [`${base}/data/ddi.tsv`, `${base}/data/drugbank%20vocabulary.csv`],
      {},
      Comlink.proxy((p: ParseProgress) => void seen.push(p)),
    );
    expect(r.report).toMatchObject({ nodes: 3, edges: 2, withNames: 1, files: ['ddi.tsv', 'drugbank vocabulary.csv'] });
    expect(r.graph.edgeSrc).toBeInstanceOf(Int32Array);
    expect(Array.from(r.graph.edgeDst)).toEqual([1, 2]);
    // Progress travels on its own (proxy) channel, so the last events may land just after the result.
    await new Promise((ok) => setTimeout(ok, 50));
    expect(seen.at(-1)).toMatchObject({ file: 'drugbank vocabulary.csv', fileIndex: 1, fileCount: 2, totalBytes: 42 });
  });

  it('rejects with a LoadError carrying kind, file, line and column across the boundary', async () => {
    const e: unknown = await api.loadUrl([`${base}/data/bad.xml`]).catch((err: unknown) => err);
    expect(isLoadError(e)).toBe(true);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ name: 'LoadError', kind: 'malformed-xml', file: 'bad.xml', line: 3 });
    expect((e as Error).message).toMatch(/^bad\.xml, line 3, column \d+: /);
    const missing: unknown = await api.loadUrl([`${base}/data/none.tsv`]).catch((err: unknown) => err);
    expect(missing).toMatchObject({ kind: 'io', message: expect.stringMatching(/HTTP 404/) });
  });

  it('cancel() stops a streaming download within a second', async () => {
    const pending = api.loadUrl([`${base}/endless.tsv`]).catch((err: unknown) => err);
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    await api.cancel();
    expect(await pending).toMatchObject({ kind: 'cancelled' });
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('loads File objects and detects their columns (called directly: Node cannot post Files)', async () => {
    const direct = createParserApi();
    const r = await direct.load([new File(['source,target,weight\na,b,0.5\n'], 'e.csv')]);
    expect(r.report).toMatchObject({ files: ['e.csv'], nodes: 2, edges: 1 });
    expect(Array.from(r.graph.edgeWeight!)).toEqual([0.5]);
    const d = await direct.detectColumns(new File(['source,target,weight\na,b,1\n'], 'e.csv'));
    expect(d).toMatchObject({ file: 'e.csv', mapping: { source: 0, target: 1, weight: 2 } });
  });
});
