/**
 * The sparse operators a message-passing layer needs, built once per graph from the
 * message-passing edges (training pairs in both directions).
 */
import { csrFromCoo, type Csr } from './csr';

export interface MessageGraph {
  numNodes: number;
  /** Directed message edges u → v: messages flow from src to dst. */
  src: Int32Array;
  dst: Int32Array;
  /**
   * Typed graphs (R-GCN): the message relation of each edge, 0 … relationNames.length − 1. Absent: one
   * relation. Layers other than R-GCN ignore it and pass messages over every edge alike.
   */
  relation?: Int32Array;
  relationNames?: string[];
  /**
   * Typed graphs: the kind of each node and the kind each message relation ends at (its receiving kind),
   * so a per-relation layer (layers/hetero.ts) updates only the nodes a relation can reach, as PyG's
   * HeteroConv. Absent: every relation may reach every node.
   */
  nodeKind?: Int32Array;
  relationKind?: Int32Array;
}

/** How many message relations the graph has (1 when untyped). */
export const relationCount = (g: MessageGraph): number => g.relationNames?.length ?? 1;

/**
 * Per node, 1 when message relation r ends at the node's kind (layers/hetero.ts combines over these
 * relations only); null when the graph has no kinds (every relation reaches every node).
 */
export function relationReceivers(g: MessageGraph, r: number): Float32Array | null {
  if (!g.nodeKind || !g.relationKind) return null;
  const kind = g.relationKind[r];
  return Float32Array.from(g.nodeKind, (k) => (k === kind ? 1 : 0));
}

/** The edges of one message relation, as a graph of their own (all of them when untyped). */
export function relationSubgraph(g: MessageGraph, r: number): MessageGraph {
  if (!g.relation) return { numNodes: g.numNodes, src: g.src, dst: g.dst };
  let count = 0;
  for (let i = 0; i < g.relation.length; i++) if (g.relation[i] === r) count++;
  const src = new Int32Array(count);
  const dst = new Int32Array(count);
  for (let i = 0, k = 0; i < g.relation.length; i++) {
    if (g.relation[i] !== r) continue;
    src[k] = g.src[i];
    dst[k++] = g.dst[i];
  }
  return { numNodes: g.numNodes, src, dst };
}

/** Both directions of each undirected pair. */
export function messageGraphFromPairs(numNodes: number, a: Int32Array, b: Int32Array): MessageGraph {
  const src = new Int32Array(a.length * 2);
  const dst = new Int32Array(a.length * 2);
  src.set(a, 0);
  src.set(b, a.length);
  dst.set(b, 0);
  dst.set(a, a.length);
  return { numNodes, src, dst };
}

export function inDegrees(g: MessageGraph): Float32Array {
  const deg = new Float32Array(g.numNodes);
  for (let i = 0; i < g.dst.length; i++) deg[g.dst[i]]++;
  return deg;
}

/** The same graph with one self-loop v → v added per node (Kipf GCN, GAT). */
export function withSelfLoops(g: MessageGraph): MessageGraph {
  const n = g.numNodes;
  const src = new Int32Array(g.src.length + n);
  const dst = new Int32Array(g.dst.length + n);
  src.set(g.src);
  dst.set(g.dst);
  for (let v = 0; v < n; v++) {
    src[g.src.length + v] = v;
    dst[g.dst.length + v] = v;
  }
  return { numNodes: n, src, dst };
}

export type NeighbourhoodKind = 'sum' | 'mean' | 'gcn';

/**
 * A[v, u] = w(u → v) so that (A · H)[v] aggregates v's in-neighbours. 'sum' weighs each message 1,
 * 'mean' 1 / in-degree(v) (nodes with no in-neighbours get a zero row, as DGL's mean), 'gcn' is
 * Kipf & Welling's D^-1/2 (A + I) D^-1/2 with D the degree including the self-loop (PyG's gcn_norm).
 */
export function aggregationMatrix(g: MessageGraph, kind: NeighbourhoodKind): Csr {
  const graph = kind === 'gcn' ? withSelfLoops(g) : g;
  const deg = inDegrees(graph);
  const values = new Float32Array(graph.src.length);
  for (let i = 0; i < values.length; i++) {
    if (kind === 'mean') values[i] = 1 / deg[graph.dst[i]];
    else if (kind === 'gcn') values[i] = 1 / Math.sqrt(deg[graph.dst[i]] * deg[graph.src[i]]);
    else values[i] = 1;
  }
  return csrFromCoo(graph.numNodes, graph.numNodes, graph.dst, graph.src, values);
}

/**
 * Message edges grouped by destination (CSR order): edge k runs src[k] → dst[k], and the edges into
 * v are k ∈ [rowPtr[v], rowPtr[v + 1]). Per-edge tensors (attention) use this order.
 */
export interface EdgeIndex {
  numNodes: number;
  rowPtr: Int32Array;
  src: Int32Array;
  dst: Int32Array;
}

export function edgeIndexOf(g: MessageGraph): EdgeIndex {
  const csr = aggregationMatrix(g, 'sum');
  const dst = new Int32Array(csr.colIdx.length);
  for (let v = 0; v < g.numNodes; v++) dst.fill(v, csr.rowPtr[v], csr.rowPtr[v + 1]);
  return { numNodes: g.numNodes, rowPtr: csr.rowPtr, src: csr.colIdx, dst };
}
