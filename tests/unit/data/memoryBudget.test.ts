/** The parse worker's memory budget: a load past it stops with a message naming the file. */
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/data/loadFiles';
import { inputFromBytes } from '../../../src/data/input';
import { createContext } from '../../../src/data/context';
import { BYTES_PER_DRUG, BYTES_PER_EDGE, checkMemory, estimateLoadBytes, PARSE_MEMORY_BUDGET } from '../../../src/data/memoryBudget';
import { createParserApi } from '../../../src/workers/parserService';

const chain = (n: number): string =>
  'Drug1,Drug2\n' + Array.from({ length: n }, (_, i) => `DB${String(i).padStart(6, '0')},DB${String(i + 1).padStart(6, '0')}`).join('\n') + '\n';

describe('memory budget', () => {
  it('estimates from drugs and interactions', () => {
    const ctx = createContext('t');
    const b = ctx.builder;
    for (let i = 0; i < 10; i++) b.edge(b.node(`a${i}`), b.node(`b${i}`));
    expect(estimateLoadBytes(ctx)).toBe(10 * BYTES_PER_EDGE + 20 * BYTES_PER_DRUG);
  });

  it('stops a load past the budget with a message naming the file; under it the same file loads', async () => {
    const text = chain(5000); // 5,000 interactions, 5,001 drugs: ~2.3 MB estimated
    await expect(loadFiles([inputFromBytes('big.csv', text)], { memoryBudget: 1 << 20 })).rejects.toMatchObject({
      name: 'LoadError',
      kind: 'memory',
      file: 'big.csv',
      message: expect.stringMatching(
        /^big\.csv: loading stopped at about 2 MB of graph \(5,001 drugs and 5,000 interactions so far\), past this tab's budget of 1 MB: a larger graph risks the tab running out of memory\./,
      ),
    });
    const r = await loadFiles([inputFromBytes('big.csv', text)], { memoryBudget: 4 << 20 });
    expect(r.report.edges).toBe(5000);
  });

  it('the parse worker applies the documented budget by default', async () => {
    expect(PARSE_MEMORY_BUDGET).toBe(2 ** 30);
    const api = createParserApi('http://127.0.0.1:1');
    const file = new File([chain(3000)], 'e.csv');
    await expect(api.load([file], { memoryBudget: 100_000 })).rejects.toMatchObject({ kind: 'memory', file: 'e.csv' });
    expect((await api.load([file])).report.edges).toBe(3000);
  });

  it('stops when the heap is near its limit, where the platform reports it', () => {
    const ctx = createContext('t');
    const heap = (used: number) => () => ({ usedJSHeapSize: used, jsHeapSizeLimit: 1000 * 2 ** 20 });
    expect(() => checkMemory(ctx, 'x.csv', PARSE_MEMORY_BUDGET, heap(500 * 2 ** 20))).not.toThrow();
    expect(() => checkMemory(ctx, 'x.csv', PARSE_MEMORY_BUDGET, heap(900 * 2 ** 20))).toThrow(
      'x.csv: loading stopped (0 drugs and 0 interactions so far): the parse worker uses 900 MB of its 1,000 MB heap, close to the limit.',
    );
  });
});
