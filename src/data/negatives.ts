/**
 * The table's own negatives: pairs a label column marks 0/false/neg. They are never edges; they are
 * kept on the graph (DrugGraph.negativeSrc/negativeDst) for evaluation, and only between drugs that
 * the graph has (a negative cannot add a drug without any interaction).
 */
import type { GraphBuilder } from './graph';
import type { LoadContext } from './context';

export interface ResolvedNegatives {
  src: Int32Array;
  dst: Int32Array;
  /** One line per file for the report. */
  notes: string[];
}

/** Resolves the buffered negative id pairs to node indices (before any id map renames the nodes). */
export function resolveNegatives(ctx: LoadContext, b: GraphBuilder): ResolvedNegatives | undefined {
  if (ctx.negatives.length === 0) return undefined;
  const src: number[] = [];
  const dst: number[] = [];
  const seen = new Set<number>();
  const n = b.nodes.length;
  const notes: string[] = [];
  for (const { label, ids } of ctx.negatives) {
    let kept = 0;
    let unknown = 0;
    let positive = 0;
    let repeated = 0;
    for (let k = 0; k < ids.length; k += 2) {
      const i = b.indexOf(ids[k]);
      const j = b.indexOf(ids[k + 1]);
      if (i === undefined || j === undefined || i === j) {
        unknown++;
        continue;
      }
      if (b.hasEdge(i, j)) {
        positive++;
        continue;
      }
      const lo = i < j ? i : j;
      const hi = i < j ? j : i;
      const key = lo * n + hi;
      if (seen.has(key)) {
        repeated++;
        continue;
      }
      seen.add(key);
      src.push(lo);
      dst.push(hi);
      kept++;
    }
    const rows = ids.length / 2;
    const fmt = (x: number): string => x.toLocaleString('en-US');
    const dropped: string[] = [];
    if (unknown > 0) dropped.push(`${fmt(unknown)} name a drug without any interaction (or the same drug twice)`);
    if (positive > 0) dropped.push(`${fmt(positive)} are also listed as interactions`);
    if (repeated > 0) dropped.push(`${fmt(repeated)} repeat a pair`);
    notes.push(
      `${label}: ${fmt(rows)} row${rows === 1 ? '' : 's'} labelled negative, not read as interactions; ` +
        `${fmt(kept)} kept as the table's own negative pairs` +
        (dropped.length > 0 ? ` (dropped: ${dropped.join('; ')})` : '') +
        '.',
    );
  }
  return { src: Int32Array.from(src), dst: Int32Array.from(dst), notes };
}
