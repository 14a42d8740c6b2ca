/** Who can influence a node: the k-hop rings upstream of it in the message-passing graph. */
import type { MessageGraph } from '../messageGraph';

/**
 * Nodes exactly k hops upstream of v for k = 1..maxHops (messages flow src → dst, so we walk the
 * edges backwards). rings[k-1] is sorted; v itself is in no ring.
 */
export function hopRings(g: MessageGraph, v: number, maxHops: number): number[][] {
  const incoming: number[][] = Array.from({ length: g.numNodes }, () => []);
  for (let e = 0; e < g.dst.length; e++) incoming[g.dst[e]].push(g.src[e]);
  const dist = new Int32Array(g.numNodes).fill(-1);
  dist[v] = 0;
  let frontier = [v];
  const rings: number[][] = [];
  for (let k = 1; k <= maxHops; k++) {
    const next: number[] = [];
    for (const w of frontier)
      for (const u of incoming[w])
        if (dist[u] < 0) {
          dist[u] = k;
          next.push(u);
        }
    rings.push(next.sort((x, y) => x - y));
    frontier = next;
  }
  return rings;
}
