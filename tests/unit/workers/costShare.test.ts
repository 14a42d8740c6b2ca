import { describe, expect, it } from 'vitest';
import { CostShare } from '../../../src/workers/costShare';

describe('CostShare', () => {
  it('after a refresh of d ms waits d · (1/share − 1) ms, unless forced; reset makes it due again', () => {
    const c = new CostShare(0.25);
    expect(c.due(0, false)).toBe(true);
    c.record(0, 1000); // a 1 s scan: the next unforced one not before 3 s later
    expect(c.due(1000, false)).toBe(false);
    expect(c.due(3999, false)).toBe(false);
    expect(c.due(4000, false)).toBe(true);
    expect(c.due(1500, true)).toBe(true);
    c.record(4000, 4010); // a fast scan is due again almost at once
    expect(c.due(4040, false)).toBe(true);
    c.record(5000, 7000);
    c.reset();
    expect(c.due(7001, false)).toBe(true);
  });
});
