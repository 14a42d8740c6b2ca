/** Exports of predictions (CSV/TSV). */
import type { ExportEntry } from './types';

export const predictionExports: ExportEntry[] = [];
