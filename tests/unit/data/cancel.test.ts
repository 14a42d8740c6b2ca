/**
 * Cancel always works, even when the parse worker is stuck in synchronous work and never reads the
 * cancel message: the page terminates it, ends the load without an error, and keeps its graph.
 */
import { describe, expect, it } from 'vitest';
import { DataLoader } from '../../../src/ui/dataLoader';
import type { PlaygroundController } from '../../../src/ui/controller';
import type { ParserClient } from '../../../src/ui/parserClient';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';

function stuckWorker() {
  const state = { terminated: 0, loads: 0 };
  const never = <T>(): Promise<T> => new Promise<T>(() => {});
  const client = {
    api: {
      load: () => (state.loads++, never()),
      loadUrl: () => never(),
      cancel: () => never(), // a worker in synchronous code never answers
      detectColumns: () => never(),
    },
    terminate: () => void state.terminated++,
  } as unknown as ParserClient;
  return { state, client };
}

function fakeController() {
  const calls: string[] = [];
  let token = 0;
  const controller = {
    store: { setState: () => {}, getState: () => ({ settings: DEFAULT_SETTINGS }), subscribe: () => () => {} },
    beginLoad: () => (calls.push('begin'), ++token),
    isCurrentLoad: (t: number) => t === token,
    endLoad: (_t: number, error?: string) => void calls.push(`end ${error ?? 'without error'}`),
    completeLoad: async () => void calls.push('complete'),
  } as unknown as PlaygroundController;
  return { calls, controller };
}

describe('cancelling a load', () => {
  it('terminates a stuck parse worker, ends the load without an error and never replaces the graph', async () => {
    const { state, client } = stuckWorker();
    const { calls, controller } = fakeController();
    const loader = new DataLoader(controller, () => client);
    const loading = loader.loadFiles([{ name: 'huge.xml' } as File]);
    await new Promise((r) => setTimeout(r, 10));
    expect(state.loads).toBe(1);
    await loader.cancel();
    await loading;
    expect(state.terminated).toBe(1);
    expect(calls).toEqual(['begin', 'end without error']);
  }, 2000);

  it('also while the column check of a table is under way', async () => {
    const { state, client } = stuckWorker();
    const { calls, controller } = fakeController();
    const loader = new DataLoader(controller, () => client);
    const loading = loader.loadFiles([{ name: 'wide.csv' } as File]);
    await new Promise((r) => setTimeout(r, 10));
    await loader.cancel();
    await loading;
    expect(state.terminated).toBe(1);
    expect(calls).toEqual(['begin', 'end without error']);
  }, 2000);
});
