/**
 * Model files on disk for the CLI: `--save-model DIR` writes model.json + weights.bin into DIR;
 * `--model-file PATH` reads a folder holding them, a model.json (weights named by its manifest,
 * beside it) or the page's .zip. `trainerFromModelFile` is the one step commands call to get a
 * trained model from a file instead of training one.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { DrugGraph } from '../data/graph';
import { graphFingerprint, nodeOrderFingerprint } from '../data/fingerprint';
import { assignWeights, checkGraph, ModelFileError, parseModelFiles, type ModelFileMeta } from '../model/modelFile';
import { MODEL_JSON_NAME, WEIGHTS_NAME, type ModelFiles } from '../model/modelFileFormat';
import type { TrainerBase } from '../model/tasks/trainerBase';
import { checkModelSettings } from '../settings/check';
import { buildTrainer, type GivenSplit } from './session';

export async function writeModelDir(dir: string, files: ModelFiles): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, MODEL_JSON_NAME), files.modelJson);
  await writeFile(join(dir, WEIGHTS_NAME), new Uint8Array(files.weights));
}

const asBuffer = (u: Uint8Array): ArrayBuffer => u.slice().buffer as ArrayBuffer;

async function readIfThere(path: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** model.json's text and weights.bin's bytes from a folder, a model.json or a .zip; null where one is missing. */
export async function readModelFiles(path: string): Promise<{ modelJson: string | null; weights: ArrayBuffer | null }> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new ModelFileError('missing', `${path}: no such file or folder.`);
  if (info.isDirectory()) {
    const json = await readIfThere(join(path, MODEL_JSON_NAME));
    const weights = await readIfThere(join(path, WEIGHTS_NAME));
    return { modelJson: json && new TextDecoder().decode(json), weights: weights && asBuffer(weights) };
  }
  const bytes = new Uint8Array(await readFile(path));
  if (/\.zip$/i.test(path)) {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes);
    } catch (e) {
      throw new ModelFileError('missing', `${path} is not a readable zip (${(e as Error).message}).`);
    }
    const find = (name: string) => Object.entries(entries).find(([p]) => basename(p) === name)?.[1] ?? null;
    const json = find(MODEL_JSON_NAME);
    const weights = find(WEIGHTS_NAME);
    return { modelJson: json && new TextDecoder().decode(json), weights: weights && asBuffer(weights) };
  }
  const modelJson = new TextDecoder().decode(bytes);
  let weightsPath = WEIGHTS_NAME;
  try {
    const p = JSON.parse(modelJson)?.weightsManifest?.[0]?.paths?.[0];
    if (typeof p === 'string' && !p.includes('/') && !p.includes('\\')) weightsPath = p;
  } catch {
    // parseModelFiles reports the bad JSON
  }
  const weights = await readIfThere(join(dirname(path), weightsPath));
  return { modelJson, weights: weights && asBuffer(weights) };
}

export interface LoadedTrainer {
  trainer: TrainerBase;
  meta: ModelFileMeta;
  /** Things to tell the user (another app version). */
  notes: string[];
}

/**
 * A trainer built from a model file's settings on this graph, holding the file's weights; throws
 * ModelFileError (damaged file, another graph, bad settings) before anything is kept.
 */
export async function trainerFromModelFile(path: string, graph: DrugGraph, split?: GivenSplit, ogbl = false): Promise<LoadedTrainer> {
  const { modelJson, weights } = await readModelFiles(path);
  const file = parseModelFiles(modelJson, weights);
  const checked = checkModelSettings(file.meta.settings);
  if ('error' in checked) throw new ModelFileError('settings', `${MODEL_JSON_NAME}: ${checked.error}.`);
  checkGraph(file.meta, { fingerprint: await graphFingerprint(graph), nodeOrder: await nodeOrderFingerprint(graph.nodes.map((n) => n.id)) });
  const trainer = await buildTrainer(graph, checked.settings, split, ogbl);
  try {
    assignWeights(trainer, file);
  } catch (e) {
    trainer.dispose();
    throw e;
  }
  return { trainer, meta: file.meta, notes: [] };
}
