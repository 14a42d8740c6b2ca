/**
 * Link prediction on one relation of a typed graph (drug–target, say): which pairs the task splits and
 * predicts, which carry messages only, where negatives come from, and the message graph with a relation
 * per message edge for R-GCN. Pure typed-array code, no tensors.
 *
 * Message relations: an undirected pair of relation r between u and v sends u → v as (r, kind of v)
 * and v → u as (r, kind of u). So drug → protein and protein → drug are two relations (R-GCN's
 * inverse relations), while a drug–drug relation stays one.
 */
import type { MessageGraph } from './messageGraph';
import { PairSet, type LinkSplit, type Pairs } from './split';
import { Rng } from './rng';

/** What a typed graph holds besides its pairs (DrugGraph's optional fields). */
export interface TypedGraph {
  numNodes: number;
  edgeSrc: Int32Array;
  edgeDst: Int32Array;
  nodeKind?: Int32Array;
  kinds?: string[];
  edgeRelation?: Int32Array;
  relations?: string[];
}

export interface RelationTask {
  /** The relation predicted, and its index in the graph's relations. */
  name: string;
  index: number;
  /** Its pairs (a < b): the only ones the split holds out. */
  target: Pairs;
  /** Every other relation's pairs with their relation index: message-passing context, never held out. */
  context: Pairs & { relation: Int32Array };
  /** The nodes of each end's kind, for negatives of the right kinds (the same array when both ends share a kind). */
  left: Int32Array;
  right: Int32Array;
  /** "drug-target: drug – protein" for messages. */
  description: string;
}

const DEFAULT_RELATION = 'drug-drug';

/**
 * The relation task the setting asks for, or null on an untyped graph (every pair is a drug–drug
 * interaction; the setting must then be empty or 'drug-drug'). Empty setting: 'drug-drug' when the
 * graph has it, else its only relation. Throws with the graph's relations when the choice fails.
 */
export function relationTask(graph: TypedGraph, setting: string): RelationTask | null {
  const relations = graph.relations;
  if (!relations || !graph.edgeRelation) {
    if (setting && setting !== DEFAULT_RELATION) throw new Error(`relation "${setting}": this graph has no relations (every pair is ${DEFAULT_RELATION})`);
    return null;
  }
  const name = setting || (relations.includes(DEFAULT_RELATION) ? DEFAULT_RELATION : relations.length === 1 ? relations[0] : '');
  const index = relations.indexOf(name);
  if (index < 0) {
    const what = setting ? `relation "${setting}" is not in this graph` : 'the graph has several relations and none is drug-drug';
    throw new Error(`${what}; choose one of: ${relations.join(', ')}`);
  }
  const { edgeSrc, edgeDst, edgeRelation } = graph;
  let count = 0;
  for (let e = 0; e < edgeRelation.length; e++) if (edgeRelation[e] === index) count++;
  const target = { a: new Int32Array(count), b: new Int32Array(count) };
  const rest = edgeRelation.length - count;
  const context = { a: new Int32Array(rest), b: new Int32Array(rest), relation: new Int32Array(rest) };
  for (let e = 0, t = 0, c = 0; e < edgeRelation.length; e++) {
    if (edgeRelation[e] === index) {
      target.a[t] = edgeSrc[e];
      target.b[t++] = edgeDst[e];
    } else {
      context.a[c] = edgeSrc[e];
      context.b[c] = edgeDst[e];
      context.relation[c++] = edgeRelation[e];
    }
  }
  const [leftKind, rightKind] = endKinds(graph, target);
  const kinds = graph.kinds ?? ['drug'];
  const left = nodesOfKind(graph, leftKind);
  const right = rightKind === leftKind ? left : nodesOfKind(graph, rightKind);
  return { name, index, target, context, left, right, description: `${name}: ${kinds[leftKind]} – ${kinds[rightKind]}` };
}

/** The two node kinds a relation joins, from its first pair (0 = drug on an untyped graph); lower kind first. */
function endKinds(graph: TypedGraph, p: Pairs): [number, number] {
  if (!graph.nodeKind || p.a.length === 0) return [0, 0];
  const x = graph.nodeKind[p.a[0]];
  const y = graph.nodeKind[p.b[0]];
  return x <= y ? [x, y] : [y, x];
}

function nodesOfKind(graph: TypedGraph, kind: number): Int32Array {
  const kinds = graph.nodeKind;
  if (!kinds) return Int32Array.from({ length: graph.numNodes }, (_, i) => i);
  let count = 0;
  for (let i = 0; i < kinds.length; i++) if (kinds[i] === kind) count++;
  const out = new Int32Array(count);
  for (let i = 0, k = 0; i < kinds.length; i++) if (kinds[i] === kind) out[k++] = i;
  return out;
}

/**
 * Both directions of every pair, each message edge with its message relation (relation, kind of the
 * receiving node); relation ids are numbered in order of (relation, kind), names "relation→kind".
 */
export function relationalMessageGraph(graph: TypedGraph, groups: { pairs: Pairs; relation: Int32Array | number }[]): MessageGraph {
  const n = graph.numNodes;
  const kinds = graph.kinds ?? ['drug'];
  const kindOf = graph.nodeKind;
  const relations = graph.relations ?? [DEFAULT_RELATION];
  const total = groups.reduce((s, g) => s + g.pairs.a.length, 0);
  const src = new Int32Array(2 * total);
  const dst = new Int32Array(2 * total);
  // Key (relation · kinds + receiving kind) per message edge first; dense ids once every key is known.
  const key = new Int32Array(2 * total);
  const K = kinds.length;
  let k = 0;
  for (const { pairs, relation } of groups) {
    for (let i = 0; i < pairs.a.length; i++) {
      const r = typeof relation === 'number' ? relation : relation[i];
      const [u, v] = [pairs.a[i], pairs.b[i]];
      src[k] = u;
      dst[k] = v;
      key[k++] = r * K + (kindOf ? kindOf[v] : 0);
      src[k] = v;
      dst[k] = u;
      key[k++] = r * K + (kindOf ? kindOf[u] : 0);
    }
  }
  const used = [...new Set(key)].sort((x, y) => x - y);
  const id = new Map(used.map((x, i) => [x, i]));
  const relation = key.map((x) => id.get(x)!);
  const relationNames = used.map((x) => `${relations[Math.floor(x / K)]}→${kinds[x % K]}`);
  const typed = kindOf ? { nodeKind: kindOf, relationKind: Int32Array.from(used, (x) => x % K) } : {};
  return { numNodes: n, src, dst, relation, relationNames, ...typed };
}

/**
 * Validation and test negatives of the relation's kinds (a drug with a protein for drug-target), drawn
 * once from the seed, never a known pair of the relation, distinct; replaces the split's uniform ones
 * (which would mostly be drug–drug or protein–protein pairs, trivially told apart).
 */
export function typedNegatives(split: LinkSplit, task: RelationTask, seed: number): LinkSplit {
  const known = new PairSet(split.numNodes).addAll(task.target);
  const rng = new Rng(seed).fork(7);
  const draw = (count: number): Pairs => {
    const capacity = task.left.length * task.right.length - known.size;
    if (count > capacity) throw new Error(`relation ${task.name}: too dense to draw ${count} distinct negative pairs`);
    const a = new Int32Array(count);
    const b = new Int32Array(count);
    for (let i = 0; i < count;) {
      const u = task.left[rng.int(task.left.length)];
      const v = task.right[rng.int(task.right.length)];
      if (u === v || known.has(u, v)) continue;
      known.add(u, v);
      a[i] = Math.min(u, v);
      b[i++] = Math.max(u, v);
    }
    return { a, b };
  };
  return { ...split, valNeg: draw(split.valNeg.a.length), testNeg: draw(split.testNeg.a.length) };
}
