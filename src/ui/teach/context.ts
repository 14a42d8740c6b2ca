import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { TeachController } from './teachController';
import type { TeachState } from './teachStore';

export const TeachContext = createContext<TeachController | null>(null);

export function useTeachController(): TeachController {
  const c = useContext(TeachContext);
  if (!c) throw new Error('TeachContext is missing');
  return c;
}

/** Reads a slice of the teaching store and re-renders when it changes. */
export function useTeach<T>(selector: (s: TeachState) => T): T {
  return useStore(useTeachController().store, selector);
}
