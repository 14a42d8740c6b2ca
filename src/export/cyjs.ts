/**
 * Cytoscape.js JSON: `{ elements: { nodes, edges } }` with every value under `data`, as
 * `cy.json()` gives and `cytoscape({ elements })` or `cy.json(...)` take back; Cytoscape desktop
 * imports it too (.cyjs, the format it exports). Lists stay JSON arrays. Drawn drugs carry their
 * position. A typed graph's nodes carry `kind` and its edges `relation`.
 */
import { edgeRows, nodeRows, type GraphExportInput } from './graphData';

export interface CyjsDocument {
  format_version: '1.0';
  generated_by: string;
  target_cytoscapejs_version: string;
  data: { name: string; description?: string };
  elements: {
    nodes: { data: Record<string, unknown>; position?: { x: number; y: number } }[];
    edges: { data: Record<string, unknown> }[];
  };
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

export function cyjsDocument(input: GraphExportInput): CyjsDocument {
  const nodes = nodeRows(input);
  return {
    format_version: '1.0',
    generated_by: 'Drug GNN Playground',
    target_cytoscapejs_version: '~3.0',
    data: { name: input.graph.name, ...(input.description ? { description: input.description } : {}) },
    elements: {
      nodes: nodes.map((n) => ({
        data: { id: n.id, name: n.name, atc: n.atc, smiles: n.smiles, groups: n.groups, ...(n.kind === undefined ? {} : { kind: n.kind }) },
        ...(n.position ? { position: { x: n.position.x, y: n.position.y } } : {}),
      })),
      edges: edgeRows(input).map((e) => ({
        data: {
          id: e.id,
          source: nodes[e.source].id,
          target: nodes[e.target].id,
          known: e.known,
          type: e.type,
          interaction: e.type,
          ...(e.relation !== undefined ? { relation: e.relation } : {}),
          ...(e.split !== undefined ? { split: e.split } : {}),
          ...(e.probability !== undefined ? { probability: finiteOrNull(e.probability) } : {}),
          ...(e.score !== undefined ? { score: finiteOrNull(e.score) } : {}),
        },
      })),
    },
  };
}

export const writeCyjs = (input: GraphExportInput): string => JSON.stringify(cyjsDocument(input));
