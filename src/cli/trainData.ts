/**
 * Node-only data preparation for `train`: the graph through the app's loaders, an optional
 * link-split/1 file or type-split folder (SumGNN's train/dev/test.txt + node2id.json), the official ogbl-ddi split (gzip CSVs read with fs + fflate), and RDKit
 * loaded from node_modules for Morgan fingerprints.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { loadFiles } from '../data/loadFiles';
import { fileFromPath } from '../data/nodeInput';
import type { DrugGraph } from '../data/graph';
import type { ColumnMapping } from '../data/table/layout';
import type { DrugBankProteins } from '../data/drugbank/proteinLists';
import type { RdkitLike } from '../model/features/morgan';
import type { LinkSplit, Pairs } from '../model/split';
import type { TypeSplit } from '../model/tasks/typeTrainer';
import { typeSplitMembers } from '../model/splitFileNames';
import { splitFromTexts, type SplitTexts } from '../model/splitTexts';
import { parseTypeSentences } from '../data/typeSentences';

export async function loadGraph(paths: string[], columnMappings?: Record<string, ColumnMapping>, drugbankProteins?: DrugBankProteins): Promise<DrugGraph> {
  const files = await Promise.all(paths.map((p) => fileFromPath(p)));
  return (await loadFiles(files, { columnMappings, drugbankProteins })).graph;
}

/** --split's value: a folder is a type split (SumGNN layout), a file a link-split/1 JSON; parsed as the page parses dropped split files. */
export async function loadSplitFile(path: string, graph: DrugGraph): Promise<LinkSplit | TypeSplit> {
  if ((await stat(path)).isDirectory()) return splitFromTexts(await typeSplitDirTexts(path), graph);
  return splitFromTexts({ kind: 'link', file: path, text: await readFile(path, 'utf8') }, graph);
}

/** SumGNN's / KnowDDI's split folder: train.txt, dev.txt (or valid.txt), test.txt and node2id.json. */
async function typeSplitDirTexts(dir: string): Promise<SplitTexts> {
  const { files, missing } = typeSplitMembers(await readdir(dir));
  if (missing.length > 0)
    throw new Error(`the split folder lacks ${missing.join(', ')} (it needs train.txt, dev.txt or valid.txt, test.txt and node2id.json).`);
  const read = (name: string | undefined) => readFile(join(dir, name!), 'utf8');
  const [train, val, test, node2id] = await Promise.all([read(files.train), read(files.val), read(files.test), read(files.node2id)]);
  return { kind: 'type', files: Object.values(files), texts: { train, val, test, node2id } };
}

/** A table of type names to sentences (DeepDDI's Interaction_information.csv), by type name. */
export async function loadTypeSentences(path: string): Promise<Map<string, string>> {
  return parseTypeSentences(await readFile(path, 'utf8'));
}

async function gzCsvPairs(path: string): Promise<Pairs> {
  const text = new TextDecoder().decode(gunzipSync(new Uint8Array(await readFile(path))));
  const a: number[] = [];
  const b: number[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [u, v] = line.split(',').map(Number);
    a.push(Math.min(u, v));
    b.push(Math.max(u, v));
  }
  return { a: Int32Array.from(a), b: Int32Array.from(b) };
}

/**
 * ogbl-ddi with its official split: raw/edge.csv.gz (= the training edges), split/{valid,test}_{pos,neg}.csv.gz
 * (fixed negatives), mapping/nodeidx2drugid.csv.gz for the node ids. The graph holds every known pair.
 */
export async function loadOgblDdi(dir: string): Promise<{ graph: DrugGraph; split: LinkSplit }> {
  const mapping = new TextDecoder().decode(gunzipSync(new Uint8Array(await readFile(join(dir, 'mapping/nodeidx2drugid.csv.gz')))));
  const ids: string[] = [];
  for (const line of mapping.split('\n').slice(1)) {
    const [idx, id] = line.split(',');
    if (id) ids[Number(idx)] = id.trim();
  }
  const [trainPos, valPos, valNeg, testPos, testNeg] = await Promise.all(
    ['raw/edge.csv.gz', 'split/valid_pos.csv.gz', 'split/valid_neg.csv.gz', 'split/test_pos.csv.gz', 'split/test_neg.csv.gz'].map((f) =>
      gzCsvPairs(join(dir, f)),
    ),
  );
  const numNodes = ids.length;
  const all = [trainPos, valPos, testPos];
  const total = all.reduce((s, p) => s + p.a.length, 0);
  const edgeSrc = new Int32Array(total);
  const edgeDst = new Int32Array(total);
  let o = 0;
  for (const p of all) {
    edgeSrc.set(p.a, o);
    edgeDst.set(p.b, o);
    o += p.a.length;
  }
  const graph: DrugGraph = {
    name: 'ogbl-ddi',
    nodes: ids.map((id) => ({ id, name: id })),
    edgeSrc,
    edgeDst,
    edgeTypes: [],
  };
  return { graph, split: { numNodes, trainPos, valPos, valNeg, testPos, testNeg } };
}

/** RDKit's MinimalLib from node_modules (the browser worker loads the same .wasm via a Vite ?url import). */
export async function loadRdkitNode(): Promise<RdkitLike> {
  const mod = (await import('@rdkit/rdkit')) as unknown as { default: () => Promise<RdkitLike> };
  return mod.default();
}
