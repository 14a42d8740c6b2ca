/** Converts a DrugGraph to Cytoscape element definitions (names go in as data, drawn as text). */
import type cytoscape from 'cytoscape';
import type { DrugGraph } from '../data/graph';
import { atcColor, strengthColor } from './colorScale';

export const nodeElementId = (i: number) => `n${i}`;
export const knownEdgeId = (i: number) => `e${i}`;
export const candidateEdgeId = (a: number, b: number) => `c${a}-${b}`;

export function graphElements(graph: DrugGraph): cytoscape.ElementDefinition[] {
  const nodes = graph.nodes.map((n, i) => ({
    group: 'nodes' as const,
    data: { id: nodeElementId(i), label: n.name, drugId: n.id, color: atcColor(n.atc) },
  }));
  const edges = Array.from(graph.edgeSrc, (a, i) => ({
    group: 'edges' as const,
    classes: 'known',
    data: { id: knownEdgeId(i), source: nodeElementId(a), target: nodeElementId(graph.edgeDst[i]), p: NaN, color: strengthColor(NaN) },
  }));
  return [...nodes, ...edges];
}
