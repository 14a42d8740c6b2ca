/**
 * GEXF 1.3 (gexf.net) for Gephi and Gephi Lite, written by graphology-gexf's writer with
 * `version: '1.3'` (its default is 1.2). ATC codes and groups are GEXF 1.3 `liststring` values
 * ("[A01, B02]"). Drugs carry their ATC colour and, when drawn, their position as `viz` data (y
 * flipped: Gephi's y axis points up, the screen's down). A typed graph's nodes also carry `kind` and
 * its edges `relation`; untyped graphs declare neither.
 */
import Graph from 'graphology';
import writeGexfString from 'graphology-gexf/browser/writer.js';
import { atcColor } from '../ui/colorScale';
import { edgeRows, nodeRows, xmlText, type GraphExportInput } from './graphData';

type Attrs = Record<string, unknown>;

const text = (s: string) => xmlText(s);
const list = (xs: string[]) => (xs.length > 0 ? xs.map(text) : undefined);

export function writeGexf(input: GraphExportInput): string {
  const nodes = nodeRows(input);
  const graph = new Graph<Attrs, Attrs, Attrs>({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.setAttribute('creator', 'Drug GNN Playground');
  graph.setAttribute('description', text([input.graph.name, input.description].filter(Boolean).join(' · ')));
  for (const n of nodes) {
    graph.addNode(n.id, {
      label: text(n.name),
      atc: list(n.atc),
      smiles: n.smiles ? text(n.smiles) : undefined,
      groups: list(n.groups),
      kind: n.kind === undefined ? undefined : text(n.kind),
      color: atcColor(n.atc),
      ...(n.position ? { x: n.position.x, y: -n.position.y } : {}),
    });
  }
  for (const e of edgeRows(input)) {
    graph.addEdgeWithKey(e.id, nodes[e.source].id, nodes[e.target].id, {
      label: text(e.type),
      known: e.known,
      type: text(e.type),
      interaction: text(e.type),
      relation: e.relation === undefined ? undefined : text(e.relation),
      split: e.split,
      probability: e.probability,
      score: e.score,
    });
  }
  return writeGexfString(graph, {
    version: '1.3',
    formatNode: (_key, a) => ({
      label: a.label as string,
      attributes: { name: a.label, atc: a.atc, smiles: a.smiles, groups: a.groups, ...(a.kind === undefined ? {} : { kind: a.kind }) },
      viz: { color: a.color as string, ...(a.x === undefined ? {} : { x: a.x as number, y: a.y as number }) },
    }),
    formatEdge: (_key, a) => ({
      label: a.label as string,
      attributes: {
        known: a.known,
        type: a.type,
        interaction: a.interaction,
        ...(a.relation === undefined ? {} : { relation: a.relation }),
        split: a.split,
        probability: a.probability,
        score: a.score,
      },
    }),
  });
}
