/**
 * Small synthetic graphs for the model tests: two communities (even and odd drugs), so that there is
 * something to learn for every task.
 */
import type { DrugNode } from '../../src/data/graph';
import { Rng } from '../../src/model/rng';
import { PairSet, type Pairs } from '../../src/model/split';
import type { TrainingGraph } from '../../src/model/tasks/trainerBase';

/**
 * Pairs within a community with probability `within`, across with `between` (a seeded LCG, so each
 * test's graph is fixed); edge type = community pair (0: both even, 1: both odd, 2: mixed); ATC main
 * group by community, missing on every `missingAtcEvery`-th drug (0: none missing).
 */
export function communities(n: number, seed: number, { within = 0.3, between = 0.06, missingAtcEvery = 0 } = {}): TrainingGraph {
  const src: number[] = [];
  const dst: number[] = [];
  const type: number[] = [];
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let u = 0; u < n; u++) {
    for (let v = u + 1; v < n; v++) {
      const same = u % 2 === v % 2;
      if (rand() < (same ? within : between)) {
        src.push(u);
        dst.push(v);
        type.push(same ? u % 2 : 2);
      }
    }
  }
  const nodes: DrugNode[] = Array.from({ length: n }, (_, i) => ({
    id: `D${i}`,
    name: `D${i}`,
    ...(missingAtcEvery > 0 && i % missingAtcEvery === missingAtcEvery - 1 ? {} : { atc: [i % 2 === 0 ? 'C01AA05' : 'N02BE01'] }),
  }));
  return {
    numNodes: n,
    edgeSrc: Int32Array.from(src),
    edgeDst: Int32Array.from(dst),
    edgeType: Int32Array.from(type),
    edgeTypes: ['even', 'odd', 'mixed'],
    nodes,
  };
}

/** `m` distinct random pairs lo < hi over n nodes (seeded). */
export function randomPairs(n: number, m: number, seed: number): Pairs {
  const rng = new Rng(seed);
  const seen = new PairSet(n);
  const a: number[] = [];
  const b: number[] = [];
  while (a.length < m) {
    const u = rng.int(n);
    const v = rng.int(n);
    if (u === v || seen.has(u, v)) continue;
    seen.add(u, v);
    a.push(Math.min(u, v));
    b.push(Math.max(u, v));
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b) };
}
