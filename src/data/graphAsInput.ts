/**
 * The graph already loaded as one more input file (drug-graph/1 JSON), so that "add these files to
 * the current graph" goes through the same loader that merges several files dropped together:
 * duplicates, types, companions and the report work as for any other file.
 */
import { DRUG_GRAPH_FORMAT } from './jsonGraph';
import type { DrugGraph } from './graph';

/**
 * For each edge, whether its type came from the listing (tail, head) = (edgeDst, edgeSrc), and the
 * typed listings that are not their edge's first (the other direction of a pair listed both ways),
 * so a reparse rebuilds the same edges and the same directed typed pairs.
 */
function directions(g: DrugGraph): { reversed: Uint8Array; extra: number[] } {
  const reversed = new Uint8Array(g.edgeSrc.length);
  const extra: number[] = [];
  const tp = g.typedPairs;
  if (!tp) return { reversed, extra };
  const n = g.nodes.length;
  const first = new Map<number, number>();
  for (let i = 0; i < tp.head.length; i++) {
    const lo = Math.min(tp.head[i], tp.tail[i]);
    const key = lo * n + Math.max(tp.head[i], tp.tail[i]);
    if (first.has(key)) extra.push(i);
    else first.set(key, i);
  }
  for (let e = 0; e < g.edgeSrc.length; e++) {
    const i = first.get(g.edgeSrc[e] * n + g.edgeDst[e]);
    if (i !== undefined && tp.head[i] !== g.edgeSrc[e]) reversed[e] = 1;
  }
  return { reversed, extra };
}

/** drug-graph/1 JSON text of `g`: every drug with its attributes, every interaction (typed ones as listed, both directions; a pair's other labels as more listings), the table's own negatives. */
export function drugGraphJson(g: DrugGraph): string {
  // Typed graphs: a node's kind and an edge's relation, written only where they are not the defaults.
  const kindOf = (i: number) => (g.nodeKind && g.kinds && g.nodeKind[i] !== 0 ? g.kinds[g.nodeKind[i]] : undefined);
  const relationOf = (e: number) => {
    const r = g.edgeRelation && g.relations ? g.relations[g.edgeRelation[e]] : undefined;
    return r === 'drug-drug' ? undefined : r;
  };
  const drugs = g.nodes.map((n, i) => {
    const { id, name, type, groups, smiles, atc, categories, targets } = n;
    // A name equal to the id is the builder's fallback, not the source's name.
    return { id, name: name !== id ? name : undefined, type, groups, smiles, atc, categories, targets, kind: kindOf(i) };
  });
  const { reversed, extra } = directions(g);
  const interactions: unknown[] = Array.from(g.edgeSrc, (src, i) => {
    const t = g.edgeType?.[i] ?? -1;
    const type = t >= 0 ? g.edgeTypes[t] : undefined;
    const note = g.edgeNotes?.[i] || undefined;
    const weight = g.edgeWeight?.[i];
    const relation = relationOf(i);
    const a = g.nodes[reversed[i] ? g.edgeDst[i] : src].id;
    const b = g.nodes[reversed[i] ? src : g.edgeDst[i]].id;
    // The short [a, b, type?] form where it says everything: a million-pair graph stays ~30 MB of text.
    if (note === undefined && weight === undefined && relation === undefined) return type === undefined ? [a, b] : [a, b, type];
    return { a, b, type, note, weight, relation };
  });
  const tp = g.typedPairs;
  for (const i of extra) interactions.push([g.nodes[tp!.head[i]].id, g.nodes[tp!.tail[i]].id, g.edgeTypes[tp!.type[i]]]);
  // A multi-label pair's other labels: one more listing each, which the loader merges into the pair's labels.
  const pl = g.pairLabels;
  if (pl) {
    for (let i = 0; i < pl.edge.length; i++) {
      const e = pl.edge[i];
      if (pl.label[i] !== g.edgeType?.[e]) interactions.push([g.nodes[g.edgeSrc[e]].id, g.nodes[g.edgeDst[e]].id, g.edgeTypes[pl.label[i]]]);
    }
  }
  const negatives = g.negativeSrc ? Array.from(g.negativeSrc, (a, i) => [g.nodes[a].id, g.nodes[g.negativeDst![i]].id]) : undefined;
  return JSON.stringify({ format: DRUG_GRAPH_FORMAT, name: g.name, drugs, interactions, negatives });
}

/** The current graph as a File named after it, for the parse worker. */
export function graphAsFile(g: DrugGraph): File {
  const name = `${g.name.replace(/[\\/]/g, '_')}.json`;
  return new File([drugGraphJson(g)], name, { type: 'application/json' });
}
