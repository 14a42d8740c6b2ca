/**
 * The `link-split/1` JSON format (see ../shared/datasets/biosnap_chch_miner/SOURCE.md), so that the
 * playground and other implementations (PyG, …) can be compared on exactly the same pairs:
 *
 *   { "format": "link-split/1", "node_ids": [id, …],
 *     "train_pos": [[u, v], …], "val_pos", "val_neg", "test_pos", "test_neg" }   (u < v, indices into node_ids)
 *
 * A new-drug split (S1/S2) adds "split_mode" and its held-out drugs, "val_drugs" and "test_drugs"
 * (indices into node_ids): read back, training again draws its negatives among the training drugs
 * only, so the file reproduces the run and not just its pairs. Other readers may ignore them.
 *
 * Import maps the file's node indices to the graph's by id, so node order may differ.
 */
import { SPLIT_MODES } from '../settings/options';
import type { HeldOutDrugs, LinkSplit, Pairs } from './split';
import { LINK_SPLIT_FORMAT } from './splitFileNames';

export { LINK_SPLIT_FORMAT };

export interface LinkSplitFile {
  format: typeof LINK_SPLIT_FORMAT;
  node_ids: string[];
  train_pos: [number, number][];
  val_pos: [number, number][];
  val_neg: [number, number][];
  test_pos: [number, number][];
  test_neg: [number, number][];
  split_mode?: HeldOutDrugs['mode'];
  val_drugs?: number[];
  test_drugs?: number[];
}

type PartKey = 'train_pos' | 'val_pos' | 'val_neg' | 'test_pos' | 'test_neg';

/** Reads a split file for a graph whose node i has id graphIds[i]. Throws with a clear message on any mismatch. */
export function linkSplitFromJson(json: unknown, graphIds: string[]): LinkSplit {
  const f = json as Partial<LinkSplitFile>;
  if (!f || typeof f !== 'object' || f.format !== LINK_SPLIT_FORMAT) {
    throw new Error(`Not a ${LINK_SPLIT_FORMAT} split file (its "format" is ${JSON.stringify(f?.format)}).`);
  }
  if (!Array.isArray(f.node_ids)) throw new Error('The split file has no "node_ids" list.');
  const index = new Map(graphIds.map((id, i) => [id, i]));
  const map = new Int32Array(f.node_ids.length);
  const missing: string[] = [];
  f.node_ids.forEach((id, i) => {
    const j = index.get(String(id));
    if (j === undefined) missing.push(String(id));
    map[i] = j ?? -1;
  });
  if (missing.length > 0) {
    throw new Error(`${missing.length} drug(s) of the split file are not in the graph, e.g. ${missing.slice(0, 3).join(', ')}.`);
  }
  const part = (key: PartKey): Pairs => {
    const list = f[key];
    if (!Array.isArray(list)) throw new Error(`The split file has no "${key}" list.`);
    const a = new Int32Array(list.length);
    const b = new Int32Array(list.length);
    list.forEach((pair, i) => {
      const [u, v] = pair ?? [];
      if (!Number.isInteger(u) || !Number.isInteger(v) || u < 0 || v < 0 || u >= map.length || v >= map.length) {
        throw new Error(`"${key}"[${i}] is not a pair of node indices below ${map.length}.`);
      }
      const x = map[u];
      const y = map[v];
      a[i] = Math.min(x, y);
      b[i] = Math.max(x, y);
    });
    return { a, b };
  };
  const split: LinkSplit = {
    numNodes: graphIds.length,
    trainPos: part('train_pos'),
    valPos: part('val_pos'),
    valNeg: part('val_neg'),
    testPos: part('test_pos'),
    testNeg: part('test_neg'),
  };
  const heldOut = heldOutFromJson(f, map);
  if (!heldOut) return split;
  const unseen = new Uint8Array(split.numNodes);
  for (const v of [...heldOut.val, ...heldOut.test]) unseen[v] = 1;
  for (let i = 0; i < split.trainPos.a.length; i++) {
    if (unseen[split.trainPos.a[i]] || unseen[split.trainPos.b[i]]) {
      throw new Error(`"train_pos"[${i}] joins a held-out drug (val_drugs / test_drugs): not a ${heldOut.mode} split.`);
    }
  }
  const unseenNodes = Int32Array.from(unseen.keys()).filter((v) => unseen[v]);
  return { ...split, unseenNodes, heldOut };
}

/** The held-out drugs of a new-drug split file, as graph indices (sorted), or null for a pairs split. */
function heldOutFromJson(f: Partial<LinkSplitFile>, map: Int32Array): HeldOutDrugs | null {
  if (f.split_mode === undefined && f.val_drugs === undefined && f.test_drugs === undefined) return null;
  const mode = f.split_mode;
  if (mode === undefined || mode === ('pairs' as string) || !SPLIT_MODES.includes(mode)) {
    throw new Error(`The split file lists held-out drugs but its "split_mode" is ${JSON.stringify(mode)} (expected new-drug-one or new-drug-both).`);
  }
  const drugs = (key: 'val_drugs' | 'test_drugs'): Int32Array => {
    const list = f[key];
    if (!Array.isArray(list)) throw new Error(`The ${mode} split file has no "${key}" list.`);
    return Int32Array.from(list, (u, i) => {
      if (!Number.isInteger(u) || u < 0 || u >= map.length) throw new Error(`"${key}"[${i}] is not a node index below ${map.length}.`);
      return map[u];
    }).sort();
  };
  return { mode, val: drugs('val_drugs'), test: drugs('test_drugs') };
}

/** The split as a link-split/1 object (JSON.stringify it to save); a new-drug split with its held-out drugs. */
export function linkSplitToJson(split: LinkSplit, graphIds: string[]): LinkSplitFile {
  const pairs = (p: Pairs): [number, number][] => Array.from(p.a, (a, i) => [a, p.b[i]]);
  const heldOut = split.heldOut && { split_mode: split.heldOut.mode, val_drugs: Array.from(split.heldOut.val), test_drugs: Array.from(split.heldOut.test) };
  return {
    format: LINK_SPLIT_FORMAT,
    node_ids: graphIds.slice(0, split.numNodes),
    train_pos: pairs(split.trainPos),
    val_pos: pairs(split.valPos),
    val_neg: pairs(split.valNeg),
    test_pos: pairs(split.testPos),
    test_neg: pairs(split.testNeg),
    ...heldOut,
  };
}
