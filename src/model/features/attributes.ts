/**
 * Node features from DrugBank annotations: one-hot ATC main groups and DrugBank categories.
 * Drugs without the annotation get an all-zero row plus a set "unknown" flag column, so the model
 * can tell "none known" apart from any class.
 */
import type { DrugNode } from '../../data/graph';
import type { FeatureBlock } from './block';

/** The 14 anatomical main groups, the first letter of an ATC code. */
export const ATC_GROUPS = ['A', 'B', 'C', 'D', 'G', 'H', 'J', 'L', 'M', 'N', 'P', 'R', 'S', 'V'] as const;

/** First-level ATC groups of a drug (distinct, in ATC_GROUPS order). */
export function atcGroupsOf(node: DrugNode): number[] {
  const groups = new Set<number>();
  for (const code of node.atc ?? []) {
    const g = ATC_GROUPS.indexOf(code.trim().charAt(0).toUpperCase() as (typeof ATC_GROUPS)[number]);
    if (g >= 0) groups.add(g);
  }
  return [...groups].sort((a, b) => a - b);
}

const count = (n: number) => n.toLocaleString('en-US');

export function atcFeatures(nodes: DrugNode[]): FeatureBlock {
  const dim = ATC_GROUPS.length + 1;
  const data = new Float32Array(nodes.length * dim);
  let missing = 0;
  nodes.forEach((node, i) => {
    const groups = atcGroupsOf(node);
    if (groups.length === 0) {
      data[i * dim + ATC_GROUPS.length] = 1;
      missing++;
    }
    for (const g of groups) data[i * dim + g] = 1;
  });
  const notes = missing > 0 ? [`ATC: ${count(missing)} of ${count(nodes.length)} drugs have no ATC code (zero row, “unknown” flag set).`] : [];
  return { name: 'atc', dim, data, notes };
}

/** One-hot of the `max` most frequent categories (ties by name), plus an "unknown" flag. */
export function categoryFeatures(nodes: DrugNode[], max = 64): FeatureBlock {
  const freq = new Map<string, number>();
  for (const n of nodes) for (const c of new Set(n.categories ?? [])) freq.set(c, (freq.get(c) ?? 0) + 1);
  const kept = [...freq.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([c]) => c);
  const index = new Map(kept.map((c, i) => [c, i]));
  const dim = kept.length + 1;
  const data = new Float32Array(nodes.length * dim);
  let missing = 0;
  nodes.forEach((node, i) => {
    let any = false;
    for (const c of node.categories ?? []) {
      const k = index.get(c);
      if (k !== undefined) {
        data[i * dim + k] = 1;
        any = true;
      }
    }
    if (!any) {
      data[i * dim + kept.length] = 1;
      missing++;
    }
  });
  const notes =
    missing > 0
      ? [`Categories: ${count(missing)} of ${count(nodes.length)} drugs have none of the ${kept.length} most frequent categories (“unknown” flag set).`]
      : [];
  return { name: 'categories', dim, data, notes };
}
