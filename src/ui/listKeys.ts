/**
 * Keyboard movement in a list (the candidate pairs, the drug search's results): ↑/↓ move by one and
 * stop at the ends, Home/End jump there. Shared by the roving-tabindex list and the search combobox.
 */
import { useCallback, useState, type KeyboardEvent, type RefObject } from 'react';

/** The index a key moves to in a list of `count` rows, or null when the key does not move. */
export function nextIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  const at = Math.min(Math.max(current, -1), last);
  switch (key) {
    case 'ArrowDown':
      return Math.min(at + 1, last);
    case 'ArrowUp':
      return Math.max(at - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/**
 * A roving tabindex over the list's buttons: one Tab stop for the whole list (the row last used),
 * arrows move focus between rows, Enter/Space press the row's own button. The caller owns the list's
 * ref (so nothing returned here is a ref read during render).
 */
export function useRovingFocus<T extends HTMLElement>(list: RefObject<T | null>, count: number, itemSelector: string) {
  const [active, setActive] = useState(0);
  // The list may have shrunk (a new run, a new graph): the Tab stop stays on a row that exists.
  const current = Math.max(0, Math.min(active, count - 1));
  const onKeyDown = useCallback(
    (e: KeyboardEvent<T>) => {
      const to = nextIndex(e.key, current, count);
      if (to === null) return;
      e.preventDefault();
      setActive(to);
      list.current?.querySelectorAll<HTMLElement>(itemSelector)[to]?.focus();
    },
    [current, count, itemSelector, list],
  );
  return {
    onKeyDown,
    tabIndex: (i: number) => (i === current ? 0 : -1),
    /** Focus arriving on row i by click or script makes it the list's Tab stop. */
    onFocus: (i: number) => () => setActive(i),
  };
}
