/**
 * The PyTorch Geometric hand-off as a list of files (pure: no DOM, no TensorFlow.js), shared by the
 * page's Save and share entry and `npm run cli -- export-pyg`:
 *
 *   README.md        how to run it and what it reproduces
 *   train.py         the app's model in PyG (needs torch and torch_geometric only)
 *   settings.json    the app's ModelSettings
 *   manifest.json    data set name, counts, which split and feature files there are
 *   data/nodes.csv   index,id,name,type,groups,atc,categories,smiles,targets[,kind] (lists joined with ;)
 *   data/edges.csv   source,target,source_id,target_id,type[,weight][,relation] (one row per undirected pair)
 *                    kind and relation only on a typed graph (docs/typed-graphs.md): train.py then gives each
 *                    message edge its message relation (edge_type) and draws negatives of the relation's kinds
 *   split.json       link task: link-split/1 (type-split.json / node-split.json for the other tasks)
 *   features.npy     fixed node features as the app's model reads them (float32 N × D), when used
 */
import { zipSync } from 'fflate';
import type { DrugGraph } from '../../data/graph';
import { csvText } from './csv';
import { npyFloat32 } from './npy';
import { pygReadme } from './readme';
import type { PygFile, PygInputs } from './types';

export const PYG_MANIFEST_FORMAT = 'pyg-project/1';

export interface PygProjectInput {
  graph: DrugGraph;
  inputs: PygInputs;
  /** The text of src/export/pyg/train.py (a Vite ?raw import in the page, fs in the CLI). */
  trainPy: string;
  /** Where the split came from, e.g. "seeded (seed 0)" or a file name (shown in README and the metrics line). */
  splitName: string;
}

const text = (s: string) => new TextEncoder().encode(s);
const json = (x: unknown) => text(`${JSON.stringify(x, null, 1)}\n`);
const list = (xs: string[] | undefined) => (xs ?? []).join(';');

/** A typed graph (node kinds or relations named by a source) carries them into the project; an untyped one's files stay as they were. */
const isTyped = (graph: DrugGraph): boolean => graph.nodeKind !== undefined || graph.edgeRelation !== undefined;
const DEFAULT_KIND = 'drug';
const DEFAULT_RELATION = 'drug-drug';

function nodesCsv(graph: DrugGraph): string {
  const typed = isTyped(graph);
  const kinds = graph.kinds ?? [DEFAULT_KIND];
  return csvText(
    ['index', 'id', 'name', 'type', 'groups', 'atc', 'categories', 'smiles', 'targets', ...(typed ? ['kind'] : [])],
    graph.nodes.map((n, i) => {
      const row: (string | number | undefined)[] = [i, n.id, n.name, n.type, list(n.groups), list(n.atc), list(n.categories), n.smiles, list(n.targets)];
      if (typed) row.push(kinds[graph.nodeKind?.[i] ?? 0]);
      return row;
    }),
  );
}

function edgesCsv(graph: DrugGraph): string {
  const weighted = graph.edgeWeight !== undefined;
  const typed = isTyped(graph);
  const relations = graph.relations ?? [DEFAULT_RELATION];
  const header = ['source', 'target', 'source_id', 'target_id', 'type', ...(weighted ? ['weight'] : []), ...(typed ? ['relation'] : [])];
  function* rows() {
    for (let i = 0; i < graph.edgeSrc.length; i++) {
      const a = graph.edgeSrc[i];
      const b = graph.edgeDst[i];
      const t = graph.edgeType?.[i] ?? -1;
      const row: (string | number)[] = [a, b, graph.nodes[a].id, graph.nodes[b].id, t >= 0 ? graph.edgeTypes[t] : ''];
      if (weighted) row.push(graph.edgeWeight![i]);
      if (typed) row.push(relations[graph.edgeRelation?.[i] ?? 0]);
      yield row;
    }
  }
  return csvText(header, rows());
}

/**
 * Settings train.py does not port yet, at a value other than the default it reproduces: a project
 * with them would silently train another model, so it is refused instead.
 */
const UNPORTED = { jk: 'last', loss: 'bce', negatives: 1, edgeDropout: 0 } as const;

/** Every file of the project, paths relative to its folder. */
export function buildPygProject({ graph, inputs, trainPy, splitName }: PygProjectInput): PygFile[] {
  const { settings } = inputs;
  const unported = (Object.keys(UNPORTED) as (keyof typeof UNPORTED)[]).filter((k) => settings[k] !== UNPORTED[k]);
  if (unported.length > 0) {
    const given = unported.map((k) => `${k} ${String(settings[k])}`).join(', ');
    const defaults = unported.map((k) => `${k} ${String(UNPORTED[k])}`).join(', ');
    throw new Error(`The PyG project does not reproduce ${given} yet; it is written for ${defaults} only.`);
  }
  const splitFile = settings.task === 'link' ? 'split.json' : settings.task === 'type' ? 'type-split.json' : 'node-split.json';
  const split = settings.task === 'link' ? inputs.split : settings.task === 'type' ? inputs.typeSplit : inputs.nodeSplit;
  if (!split) throw new Error(`The ${settings.task} task’s split is missing: no PyG project can be written without it.`);
  const f = inputs.features;
  if (f && (f.rows !== graph.nodes.length || f.data.length !== f.rows * f.cols)) {
    throw new Error(`Fixed features of ${f.rows} × ${f.cols} do not fit the graph’s ${graph.nodes.length} drugs.`);
  }
  const manifest = {
    format: PYG_MANIFEST_FORMAT,
    dataset: graph.name,
    nodes: graph.nodes.length,
    edges: graph.edgeSrc.length,
    edgeTypes: graph.edgeTypes,
    // Typed graphs: the node kinds and relations named in data/nodes.csv's kind and data/edges.csv's relation columns.
    ...(isTyped(graph) ? { kinds: graph.kinds ?? [DEFAULT_KIND], relations: graph.relations ?? [DEFAULT_RELATION] } : {}),
    task: settings.task,
    split: splitName,
    splitFile,
    ...(settings.task === 'link' ? { selectBy: inputs.selectBy ?? 'auroc' } : {}),
    features: f ? { file: 'features.npy', rows: f.rows, cols: f.cols, kinds: f.kinds } : null,
    featureNotes: inputs.featureNotes,
  };
  const files: PygFile[] = [
    { path: 'README.md', bytes: text(pygReadme({ graph, inputs, splitName, splitFile })) },
    { path: 'train.py', bytes: text(trainPy) },
    { path: 'settings.json', bytes: json(settings) },
    { path: 'manifest.json', bytes: json(manifest) },
    { path: 'data/nodes.csv', bytes: text(nodesCsv(graph)) },
    { path: 'data/edges.csv', bytes: text(edgesCsv(graph)) },
    // Compact: a split of ogbl-ddi is 1.3 M pairs.
    { path: splitFile, bytes: text(JSON.stringify(split)) },
  ];
  if (f) files.push({ path: 'features.npy', bytes: npyFloat32(f.data, f.rows, f.cols) });
  return files;
}

/** The files in one zip, under a top folder (unzipping gives one folder, not loose files). */
export function zipPygProject(files: PygFile[], folder: string): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [`${folder}/${f.path}`, f.bytes])), { level: 6 });
}

/** A folder name from the data set's name: letters, digits, - and _ only. */
export function pygFolderName(graphName: string, settings: { model: string; task: string }): string {
  const base =
    graphName
      .replace(/\.[a-z0-9]+$/i, '')
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'graph';
  return `${base}-${settings.model}-${settings.task}-pyg`;
}
