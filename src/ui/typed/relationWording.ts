/**
 * Words for one node's predicted partners under a relation: "Drugs predicted to bind PTGS2",
 * "Proteins predicted as targets of Celecoxib". Relations the data sets name get a verb; any other
 * relation reads "<partners> predicted for <name> (<relation>)".
 */
import { DEFAULT_RELATION } from '../../data/graph';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (kind: string) => `${kind}s`;

/** Phrases by relation: what the partners do to a chosen node, by the chosen node's kind. */
const PHRASES: Record<string, Record<string, (name: string) => string>> = {
  'drug-target': { protein: (n) => `Drugs predicted to bind ${n}`, drug: (n) => `Proteins predicted as targets of ${n}` },
  'drug-protein': { protein: (n) => `Drugs predicted to bind ${n}`, drug: (n) => `Proteins predicted as targets of ${n}` },
  'drug-drug': { drug: (n) => `Drugs predicted to interact with ${n}` },
  'drug-side effect': { 'side effect': (n) => `Drugs predicted to cause ${n}`, drug: (n) => `Side effects predicted for ${n}` },
};

/** The heading of `name`'s (a node of kind `kind`) predicted partners of kind `partnerKind` under `relation`. */
export function partnersHeading(relation: string, kind: string, partnerKind: string, name: string): string {
  const phrase = PHRASES[relation]?.[kind];
  return phrase ? phrase(name) : `${capital(plural(partnerKind))} predicted for ${name} (${relation})`;
}

/** The relation link prediction predicts on this graph (the `relation` setting; empty: drug-drug if present, else the only one). */
export function predictedRelation(relations: readonly string[] | undefined, setting: string): string | null {
  if (setting) return setting;
  if (!relations || relations.includes(DEFAULT_RELATION)) return DEFAULT_RELATION;
  return relations.length === 1 ? relations[0] : null;
}

/**
 * The kind a node of kind `kind` pairs with under a relation joining `ends` (its two kinds), or
 * null when the node is of neither.
 */
export function partnerKindOf(ends: readonly [string, string], kind: string): string | null {
  if (ends[0] === kind) return ends[1];
  if (ends[1] === kind) return ends[0];
  return null;
}

/** The two kinds a relation joins, from its first edge (drug, drug on an untyped graph); null when the graph lacks it. */
export function relationEnds(
  graph: { edgeSrc: Int32Array; edgeDst: Int32Array; nodeKind?: Int32Array; kinds?: string[]; edgeRelation?: Int32Array; relations?: string[] },
  relation: string,
): [string, string] | null {
  const r = graph.relations?.indexOf(relation) ?? (relation === DEFAULT_RELATION ? 0 : -1);
  if (r < 0) return null;
  const e = graph.edgeRelation ? graph.edgeRelation.indexOf(r) : 0;
  if (e < 0 || e >= graph.edgeSrc.length) return null;
  const kindOf = (v: number) => graph.kinds?.[graph.nodeKind?.[v] ?? 0] ?? 'drug';
  return [kindOf(graph.edgeSrc[e]), kindOf(graph.edgeDst[e])];
}
