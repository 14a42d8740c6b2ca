/** Pairs grouped by their first drug, for scorers that do per-drug work once (heuristics, Katz). */

/**
 * The pair indices grouped by their first drug (a counting sort): the pairs of drug a are
 * order[start[a]] … order[start[a + 1] − 1], so per-drug work is done once per group.
 */
export function groupByFirst(numNodes: number, a: Int32Array): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(numNodes + 1);
  for (let i = 0; i < a.length; i++) start[a[i] + 1]++;
  for (let v = 0; v < numNodes; v++) start[v + 1] += start[v];
  const fill = start.slice(0, numNodes);
  const order = new Int32Array(a.length);
  for (let i = 0; i < a.length; i++) order[fill[a[i]]++] = i;
  return { start, order };
}
