/** Exports of the trained model (TensorFlow.js files). */
import type { ExportEntry } from './types';

export const modelExports: ExportEntry[] = [];
