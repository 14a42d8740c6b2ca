/** Every export the page offers, gathered from the modules of their areas. */
import { graphExports } from './graphExports';
import { modelExports } from './modelExports';
import { predictionExports } from './predictionExports';
import { pygExports } from './pygExports';
import { runExports } from './runExports';
import type { ExportContext, ExportEntry, ExportKind, ExportOptions, ExportResult } from './types';

export const EXPORTS: readonly ExportEntry[] = [...predictionExports, ...graphExports, ...modelExports, ...runExports, ...pygExports];

export function findExport(kind: string): ExportEntry | undefined {
  return EXPORTS.find((e) => e.kind === kind);
}

/** Runs one export; rejects with a message naming the kind when it is unknown or unavailable now. */
export async function runExport(ctx: ExportContext, kind: ExportKind | string, options?: ExportOptions): Promise<ExportResult> {
  const entry = findExport(kind);
  if (!entry) throw new Error(`Unknown export “${kind}”. Known: ${EXPORTS.map((e) => e.kind).join(', ')}.`);
  const ok = entry.available?.(ctx) ?? true;
  if (ok !== true) throw new Error(`${entry.label}: ${ok}`);
  return entry.run(ctx, options);
}
