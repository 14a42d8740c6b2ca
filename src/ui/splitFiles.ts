/**
 * Picks split files out of files dropped or opened together: a link-split/1 JSON (the page's
 * *Split* export, the CLI's `--save-split`) or SumGNN's type-split folder (train.txt, dev.txt or
 * valid.txt, test.txt, node2id.json). They are read as text here and parsed in the trainer worker
 * by the CLI's code; everything else is data for the parse worker.
 */
import { hasTypeSplitFolder, looksLikeLinkSplit, typeSplitMembers, typeSplitPartOf } from '../model/splitFileNames';
import type { SplitCounts, SplitTexts } from '../workers/protocol';

/** Enough of a JSON file to see its "format" (every writer of link-split/1 puts it first). */
const HEAD_BYTES = 4096;

export interface PickedFiles {
  /** The split files' texts, or null when none was among the files. */
  split: SplitTexts | null;
  /** The other files: data for the parse worker. */
  data: File[];
}

/**
 * Splits files into split files and data. Throws with a message a user can act on: two split files at
 * once, or a type-split folder with members missing.
 */
export async function pickSplitFiles(files: File[]): Promise<PickedFiles> {
  const linkSplits: File[] = [];
  for (const f of files) {
    if (/\.json$/i.test(f.name) && typeSplitPartOf(f.name) === null && looksLikeLinkSplit(await f.slice(0, HEAD_BYTES).text())) linkSplits.push(f);
  }
  const folder = hasTypeSplitFolder(files.map((f) => f.name)) ? files.filter((f) => typeSplitPartOf(f.name) !== null) : [];
  if (linkSplits.length + (folder.length > 0 ? 1 : 0) > 1) {
    const names = [...linkSplits.map((f) => f.name), ...(folder.length > 0 ? ['the split folder'] : [])];
    throw new Error(`Several splits were given at once (${names.join(', ')}): give one split at a time.`);
  }
  const isSplit = new Set<File>([...linkSplits, ...folder]);
  const data = files.filter((f) => !isSplit.has(f));
  if (linkSplits.length === 1) {
    const [file] = linkSplits;
    return { split: { kind: 'link', file: file.name, text: await file.text() }, data };
  }
  if (folder.length === 0) return { split: null, data };
  const { files: members, missing } = typeSplitMembers(folder.map((f) => f.name));
  if (missing.length > 0) {
    throw new Error(
      `The split folder lacks ${missing.join(', ')}: give train.txt, dev.txt (or valid.txt), test.txt and node2id.json together (got ${folder.map((f) => f.name).join(', ')}).`,
    );
  }
  const byName = new Map(folder.map((f) => [f.name, f]));
  const text = (name: string | undefined) => byName.get(name!)!.text();
  const [train, val, test, node2id] = await Promise.all([text(members.train), text(members.val), text(members.test), text(members.node2id)]);
  return { split: { kind: 'type', files: Object.values(members), texts: { train, val, test, node2id } }, data };
}

const n = (v: number) => v.toLocaleString('en-US');

/** A split's pairs per part in words, e.g. "train 28 · validation 6 · test 6 typed pairs". */
export function splitCountsText(c: SplitCounts): string {
  const neg = (k: number | undefined) => (k ? ` (+${n(k)} negatives)` : '');
  const parts = `train ${n(c.train)} · validation ${n(c.val)}${neg(c.valNeg)} · test ${n(c.test)}${neg(c.testNeg)} ${c.kind === 'type' ? 'typed pairs' : 'pairs'}`;
  return c.heldOut ? `${parts}; ${c.heldOut.mode}: ${n(c.heldOut.val)} validation and ${n(c.heldOut.test)} test drugs held out` : parts;
}
