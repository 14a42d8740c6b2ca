/**
 * Which files make a split given as files: a link-split/1 JSON (recognised by its "format") or
 * SumGNN's / KnowDDI's type-split folder (recognised by its members' names). The CLI
 * (`--split FILE|FOLDER`) and the page (split files dropped or picked with data) both ask here, so
 * they take the same files. No TensorFlow.js and no other model module: the page imports it.
 */

export const LINK_SPLIT_FORMAT = 'link-split/1';

/** The type-split folder's members: each part's accepted names, the first one preferred. */
export const TYPE_SPLIT_MEMBERS = {
  train: ['train.txt'],
  val: ['dev.txt', 'valid.txt'],
  test: ['test.txt'],
  node2id: ['node2id.json'],
} as const;

export type TypeSplitPart = keyof typeof TYPE_SPLIT_MEMBERS;

const PARTS = Object.keys(TYPE_SPLIT_MEMBERS) as TypeSplitPart[];

/** A path's last component (either slash: folder pickers give relative paths). */
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** The folder part a file is by its name (case-insensitive), or null. */
export function typeSplitPartOf(name: string): TypeSplitPart | null {
  const base = baseName(name).toLowerCase();
  return PARTS.find((p) => (TYPE_SPLIT_MEMBERS[p] as readonly string[]).includes(base)) ?? null;
}

export interface TypeSplitMembers {
  /** The given name that is each part, for the parts found. */
  files: Partial<Record<TypeSplitPart, string>>;
  /** The parts not among the names, as the names they may have ("dev.txt (or valid.txt)"). */
  missing: string[];
}

/** The folder's members among `names`; with both dev.txt and valid.txt, dev.txt is the validation part (as the CLI reads it). */
export function typeSplitMembers(names: readonly string[]): TypeSplitMembers {
  const files: Partial<Record<TypeSplitPart, string>> = {};
  for (const part of PARTS) {
    for (const accepted of TYPE_SPLIT_MEMBERS[part]) {
      const found = names.find((n) => baseName(n).toLowerCase() === accepted);
      if (found !== undefined) {
        files[part] = found;
        break;
      }
    }
  }
  const missing = PARTS.filter((p) => files[p] === undefined).map((p) => {
    const [first, ...others] = TYPE_SPLIT_MEMBERS[p];
    return others.length ? `${first} (or ${others.join(', ')})` : first;
  });
  return { files, missing };
}

/**
 * Whether files dropped together include a type-split folder: node2id.json, or at least two of the
 * other members (a lone train.txt or test.txt may be an edge list and loads as data).
 */
export function hasTypeSplitFolder(names: readonly string[]): boolean {
  const parts = new Set(names.map(typeSplitPartOf).filter((p) => p !== null));
  return parts.has('node2id') || parts.size >= 2;
}

/** Whether the start of a JSON text is a link-split/1 file's (its "format" field near the top, as every writer of it puts it). */
export function looksLikeLinkSplit(head: string): boolean {
  return /"format"\s*:\s*"link-split\/1"/.test(head);
}
