/** A graph with something to learn, shared by the mini-batch and ogbl-ddi recipe tests. */
import { Rng } from '../../../src/model/rng';

/** Two dense communities (even and odd nodes) with few links between them. */
export function communities(n: number, seed: number) {
  const rng = new Rng(seed);
  const src: number[] = [];
  const dst: number[] = [];
  for (let u = 0; u < n; u++)
    for (let v = u + 1; v < n; v++)
      if (rng.next() < (u % 2 === v % 2 ? 0.3 : 0.02)) {
        src.push(u);
        dst.push(v);
      }
  return { numNodes: n, edgeSrc: Int32Array.from(src), edgeDst: Int32Array.from(dst) };
}
