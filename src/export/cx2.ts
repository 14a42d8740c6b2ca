/**
 * CX2, the Cytoscape Exchange format version 2 (cytoscape.org/cx/cx2/specification): a JSON array
 * of a descriptor, pre-metadata (element counts), attribute declarations, network attributes,
 * nodes, edges and a final status. Written from the specification; Cytoscape desktop (File →
 * Import → Network from File, .cx2) and NDEx read it. Node and edge ids are integers (node = graph
 * index, edge = row number), so the drug's own id travels as the `drug_id` attribute; lists use
 * CX2's `list_of_string`. A typed graph's nodes carry `kind` and its edges `relation` (declared only then).
 */
import { edgeRows, isTypedGraph, nodeRows, type GraphExportInput } from './graphData';

type CxType = 'string' | 'integer' | 'double' | 'list_of_string';

const NODE_ATTRIBUTES: Record<string, CxType> = { name: 'string', drug_id: 'string', atc: 'list_of_string', smiles: 'string', groups: 'list_of_string' };
const EDGE_ATTRIBUTES: Record<string, CxType> = {
  known: 'integer',
  type: 'string',
  interaction: 'string',
  split: 'string',
  probability: 'double',
  score: 'double',
};

const declare = (attrs: Record<string, CxType>) => Object.fromEntries(Object.entries(attrs).map(([k, d]) => [k, { d }]));

/** The CX2 document as plain JSON values (see writeCx2 for the text). */
export function cx2Document(input: GraphExportInput): unknown[] {
  const nodes = nodeRows(input).map((n) => {
    const v: Record<string, unknown> = { name: n.name, drug_id: n.id };
    if (n.atc.length > 0) v.atc = n.atc;
    if (n.smiles) v.smiles = n.smiles;
    if (n.groups.length > 0) v.groups = n.groups;
    if (n.kind !== undefined) v.kind = n.kind;
    return { id: n.index, v, ...(n.position ? { x: n.position.x, y: n.position.y } : {}) };
  });
  const edges = edgeRows(input).map((e, id) => {
    const v: Record<string, unknown> = { known: e.known, type: e.type, interaction: e.type };
    if (e.relation !== undefined) v.relation = e.relation;
    if (e.split !== undefined) v.split = e.split;
    if (e.probability !== undefined) v.probability = finiteOrNull(e.probability);
    if (e.score !== undefined) v.score = finiteOrNull(e.score);
    return { id, s: e.source, t: e.target, v };
  });
  const typed = isTypedGraph(input.graph);
  const networkAttributes: Record<string, string> = { name: input.graph.name };
  if (input.description) networkAttributes.description = input.description;
  return [
    { CXVersion: '2.0', hasFragments: false },
    {
      metaData: [
        { name: 'attributeDeclarations', elementCount: 1 },
        { name: 'networkAttributes', elementCount: 1 },
        { name: 'nodes', elementCount: nodes.length },
        { name: 'edges', elementCount: edges.length },
      ],
    },
    {
      attributeDeclarations: [
        {
          networkAttributes: declare(Object.fromEntries(Object.keys(networkAttributes).map((k) => [k, 'string' as const]))),
          nodes: declare(typed ? { ...NODE_ATTRIBUTES, kind: 'string' } : NODE_ATTRIBUTES),
          edges: declare(typed ? { ...EDGE_ATTRIBUTES, relation: 'string' } : EDGE_ATTRIBUTES),
        },
      ],
    },
    { networkAttributes: [networkAttributes] },
    { nodes },
    { edges },
    { status: [{ error: '', success: true }] },
  ];
}

// JSON has no NaN: a diverged model's score is written as null (missing) rather than breaking the file.
const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

export const writeCx2 = (input: GraphExportInput): string => JSON.stringify(cx2Document(input));
