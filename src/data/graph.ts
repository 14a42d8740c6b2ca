/**
 * The in-memory drug graph every loader produces and every consumer (model, views, CLI) reads.
 * Pure data: no DOM, no TensorFlow.js.
 *
 * Interactions are undirected: each unordered pair {a, b} appears once, stored with a < b
 * (node indices). Message passing uses both directions. Typed data also keeps its interactions as
 * listed, (head, tail, type), for the type task: DeepDDI's types are directed ("#Drug1 may
 * increase … of #Drug2"), and a pair may be listed both ways with two types.
 *
 * Typed graphs (drugs, proteins, side effects …) add a kind per node and a relation per edge as
 * typed arrays, only when a source names them: drug–drug data keeps neither, so big graphs pay nothing.
 */

import { EdgeList, IntVec } from './pairIndex';

export interface DrugNode {
  /** Identifier from the source, normally a DrugBank ID such as "DB00682". */
  id: string;
  /** Display name; falls back to the id when the source has none. */
  name: string;
  type?: string;
  groups?: string[];
  smiles?: string;
  /** Full ATC codes, e.g. "B01AA03". */
  atc?: string[];
  categories?: string[];
  /** UniProt accessions of the drug's targets. */
  targets?: string[];
}

export interface DrugGraph {
  /** Short label of the data set, e.g. "demo" or a file name. */
  name: string;
  nodes: DrugNode[];
  /** Endpoints of each unique undirected interaction, edgeSrc[i] < edgeDst[i]. */
  edgeSrc: Int32Array;
  edgeDst: Int32Array;
  /** Interaction type per edge as an index into edgeTypes, or -1 when untyped. Absent for untyped data. */
  edgeType?: Int32Array;
  edgeTypes: string[];
  /**
   * Typed data only: every typed interaction as listed, (head, tail) in the file's order, each ordered
   * pair once (the first type listed is kept); (a, b) and (b, a) are two entries. The type task's pairs.
   */
  typedPairs?: TypedPairList;
  /**
   * Multi-label data only (TWOSIDES: a pair and each of its side effects): every distinct (interaction,
   * label) as edge index and type index, when some interaction has more than one label. The multilabel
   * task's targets; absent otherwise (then a typed edge's one type is its only label).
   */
  pairLabels?: PairLabelList;
  /** Optional free-text note per edge (mechanism, description); only kept for small graphs. */
  edgeNotes?: string[];
  /** Optional weight per edge from a weight/score column; absent when no source had one. Edges without one get 1. */
  edgeWeight?: Float32Array;
  /**
   * The source's own non-interactions (rows a label column marks 0/false/neg), as node pairs with
   * negativeSrc[i] < negativeDst[i]; never edges. Absent when no file had a label column.
   */
  negativeSrc?: Int32Array;
  negativeDst?: Int32Array;
  /** Kind per node as an index into `kinds` (0 = 'drug'); absent when every node is a drug. */
  nodeKind?: Int32Array;
  kinds?: string[];
  /**
   * Relation per edge as an index into `relations` (e.g. 'drug-drug', 'drug-protein'); absent when
   * no source named one (then every edge is a drug–drug interaction).
   */
  edgeRelation?: Int32Array;
  relations?: string[];
}

/** The kind of a node no source gave a kind, and the relation of an edge no source gave a relation. */
export const DEFAULT_KIND = 'drug';
export const DEFAULT_RELATION = 'drug-drug';

/** Nodes per kind, in `kinds` order ({ drug: n } for an untyped graph). */
export function nodeKindCounts(g: Pick<DrugGraph, 'nodes' | 'nodeKind' | 'kinds'>): Record<string, number> {
  return countBy(g.nodeKind, g.kinds ?? [DEFAULT_KIND], g.nodes.length);
}

/** Edges per relation, in `relations` order ({ 'drug-drug': m } for an untyped graph). */
export function relationCounts(g: Pick<DrugGraph, 'edgeSrc' | 'edgeRelation' | 'relations'>): Record<string, number> {
  return countBy(g.edgeRelation, g.relations ?? [DEFAULT_RELATION], g.edgeSrc.length);
}

function countBy(ids: Int32Array | undefined, names: string[], total: number): Record<string, number> {
  const counts = new Array<number>(names.length).fill(0);
  if (ids) for (let i = 0; i < ids.length; i++) counts[ids[i]]++;
  else counts[0] = total;
  return Object.fromEntries(names.map((name, i) => [name, counts[i]]));
}

/** Directed typed interactions: type[i] (an index into edgeTypes) from head[i] to tail[i]. */
export interface TypedPairList {
  head: Int32Array;
  tail: Int32Array;
  type: Int32Array;
}

/** Labels of interactions: label[i] (an index into edgeTypes) belongs to edge[i] (an index into edgeSrc/edgeDst). */
export interface PairLabelList {
  edge: Int32Array;
  label: Int32Array;
}

export interface SkippedRows {
  reason: string;
  count: number;
  /** First few 1-based line numbers (or record numbers) where it happened. */
  examples: number[];
}

export interface LoadReport {
  files: string[];
  nodes: number;
  edges: number;
  edgeTypes: number;
  withSmiles: number;
  withAtc: number;
  withNames: number;
  duplicatesMerged: number;
  selfLoopsDropped: number;
  skippedRows: SkippedRows[];
  warnings: string[];
  /** Typed graphs only: nodes per kind and edges per relation (see DrugGraph.nodeKind / edgeRelation). */
  nodeKinds?: Record<string, number>;
  relations?: Record<string, number>;
  /** Negative pairs kept from label columns (see DrugGraph.negativeSrc); absent when there was no label column. */
  negatives?: number;
  /**
   * Drugs that appear only as interaction partners, without a record of their own in DrugBank XML or a
   * companion table; absent when no file had records (a plain edge list).
   */
  bareDrugs?: number;
  /** What else happened, for the curious (joins made, DrugBank's mirrored listings, files read). */
  notes?: string[];
}

export const edgeCount = (g: DrugGraph): number => g.edgeSrc.length;

/** Builds a DrugGraph while counting what was merged, dropped and skipped, for the load report. */
export class GraphBuilder {
  private readonly index = new Map<string, number>();
  readonly nodes: DrugNode[] = [];
  private readonly pairs = new EdgeList();
  private readonly types = new IntVec();
  private typed = false;
  /** Typed interactions as listed (ordered pairs); allocated with the first typed edge, so untyped data pays nothing. */
  private directed: { pairs: EdgeList; types: IntVec } | null = null;
  /** Every distinct (edge index, type) met, for multi-label data; allocated with the first typed edge. */
  private labelled: EdgeList | null = null;
  /** Edges that have a type (each holds at least one entry in `labelled`). */
  private typedEdges = 0;
  /** Sparse: only edges that came with a note have an entry. */
  private readonly notes: (string | undefined)[] = [];
  /** Only allocated once a weighted edge arrives; NaN marks edges without a weight. */
  private weights: number[] | null = null;
  private readonly typeIndex = new Map<string, number>();
  readonly edgeTypes: string[] = [];
  duplicatesMerged = 0;
  /** Pairs listed again with a different type; the first type is kept. */
  conflictingTypes = 0;
  selfLoopsDropped = 0;
  /** Kind per node, allocated when the first node of a kind other than 'drug' arrives. */
  private nodeKinds: IntVec | null = null;
  private readonly kindIndex = new Map<string, number>([[DEFAULT_KIND, 0]]);
  readonly kinds: string[] = [DEFAULT_KIND];
  /** Ids met again with another kind than the first; the first kind is kept. */
  conflictingKinds = 0;
  /** Relation per edge, allocated when the first edge of a relation other than 'drug-drug' arrives. */
  private edgeRelations: IntVec | null = null;
  private readonly relationIndex = new Map<string, number>([[DEFAULT_RELATION, 0]]);
  readonly relations: string[] = [DEFAULT_RELATION];
  private readonly skipped = new Map<string, SkippedRows>();
  readonly warnings: string[] = [];

  constructor(readonly name: string) {}

  /**
   * Index of the node with this id, creating it (named after the id unless a name is given) if new.
   * `kind` (an index from `kindId`) is the new node's kind; a known node keeps its first kind.
   */
  node(id: string, name?: string, kind = 0): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.nodes.length;
      this.index.set(id, i);
      this.nodes.push({ id, name: name && name.trim() ? name.trim() : id });
      if (kind !== 0 && this.nodeKinds === null) this.nodeKinds = zeros(i);
      this.nodeKinds?.push(kind);
    } else {
      if (name && name.trim() && this.nodes[i].name === id) this.nodes[i].name = name.trim();
      if (kind !== (this.nodeKinds?.get(i) ?? 0)) this.conflictingKinds++;
    }
    return i;
  }

  /** Kind of node i as an index into `kinds` (0 = drug). */
  kindOf(i: number): number {
    return this.nodeKinds?.get(i) ?? 0;
  }

  /** Index of a node kind ('drug' is 0), registering it if new. */
  kindId(name: string): number {
    return intern(name, this.kindIndex, this.kinds);
  }

  /** Index of a relation ('drug-drug' is 0), registering it if new. */
  relationId(name: string): number {
    return intern(name, this.relationIndex, this.relations);
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** Merges known attributes into the node with this id (creating it if needed). */
  annotate(id: string, attrs: Partial<Omit<DrugNode, 'id'>>): number {
    // A known node keeps its kind silently: attributes say nothing about kinds.
    const i = this.index.get(id) ?? this.node(id);
    const n = this.nodes[i];
    for (const [k, v] of Object.entries(attrs) as [keyof DrugNode, unknown][]) {
      if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
      if (k === 'name') {
        n.name = String(v);
      } else if (Array.isArray(v)) {
        const old = (n[k] as string[] | undefined) ?? [];
        (n as unknown as Record<string, unknown>)[k] = Array.from(new Set([...old, ...(v as string[])]));
      } else {
        (n as unknown as Record<string, unknown>)[k] = v;
      }
    }
    return i;
  }

  typeId(label: string): number {
    let t = this.typeIndex.get(label);
    if (t === undefined) {
      t = this.edgeTypes.length;
      this.typeIndex.set(label, t);
      this.edgeTypes.push(label);
    }
    return t;
  }

  /**
   * Adds an undirected interaction between two node indices, of relation `relation` (an index from
   * `relationId`; 0 = drug–drug). Returns false if it was merged or dropped.
   */
  edge(a: number, b: number, type?: string, note?: string, relation = 0): boolean {
    if (a === b) {
      this.selfLoopsDropped++;
      return false;
    }
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    const t = type === undefined ? -1 : this.typeId(type);
    if (t >= 0) this.addDirected(a, b, t);
    const existing = this.pairs.find(lo, hi);
    if (existing >= 0) {
      this.duplicatesMerged++;
      if (t >= 0) this.addLabel(existing, t);
      if (t !== this.types.get(existing)) this.conflictingTypes++;
      return false;
    }
    const e = this.pairs.add(lo, hi);
    this.types.push(t);
    if (t >= 0) {
      this.typed = true;
      this.typedEdges++;
      this.addLabel(e, t);
    }
    if (note !== undefined) this.notes[e] = note;
    if (relation !== 0 && this.edgeRelations === null) this.edgeRelations = zeros(e);
    this.edgeRelations?.push(relation);
    return true;
  }

  /**
   * One more label for the interaction between a and b (a multi-label row's second, third … label):
   * the pair must be an edge already; not counted as a duplicate. Returns false when it is not an edge.
   */
  extraLabel(a: number, b: number, label: string): boolean {
    const e = a === b ? -1 : this.pairs.find(a < b ? a : b, a < b ? b : a);
    if (e < 0 || this.types.get(e) < 0) return false;
    this.addLabel(e, this.typeId(label));
    return true;
  }

  private addLabel(e: number, t: number): void {
    this.labelled ??= new EdgeList();
    if (this.labelled.find(e, t) < 0) this.labelled.add(e, t);
  }

  /** Records the ordered typed pair (head a, tail b) unless listed already in that order. */
  private addDirected(a: number, b: number, t: number): void {
    this.directed ??= { pairs: new EdgeList(), types: new IntVec() };
    if (this.directed.pairs.find(a, b) >= 0) return;
    this.directed.pairs.add(a, b);
    this.directed.types.push(t);
  }

  /** Adds an interaction by node ids (creating nodes as needed). */
  edgeByIds(idA: string, idB: string, type?: string, note?: string, nameA?: string, nameB?: string): boolean {
    return this.edge(this.node(idA, nameA), this.node(idB, nameB), type, note);
  }

  /** Like `edge`, also recording a weight for the new edge (the first weight wins for merged duplicates). */
  weightedEdge(a: number, b: number, weight: number, type?: string, note?: string, relation = 0): boolean {
    if (!this.edge(a, b, type, note, relation)) return false;
    if (this.weights === null) this.weights = [];
    const i = this.pairs.length - 1;
    while (this.weights.length < i) this.weights.push(Number.NaN);
    this.weights.push(weight);
    return true;
  }

  /**
   * Adds an untyped edge unless the pair is already one; a present pair is not counted as a duplicate
   * (for sources that list each interaction twice by design, like DrugBank XML). One hash probe.
   */
  edgeUnlessPresent(a: number, b: number, note?: string): 'added' | 'present' | 'self-loop' {
    if (a === b) {
      this.selfLoopsDropped++;
      return 'self-loop';
    }
    const lo = a < b ? a : b;
    const hi = a < b ? b : a;
    if (this.pairs.find(lo, hi) >= 0) return 'present';
    const e = this.pairs.add(lo, hi);
    this.types.push(-1);
    if (note !== undefined) this.notes[e] = note;
    this.edgeRelations?.push(0);
    return 'added';
  }

  /** Whether the undirected pair is already an edge. */
  hasEdge(a: number, b: number): boolean {
    return a === b ? false : this.pairs.find(a < b ? a : b, a < b ? b : a) >= 0;
  }

  /**
   * Renames a node (e.g. an index "17" to "DB00123" from a mapping table). Returns false when the old id
   * is unknown or the new id already belongs to another node. A name that was just the old id follows.
   */
  renameNode(oldId: string, newId: string): boolean {
    const i = this.index.get(oldId);
    if (i === undefined || this.index.has(newId)) return false;
    this.index.delete(oldId);
    this.index.set(newId, i);
    const n = this.nodes[i];
    if (n.name === oldId) n.name = newId;
    n.id = newId;
    return true;
  }

  skip(reason: string, line: number): void {
    let s = this.skipped.get(reason);
    if (!s) {
      s = { reason, count: 0, examples: [] };
      this.skipped.set(reason, s);
    }
    s.count++;
    if (s.examples.length < 5) s.examples.push(line);
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  get edgeCount(): number {
    return this.pairs.length;
  }

  build(options: { keepNotes?: boolean } = {}): DrugGraph {
    const typed = this.typed;
    const n = this.pairs.length;
    const { src, dst } = this.pairs.columns();
    const keepNotes = options.keepNotes ?? n <= 20_000;
    const g: DrugGraph = {
      name: this.name,
      nodes: this.nodes,
      edgeSrc: src,
      edgeDst: dst,
      edgeTypes: typed ? this.edgeTypes : [],
    };
    if (typed) g.edgeType = this.types.toArray();
    if (typed && this.directed) {
      const { src, dst } = this.directed.pairs.columns();
      g.typedPairs = { head: src, tail: dst, type: this.directed.types.toArray() };
    }
    // More labels than typed edges: some pair has several (multi-label data such as TWOSIDES).
    if (typed && this.labelled && this.labelled.length > this.typedEdges) {
      const { src, dst } = this.labelled.columns();
      g.pairLabels = { edge: src, label: dst };
    }
    if (keepNotes && this.notes.some((x) => x)) g.edgeNotes = Array.from({ length: n }, (_, i) => this.notes[i] ?? '');
    if (this.weights !== null) {
      const w = new Float32Array(n).fill(1);
      for (let i = 0; i < this.weights.length; i++) if (!Number.isNaN(this.weights[i])) w[i] = this.weights[i];
      g.edgeWeight = w;
    }
    if (this.nodeKinds !== null) {
      g.nodeKind = this.nodeKinds.toArray();
      g.kinds = [...this.kinds];
    }
    if (this.edgeRelations !== null) Object.assign(g, usedRelations(this.edgeRelations.toArray(), this.relations));
    return g;
  }

  report(files: string[]): LoadReport {
    const nodes = this.nodes;
    if (this.conflictingKinds > 0) {
      this.warn(`${this.conflictingKinds} node reference(s) gave a node another kind than it first had; the first kind is kept.`);
    }
    if (this.conflictingTypes > 0) {
      this.warn(
        `${this.conflictingTypes} pair(s) were listed with more than one interaction type; the first type listed is kept (the multilabel task uses them all).`,
      );
    }
    return {
      files,
      nodes: nodes.length,
      edges: this.pairs.length,
      edgeTypes: this.typed ? this.edgeTypes.length : 0,
      withSmiles: nodes.filter((n) => n.smiles).length,
      withAtc: nodes.filter((n) => n.atc && n.atc.length > 0).length,
      withNames: nodes.filter((n) => n.name !== n.id).length,
      duplicatesMerged: this.duplicatesMerged,
      selfLoopsDropped: this.selfLoopsDropped,
      skippedRows: [...this.skipped.values()],
      warnings: [...this.warnings],
      ...this.typedCounts(),
    };
  }

  /** Nodes per kind and edges per relation, for a typed graph's report. */
  private typedCounts(): Pick<LoadReport, 'nodeKinds' | 'relations'> {
    if (this.nodeKinds === null && this.edgeRelations === null) return {};
    const rel = this.edgeRelations ? usedRelations(this.edgeRelations.toArray(), this.relations) : undefined;
    return {
      nodeKinds: countBy(this.nodeKinds?.toArray(), this.kinds, this.nodes.length),
      relations: countBy(rel?.edgeRelation, rel?.relations ?? [DEFAULT_RELATION], this.pairs.length),
    };
  }
}

function intern(name: string, index: Map<string, number>, names: string[]): number {
  let i = index.get(name);
  if (i === undefined) {
    i = names.length;
    index.set(name, i);
    names.push(name);
  }
  return i;
}

/** An IntVec of `n` zeros: the default kind or relation of what came before the first typed one. */
function zeros(n: number): IntVec {
  const v = new IntVec(Math.max(1024, n * 2));
  for (let i = 0; i < n; i++) v.push(0);
  return v;
}

/** Drops relations no edge uses (e.g. 'drug-drug' in a drug–protein table) and renumbers the rest. */
function usedRelations(rel: Int32Array, names: string[]): { edgeRelation: Int32Array; relations: string[] } {
  const used = new Int32Array(names.length).fill(-1);
  const relations: string[] = [];
  for (let i = 0; i < rel.length; i++) {
    if (used[rel[i]] < 0) used[rel[i]] = 1;
  }
  for (let r = 0; r < names.length; r++) if (used[r] > 0) used[r] = relations.push(names[r]) - 1;
  return { edgeRelation: rel.map((r) => used[r]), relations };
}
