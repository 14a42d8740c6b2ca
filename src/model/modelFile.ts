/**
 * A trained model as TensorFlow.js files: `model.json` (a weights manifest in tf.io's format plus
 * this app's metadata) and `weights.bin` (the trainable variables, float32, in the fixed order of
 * `TrainerBase.variables()`). There is no layers topology: the model is rebuilt from the saved
 * settings on the current graph and the weights are assigned to it, so a file only loads onto the
 * graph it was trained on (same drugs and interactions, same drug order).
 *
 * Encoding and decoding go through tf.io (`encodeWeights` / `decodeWeights`), so other tfjs code
 * reads the weights with `tf.io.loadWeights` or `decodeWeights` and the manifest.
 */
import * as tf from './tf';
import { ATC_GROUPS } from './features/attributes';
import type { ModelSettings } from '../settings/schema';
import type { TrainerBase } from './tasks/trainerBase';
import { DISTMULT_TYPE_HEAD_NAME } from './typeHeads';

import { MODEL_FILE_FORMAT, MODEL_JSON_NAME, WEIGHTS_NAME, type ModelFiles } from './modelFileFormat';

/** What model.json's userDefinedMetadata holds besides the weights manifest. */
export interface ModelFileMeta {
  format: typeof MODEL_FILE_FORMAT;
  appVersion: string;
  /** Every model setting; loading builds the model from them. */
  settings: ModelSettings;
  task: ModelSettings['task'];
  /** The epoch the weights come from (the best one when early stopping restored it). */
  epoch: number;
  graph: {
    name: string;
    /** graphFingerprint (src/data/fingerprint.ts): drugs and interactions, order-free. */
    fingerprint: string;
    /** nodeOrderFingerprint: the drug order the learned rows follow. */
    nodeOrder: string;
    drugs: number;
    interactions: number;
  };
  /** splitFingerprint of the link split trained on (link task), else null. */
  splitFingerprint: string | null;
  /** The graph's interaction type names (the type task's classes). */
  interactionTypes: string[];
  /** What the task head predicts: type names (type task), ATC main groups (node task), [] for links. */
  classNames: string[];
}

/** model.json: tf.io's weights manifest and format fields, this app's metadata in userDefinedMetadata. */
export interface ModelJson {
  format: typeof MODEL_FILE_FORMAT;
  generatedBy: string;
  convertedBy: null;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  userDefinedMetadata: ModelFileMeta;
}

/** Why a model file was refused; `reason` says which check failed (tests and the UI read it). */
export class ModelFileError extends Error {
  constructor(
    readonly reason: 'json' | 'format' | 'missing' | 'weights-length' | 'shape' | 'graph' | 'order' | 'settings',
    message: string,
  ) {
    super(message);
    this.name = 'ModelFileError';
  }
}

/** The graph a model is saved from: its name, ids and interactions (a DrugGraph). */
export interface SavedGraph {
  name: string;
  nodes: readonly { id: string }[];
  edgeSrc: Int32Array;
  edgeTypes: readonly string[];
}

/** The metadata saveModelFiles needs besides the trainer's own (settings, task, epoch). */
export function savingMeta(
  trainer: TrainerBase,
  graph: SavedGraph,
  identity: GraphIdentity,
  splitFingerprint: string | null,
  appVersion: string,
): Omit<ModelFileMeta, 'format' | 'settings' | 'task' | 'epoch'> {
  const task = trainer.settings.task;
  return {
    appVersion,
    graph: {
      name: graph.name,
      fingerprint: identity.fingerprint,
      nodeOrder: identity.nodeOrder,
      drugs: graph.nodes.length,
      interactions: graph.edgeSrc.length,
    },
    splitFingerprint,
    interactionTypes: [...graph.edgeTypes],
    classNames: task === 'type' || task === 'multilabel' ? [...graph.edgeTypes] : task === 'node' ? [...ATC_GROUPS] : [],
  };
}

/** Variable name in the manifest: position in variables() (what loading goes by) and the readable name. */
const weightName = (v: tf.Variable, i: number) => `${String(i).padStart(3, '0')}/${v.name.replace(/#\d+$/, '')}`;

/** Writes the trainer's current weights with the metadata. */
export async function saveModelFiles(trainer: TrainerBase, meta: Omit<ModelFileMeta, 'format' | 'settings' | 'task' | 'epoch'>): Promise<ModelFiles> {
  const vars = trainer.variables();
  // Clones taken in one synchronous pass hold this epoch's values even if training goes on while they are read.
  const epoch = trainer.weightsEpoch;
  const copies = vars.map((v) => tf.clone(v));
  let encoded: Awaited<ReturnType<typeof tf.io.encodeWeights>>;
  try {
    encoded = await tf.io.encodeWeights(copies.map((t, i) => ({ name: weightName(vars[i], i), tensor: t })));
  } finally {
    tf.dispose(copies);
  }
  const { data, specs } = encoded;
  const json: ModelJson = {
    format: MODEL_FILE_FORMAT,
    generatedBy: `Drug GNN Playground ${meta.appVersion}`,
    convertedBy: null,
    weightsManifest: [{ paths: [WEIGHTS_NAME], weights: specs }],
    userDefinedMetadata: {
      format: MODEL_FILE_FORMAT,
      ...meta,
      settings: { ...trainer.settings },
      task: trainer.settings.task,
      epoch,
    },
  };
  return { modelJson: JSON.stringify(json, null, 1), weights: data as ArrayBuffer };
}

/** A model.json checked for its own consistency and against its weights.bin (not yet against a graph). */
export interface ParsedModelFile {
  meta: ModelFileMeta;
  specs: tf.io.WeightsManifestEntry[];
  weights: ArrayBuffer;
}

const BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** Parses and checks model.json and weights.bin; throws ModelFileError naming the file and the problem. */
export function parseModelFiles(modelJson: string | null | undefined, weights: ArrayBuffer | null | undefined): ParsedModelFile {
  if (modelJson == null) {
    throw new ModelFileError('missing', `${MODEL_JSON_NAME} is missing: a model is saved as ${MODEL_JSON_NAME} plus ${WEIGHTS_NAME} (or a .zip of both).`);
  }
  let json: Partial<ModelJson>;
  try {
    json = JSON.parse(modelJson);
  } catch (e) {
    throw new ModelFileError('json', `${MODEL_JSON_NAME} is not valid JSON (${(e as Error).message}).`);
  }
  if (!json || typeof json !== 'object') throw new ModelFileError('json', `${MODEL_JSON_NAME} is not a JSON object.`);
  const meta = json.userDefinedMetadata as Partial<ModelFileMeta> | undefined;
  if (json.format !== MODEL_FILE_FORMAT || meta?.format !== MODEL_FILE_FORMAT) {
    throw new ModelFileError(
      'format',
      `${MODEL_JSON_NAME} is not a ${MODEL_FILE_FORMAT} file (its format is ${JSON.stringify(json.format ?? meta?.format ?? null)}): ` +
        'only models saved by this app load here.',
    );
  }
  if (!meta.settings || typeof meta.settings !== 'object' || !meta.graph || typeof meta.graph.fingerprint !== 'string') {
    throw new ModelFileError('format', `${MODEL_JSON_NAME} lacks its settings or graph fingerprint.`);
  }
  const group = json.weightsManifest?.[0];
  if (!Array.isArray(json.weightsManifest) || json.weightsManifest.length !== 1 || !group || !Array.isArray(group.weights)) {
    throw new ModelFileError('format', `${MODEL_JSON_NAME} has no weights manifest of one group.`);
  }
  if (weights == null) throw new ModelFileError('missing', `${WEIGHTS_NAME} is missing: load it together with ${MODEL_JSON_NAME} (or the .zip of both).`);
  let expected = 0;
  for (const [i, spec] of group.weights.entries()) {
    const bytes = BYTES[spec?.dtype as string];
    if (!spec || !Array.isArray(spec.shape) || !spec.shape.every((d) => Number.isInteger(d) && d >= 0) || !bytes || spec.quantization) {
      throw new ModelFileError('format', `${MODEL_JSON_NAME}: weight ${i} (${spec?.name ?? '?'}) has no valid unquantised shape and dtype.`);
    }
    expected += bytes * spec.shape.reduce((a, b) => a * b, 1);
  }
  if (weights.byteLength !== expected) {
    throw new ModelFileError(
      'weights-length',
      `${WEIGHTS_NAME} has ${weights.byteLength} bytes but ${MODEL_JSON_NAME} describes ${expected}: the two files do not belong together or one is damaged.`,
    );
  }
  return { meta: withLegacyTypeHead(meta as ModelFileMeta, group.weights), specs: group.weights, weights };
}

/**
 * Type-task files saved before the direction-aware head hold the per-type DistMult head whatever
 * their `decoder` setting said (it chose nothing then): such a file loads as decoder 'distmult'.
 */
function withLegacyTypeHead(meta: ModelFileMeta, specs: tf.io.WeightsManifestEntry[]): ModelFileMeta {
  if (meta.task !== 'type' || meta.settings.decoder === 'distmult') return meta;
  const legacy = specs.some((s) => s.name.endsWith(`/${DISTMULT_TYPE_HEAD_NAME}/W`));
  return legacy ? { ...meta, settings: { ...meta.settings, decoder: 'distmult' } } : meta;
}

/** What a file is checked against: the graph in use (fingerprints from src/data/fingerprint.ts). */
export interface GraphIdentity {
  fingerprint: string;
  nodeOrder: string;
}

/** Refuses a file trained on another graph, or on the same graph with its drugs in another order. */
export function checkGraph(meta: ModelFileMeta, graph: GraphIdentity): void {
  if (meta.graph.fingerprint !== graph.fingerprint) {
    throw new ModelFileError(
      'graph',
      `This model was trained on another graph (“${meta.graph.name}”, ${meta.graph.drugs} drugs, ${meta.graph.interactions} interactions; ` +
        `fingerprint ${meta.graph.fingerprint.slice(0, 12)}…, the loaded graph's is ${graph.fingerprint.slice(0, 12)}…). Load its data first.`,
    );
  }
  if (meta.graph.nodeOrder !== graph.nodeOrder) {
    throw new ModelFileError(
      'order',
      'This model was trained on the same drugs and interactions, but listed in another order; its learned rows follow that order. ' +
        'Load the data as it was loaded when the model was saved (same files, same order).',
    );
  }
}

/**
 * Puts the file's weights into the trainer's variables, after checking count and every shape
 * (nothing is assigned unless all match). The trainer must have been built from meta.settings.
 */
export function assignWeights(trainer: TrainerBase, file: ParsedModelFile): void {
  const vars = trainer.variables();
  if (vars.length !== file.specs.length) {
    throw new ModelFileError('shape', `${MODEL_JSON_NAME} holds ${file.specs.length} weight tensors; this model has ${vars.length}.`);
  }
  vars.forEach((v, i) => {
    const shape = file.specs[i].shape;
    if (shape.length !== v.shape.length || shape.some((d, j) => d !== v.shape[j])) {
      throw new ModelFileError(
        'shape',
        `${MODEL_JSON_NAME}: weight ${i} (${file.specs[i].name}) has shape [${shape.join(', ')}], the model built from its settings expects [${v.shape.join(', ')}].`,
      );
    }
    if (file.specs[i].dtype !== v.dtype) throw new ModelFileError('shape', `${MODEL_JSON_NAME}: weight ${i} is ${file.specs[i].dtype}, expected ${v.dtype}.`);
  });
  const decoded = tf.io.decodeWeights(file.weights, file.specs);
  try {
    vars.forEach((v, i) => v.assign(decoded[file.specs[i].name]));
  } finally {
    tf.dispose(Object.values(decoded));
  }
  trainer.epoch = file.meta.epoch;
  trainer.weightsEpoch = file.meta.epoch;
}
