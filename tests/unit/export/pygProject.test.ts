/**
 * The PyTorch Geometric hand-off (src/export/pyg/): the files hold exactly the graph, settings, split and
 * fixed features the app trains on, checked against values computed independently here; the CLI's
 * export-pyg writes a zip that unzips to those files; train.py knows every layer kind the app has.
 * No Python here: train.py itself is checked by scripts/check-pyg.mjs (docs/save-and-share/pyg.md).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '../../../src/model/tf';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../../src/cli/trainData';
import { buildPygProject, pygFolderName, zipPygProject } from '../../../src/export/pyg/project';
import type { PygFile } from '../../../src/export/pyg/types';
import { npyFloat32 } from '../../../src/export/pyg/npy';
import { AGGREGATORS, HETERO_MODES, LAYER_KINDS, UPDATES } from '../../../src/settings/options';
import type { DrugGraph } from '../../../src/data/graph';
import { drugProteinGraph } from '../model/recipeFixtures';
import { atcFeatures } from '../../../src/model/features/attributes';
import { degreeFeatures } from '../../../src/model/features/degree';
import { inDegrees, messageGraphFromPairs } from '../../../src/model/messageGraph';
import { pygInputsOf } from '../../../src/model/pygInputs';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { splitLinks } from '../../../src/model/split';
import { linkSplitToJson } from '../../../src/model/splitFile';
import { createTrainer } from '../../../src/model/tasks';
import { TrainerService } from '../../../src/workers/trainerService';
import { PROJECT_ROOT } from '../../helpers/sharedData';

const TRAIN_PY = readFileSync(join(PROJECT_ROOT, 'src/export/pyg/train.py'), 'utf8');
const DEMO = join(PROJECT_ROOT, 'public/datasets/demo.json');
let graph: DrugGraph;
let ids: string[];

beforeAll(async () => {
  graph = await loadGraph([DEMO]);
  ids = graph.nodes.map((n) => n.id);
});

async function project(overrides: Partial<ModelSettings>): Promise<Map<string, Uint8Array>> {
  const settings = { ...DEFAULT_MODEL_SETTINGS, hidden: 8, ...overrides };
  const trainer = createTrainer({ ...graph, numNodes: graph.nodes.length }, settings, 'cpu');
  const before = tf.memory().numTensors;
  const inputs = await pygInputsOf(trainer, ids);
  expect(tf.memory().numTensors).toBe(before); // reading the features leaks nothing
  trainer.dispose();
  const files = buildPygProject({ graph, inputs, trainPy: TRAIN_PY, splitName: 'seeded' });
  return new Map(files.map((f) => [f.path, f.bytes]));
}

const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const csvRows = (b: Uint8Array | undefined) => Papa.parse<Record<string, string>>(text(b), { header: true, skipEmptyLines: true }).data;

/** An independent .npy reader: header dict and float32 values. */
function readNpy(bytes: Uint8Array): { shape: number[]; data: Float32Array; dataOffset: number } {
  expect(Array.from(bytes.subarray(0, 8))).toEqual([0x93, 78, 85, 77, 80, 89, 1, 0]);
  const headerLen = bytes[8] | (bytes[9] << 8);
  const header = new TextDecoder('latin1').decode(bytes.subarray(10, 10 + headerLen));
  expect(header).toMatch(/'descr': '<f4', 'fortran_order': False/);
  const shape = header
    .match(/\(([^)]*)\)/)![1]
    .split(',')
    .filter((s) => s.trim())
    .map(Number);
  const dataOffset = 10 + headerLen;
  const copy = bytes.slice(dataOffset);
  return { shape, data: new Float32Array(copy.buffer, 0, copy.length / 4), dataOffset };
}

describe('PyG project files (demo set)', () => {
  it('holds the settings, the graph as CSV and the seeded split the trainer uses', async () => {
    const files = await project({ model: 'seed-gcn', decoder: 'dot', seed: 3 });
    expect([...files.keys()].sort()).toEqual(['README.md', 'data/edges.csv', 'data/nodes.csv', 'manifest.json', 'settings.json', 'split.json', 'train.py']);
    expect(JSON.parse(text(files.get('settings.json')))).toEqual({ ...DEFAULT_MODEL_SETTINGS, hidden: 8, model: 'seed-gcn', decoder: 'dot', seed: 3 });
    expect(text(files.get('train.py'))).toBe(TRAIN_PY);

    const edges = csvRows(files.get('data/edges.csv'));
    expect(edges).toHaveLength(graph.edgeSrc.length);
    edges.forEach((e, i) => {
      expect([Number(e.source), Number(e.target)]).toEqual([graph.edgeSrc[i], graph.edgeDst[i]]);
      expect([e.source_id, e.target_id]).toEqual([ids[graph.edgeSrc[i]], ids[graph.edgeDst[i]]]);
      expect(e.type).toBe(graph.edgeTypes[graph.edgeType![i]]);
    });
    const nodes = csvRows(files.get('data/nodes.csv'));
    expect(nodes.map((n) => n.id)).toEqual(ids);
    expect(nodes.map((n) => n.name)).toEqual(graph.nodes.map((n) => n.name));
    expect(nodes[0].atc.split(';')).toEqual(graph.nodes[0].atc);

    // The split the app draws for seed 3, computed here without the trainer.
    const expected = linkSplitToJson(splitLinks(graph.nodes.length, graph.edgeSrc, graph.edgeDst, 3), ids);
    expect(JSON.parse(text(files.get('split.json')))).toEqual(expected);
    const manifest = JSON.parse(text(files.get('manifest.json')));
    expect(manifest).toMatchObject({
      format: 'pyg-project/1',
      dataset: 'demo',
      nodes: 165,
      edges: 884,
      splitFile: 'split.json',
      selectBy: 'auroc',
      features: null,
    });
    expect(text(files.get('README.md'))).toMatch(/torchrun --nproc_per_node=4 train.py --ddp/);
  });

  it('writes fixed features as the app computes them: random vectors, then degree and ATC blocks', async () => {
    const files = await project({ model: 'gcn', features: 'random+degree+atc', seed: 1 });
    const npy = readNpy(files.get('features.npy')!);
    expect(npy.dataOffset % 64).toBe(0);
    const n = graph.nodes.length;
    expect(npy.shape).toEqual([n, 8 + 17 + 15]);
    const split = splitLinks(n, graph.edgeSrc, graph.edgeDst, 1);
    const degree = degreeFeatures(inDegrees(messageGraphFromPairs(n, split.trainPos.a, split.trainPos.b)));
    const atc = atcFeatures(graph.nodes);
    const cols = 40;
    for (const i of [0, 17, n - 1]) {
      const row = npy.data.subarray(i * cols, (i + 1) * cols);
      expect(Array.from(row.subarray(8, 25))).toEqual(Array.from(degree.data.subarray(i * 17, (i + 1) * 17)));
      expect(Array.from(row.subarray(25, 40))).toEqual(Array.from(atc.data.subarray(i * 15, (i + 1) * 15)));
    }
    // Fixed random vectors: N(0, 1) draws, not zeros or a copy of another block.
    const random = Array.from({ length: n }, (_, i) => Array.from(npy.data.subarray(i * cols, i * cols + 8))).flat();
    const mean = random.reduce((s, x) => s + x, 0) / random.length;
    const sd = Math.sqrt(random.reduce((s, x) => s + (x - mean) ** 2, 0) / random.length);
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(sd).toBeGreaterThan(0.85);
    expect(sd).toBeLessThan(1.15);
    expect(JSON.parse(text(files.get('manifest.json'))).features).toEqual({ file: 'features.npy', rows: n, cols: 40, kinds: ['random', 'degree', 'atc'] });
  });

  it('leaves the learned table out of features.npy (train.py draws it from the same seed)', async () => {
    const files = await project({ features: 'learned+atc' });
    expect(readNpy(files.get('features.npy')!).shape).toEqual([graph.nodes.length, 15]);
  });

  it('writes the type and node tasks’ splits', async () => {
    const typeFiles = await project({ task: 'type' });
    const t = JSON.parse(text(typeFiles.get('type-split.json')));
    expect(t.types).toEqual(graph.edgeTypes);
    const all = [...t.train, ...t.val, ...t.test] as [number, number, number][];
    expect(all).toHaveLength(graph.edgeSrc.length); // every demo pair is typed
    // The type task's pairs are (head, tail) as the data lists them.
    const tp = graph.typedPairs!;
    const typeOf = new Map(Array.from(tp.head, (a, i) => [`${a},${tp.tail[i]}`, tp.type[i]]));
    for (const [u, v, ty] of all) expect(typeOf.get(`${u},${v}`)).toBe(ty);
    expect(new Set(all.map(([u, v]) => `${u},${v}`)).size).toBe(all.length);

    const nodeFiles = await project({ task: 'node' });
    const s = JSON.parse(text(nodeFiles.get('node-split.json')));
    expect(s.classes).toHaveLength(14);
    graph.nodes.forEach((node, i) => {
      const first = node.atc?.[0]?.charAt(0);
      expect(s.labels[i]).toBe(first ? s.classes.indexOf(first) : -1);
    });
    const parts = [...s.train, ...s.val, ...s.test].sort((a: number, b: number) => a - b);
    expect(parts).toEqual(s.labels.flatMap((l: number, i: number) => (l >= 0 ? [i] : [])));
  });

  it('refuses a project without its split and features that do not fit the graph', () => {
    const settings = { ...DEFAULT_MODEL_SETTINGS };
    expect(() => buildPygProject({ graph, inputs: { settings, featureNotes: [] }, trainPy: '', splitName: '' })).toThrow(/link task’s split is missing/);
    const features = { rows: 3, cols: 1, kinds: ['degree'], data: new Float32Array(3) };
    const split = linkSplitToJson(splitLinks(graph.nodes.length, graph.edgeSrc, graph.edgeDst, 0), ids);
    expect(() => buildPygProject({ graph, inputs: { settings, split, features, featureNotes: [] }, trainPy: '', splitName: '' })).toThrow(
      /3 × 1 do not fit the graph’s 165 drugs/,
    );
  });

  it('refuses settings train.py does not port (jumping knowledge, AUC loss, k negatives, edge dropout)', () => {
    const split = linkSplitToJson(splitLinks(graph.nodes.length, graph.edgeSrc, graph.edgeDst, 0), ids);
    const build = (over: Partial<ModelSettings>) => () =>
      buildPygProject({ graph, inputs: { settings: { ...DEFAULT_MODEL_SETTINGS, ...over }, split, featureNotes: [] }, trainPy: '', splitName: 'x' });
    expect(build({ loss: 'auc', negatives: 3 })).toThrow(
      'The PyG project does not reproduce loss auc, negatives 3 yet; it is written for loss bce, negatives 1 only.',
    );
    expect(build({ jk: 'cat' })).toThrow(/jk cat/);
    expect(build({ edgeDropout: 0.2 })).toThrow(/edgeDropout 0.2/);
    expect(build({})).not.toThrow();
  });

  it('quotes names with commas, quotes and line breaks so the CSV reads back to the same text', () => {
    const odd = 'Tricky, "quoted"\nname <b>';
    const g: DrugGraph = { ...graph, nodes: graph.nodes.map((n, i) => (i === 5 ? { ...n, name: odd } : n)) };
    const split = linkSplitToJson(splitLinks(g.nodes.length, g.edgeSrc, g.edgeDst, 0), ids);
    const files = buildPygProject({ graph: g, inputs: { settings: DEFAULT_MODEL_SETTINGS, split, featureNotes: [] }, trainPy: '', splitName: 'x' });
    const nodes = csvRows(files.find((f) => f.path === 'data/nodes.csv')!.bytes);
    expect(nodes).toHaveLength(165);
    expect(nodes[5].name).toBe(odd);
    expect(nodes[6].id).toBe(ids[6]);
  });

  it('zips under one folder and names it from the data set', () => {
    const files: PygFile[] = [{ path: 'a/b.txt', bytes: new Uint8Array([1, 2]) }];
    expect(Object.keys(unzipSync(zipPygProject(files, 'top')))).toEqual(['top/a/b.txt']);
    expect(pygFolderName('ChCh-Miner_durgbank-chem-chem.tsv', { model: 'gcn', task: 'link' })).toBe('ChCh-Miner_durgbank-chem-chem-gcn-link-pyg');
    expect(pygFolderName('a b/../c', { model: 'sage', task: 'node' })).toBe('a-b-c-sage-node-pyg');
  });

  it('writes .npy bytes numpy reads: a 64-byte aligned header and little-endian float32', () => {
    const bytes = npyFloat32(Float32Array.from([1, -2.5, 3, 0.25, 5, 6]), 2, 3);
    const npy = readNpy(bytes);
    expect(npy.shape).toEqual([2, 3]);
    expect(Array.from(npy.data)).toEqual([1, -2.5, 3, 0.25, 5, 6]);
    expect(() => npyFloat32(new Float32Array(5), 2, 3)).toThrow(/5 values do not fill 2 × 3/);
  });
});

describe('the trainer worker’s pygProject (what the page’s button saves)', () => {
  it('zips the current model’s project: its settings, its seeded split, its fixed features, the repository’s train.py', async () => {
    const service = new TrainerService();
    await service.init('cpu');
    const settings = { ...DEFAULT_MODEL_SETTINGS, hidden: 8, seed: 6, features: 'learned+degree' };
    await service.setup(graph, settings);
    const { name, bytes } = await service.pygProject();
    expect(name).toBe('demo-gcn-link-pyg.zip');
    const files = unzipSync(bytes);
    const at = (p: string) => files[`demo-gcn-link-pyg/${p}`];
    expect(JSON.parse(text(at('settings.json')))).toEqual(settings);
    expect(text(at('train.py'))).toBe(TRAIN_PY);
    expect(JSON.parse(text(at('split.json')))).toEqual(linkSplitToJson(splitLinks(165, graph.edgeSrc, graph.edgeDst, 6), ids));
    expect(readNpy(at('features.npy')).shape).toEqual([165, 17]);
    expect(JSON.parse(text(at('manifest.json'))).split).toBe('seeded (seed 6)');
  });

  it('says a graph must be loaded first', async () => {
    await expect(new TrainerService().pygProject()).rejects.toThrow(/No model: load a data set first/);
  });
});

const typedGraph = (): DrugGraph => drugProteinGraph({ seed: 8, drugs: 30, proteins: 12, drugPairs: 80, targetPairs: 90 });

describe('PyG project files (typed graph: drugs, proteins, drug-drug and drug-target)', () => {
  const typed = typedGraph();
  const typedIds = typed.nodes.map((n) => n.id);
  async function typedProject(overrides: Partial<ModelSettings>) {
    const settings = { ...DEFAULT_MODEL_SETTINGS, hidden: 8, relation: 'drug-target', ...overrides };
    const trainer = createTrainer({ ...typed, numNodes: typed.nodes.length }, settings, 'cpu');
    const inputs = await pygInputsOf(trainer, typedIds);
    trainer.dispose();
    const files = buildPygProject({ graph: typed, inputs, trainPy: TRAIN_PY, splitName: 'seeded' });
    return new Map(files.map((f) => [f.path, f.bytes]));
  }

  it('carries each node’s kind and each pair’s relation, and splits only the predicted relation’s pairs', async () => {
    const files = await typedProject({ model: 'rgcn', bases: 2 });
    const nodes = csvRows(files.get('data/nodes.csv'));
    expect(nodes.map((n) => n.kind)).toEqual(typed.nodes.map((_, i) => typed.kinds![typed.nodeKind![i]]));
    expect(nodes.filter((n) => n.kind === 'protein')).toHaveLength(12);
    const edges = csvRows(files.get('data/edges.csv'));
    expect(edges).toHaveLength(typed.edgeSrc.length);
    edges.forEach((e, i) => {
      expect([Number(e.source), Number(e.target)]).toEqual([typed.edgeSrc[i], typed.edgeDst[i]]);
      expect(e.relation).toBe(typed.relations![typed.edgeRelation![i]]);
    });
    const manifest = JSON.parse(text(files.get('manifest.json')));
    expect(manifest).toMatchObject({ kinds: ['drug', 'protein'], relations: ['drug-drug', 'drug-target'] });
    expect(JSON.parse(text(files.get('settings.json')))).toMatchObject({ model: 'rgcn', relation: 'drug-target', bases: 2 });
    // The split holds the drug–target pairs only, each a drug with a protein, negatives too.
    const split = JSON.parse(text(files.get('split.json')));
    const kindOfId = new Map(nodes.map((n) => [n.id, n.kind]));
    const targets = edges.filter((e) => e.relation === 'drug-target').length;
    const parts = ['train_pos', 'val_pos', 'test_pos'] as const;
    expect(parts.reduce((c, k) => c + split[k].length, 0)).toBe(targets);
    for (const k of [...parts, 'val_neg', 'test_neg'] as const) {
      for (const [u, v] of split[k] as [number, number][]) {
        expect([kindOfId.get(split.node_ids[u]), kindOfId.get(split.node_ids[v])].sort()).toEqual(['drug', 'protein']);
      }
    }
  });

  it('writes the per-relation form (hetero) too; an untyped graph’s files have no kind or relation column', async () => {
    const files = await typedProject({ model: 'sage', hetero: 'mean' });
    expect(JSON.parse(text(files.get('settings.json')))).toMatchObject({ model: 'sage', hetero: 'mean' });
    const plain = await project({ model: 'rgcn' });
    expect(text(plain.get('data/nodes.csv')).split('\n')[0]).toBe('index,id,name,type,groups,atc,categories,smiles,targets');
    expect(text(plain.get('data/edges.csv')).split('\n')[0]).not.toMatch(/relation/);
    expect(JSON.parse(text(plain.get('manifest.json')))).not.toHaveProperty('relations');
  });
});

describe('train.py covers the app', () => {
  const tuple = (name: string) =>
    TRAIN_PY.match(new RegExp(`^${name} = \\(([^)]*)\\)`, 'm'))![1]
      .match(/'[^']+'/g)!
      .map((s) => s.slice(1, -1));

  it('builds every layer kind the app has (a new kind fails here until train.py handles it)', () => {
    expect(tuple('LAYER_KINDS').sort()).toEqual([...LAYER_KINDS].sort());
    for (const kind of LAYER_KINDS) expect(TRAIN_PY).toContain(`kind == '${kind}'`);
  });

  it('handles every aggregator, update, decoder and task', () => {
    for (const a of AGGREGATORS) expect(TRAIN_PY).toContain(`'${a}': `);
    for (const u of UPDATES) expect(TRAIN_PY).toMatch(new RegExp(`update(_kind)? == '${u}'|'${u}'`));
    for (const d of ['dot', 'mlp', 'distmult']) expect(TRAIN_PY).toContain(`'${d}'`);
    expect(TRAIN_PY).toContain(`{'link': LinkTask, 'type': TypeTask, 'node': NodeTask}`);
  });

  it('gives R-GCN the message relations of a typed graph (edge_type) and every per-relation combination', () => {
    // RGCNConv with as many relations as the app's message graph, initialised from the app's stream in its order.
    expect(TRAIN_PY).toMatch(/RGCNConv\(in_channels, out_channels, num_relations=num_relations, num_bases=num_bases, aggr='mean'/);
    expect(TRAIN_PY).toContain('uniform_init(rng, (count, bases), math.sqrt(6 / (count + bases)))');
    expect(TRAIN_PY).toContain('self.conv(x, edge_index, edge_type)');
    // Message relation = (relation, kind of the receiving node), numbered in key order, as relations.ts.
    expect(TRAIN_PY).toContain('torch.unique(rel * k + node_kind[dst], sorted=True, return_inverse=True)');
    for (const mode of HETERO_MODES.filter((m) => m !== 'off')) expect(TRAIN_PY).toMatch(new RegExp(`combine == '${mode}'|'${mode}'`));
  });

  it('needs only torch and torch_geometric beyond the standard library', () => {
    const imports = [...TRAIN_PY.matchAll(/^\s*(?:import|from) ([A-Za-z_.]+)/gm)].map((m) => m[1].split('.')[0]);
    const stdlib = ['argparse', 'copy', 'csv', 'json', 'math', 'os', 'struct', 'sys', 'time'];
    expect(new Set(imports.filter((m) => !stdlib.includes(m)))).toEqual(new Set(['torch', 'torch_geometric']));
  });
});

describe('npm run cli -- export-pyg', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'export-pyg-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export-pyg', ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 });

  it('writes a zip that unzips to the project for the train flags given', () => {
    const out = join(dir, 'demo-sage.zip');
    const r = cli(DEMO, '--model', 'sage', '--decoder', 'mlp', '--features', 'learned+degree', '--epochs', '7', '--seed', '2', '--out', out);
    expect(r.status, r.stderr).toBe(0);
    const entries = unzipSync(new Uint8Array(readFileSync(out)));
    expect(Object.keys(entries).sort()).toEqual(
      ['README.md', 'data/edges.csv', 'data/nodes.csv', 'features.npy', 'manifest.json', 'settings.json', 'split.json', 'train.py'].map(
        (p) => `demo-sage/${p}`,
      ),
    );
    const settings = JSON.parse(text(entries['demo-sage/settings.json']));
    expect(settings).toEqual({ ...DEFAULT_MODEL_SETTINGS, model: 'sage', decoder: 'mlp', features: 'learned+degree', epochs: 7, seed: 2 });
    expect(text(entries['demo-sage/train.py'])).toBe(TRAIN_PY);
    expect(csvRows(entries['demo-sage/data/edges.csv'])).toHaveLength(884);
    expect(readNpy(entries['demo-sage/features.npy']).shape).toEqual([165, 17]);
    const split = JSON.parse(text(entries['demo-sage/split.json']));
    expect(split.train_pos.length + split.val_pos.length + split.test_pos.length).toBe(884);
    expect(split).toEqual(linkSplitToJson(splitLinks(165, graph.edgeSrc, graph.edgeDst, 2), ids));
  });

  it('uses a given split file, and names the file when it is not one', async () => {
    const splitPath = join(dir, 'given.json');
    const given = linkSplitToJson(splitLinks(165, graph.edgeSrc, graph.edgeDst, 9), ids);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(splitPath, JSON.stringify(given));
    const out = join(dir, 'folder');
    expect(cli(DEMO, '--split', splitPath, '--out', out).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'split.json'), 'utf8'))).toEqual(given);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).split).toBe('given.json');

    writeFileSync(splitPath, '{"format": "other"}');
    const bad = cli(DEMO, '--split', splitPath, '--out', join(dir, 'bad'));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${splitPath}: Not a link-split/1 split file`);
  });

  it('says what is missing without --out', () => {
    const r = cli(DEMO);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/export-pyg needs --out DIR\.zip/);
  });
});
