import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PlaygroundController } from './controller';
import type { DataLoader } from './dataLoader';
import type { PlaygroundState, PlaygroundStore } from './store';

export const PlaygroundContext = createContext<{ store: PlaygroundStore; controller: PlaygroundController; loader: DataLoader } | null>(null);

function usePlaygroundContext() {
  const ctx = useContext(PlaygroundContext);
  if (!ctx) throw new Error('PlaygroundContext is missing');
  return ctx;
}

/** Reads a slice of the store and re-renders when it changes. */
export function usePlayground<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(usePlaygroundContext().store, selector);
}

export const useController = (): PlaygroundController => usePlaygroundContext().controller;

export const useDataLoader = (): DataLoader => usePlaygroundContext().loader;
