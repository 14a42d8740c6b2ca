/**
 * A split given as files, from their texts to the split the trainers take: one link-split/1 JSON
 * (splitFile.ts) or the type-split folder (typeSplitFile.ts). The CLI's `--split FILE|FOLDER` and
 * the page's trainer worker (split files dropped or picked) both parse here, so they accept and
 * refuse the same files with the same messages.
 */
import type { LinkSplit, Pairs } from './split';
import { linkSplitFromJson } from './splitFile';
import type { TypeSplit } from './tasks/typeTrainer';
import { typeSplitFromTexts, type TypeSplitTexts } from './typeSplitFile';

/** The files' texts; `file` / `files`: the names they came with, for messages and the run's record. */
export type SplitTexts = { kind: 'link'; file: string; text: string } | { kind: 'type'; files: string[]; texts: TypeSplitTexts };

/** What of the loaded graph a split file is checked against. */
export interface SplitTarget {
  nodes: readonly { id: string }[];
  edgeSrc: Int32Array;
  edgeDst: Int32Array;
  edgeTypes: string[];
}

/**
 * The split for `graph`. Throws with the file, line or entry and what is wrong: not the format, ids
 * the graph lacks, a link split whose positive pairs are not the graph's interactions (a split made
 * for other data).
 */
export function splitFromTexts(given: SplitTexts, graph: SplitTarget): LinkSplit | TypeSplit {
  const ids = graph.nodes.map((n) => n.id);
  if (given.kind === 'type') return typeSplitFromTexts(given.texts, ids, graph.edgeTypes);
  let json: unknown;
  try {
    json = JSON.parse(given.text);
  } catch (e) {
    throw new Error(`not valid JSON (${(e as Error).message}).`, { cause: e });
  }
  const split = linkSplitFromJson(json, ids);
  checkPositivesAreInteractions(split, graph);
  return split;
}

/** Refuses a link split whose positives are not interactions of the graph: its ids match, its pairs do not. */
function checkPositivesAreInteractions(split: LinkSplit, graph: SplitTarget): void {
  const n = graph.nodes.length;
  const known = new Set<number>();
  for (let i = 0; i < graph.edgeSrc.length; i++) known.add(key(graph.edgeSrc[i], graph.edgeDst[i], n));
  const parts: [string, Pairs][] = [
    ['train_pos', split.trainPos],
    ['val_pos', split.valPos],
    ['test_pos', split.testPos],
  ];
  let unknown = 0;
  let total = 0;
  let first = '';
  for (const [name, p] of parts) {
    total += p.a.length;
    for (let i = 0; i < p.a.length; i++) {
      if (known.has(key(p.a[i], p.b[i], n))) continue;
      if (unknown++ === 0) first = `"${name}"[${i}] = ${graph.nodes[p.a[i]].id}–${graph.nodes[p.b[i]].id}`;
    }
  }
  if (unknown > 0) {
    throw new Error(`${unknown} of its ${total} positive pairs are not interactions of the loaded data (first: ${first}): the split was made for other data.`);
  }
}

const key = (u: number, v: number, n: number) => Math.min(u, v) * n + Math.max(u, v);

/** Pairs per part of a split (and a new-drug split's held-out drugs): what the page shows of a split file. */
export interface SplitCounts {
  kind: 'link' | 'type';
  train: number;
  val: number;
  test: number;
  /** Link splits: the fixed validation and test negatives. */
  valNeg?: number;
  testNeg?: number;
  /** A new-drug link split: its mode and how many drugs it holds out for validation and test. */
  heldOut?: { mode: string; val: number; test: number };
}

export function splitCounts(split: LinkSplit | TypeSplit): SplitCounts {
  if ('train' in split) return { kind: 'type', train: split.train.a.length, val: split.val.a.length, test: split.test.a.length };
  const counts: SplitCounts = {
    kind: 'link',
    train: split.trainPos.a.length,
    val: split.valPos.a.length,
    test: split.testPos.a.length,
    valNeg: split.valNeg.a.length,
    testNeg: split.testNeg.a.length,
  };
  if (split.heldOut) counts.heldOut = { mode: split.heldOut.mode, val: split.heldOut.val.length, test: split.heldOut.test.length };
  return counts;
}
