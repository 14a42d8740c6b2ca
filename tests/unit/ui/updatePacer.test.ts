import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdatePacer } from '../../../src/ui/updatePacer';

describe('UpdatePacer', () => {
  let now = 0;
  let applied: number[][] = [];
  const pacer = () =>
    new UpdatePacer<number>(
      (list) => applied.push(list),
      250,
      () => now,
    );

  beforeEach(() => {
    vi.useFakeTimers();
    now = 1000;
    applied = [];
  });
  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it('applies the first update at once, then at most one batch per interval, in order', () => {
    const p = pacer();
    p.push(1, false);
    expect(applied).toEqual([[1]]);
    advance(50);
    p.push(2, false);
    advance(50);
    p.push(3, false);
    expect(applied).toEqual([[1]]);
    advance(149);
    expect(applied).toEqual([[1]]);
    advance(1);
    expect(applied).toEqual([[1], [2, 3]]);
    advance(300);
    p.push(4, false);
    expect(applied).toEqual([[1], [2, 3], [4]]);
  });

  it('an urgent update applies everything queued before it, and itself, at once', () => {
    const p = pacer();
    p.push(1, false);
    advance(10);
    p.push(2, false);
    p.push(3, true);
    expect(applied).toEqual([[1], [2, 3]]);
    advance(1000);
    expect(applied).toEqual([[1], [2, 3]]);
  });

  it('flush applies the queue now and cancels the pending timer', () => {
    const p = pacer();
    p.push(1, false);
    p.push(2, false);
    p.flush();
    expect(applied).toEqual([[1], [2]]);
    advance(1000);
    p.flush();
    expect(applied).toEqual([[1], [2]]);
  });
});
