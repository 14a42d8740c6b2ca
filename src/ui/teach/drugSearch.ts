/**
 * Finding a node by id (a DrugBank ID, a UniProt accession, the id in the user's data) or by name,
 * for the stepper and the network view's search. On a typed graph every kind is searched (drugs,
 * proteins, side effects) and each hit can say its kind.
 */
import type { DrugGraph, DrugNode } from '../../data/graph';

/** Exact id first (case-insensitive), then exact name. */
export function findDrug(nodes: DrugNode[], query: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const byId = nodes.findIndex((n) => n.id.toLowerCase() === q);
  if (byId >= 0) return byId;
  const byName = nodes.findIndex((n) => n.name.toLowerCase() === q);
  return byName >= 0 ? byName : null;
}

/** Up to `limit` nodes whose id or name contains the query: exact matches first, then those starting with it. */
export function searchDrugs(nodes: DrugNode[], query: string, limit = 8): number[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const exact: number[] = [];
  const starts: number[] = [];
  const contains: number[] = [];
  nodes.forEach((n, i) => {
    const id = n.id.toLowerCase();
    const name = n.name.toLowerCase();
    if (id === q || name === q) exact.push(i);
    else if (id.startsWith(q) || name.startsWith(q)) starts.push(i);
    else if (id.includes(q) || name.includes(q)) contains.push(i);
  });
  return [...exact, ...starts, ...contains].slice(0, limit);
}

/** The node's kind on a typed graph ('protein', 'side effect', …); null on an untyped one, where every node is a drug. */
export function kindOfNode(graph: Pick<DrugGraph, 'nodeKind' | 'kinds'>, i: number): string | null {
  if (!graph.nodeKind || !graph.kinds) return null;
  return graph.kinds[graph.nodeKind[i]] ?? null;
}

/** What the search field offers to find: "a drug" or the graph's kinds ("a drug, protein or side effect"). */
export function searchableKinds(graph: Pick<DrugGraph, 'nodeKind' | 'kinds'>): string {
  const kinds = graph.nodeKind && graph.kinds ? [...new Set(graph.nodeKind)].sort((a, b) => a - b).map((k) => graph.kinds![k]) : ['drug'];
  return kinds.length === 1 ? `a ${kinds[0]}` : `a ${kinds.slice(0, -1).join(', ')} or ${kinds.at(-1)}`;
}
