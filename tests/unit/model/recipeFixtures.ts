/** Graphs with something to learn, shared by the mini-batch, ogbl-ddi recipe and typed-graph tests. */
import { GraphBuilder, type DrugGraph } from '../../../src/data/graph';
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

/**
 * A random drug–protein graph (typed-graph tests): `drugs` drugs with `drugPairs` random drug–drug
 * pairs, then `proteins` proteins and `targetPairs` random drug-target pairs (repeats merged).
 */
export function drugProteinGraph(o: { seed: number; drugs: number; proteins: number; drugPairs: number; targetPairs: number }): DrugGraph {
  const rng = new Rng(o.seed);
  const b = new GraphBuilder('typed');
  const drugs = Array.from({ length: o.drugs }, (_, i) => b.node(`DB${i}`));
  const protein = b.kindId('protein');
  const proteins = Array.from({ length: o.proteins }, (_, i) => b.node(`P${i}`, undefined, protein));
  for (let k = 0; k < o.drugPairs; k++) b.edge(drugs[rng.int(o.drugs)], drugs[rng.int(o.drugs)]);
  const target = b.relationId('drug-target');
  for (let k = 0; k < o.targetPairs; k++) b.edge(drugs[rng.int(o.drugs)], proteins[rng.int(o.proteins)], undefined, undefined, target);
  return b.build();
}
