import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchRefusal } from '../../../src/data/fetchPolicy';
import { createParserApi } from '../../../src/workers/parserService';

const PAGE = 'http://127.0.0.1:4173';

describe('fetch policy', () => {
  it('allows the page origin and https, refuses plain http elsewhere, naming the URL', () => {
    expect(fetchRefusal(`${PAGE}/data/x.csv`, PAGE)).toBeNull();
    expect(fetchRefusal('data/x.csv', PAGE)).toBeNull();
    expect(fetchRefusal('https://example.org/x.csv', PAGE)).toBeNull();
    expect(fetchRefusal('http://example.org/x.csv', PAGE)).toBe(
      'http://example.org/x.csv was not fetched: a link must be on this site or use https ' +
        '(this site is http://127.0.0.1:4173; nothing is read from another site over http).',
    );
    // Another port is another origin.
    expect(fetchRefusal('http://127.0.0.1:4174/x.csv', PAGE)).toMatch(/^http:\/\/127\.0\.0\.1:4174\/x\.csv was not fetched/);
    expect(fetchRefusal('ftp://example.org/x.csv', PAGE)).toMatch(/over ftp\)\.$/);
    expect(fetchRefusal('file:///etc/passwd', PAGE)).toMatch(/^file:\/\/\/etc\/passwd was not fetched/);
  });
});

describe('the parse worker applies it before fetching', () => {
  let server: Server;
  let base = '';
  const requests: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200).end('Drug1,Drug2\nDB00001,DB00002\n');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('refuses a plain-http link to another origin without a request, and loads a same-origin one', async () => {
    const elsewhere = createParserApi('http://127.0.0.1:1');
    const e = await elsewhere.loadUrl([`${base}/x.csv`]).catch((err: unknown) => err);
    expect(e).toMatchObject({ name: 'LoadError', kind: 'refused', file: 'x.csv' });
    expect((e as Error).message).toBe(
      `x.csv: ${base}/x.csv was not fetched: a link must be on this site or use https (this site is http://127.0.0.1:1; nothing is read from another site over http).`,
    );
    expect(requests).toEqual([]);
    const here = createParserApi(base);
    const r = await here.loadUrl([`${base}/x.csv`]);
    expect(r.report).toMatchObject({ nodes: 2, edges: 1 });
    expect(requests).toEqual(['/x.csv']);
  });
});
