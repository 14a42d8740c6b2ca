/**
 * Content fingerprints (SHA-256, hex) that say whether two graphs or two link splits are the same,
 * whatever order their files listed things in: a saved model and a run card name the data they
 * came from with them. Pure: Web Crypto only (pages, workers and Node 20 all have it).
 *
 * Canonical forms, each hashed as UTF-8 text:
 * - graph: the drug ids sorted, then each interaction as [lower id, higher id, type name or ""]
 *   sorted; ids compare by UTF-16 code units (no locale), every id JSON-quoted so no separator
 *   can be forged. Names, SMILES and other annotations are not part of it.
 * - split: every part of a link split (train_pos, val_pos, val_neg, test_pos, test_neg) as sorted
 *   [lower id, higher id] pairs, so the same split saved with another node order hashes the same.
 */
import type { LinkSplit, Pairs } from '../model/split';

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

function orderedPair(x: string, y: string): [string, string] {
  return x <= y ? [x, y] : [y, x];
}

/** The graph's canonical text (exported for tests; hash it with graphFingerprint). */
export function canonicalGraphText(g: FingerprintGraph): string {
  const ids = g.nodes.map((n) => n.id);
  const drugs = ids.map((id) => JSON.stringify(id)).sort(byCodeUnits);
  const edges: string[] = new Array(g.edgeSrc.length);
  for (let i = 0; i < g.edgeSrc.length; i++) {
    const t = g.edgeType?.[i] ?? -1;
    const type = t >= 0 ? (g.edgeTypes?.[t] ?? '') : '';
    edges[i] = JSON.stringify([...orderedPair(ids[g.edgeSrc[i]], ids[g.edgeDst[i]]), type]);
  }
  edges.sort(byCodeUnits);
  return `${GRAPH_FINGERPRINT_FORMAT}\ndrugs ${drugs.length}\n${drugs.join('\n')}\ninteractions ${edges.length}\n${edges.join('\n')}\n`;
}

export function graphFingerprint(g: FingerprintGraph): Promise<string> {
  return sha256Hex(canonicalGraphText(g));
}

const SPLIT_PARTS = ['trainPos', 'valPos', 'valNeg', 'testPos', 'testNeg'] as const;

/** The split's canonical text in drug ids (node i has id ids[i]). */
export function canonicalSplitText(split: LinkSplit, ids: readonly string[]): string {
  const part = (p: Pairs) => {
    const rows: string[] = new Array(p.a.length);
    for (let i = 0; i < p.a.length; i++) rows[i] = JSON.stringify(orderedPair(ids[p.a[i]], ids[p.b[i]]));
    return rows.sort(byCodeUnits);
  };
  return `${SPLIT_FINGERPRINT_FORMAT}\n${SPLIT_PARTS.map((k) => {
    const rows = part(split[k]);
    return `${k} ${rows.length}\n${rows.join('\n')}`;
  }).join('\n')}\n`;
}

export function splitFingerprint(split: LinkSplit, ids: readonly string[]): Promise<string> {
  return sha256Hex(canonicalSplitText(split, ids));
}

/** Fingerprint of the drug order alone: a model's learned rows belong to drugs in this order. */
export function nodeOrderFingerprint(ids: readonly string[]): Promise<string> {
  return sha256Hex(`drug-order/1\n${ids.map((id) => JSON.stringify(id)).join('\n')}\n`);
}
