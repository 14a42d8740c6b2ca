import { createContext, useContext } from 'react';
import type { SavedWork } from './savedWork';

/** The page's saved work; absent where the page was started without it (tests of other parts). */
export const SavedWorkContext = createContext<SavedWork | null>(null);

export const useSavedWork = (): SavedWork | null => useContext(SavedWorkContext);
