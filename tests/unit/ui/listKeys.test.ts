import { describe, expect, it } from 'vitest';
import { nextIndex } from '../../../src/ui/listKeys';

describe('nextIndex (arrow keys in a list)', () => {
  it('moves by one and stops at the ends', () => {
    expect(nextIndex('ArrowDown', 0, 5)).toBe(1);
    expect(nextIndex('ArrowDown', 4, 5)).toBe(4);
    expect(nextIndex('ArrowUp', 3, 5)).toBe(2);
    expect(nextIndex('ArrowUp', 0, 5)).toBe(0);
  });
  it('jumps with Home and End', () => {
    expect(nextIndex('Home', 3, 5)).toBe(0);
    expect(nextIndex('End', 1, 5)).toBe(4);
  });
  it('starts from nothing chosen (-1): ↓ picks the first row', () => {
    expect(nextIndex('ArrowDown', -1, 3)).toBe(0);
    expect(nextIndex('ArrowUp', -1, 3)).toBe(0);
  });
  it('keeps a stale index inside a list that shrank', () => {
    expect(nextIndex('ArrowUp', 9, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 9, 3)).toBe(2);
  });
  it('ignores other keys and empty lists', () => {
    expect(nextIndex('Enter', 1, 5)).toBeNull();
    expect(nextIndex('a', 1, 5)).toBeNull();
    expect(nextIndex('ArrowDown', 0, 0)).toBeNull();
  });
});
