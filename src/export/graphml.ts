/**
 * GraphML (graphml.graphdrawing.org) for Cytoscape desktop, Gephi, yEd and NetworkX. Written by
 * hand: graphology-graphml only parses. Every attribute is declared with its type (double for
 * probability and score, int for known, string otherwise); GraphML has no list type, so ATC codes
 * and groups are joined with "|". The edge type is written twice: `type`, and `interaction`, the
 * column Cytoscape desktop treats as the edge type. A typed graph's nodes also carry `kind` and its
 * edges `relation` (declared only then: an untyped file is as it always was).
 */
import { edgeRows, escapeXml, isTypedGraph, LIST_SEPARATOR, nodeRows, type GraphExportInput } from './graphData';

type KeyType = 'string' | 'int' | 'double';

const GRAPH_KEYS: [string, KeyType][] = [
  ['name', 'string'],
  ['description', 'string'],
];
const NODE_KEYS: [string, KeyType][] = [
  ['name', 'string'],
  ['atc', 'string'],
  ['smiles', 'string'],
  ['groups', 'string'],
  ['x', 'double'],
  ['y', 'double'],
];
const EDGE_KEYS: [string, KeyType][] = [
  ['known', 'int'],
  ['type', 'string'],
  ['interaction', 'string'],
  ['split', 'string'],
  ['probability', 'double'],
  ['score', 'double'],
];

const data = (key: string, value: string | number | undefined): string =>
  value === undefined || value === '' ? '' : `<data key="${key}">${typeof value === 'number' ? String(value) : escapeXml(value)}</data>`;

export function writeGraphml(input: GraphExportInput): string {
  const nodes = nodeRows(input);
  const edges = edgeRows(input);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  const keys = (scope: string, prefix: string, list: [string, KeyType][]) =>
    list.forEach(([name, type]) => out.push(`  <key id="${prefix}_${name}" for="${scope}" attr.name="${name}" attr.type="${type}"/>`));
  keys('graph', 'g', GRAPH_KEYS);
  keys('node', 'n', NODE_KEYS);
  if (isTypedGraph(input.graph)) keys('node', 'n', [['kind', 'string']]);
  keys('edge', 'e', EDGE_KEYS);
  if (isTypedGraph(input.graph)) keys('edge', 'e', [['relation', 'string']]);
  out.push('  <graph id="G" edgedefault="undirected">');
  out.push(`    ${data('g_name', input.graph.name)}${data('g_description', input.description)}`);
  for (const n of nodes) {
    out.push(
      `    <node id="${escapeXml(n.id)}">` +
        data('n_name', n.name) +
        data('n_kind', n.kind) +
        data('n_atc', n.atc.join(LIST_SEPARATOR)) +
        data('n_smiles', n.smiles) +
        data('n_groups', n.groups.join(LIST_SEPARATOR)) +
        data('n_x', n.position?.x) +
        data('n_y', n.position?.y) +
        '</node>',
    );
  }
  for (const e of edges) {
    out.push(
      `    <edge id="${e.id}" source="${escapeXml(nodes[e.source].id)}" target="${escapeXml(nodes[e.target].id)}">` +
        data('e_known', e.known) +
        data('e_type', e.type) +
        data('e_interaction', e.type) +
        data('e_relation', e.relation) +
        data('e_split', e.split) +
        data('e_probability', e.probability) +
        data('e_score', e.score) +
        '</edge>',
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
