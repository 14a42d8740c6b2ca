/**
 * The loader's dialogs: "add or replace?" on a drop over the user's own data (Cancel touches nothing;
 * Add loads the graph in use together with the new files), and a column dialog whose load is
 * overtaken closes instead of staying over later data.
 */
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { DataLoader } from '../../../src/ui/dataLoader';
import type { PlaygroundController } from '../../../src/ui/controller';
import type { ParserClient } from '../../../src/ui/parserClient';
import type { PlaygroundState } from '../../../src/ui/store';
import type { DrugGraph } from '../../../src/data/graph';
import type { ColumnDetection } from '../../../src/data/table/layout';

const GRAPH: DrugGraph = {
  name: 'mine',
  nodes: [
    { id: 'DB1', name: 'DB1' },
    { id: 'DB2', name: 'DB2' },
  ],
  edgeSrc: Int32Array.of(0),
  edgeDst: Int32Array.of(1),
  edgeTypes: [],
};

const UNSURE: ColumnDetection = {
  file: 'wide.csv',
  delimiter: ',',
  hasHeader: true,
  header: ['x', 'y'],
  rows: [],
  role: 'edges',
  mapping: null,
  description: '',
  confidence: 'low',
};

function setup(dataset = 'files') {
  const store = createStore<Partial<PlaygroundState>>()(() => ({
    graph: GRAPH,
    settings: { dataset } as PlaygroundState['settings'],
    loading: null,
    columnDialog: null,
    addOrReplace: null,
  }));
  const loads: { names: string[]; name?: string }[] = [];
  let token = 0;
  const controller = {
    store,
    beginLoad: (label: string) => (store.setState({ loading: label }), ++token),
    isCurrentLoad: (t: number) => t === token,
    endLoad: () => store.setState({ loading: null }),
    completeLoad: async (t: number, graph: DrugGraph) => void (t === token && store.setState({ graph, loading: null })),
  } as unknown as PlaygroundController;
  const client = {
    api: {
      load: async (files: File[], opts: { name?: string }) => (
        loads.push({ names: files.map((f) => f.name), name: opts.name }),
        { graph: { ...GRAPH, name: 'new' }, report: {} }
      ),
      detectColumns: async (f: File) => (f.name === 'wide.csv' ? UNSURE : { ...UNSURE, confidence: 'high', mapping: { source: 0, target: 1 } }),
    },
    terminate: () => {},
  } as unknown as ParserClient;
  return { store, loads, loader: new DataLoader(controller, () => client) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const file = (name: string) => new File(['Drug1,Drug2\nDB1,DB3\n'], name);

describe('add or replace', () => {
  it('asks over the user own data; Cancel loads nothing and keeps the graph', async () => {
    const { store, loads, loader } = setup();
    const p = loader.loadFiles([file('more.csv')], 'ask');
    await tick();
    expect(store.getState().addOrReplace).toEqual({ files: ['more.csv'], graph: 'mine' });
    loader.resolveAddOrReplace(null);
    await p;
    expect(loads).toEqual([]);
    expect(store.getState()).toMatchObject({ graph: GRAPH, addOrReplace: null, loading: null });
  });

  it('Add loads the graph in use (as drug-graph JSON) together with the new files', async () => {
    const { store, loads, loader } = setup();
    const p = loader.loadFiles([file('more.csv')], 'ask');
    await tick();
    loader.resolveAddOrReplace('add');
    await p;
    expect(loads).toEqual([{ names: ['mine.json', 'more.csv'], name: 'mine + more.csv' }]);
    expect(store.getState().graph?.name).toBe('new');
  });

  it('Replace loads the new files alone; over a built-in set nothing is asked', async () => {
    const { loads, loader } = setup();
    const p = loader.loadFiles([file('more.csv')], 'ask');
    await tick();
    loader.resolveAddOrReplace('replace');
    await p;
    const demo = setup('demo');
    await demo.loader.loadFiles([file('more.csv')], 'ask');
    expect([loads, demo.loads]).toEqual([[{ names: ['more.csv'], name: undefined }], [{ names: ['more.csv'], name: undefined }]]);
  });

  it('the question closes when another load replaces the graph meanwhile', async () => {
    const { store, loads, loader } = setup();
    const p = loader.loadFiles([file('more.csv')], 'ask');
    await tick();
    await loader.loadFiles([file('other.csv')], 'replace');
    await p;
    expect(store.getState().addOrReplace).toBeNull();
    expect(loads.map((l) => l.names)).toEqual([['other.csv']]);
  });
});

describe('stale column dialogs', () => {
  it('a column dialog left open closes when a later load begins, and its load never runs', async () => {
    const { store, loads, loader } = setup('demo');
    const first = loader.loadFiles([file('wide.csv')]);
    await tick();
    expect(store.getState().columnDialog).toEqual([UNSURE]);
    await loader.loadFiles([file('known.csv')]);
    await first;
    expect(store.getState().columnDialog).toBeNull();
    expect(loads.map((l) => l.names)).toEqual([['known.csv']]);
  });
});
