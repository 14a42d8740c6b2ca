/**
 * Annotations from companion tables (names, SMILES, ATC codes, targets, id mappings), held until every
 * file has been read and then joined onto the graph by drug id. Buffering makes the result independent
 * of file order, and keeps companion-only drugs (e.g. the 15,000 of the DrugBank vocabulary) out of the
 * graph: companions annotate drugs, they never add them.
 */
import type { DrugNode, GraphBuilder } from './graph';

export type Annotation = Partial<Omit<DrugNode, 'id'>>;

export type CompanionKind = 'annotations' | 'targets' | 'id-map';

interface Source {
  label: string;
  kind: CompanionKind;
  /** Which attributes this source provides, for the report ("names, SMILES"). */
  provides: string;
  byId: Map<string, Annotation>;
  /** For id maps: graph id (e.g. "17") → new id (e.g. "DB00123"). */
  renames: Map<string, string>;
}

export class CompanionStore {
  private readonly sources: Source[] = [];

  /** Starts a companion source; rows are then added with `annotate` / `rename`. */
  open(label: string, kind: CompanionKind, provides: string): CompanionSource {
    const src: Source = { label, kind, provides, byId: new Map(), renames: new Map() };
    this.sources.push(src);
    return new CompanionSource(src);
  }

  get size(): number {
    return this.sources.length;
  }

  /** Whether any source describes drugs (names, SMILES, targets …), not only maps ids. */
  get describesDrugs(): boolean {
    return this.sources.some((s) => s.kind !== 'id-map');
  }

  /** Whether a source describing drugs has a row for `id`. */
  describes(id: string): boolean {
    return this.sources.some((s) => s.kind !== 'id-map' && s.byId.has(id));
  }

  /** "file (what it provides)" for each source, for messages. */
  describe(): string[] {
    return this.sources.map((s) =>
      s.kind === 'id-map' ? `${s.label} (an id map)` : s.kind === 'targets' ? `${s.label} (drug–target links)` : `${s.label} (${s.provides})`,
    );
  }

  /**
   * Joins everything onto the builder's nodes: id maps first (so names can then join by DrugBank id),
   * then annotations in the order the files were given. Values already on a node (from DrugBank XML
   * or the edge table itself) are kept; lists are merged. Returns one note per source.
   */
  apply(builder: GraphBuilder): string[] {
    const notes: string[] = [];
    const ordered = [...this.sources.filter((s) => s.kind === 'id-map'), ...this.sources.filter((s) => s.kind !== 'id-map')];
    for (const src of ordered) {
      if (src.kind === 'id-map') {
        let renamed = 0;
        let clashes = 0;
        for (const [from, to] of src.renames) {
          if (!builder.has(from)) continue;
          if (builder.renameNode(from, to)) renamed++;
          else clashes++;
        }
        notes.push(`${src.label}: renamed ${fmt(renamed)} of ${fmt(builder.nodes.length)} drugs to the mapped ids.`);
        if (clashes > 0) builder.warn(`${src.label}: ${fmt(clashes)} mapped ids were already in use by other drugs; those drugs kept their ids.`);
        if (renamed === 0) builder.warn(`${src.label}: none of its ${fmt(src.renames.size)} ids are drugs in the graph.`);
        continue;
      }
      let matched = 0;
      for (const [id, ann] of src.byId) {
        const i = builder.indexOf(id);
        if (i === undefined) continue;
        matched++;
        fill(builder.nodes[i], ann);
      }
      const ignored = src.byId.size - matched;
      notes.push(
        `${src.label}: ${src.provides} for ${fmt(matched)} of ${fmt(builder.nodes.length)} drugs` +
          (ignored > 0 ? ` (${fmt(ignored)} of its drugs are not in the graph and were ignored).` : '.'),
      );
      if (matched === 0 && src.byId.size > 0) {
        builder.warn(`${src.label}: none of its ${fmt(src.byId.size)} drug ids match a drug in the graph, so nothing was attached.`);
      }
    }
    return notes;
  }
}

/** Write access to one source. */
export class CompanionSource {
  constructor(private readonly src: Source) {}

  get label(): string {
    return this.src.label;
  }

  annotate(id: string, ann: Annotation): void {
    const old = this.src.byId.get(id);
    if (old === undefined) this.src.byId.set(id, ann);
    else merge(old, ann);
  }

  rename(from: string, to: string): void {
    if (!this.src.renames.has(from)) this.src.renames.set(from, to);
  }

  get rows(): number {
    return this.src.byId.size + this.src.renames.size;
  }
}

const LIST_KEYS = ['groups', 'atc', 'categories', 'targets'] as const;

/** Merges a later row about the same drug into an earlier one (lists united, first scalar kept). */
function merge(into: Annotation, ann: Annotation): void {
  if (into.name === undefined) into.name = ann.name;
  if (into.smiles === undefined) into.smiles = ann.smiles;
  if (into.type === undefined) into.type = ann.type;
  for (const k of LIST_KEYS) {
    const add = ann[k];
    if (!add || add.length === 0) continue;
    const cur = into[k];
    if (!cur) into[k] = [...add];
    else for (const v of add) if (!cur.includes(v)) cur.push(v);
  }
}

/** Fills what a node lacks: a name that is only its id, missing SMILES/type; lists are united. */
function fill(node: DrugNode, ann: Annotation): void {
  if (ann.name && node.name === node.id) node.name = ann.name;
  if (ann.smiles && !node.smiles) node.smiles = ann.smiles;
  if (ann.type && !node.type) node.type = ann.type;
  for (const k of LIST_KEYS) {
    const add = ann[k];
    if (!add || add.length === 0) continue;
    const cur = node[k];
    if (!cur) node[k] = [...add];
    else for (const v of add) if (!cur.includes(v)) cur.push(v);
  }
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
