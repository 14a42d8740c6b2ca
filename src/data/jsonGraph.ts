/**
 * drug-graph/1 JSON, the project's own small-graph format (the demo set uses it),
 * read into the shared GraphBuilder so it can be combined with other files. JSON cannot be parsed
 * incrementally with the platform's JSON.parse, so the text is collected (with a size cap) and parsed at
 * the end; such files are small.
 *
 *   { "format": "drug-graph/1", "name"?: string,
 *     "drugs": [{ "id": "DB00682", "name"?, "smiles"?, "atc"?: string[], "categories"?, "type"?, "groups"?, "targets"?, "kind"? }],
 *     "interactions": [{ "a": id, "b": id, "type"?, "note"?, "weight"?, "relation"? }],
 *     "negatives"?: [[id, id], …] }   (known non-interactions, as a label column gives them)
 *
 * Also accepted, leniently: "nodes"/"edges" for the two arrays, "source"/"target" for a/b, edges as
 * [a, b, type?] arrays, endpoints given as indices into the drug list, numeric types indexing "edgeTypes".
 *
 * Typed graphs (docs/typed-graphs.md): a node's "kind" ("protein"; default "drug") and an interaction's
 * "relation" ("drug-target"; default "drug-drug"), as a table's column mapping gives them.
 */
import { LoadError } from './errors';
import { detach, type TextSink } from './sinks';
import type { LoadContext } from './context';
import type { Annotation } from './companions';

export const DRUG_GRAPH_FORMAT = 'drug-graph/1';

const MAX_JSON_CHARS = 256 * (1 << 20);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export class JsonGraphSink implements TextSink {
  private parts: string[] = [];
  private chars = 0;

  constructor(
    private readonly label: string,
    private readonly ctx: LoadContext,
  ) {}

  write(text: string): void {
    this.chars += text.length;
    if (this.chars > MAX_JSON_CHARS) {
      throw new LoadError('unsupported', this.label, 'JSON files over 256 MiB are not supported; use CSV/TSV for large graphs.');
    }
    this.parts.push(text);
  }

  end(): void {
    const text = this.parts.join('');
    this.parts = [];
    let doc: Json;
    try {
      doc = JSON.parse(text) as Json;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const at = /position (\d+)/.exec(msg);
      const pos = at ? lineColumn(text, Number(at[1])) : undefined;
      throw new LoadError('malformed-json', this.label, `malformed JSON: ${msg}`, pos?.line, pos?.column);
    }
    const drugs = isObject(doc) ? (doc.drugs ?? doc.nodes) : undefined;
    const interactions = isObject(doc) ? (doc.interactions ?? doc.edges) : undefined;
    if (!isObject(doc) || !Array.isArray(drugs) || !Array.isArray(interactions)) {
      const fmt = isObject(doc) && typeof doc.format === 'string' ? ` (its format is "${doc.format}")` : '';
      throw new LoadError(
        'malformed-json',
        this.label,
        `this JSON is not a drug graph${fmt}: expected "format": "${DRUG_GRAPH_FORMAT}" with "drugs" and "interactions" arrays.`,
      );
    }
    if (doc.format !== DRUG_GRAPH_FORMAT) {
      this.ctx.builder.warn(`${this.label} does not say "format": "${DRUG_GRAPH_FORMAT}"; it was read as one.`);
    }
    this.read(drugs, interactions, Array.isArray(doc.edgeTypes) ? doc.edgeTypes.map(String) : []);
    if (Array.isArray(doc.negatives)) this.readNegatives(doc.negatives);
  }

  /** Pairs of ids; resolved with the label columns' negatives when the load ends (negatives.ts). */
  private readNegatives(pairs: Json[]): void {
    const ids: string[] = [];
    for (const p of pairs) {
      if (Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string') ids.push(p[0], p[1]);
    }
    if (ids.length > 0) this.ctx.negatives.push({ label: this.label, ids });
  }

  private read(nodes: Json[], edges: Json[], edgeTypes: string[]): void {
    const b = this.ctx.builder;
    const ids: string[] = [];
    nodes.forEach((n, i) => {
      if (!isObject(n) || (typeof n.id !== 'string' && typeof n.id !== 'number')) {
        b.skip(`${this.label}: drug without an "id"`, i + 1);
        ids.push('');
        return;
      }
      const id = String(n.id);
      ids.push(id);
      b.node(id, undefined, typeof n.kind === 'string' && n.kind.trim() ? b.kindId(detach(n.kind.trim())) : 0);
      b.annotate(id, nodeAttributes(n));
    });
    const end = (v: Json | undefined): string | undefined => {
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v)) return ids[v] || undefined;
      return undefined;
    };
    const typeOf = (v: Json | undefined): string | undefined =>
      typeof v === 'number' && edgeTypes[v] !== undefined ? edgeTypes[v] : v === undefined || v === null ? undefined : String(v);
    let added = 0;
    edges.forEach((e, i) => {
      let a: string | undefined;
      let z: string | undefined;
      let type: string | undefined;
      let note: string | undefined;
      let weight: number | undefined;
      let relation = 0;
      if (Array.isArray(e)) {
        [a, z] = [end(e[0]), end(e[1])];
        type = typeOf(e[2]);
      } else if (isObject(e)) {
        [a, z] = [end(e.a ?? e.source), end(e.b ?? e.target)];
        type = typeOf(e.type);
        if (typeof e.note === 'string') note = e.note;
        if (typeof e.weight === 'number') weight = e.weight;
        if (typeof e.relation === 'string' && e.relation.trim()) relation = b.relationId(detach(e.relation.trim()));
      }
      if (!a || !z) {
        b.skip(`${this.label}: interaction without both "a" and "b"`, i + 1);
        return;
      }
      // A listed node keeps its kind; one met only here is a drug.
      const ia = b.indexOf(a) ?? b.node(a);
      const iz = b.indexOf(z) ?? b.node(z);
      const ok = weight !== undefined ? b.weightedEdge(ia, iz, weight, type, note, relation) : b.edge(ia, iz, type, note, relation);
      if (ok) added++;
    });
    if (nodes.length > 0 || added > 0) this.ctx.graphSources.push(this.label);
  }
}

function nodeAttributes(n: { [k: string]: Json }): Annotation {
  const str = (v: Json | undefined): string | undefined => (typeof v === 'string' && v.trim() ? detach(v.trim()) : undefined);
  const strs = (v: Json | undefined): string[] | undefined => {
    if (typeof v === 'string')
      return v
        .split('|')
        .map((s) => s.trim())
        .filter(Boolean);
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((s) => s.trim());
    return undefined;
  };
  return {
    name: str(n.name),
    type: str(n.type),
    smiles: str(n.smiles),
    atc: strs(n.atc),
    groups: strs(n.groups),
    categories: strs(n.categories),
    targets: strs(n.targets),
  };
}

function isObject(v: Json): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, column: pos - last };
}
