/** Starts the parse worker (the built-in set at start-up, then each load) and wraps it with Comlink. */
import * as Comlink from 'comlink';
import type { ParserApi } from '../workers/protocol';

export interface ParserClient {
  api: Comlink.Remote<ParserApi>;
  terminate(): void;
}

export function startParserWorker(): ParserClient {
  const worker = new Worker(new URL('../workers/parser.worker.ts', import.meta.url), { type: 'module' });
  return { api: Comlink.wrap<ParserApi>(worker), terminate: () => worker.terminate() };
}
