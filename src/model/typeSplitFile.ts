/**
 * A fixed interaction-type split given as SumGNN's / KnowDDI's split folder (the DeepDDI 86-type
 * data's 70/10/20 split the published numbers are measured on):
 *
 *   train.txt, dev.txt (or valid.txt), test.txt   one "head tail rel" triple per line, space-separated
 *   node2id.json                                  { "DB00460": 1, … }: the drug id of each head/tail index
 *
 * rel is the type's 0-based index: it is the data's Label − 1 (Drugbank.txt's Label 1..86), so a
 * triple's type is the graph's type named String(rel + 1). Pairs keep the file's (head, tail)
 * order, which matters for directed types ("#Drug1 may increase … of #Drug2").
 */
import type { TypedPairs, TypeSplit } from './tasks/typeTrainer';

export interface TypeSplitTexts {
  train: string;
  val: string;
  test: string;
  /** node2id.json's text. */
  node2id: string;
}

/** Parses the folder's files for a graph whose node i has id graphIds[i] and type t is named graphTypes[t]. */
export function typeSplitFromTexts(texts: TypeSplitTexts, graphIds: string[], graphTypes: string[]): TypeSplit {
  const node2id: unknown = JSON.parse(texts.node2id);
  if (!node2id || typeof node2id !== 'object' || Array.isArray(node2id)) throw new Error('node2id.json is not an object of drug id → index.');
  const graphIndex = new Map(graphIds.map((id, i) => [id, i]));
  const nodeOf = new Map<number, number>();
  const missing: string[] = [];
  for (const [id, idx] of Object.entries(node2id as Record<string, unknown>)) {
    if (!Number.isInteger(idx)) throw new Error(`node2id.json: the index of ${id} is not an integer.`);
    const g = graphIndex.get(id);
    if (g === undefined) missing.push(id);
    else nodeOf.set(idx as number, g);
  }
  const typeOf = new Map(graphTypes.map((name, t) => [name, t]));
  const part = (name: string, text: string): TypedPairs => {
    const a: number[] = [];
    const b: number[] = [];
    const type: number[] = [];
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const f = line.trim().split(/\s+/).map(Number);
      if (f.length !== 3 || !f.every(Number.isInteger)) throw new Error(`${name} line ${i + 1}: expected "head tail rel" integers, got "${line.trim()}".`);
      const [h, t, r] = f;
      const u = nodeOf.get(h);
      const v = nodeOf.get(t);
      if (u === undefined || v === undefined) {
        const idx = u === undefined ? h : t;
        const known = Object.entries(node2id as Record<string, number>).find(([, x]) => x === idx);
        throw new Error(
          known
            ? `${name} line ${i + 1}: drug ${known[0]} is not in the loaded data (${missing.length} of node2id.json's drugs are not).`
            : `${name} line ${i + 1}: node index ${idx} is not in node2id.json.`,
        );
      }
      const ty = typeOf.get(String(r + 1));
      if (ty === undefined) throw new Error(`${name} line ${i + 1}: type ${r} (label ${r + 1}) is not an interaction type of the loaded data.`);
      a.push(u);
      b.push(v);
      type.push(ty);
    });
    if (a.length === 0) throw new Error(`${name} holds no triples.`);
    return { a: Int32Array.from(a), b: Int32Array.from(b), type: Int32Array.from(type) };
  };
  return { train: part('train.txt', texts.train), val: part('dev.txt', texts.val), test: part('test.txt', texts.test) };
}

/** Whether a given split is a type split (train/val/test typed pairs) rather than a link split. */
export function isTypeSplit(split: object): split is TypeSplit {
  return 'train' in split && 'test' in split && 'val' in split;
}
