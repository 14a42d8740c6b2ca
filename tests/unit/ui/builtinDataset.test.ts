/**
 * Built-in data sets load through the parse worker's API like any `?data=` link: the page fetches
 * and parses nothing itself. Here the worker's API runs in-process, fetching the real demo file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DrugGraph, LoadReport } from '../../../src/data/graph';
import type { PlaygroundController } from '../../../src/ui/controller';
import { DataLoader } from '../../../src/ui/dataLoader';
import type { ParserClient } from '../../../src/ui/parserClient';
import { createParserApi } from '../../../src/workers/parserService';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';

const DEMO = resolve(import.meta.dirname, '../../../public/datasets/demo.json');
const DEMO_URL = 'http://localhost/app/datasets/demo.json';

afterEach(() => vi.unstubAllGlobals());

describe('built-in data sets', () => {
  it('are fetched and parsed by the parse worker, named by their label, and complete the load with their id', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(String(url));
      return new Response(readFileSync(DEMO), { headers: { 'content-type': 'application/json' } });
    });
    let terminated = 0;
    const client = { api: createParserApi(), terminate: () => void terminated++ } as unknown as ParserClient;
    const completed: { token: number; graph: DrugGraph; report: LoadReport; dataset?: string }[] = [];
    const ended: (string | undefined)[] = [];
    const controller = {
      store: { setState: () => {}, getState: () => ({ settings: DEFAULT_SETTINGS }), subscribe: () => () => {} },
      isCurrentLoad: (t: number) => t === 7,
      endLoad: (_t: number, error?: string) => void ended.push(error),
      completeLoad: async (token: number, graph: DrugGraph, report: LoadReport, dataset?: string) => void completed.push({ token, graph, report, dataset }),
    } as unknown as PlaygroundController;

    await new DataLoader(controller, () => client).loadDataset(7, DEMO_URL, 'Demo set', 'demo');

    expect(fetched).toEqual([DEMO_URL]);
    expect(ended).toEqual([]);
    expect(completed).toHaveLength(1);
    const { token, graph, dataset } = completed[0];
    expect([token, dataset, graph.name]).toEqual([7, 'demo', 'Demo set']);
    // The file's own counts (public/datasets/DATASET.md): 165 drugs, 884 interactions.
    const demo = JSON.parse(readFileSync(DEMO, 'utf8')) as { drugs: unknown[]; interactions: unknown[] };
    expect(graph.nodes).toHaveLength(demo.drugs.length);
    expect(graph.edgeSrc).toHaveLength(demo.interactions.length);
    // As after any load, the parse worker is let go.
    expect(terminated).toBe(1);
  });
});
