/** Exports of the PyTorch Geometric project. */
import type { ExportEntry } from './types';

export const pygExports: ExportEntry[] = [];
