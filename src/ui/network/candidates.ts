/**
 * The dashed candidate edges: the strongest predicted pairs that are not known interactions and
 * whose drugs are both drawn (the list beside the view shows them all). Only the difference to
 * what is drawn is added or removed: from one refresh to the next most candidates stay, and any
 * change at all costs the canvas renderer a full redraw.
 */
import type cytoscape from 'cytoscape';
import type { CandidatePair } from '../../workers/protocol';
import { candidateEdgeId, nodeElementId } from '../graphElements';

/** Makes the drawn candidate edges match `candidates`; returns how many edges were added or removed. */
export function syncCandidates(cy: cytoscape.Core, candidates: CandidatePair[]): number {
  const wanted = new Map<string, CandidatePair>();
  for (const c of candidates) {
    if (cy.$id(nodeElementId(c.a)).nonempty() && cy.$id(nodeElementId(c.b)).nonempty()) wanted.set(candidateEdgeId(c.a, c.b), c);
  }
  const stale = cy.edges('.candidate').filter((e) => !wanted.has(e.id()));
  const fresh = [...wanted.entries()].filter(([id]) => cy.$id(id).empty());
  if (stale.empty() && fresh.length === 0) return 0;
  cy.batch(() => {
    stale.remove();
    cy.add(
      fresh.map(([id, c]) => ({
        group: 'edges' as const,
        classes: 'candidate',
        data: { id, source: nodeElementId(c.a), target: nodeElementId(c.b) },
      })),
    );
  });
  return stale.length + fresh.length;
}
