/**
 * Which interactions the network view draws. Cytoscape cannot draw a million edges, so the view
 * never tries: it draws at most `maxEdges`, strongest predicted first, optionally only those at or
 * above a strength threshold, only inside the k-hop neighbourhood of focused drugs, and on a
 * typed graph without the node kinds and relations the user hid (their edges are not drawn, and
 * hidden nodes never are). Pure function of the graph and the predictions, so it is unit-tested.
 */
import type { TypedGraph } from '../../model/relations';
import { strongestFirst } from './strongest';

export interface ViewFilter {
  maxEdges: number;
  /** Hide known interactions predicted weaker than this (0 shows all). */
  minStrength: number;
  /** Node indices to centre on (empty: whole graph). */
  focus: number[];
  /** Radius of the neighbourhood around the focused drugs. */
  hops: number;
  /** Typed graphs: nodes and edges the user hid (1 = hidden; see hiddenMasks); absent: none. */
  hidden?: HiddenMasks;
}

export interface HiddenMasks {
  nodes: Uint8Array | null;
  edges: Uint8Array | null;
}

/** The `hide` setting's names (comma-separated kinds and relations) as a list. */
export function hiddenNames(setting: string): string[] {
  return setting
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Which nodes and edges the hidden names remove: a node of a hidden kind, an edge of a hidden
 * relation or touching a hidden node. A name that is neither a kind nor a relation of the graph is ignored.
 */
export function hiddenMasks(graph: TypedGraph, names: readonly string[]): HiddenMasks {
  const hide = new Set(names);
  const kinds = new Set((graph.kinds ?? []).flatMap((k, i) => (hide.has(k) ? [i] : [])));
  const relations = new Set((graph.relations ?? []).flatMap((r, i) => (hide.has(r) ? [i] : [])));
  const nodeKind = graph.nodeKind;
  const edgeRelation = graph.edgeRelation;
  const nodes = nodeKind && kinds.size > 0 ? Uint8Array.from(nodeKind, (k) => (kinds.has(k) ? 1 : 0)) : null;
  if (!nodes && !(edgeRelation && relations.size > 0)) return { nodes: null, edges: null };
  const edges = new Uint8Array(graph.edgeSrc.length);
  for (let i = 0; i < edges.length; i++) {
    const byRelation = edgeRelation !== undefined && relations.has(edgeRelation[i]);
    const byNode = nodes !== null && (nodes[graph.edgeSrc[i]] === 1 || nodes[graph.edgeDst[i]] === 1);
    edges[i] = byRelation || byNode ? 1 : 0;
  }
  return { nodes, edges };
}

export interface VisibleSet {
  /** Known-edge indices to draw, strongest first when predictions exist. */
  edges: Int32Array;
  /** Node indices to draw (endpoints of drawn edges, focused drugs, and all drugs of small graphs). */
  nodes: Int32Array;
  /** How many known edges pass the strength and focus filters (before the maxEdges cap). */
  matching: number;
}

/** Graphs up to this many drugs show every drug, even those without a drawn edge. */
export const SHOW_ALL_NODES_UP_TO = 1000;

/** Nodes within `hops` of any focus node, over the known interactions. */
export function neighbourhood(numNodes: number, src: Int32Array, dst: Int32Array, focus: number[], hops: number): Uint8Array {
  const inside = new Uint8Array(numNodes);
  let frontier = focus.filter((v) => v >= 0 && v < numNodes);
  frontier.forEach((v) => (inside[v] = 1));
  if (frontier.length === 0) return inside;
  const adjacency = adjacencyLists(numNodes, src, dst);
  for (let h = 0; h < hops && frontier.length > 0; h++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let k = adjacency.ptr[v]; k < adjacency.ptr[v + 1]; k++) {
        const u = adjacency.idx[k];
        if (!inside[u]) {
          inside[u] = 1;
          next.push(u);
        }
      }
    }
    frontier = next;
  }
  return inside;
}

function adjacencyLists(n: number, src: Int32Array, dst: Int32Array) {
  const ptr = new Int32Array(n + 1);
  for (let i = 0; i < src.length; i++) {
    ptr[src[i] + 1]++;
    ptr[dst[i] + 1]++;
  }
  for (let v = 0; v < n; v++) ptr[v + 1] += ptr[v];
  const fill = ptr.slice(0, n);
  const idx = new Int32Array(src.length * 2);
  for (let i = 0; i < src.length; i++) {
    idx[fill[src[i]]++] = dst[i];
    idx[fill[dst[i]]++] = src[i];
  }
  return { ptr, idx };
}

export function visibleSet(numNodes: number, src: Int32Array, dst: Int32Array, probabilities: Float32Array | null, filter: ViewFilter): VisibleSet {
  const focused = filter.focus.length > 0;
  const inside = focused ? neighbourhood(numNodes, src, dst, filter.focus, filter.hops) : null;
  const hiddenEdge = filter.hidden?.edges ?? null;
  const hiddenNode = filter.hidden?.nodes ?? null;
  const matching = new Int32Array(src.length);
  let count = 0;
  for (let i = 0; i < src.length; i++) {
    if (hiddenEdge && hiddenEdge[i]) continue;
    if (inside && !(inside[src[i]] && inside[dst[i]])) continue;
    if (probabilities && filter.minStrength > 0 && !(probabilities[i] >= filter.minStrength)) continue;
    matching[count++] = i;
  }
  const cap = Math.max(0, filter.maxEdges);
  const edges = probabilities ? strongestFirst(matching, count, probabilities, cap) : matching.slice(0, Math.min(cap, count));
  const showNode = new Uint8Array(numNodes);
  if (!focused && numNodes <= SHOW_ALL_NODES_UP_TO) showNode.fill(1);
  for (const i of edges) {
    showNode[src[i]] = 1;
    showNode[dst[i]] = 1;
  }
  for (const v of filter.focus) if (v >= 0 && v < numNodes) showNode[v] = 1;
  const nodes: number[] = [];
  for (let v = 0; v < numNodes; v++) if (showNode[v] && !hiddenNode?.[v]) nodes.push(v);
  return { edges, nodes: Int32Array.from(nodes), matching: count };
}

/** The `hide` setting with `name` hidden or shown (order kept, no duplicates). */
export function withHidden(setting: string, name: string, hide: boolean): string {
  const names = hiddenNames(setting).filter((n) => n !== name);
  return (hide ? [...names, name] : names).join(',');
}
