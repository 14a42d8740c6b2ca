/** Finding a drug by DrugBank ID (or the id in the user's data) or by name, for the stepper. */
import type { DrugNode } from '../../data/graph';

/** Exact id first (case-insensitive), then exact name. */
export function findDrug(nodes: DrugNode[], query: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return null;
  const byId = nodes.findIndex((n) => n.id.toLowerCase() === q);
  if (byId >= 0) return byId;
  const byName = nodes.findIndex((n) => n.name.toLowerCase() === q);
  return byName >= 0 ? byName : null;
}

/** Up to `limit` drugs whose id or name contains the query, those starting with it first. */
export function searchDrugs(nodes: DrugNode[], query: string, limit = 8): number[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const starts: number[] = [];
  const contains: number[] = [];
  nodes.forEach((n, i) => {
    const id = n.id.toLowerCase();
    const name = n.name.toLowerCase();
    if (id.startsWith(q) || name.startsWith(q)) starts.push(i);
    else if (id.includes(q) || name.includes(q)) contains.push(i);
  });
  return [...starts, ...contains].slice(0, limit);
}
