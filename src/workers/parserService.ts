/**
 * What the parse worker exposes: loads dropped files and `?data=` URLs with the shared loaders, one at
 * a time, and transfers the result's typed arrays instead of copying them. Kept apart from the worker
 * entry so tests can drive it over a MessageChannel.
 */
import * as Comlink from 'comlink';
import { loadFiles } from '../data/loadFiles';
import { detectColumns } from '../data/detectColumns';
import { openUrl } from '../data/urlInput';
import { LoadError } from '../data/errors';
import { PARSE_MEMORY_BUDGET } from '../data/memoryBudget';
import type { InputFile } from '../data/input';
import type { ParseProgress, ParseResult } from '../data/parseResult';
import type { ParserApi, ParserLoadOptions } from './protocol';

async function run(files: InputFile[], signal: AbortSignal, options: ParserLoadOptions, onProgress?: (p: ParseProgress) => void): Promise<ParseResult> {
  const result = await loadFiles(files, { ...options, memoryBudget: options.memoryBudget ?? PARSE_MEMORY_BUDGET, signal, onProgress });
  const g = result.graph;
  const tp = g.typedPairs;
  const buffers = [
    g.edgeSrc.buffer,
    g.edgeDst.buffer,
    g.edgeType?.buffer,
    g.edgeWeight?.buffer,
    tp?.head.buffer,
    tp?.tail.buffer,
    tp?.type.buffer,
    g.pairLabels?.edge.buffer,
    g.pairLabels?.label.buffer,
  ].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  return Comlink.transfer(result, buffers);
}

/**
 * The worker's API. One load at a time: a new one cancels the one before. `origin`: the page's, whose
 * fetch policy `?data=` links must follow (a worker's location has the page's origin); none in Node.
 */
export function createParserApi(origin: string | undefined = globalThis.location?.origin): ParserApi {
  let current: AbortController | null = null;
  const begin = (): AbortSignal => {
    current?.abort();
    current = new AbortController();
    return current.signal;
  };
  return {
    load(files, options = {}, onProgress) {
      return run(files, begin(), options, onProgress);
    },
    async loadUrl(urls, options = {}, onProgress) {
      const signal = begin();
      const files: InputFile[] = [];
      for (const url of urls) files.push(await openUrl(url, signal, origin));
      return run(files, signal, options, onProgress);
    },
    cancel() {
      current?.abort();
    },
    detectColumns(file) {
      return detectColumns(file);
    },
  };
}

/**
 * Comlink sends thrown errors as { message, name, stack } only. Keep LoadError's kind, file, line and
 * column too: the page receives an Error with name 'LoadError' and those fields (see isLoadError).
 */
export function installLoadErrorTransfer(): void {
  const base = Comlink.transferHandlers.get('throw');
  if (!base) return;
  Comlink.transferHandlers.set('throw', {
    canHandle: (v: unknown): v is unknown => base.canHandle(v),
    serialize(v: unknown) {
      const [wire, transfers] = base.serialize(v) as [{ isError: boolean; value: Record<string, unknown> }, Transferable[]];
      const err = (v as { value?: unknown }).value;
      if (err instanceof LoadError && wire.isError) {
        Object.assign(wire.value, { kind: err.kind, file: err.file, detail: err.detail, line: err.line, column: err.column });
      }
      return [wire, transfers];
    },
    deserialize: (w: unknown) => base.deserialize(w),
  });
}
