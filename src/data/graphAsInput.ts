/**
 * The graph already loaded as one more input file (drug-graph/1 JSON), so that "add these files to
 * the current graph" goes through the same loader that merges several files dropped together:
 * duplicates, types, companions and the report work as for any other file.
 */
import { DRUG_GRAPH_FORMAT } from './jsonGraph';
import type { DrugGraph } from './graph';

/** drug-graph/1 JSON text of `g`: every drug with its attributes, every interaction, the table's own negatives. */
export function drugGraphJson(g: DrugGraph): string {
  const drugs = g.nodes.map((n) => {
    const { id, name, type, groups, smiles, atc, categories, targets } = n;
    // A name equal to the id is the builder's fallback, not the source's name.
    return { id, name: name !== id ? name : undefined, type, groups, smiles, atc, categories, targets };
  });
  const interactions = Array.from(g.edgeSrc, (src, i) => {
    const t = g.edgeType?.[i] ?? -1;
    const type = t >= 0 ? g.edgeTypes[t] : undefined;
    const note = g.edgeNotes?.[i] || undefined;
    const weight = g.edgeWeight?.[i];
    const a = g.nodes[src].id;
    const b = g.nodes[g.edgeDst[i]].id;
    // The short [a, b, type?] form where it says everything: a million-pair graph stays ~30 MB of text.
    if (note === undefined && weight === undefined) return type === undefined ? [a, b] : [a, b, type];
    return { a, b, type, note, weight };
  });
  const negatives = g.negativeSrc ? Array.from(g.negativeSrc, (a, i) => [g.nodes[a].id, g.nodes[g.negativeDst![i]].id]) : undefined;
  return JSON.stringify({ format: DRUG_GRAPH_FORMAT, name: g.name, drugs, interactions, negatives });
}

/** The current graph as a File named after it, for the parse worker. */
export function graphAsFile(g: DrugGraph): File {
  const name = `${g.name.replace(/[\\/]/g, '_')}.json`;
  return new File([drugGraphJson(g)], name, { type: 'application/json' });
}
