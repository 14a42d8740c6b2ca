/**
 * How a typed graph looks: each node kind a shape and a colour, each relation a line pattern.
 * Drugs keep the untyped look (circles coloured by ATC group); the other kinds get shapes that
 * tell them apart without colour and colours from Okabe & Ito's colour-blind-safe palette.
 * Relations keep the strength colour of their edges and differ by dash pattern, so the strength
 * scale reads the same for every relation. Untyped graphs get none of this.
 */
import { DEFAULT_KIND, DEFAULT_RELATION, nodeKindCounts, relationCounts, type DrugGraph } from '../../data/graph';

/** A Cytoscape node shape the legend can also draw. */
export type KindShape = 'ellipse' | 'round-rectangle' | 'triangle' | 'diamond' | 'hexagon' | 'star' | 'vee';

export interface KindStyle {
  shape: KindShape;
  /** Fill colour; null: the drug's ATC colour. */
  color: string | null;
}

const DRUG_STYLE: KindStyle = { shape: 'ellipse', color: null };
/** Kinds the data sets name, fixed so a protein looks the same in every graph. */
const NAMED: Record<string, KindStyle> = {
  protein: { shape: 'round-rectangle', color: '#0072B2' },
  'side effect': { shape: 'triangle', color: '#D55E00' },
};
/** Any other kind, in the order the graph lists them. */
const OTHERS: KindStyle[] = [
  { shape: 'diamond', color: '#CC79A7' },
  { shape: 'hexagon', color: '#009E73' },
  { shape: 'star', color: '#E69F00' },
  { shape: 'vee', color: '#56B4E9' },
];

/** One style per entry of `kinds` (a graph's kind names). */
export function kindStyles(kinds: readonly string[]): KindStyle[] {
  let other = 0;
  return kinds.map((k) => (k === DEFAULT_KIND ? DRUG_STYLE : (NAMED[k] ?? OTHERS[other++ % OTHERS.length])));
}

/** Dash patterns (model units, as the edge layer's widths) after the solid first relation. */
const DASHES: number[][] = [
  [2, 2],
  [8, 2, 2, 2],
  [10, 4],
  [1, 4],
];

/**
 * One dash pattern per entry of `relations` ([] = solid): drug-drug solid (else the first
 * relation), the others dotted, dash-dot, … in order.
 */
export function relationDashes(relations: readonly string[]): number[][] {
  const solid = relations.includes(DEFAULT_RELATION) ? relations.indexOf(DEFAULT_RELATION) : 0;
  let next = 0;
  return relations.map((_, r) => (r === solid ? [] : DASHES[next++ % DASHES.length]));
}

/** A graph with node kinds or relations (otherwise the view shows no kind or relation legend). */
export function isTyped(graph: Pick<DrugGraph, 'nodeKind' | 'edgeRelation'>): boolean {
  return graph.nodeKind !== undefined || graph.edgeRelation !== undefined;
}

export interface LegendEntry {
  name: string;
  count: number;
}

/** Kinds and relations the graph actually holds (counts > 0), in the graph's order. */
export function presentKindsAndRelations(graph: Pick<DrugGraph, 'nodes' | 'nodeKind' | 'kinds' | 'edgeSrc' | 'edgeRelation' | 'relations'>): {
  kinds: LegendEntry[];
  relations: LegendEntry[];
} {
  const entries = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([name, count]) => ({ name, count }));
  return { kinds: entries(nodeKindCounts(graph)), relations: entries(relationCounts(graph)) };
}
