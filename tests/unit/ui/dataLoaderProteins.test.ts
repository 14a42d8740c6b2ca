/** The page's load setting (DrugBank proteins) reaches the parse worker with every load. */
import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { DataLoader } from '../../../src/ui/dataLoader';
import type { PlaygroundController } from '../../../src/ui/controller';
import type { ParserClient } from '../../../src/ui/parserClient';
import type { PlaygroundState } from '../../../src/ui/store';
import type { DrugGraph } from '../../../src/data/graph';
import type { ParserLoadOptions } from '../../../src/workers/protocol';

const GRAPH: DrugGraph = { name: 'g', nodes: [{ id: 'DB1', name: 'DB1' }], edgeSrc: new Int32Array(), edgeDst: new Int32Array(), edgeTypes: [] };

function setup(proteins: PlaygroundState['settings']['proteins']) {
  const store = createStore<Partial<PlaygroundState>>()(() => ({
    graph: null,
    settings: { dataset: 'demo', proteins } as PlaygroundState['settings'],
    loading: null,
    columnDialog: null,
    addOrReplace: null,
  }));
  const seen: ParserLoadOptions[] = [];
  let token = 0;
  const controller = {
    store,
    beginLoad: () => ++token,
    isCurrentLoad: (t: number) => t === token,
    endLoad: () => {},
    completeLoad: async () => {},
  } as unknown as PlaygroundController;
  const result = async (_: unknown, opts: ParserLoadOptions) => (seen.push(opts), { graph: GRAPH, report: {} });
  const client = {
    api: { load: result, loadUrl: result, detectColumns: async () => ({ confidence: 'high', role: 'edges' }) },
    terminate: () => {},
  } as unknown as ParserClient;
  return { seen, loader: new DataLoader(controller, () => client) };
}

describe('DrugBank proteins setting on the page', () => {
  it('dropped files and ?data= links load with the setting in force', async () => {
    // loadUrls resolves links against the page's address.
    vi.stubGlobal('document', { baseURI: 'https://example.org/app/' });
    for (const mode of ['off', 'targets', 'all'] as const) {
      const { seen, loader } = setup(mode);
      await loader.loadFiles([new File(['<drugbank/>'], 'db.xml')], 'replace');
      await loader.loadUrls(['https://example.org/db.xml']);
      expect(seen.map((o) => o.drugbankProteins)).toEqual([mode, mode]);
    }
    vi.unstubAllGlobals();
  });
});
