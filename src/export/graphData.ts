/**
 * The graph as the graph-format writers see it: every drug with its attributes, every known
 * interaction with the model's logit, probability and split part, and the candidate pairs as extra
 * edges (known = 0, type "candidate"). Pure data: no DOM, no TensorFlow.js, so the page and the CLI
 * write the same files.
 */
import { DEFAULT_KIND, DEFAULT_RELATION, type DrugGraph } from '../data/graph';
import { SPLIT_PARTS, type SplitPart } from '../model/split';

/** What the model says about the known pairs (the worker's `knownPairScores()`): logit and split part per edge. */
export interface KnownScores {
  score: Float32Array;
  /** Index into SPLIT_PARTS per pair, graph edge order. */
  part: Uint8Array;
}

export interface CandidateInput {
  a: number;
  b: number;
  score: number;
  probability: number;
}

export interface GraphExportInput {
  graph: DrugGraph;
  /** Null when the task is not link prediction (or nothing was trained): edges then carry no score. */
  known: KnownScores | null;
  candidates: readonly CandidateInput[];
  /** Positions of drawn drugs (node index → x, y in the view's model coordinates); optional. */
  positions?: ReadonlyMap<number, { x: number; y: number }>;
  /** Free text about the run (model, epoch, …), written as the graph's description. */
  description?: string;
  /** Typed graphs: the relation the candidates were predicted for (the `relation` setting as resolved); candidates carry it. */
  candidateRelation?: string;
}

export interface NodeRow {
  index: number;
  id: string;
  name: string;
  atc: string[];
  smiles: string;
  groups: string[];
  position?: { x: number; y: number };
  /** The node's kind ('drug', 'protein', …); typed graphs only, so untyped files stay as they were. */
  kind?: string;
}

export interface EdgeRow {
  /** "e<graph edge index>" for known interactions, "c<rank>" for candidates. */
  id: string;
  source: number;
  target: number;
  known: 0 | 1;
  /** The interaction type name (graph.edgeTypes), "interaction" when the data has none, "candidate" for candidates. */
  type: string;
  /** Split part of a known pair; absent on candidates and when there are no scores. */
  split?: SplitPart;
  probability?: number;
  /** The decoder's logit. */
  score?: number;
  /** The pair's relation ('drug-drug', 'drug-target', …); typed graphs only (candidates: when the input names it). */
  relation?: string;
}

/** Type of a known edge in untyped data. */
export const UNTYPED = 'interaction';
export const CANDIDATE = 'candidate';

// Same formula as the trainer's, so probabilities equal the page's to the last bit.
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** A graph with node kinds or relations: its files carry `kind` per node and `relation` per edge. */
export const isTypedGraph = (graph: DrugGraph): boolean => graph.nodeKind !== undefined || graph.edgeRelation !== undefined;

export function nodeRows(input: GraphExportInput): NodeRow[] {
  const { graph } = input;
  const typed = isTypedGraph(graph);
  const kinds = graph.kinds ?? [DEFAULT_KIND];
  return graph.nodes.map((n, index) => ({
    index,
    id: n.id,
    name: n.name,
    atc: n.atc ?? [],
    smiles: n.smiles ?? '',
    groups: n.groups ?? [],
    ...(input.positions?.has(index) ? { position: input.positions.get(index)! } : {}),
    ...(typed ? { kind: kinds[graph.nodeKind?.[index] ?? 0] } : {}),
  }));
}

export function edgeRows(input: GraphExportInput): EdgeRow[] {
  const { graph, known, candidates } = input;
  const m = graph.edgeSrc.length;
  if (known && (known.score.length !== m || known.part.length !== m)) {
    throw new Error(`The scores cover ${known.score.length} pairs but the graph has ${m} interactions: they belong to another graph.`);
  }
  const typed = isTypedGraph(graph);
  const relations = graph.relations ?? [DEFAULT_RELATION];
  const rows: EdgeRow[] = new Array(m + candidates.length);
  for (let i = 0; i < m; i++) {
    const t = graph.edgeType?.[i] ?? -1;
    const row: EdgeRow = { id: `e${i}`, source: graph.edgeSrc[i], target: graph.edgeDst[i], known: 1, type: t >= 0 ? graph.edgeTypes[t] : UNTYPED };
    if (known) {
      row.split = SPLIT_PARTS[known.part[i]];
      row.score = known.score[i];
      row.probability = sigmoid(known.score[i]);
    }
    if (typed) row.relation = relations[graph.edgeRelation?.[i] ?? 0];
    rows[i] = row;
  }
  const candidateRelation = typed && input.candidateRelation ? { relation: input.candidateRelation } : {};
  candidates.forEach((c, k) => {
    rows[m + k] = { id: `c${k}`, source: c.a, target: c.b, known: 0, type: CANDIDATE, probability: c.probability, score: c.score, ...candidateRelation };
  });
  return rows;
}

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab/newline/return, U+FFFE/FFFF,
 * lone surrogates) are dropped: a file with one of them would not open anywhere.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const xmlText = (s: string): string => s.replace(NOT_XML, '');

/** Escapes text for an XML element or a double-quoted attribute (newlines kept as character references). */
export function escapeXml(s: string): string {
  return xmlText(s).replace(/[&<>"'\r\n\t]/g, (c) => XML_ENTITIES[c]);
}
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** How lists are joined in formats without a list type (GraphML). */
export const LIST_SEPARATOR = '|';
