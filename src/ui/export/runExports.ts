/** Exports of run cards, the runs table and the split. */
import type { ExportEntry } from './types';

export const runExports: ExportEntry[] = [];
