/**
 * Content fingerprints (SHA-256, hex) that say whether two graphs or two link splits are the same,
 * whatever order their files listed things in: a saved model and a run card name the data they
 * came from with them. Pure: Web Crypto only (pages, workers and Node 20 all have it).
 *
 * Canonical forms, each hashed as UTF-8 text (format line, counts, then one line per item):
 * - graph: the drug ids sorted by UTF-16 code units (no locale), one JSON-quoted id per line (so no
 *   id can forge a separator); the interaction type names likewise; then each interaction as
 *   "i j t" — i < j its drugs' positions in the sorted id list, t its type's position in the sorted
 *   type list plus one (0: untyped) — sorted by (i, j, t). Names, SMILES and other annotations are
 *   not part of it.
 * - split: the sorted drug ids, then every part of a link split (train_pos, val_pos, val_neg,
 *   test_pos, test_neg) as sorted "i j" lines in the same positions, so the same split saved with
 *   another node order hashes the same.
 * Positions instead of ids keep the sort numeric: ogbl-ddi's 1.3 M interactions hash in well under
 * a second instead of ~10 s for sorted id strings.
 */
import type { LinkSplit } from '../model/split';

/** What the graph fingerprint reads: ids and interactions (a DrugGraph has them). */
export interface FingerprintGraph {
  nodes: readonly { id: string }[];
  edgeSrc: Int32Array;
  edgeDst: Int32Array;
  edgeType?: Int32Array;
  edgeTypes?: readonly string[];
}

export const GRAPH_FINGERPRINT_FORMAT = 'drug-graph-fingerprint/1';
export const SPLIT_FINGERPRINT_FORMAT = 'link-split-fingerprint/1';

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Each node's position in the sorted id list, and that list. */
function sortedPositions(ids: readonly string[]): { sorted: string[]; position: Uint32Array } {
  const order = ids.map((_, i) => i).sort((a, b) => byCodeUnits(ids[a], ids[b]));
  const position = new Uint32Array(ids.length);
  order.forEach((node, rank) => (position[node] = rank));
  return { sorted: order.map((i) => ids[i]), position };
}

const quoted = (list: readonly string[]) => list.map((s) => JSON.stringify(s)).join('\n');

/** Sorted "i j" lines of pairs in sorted-id positions (i < j). Keys i·n + j stay exact below 2^53. */
function pairLines(a: ArrayLike<number>, b: ArrayLike<number>, position: Uint32Array): string {
  const n = position.length;
  const keys = new Float64Array(a.length);
  for (let e = 0; e < keys.length; e++) {
    const x = position[a[e]];
    const y = position[b[e]];
    keys[e] = x < y ? x * n + y : y * n + x;
  }
  keys.sort();
  const lines = new Array<string>(keys.length);
  for (let e = 0; e < keys.length; e++) lines[e] = `${Math.floor(keys[e] / n)} ${keys[e] % n}`;
  return lines.join('\n');
}

/** The graph's canonical text (exported for tests; hash it with graphFingerprint). */
export function canonicalGraphText(g: FingerprintGraph): string {
  const ids = g.nodes.map((n) => n.id);
  const { sorted, position } = sortedPositions(ids);
  const n = ids.length;
  const types = g.edgeType && g.edgeTypes ? g.edgeTypes : [];
  const typeOrder = sortedPositions(types);
  const t = types.length + 1;
  const keys = new Float64Array(g.edgeSrc.length);
  for (let e = 0; e < keys.length; e++) {
    const x = position[g.edgeSrc[e]];
    const y = position[g.edgeDst[e]];
    const type = g.edgeType?.[e] ?? -1;
    const rank = type >= 0 && type < types.length ? typeOrder.position[type] + 1 : 0;
    keys[e] = (x < y ? x * n + y : y * n + x) * t + rank;
  }
  keys.sort();
  const lines = new Array<string>(keys.length);
  for (let e = 0; e < keys.length; e++) {
    const pair = Math.floor(keys[e] / t);
    lines[e] = `${Math.floor(pair / n)} ${pair % n} ${keys[e] % t}`;
  }
  return (
    `${GRAPH_FINGERPRINT_FORMAT}\ndrugs ${n}\n${quoted(sorted)}\ntypes ${types.length}\n${quoted(typeOrder.sorted)}\n` +
    `interactions ${keys.length}\n${lines.join('\n')}\n`
  );
}

export function graphFingerprint(g: FingerprintGraph): Promise<string> {
  return sha256Hex(canonicalGraphText(g));
}

const SPLIT_PARTS = ['trainPos', 'valPos', 'valNeg', 'testPos', 'testNeg'] as const;

/** The split's canonical text in sorted-id positions (node i has id ids[i]). */
export function canonicalSplitText(split: LinkSplit, ids: readonly string[]): string {
  const { sorted, position } = sortedPositions(ids);
  const parts = SPLIT_PARTS.map((k) => `${k} ${split[k].a.length}\n${pairLines(split[k].a, split[k].b, position)}`);
  return `${SPLIT_FINGERPRINT_FORMAT}\ndrugs ${ids.length}\n${quoted(sorted)}\n${parts.join('\n')}\n`;
}

export function splitFingerprint(split: LinkSplit, ids: readonly string[]): Promise<string> {
  return sha256Hex(canonicalSplitText(split, ids));
}

/** Fingerprint of the drug order alone: a model's learned rows belong to drugs in this order. */
export function nodeOrderFingerprint(ids: readonly string[]): Promise<string> {
  return sha256Hex(`drug-order/1\n${quoted(ids)}\n`);
}
