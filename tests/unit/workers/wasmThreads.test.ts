import { describe, expect, it } from 'vitest';
import { AUTO_THREADS_MAX, wasmThreadCount } from '../../../src/workers/wasmThreads';

describe('wasm thread count', () => {
  it('automatic (0): one per core, at most AUTO_THREADS_MAX', () => {
    expect(wasmThreadCount(0, 2)).toBe(2);
    expect(wasmThreadCount(0, 1)).toBe(1);
    expect(wasmThreadCount(0, 16)).toBe(AUTO_THREADS_MAX);
  });

  it('automatic without a usable core count (hidden or absent) is one thread', () => {
    for (const cores of [undefined, 0, Number.NaN]) expect(wasmThreadCount(0, cores)).toBe(1);
  });

  it('a number set is used as it is, whatever the cores', () => {
    expect(wasmThreadCount(3, 2)).toBe(3);
    expect(wasmThreadCount(1, 16)).toBe(1);
  });
});
