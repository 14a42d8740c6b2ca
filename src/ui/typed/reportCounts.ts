/**
 * The load report's headline words around its two counts: "drugs" and "interactions" for drug–drug
 * data; on a typed graph "nodes (14 drugs, 9 proteins)" and "pairs (42 drug-target)", since calling
 * a protein a drug or a drug–target pair an interaction would misreport what was loaded.
 */
import type { LoadReport } from '../../data/graph';

export interface ReportWords {
  /** Follows the node count. */
  nodes: string;
  /** Follows the edge count. */
  edges: string;
}

const pluralKind = (kind: string, n: number) => (n === 1 || kind.endsWith('s') ? kind : `${kind}s`);

/** "14 drugs, 9 proteins": the non-empty entries of `counts`, in the report's order. */
function breakdown(counts: Record<string, number>, word: (name: string, n: number) => string): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${n} ${word(name, n)}`)
    .join(', ');
}

export function reportWords(report: Pick<LoadReport, 'nodes' | 'nodeKinds' | 'relations'>): ReportWords {
  if (!report.nodeKinds && !report.relations) return { nodes: 'drugs', edges: 'interactions' };
  const kinds = breakdown(report.nodeKinds ?? { drug: report.nodes }, pluralKind);
  const relations = breakdown(report.relations ?? {}, (name) => name);
  return { nodes: `nodes (${kinds})`, edges: relations ? `pairs (${relations})` : 'pairs' };
}
