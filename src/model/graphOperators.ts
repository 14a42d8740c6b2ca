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

/**
 * A[v, u] = w(u → v) so that (A · H)[v] aggregates v's in-neighbours. 'sum' weighs each message 1,
 * 'mean' 1 / in-degree(v) (nodes with no in-neighbours get a zero row, as DGL's mean).
 */
export function aggregationMatrix(g: MessageGraph, kind: 'sum' | 'mean'): Csr {
  const deg = inDegrees(g);
  const values = new Float32Array(g.src.length);
  for (let i = 0; i < values.length; i++) values[i] = kind === 'mean' ? 1 / deg[g.dst[i]] : 1;
  return csrFromCoo(g.numNodes, g.numNodes, g.dst, g.src, values);
}
