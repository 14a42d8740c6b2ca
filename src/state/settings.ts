/**
 * Every user setting as one row of a typed table (after TensorFlow Playground's state.ts), with
 * validation: a row parses its URL value or says why it cannot. The whole table round-trips
 * through the location hash, so a URL restores a run.
 */
import type { BackendName } from '../workers/protocol';
import type { AggregatorKind } from '../model/aggregators';
import { parseFeatureSpec } from '../model/features/spec';
// From kinds.ts, not the layers' index: that one imports TensorFlow.js, which the page must not load.
import { LAYER_KINDS } from '../model/layers/kinds';
import type { UpdateKind } from '../model/layers/mpnn';
import type { AggregationMode, DecoderKind, ModelKind, ModelSettings, TaskKind } from '../model/settings';
import { DEFAULT_MODEL_SETTINGS } from '../model/settings';

interface Row<T> {
  /** Name in the URL. */
  key: string;
  label: string;
  /** One line shown next to the control. */
  help: string;
  defaultValue: T;
  /** The value, or a message saying what was expected. */
  parse(raw: string): { value: T } | { error: string };
  format(value: T): string;
}

/** A row whose value prints with String(); only how it parses differs between kinds. */
function row<T>(key: string, label: string, help: string, defaultValue: T, parse: Row<T>['parse']): Row<T> {
  return { key, label, help, defaultValue, parse, format: String };
}

function intRow(key: string, label: string, help: string, defaultValue: number, min: number, max: number): Row<number> {
  return row<number>(key, label, help, defaultValue, (raw) => {
    const v = Number(raw);
    if (!/^-?\d+$/.test(raw.trim()) || v < min || v > max) return { error: `expected a whole number from ${min} to ${max}` };
    return { value: v };
  });
}

function floatRow(key: string, label: string, help: string, defaultValue: number, min: number, max: number): Row<number> {
  return row<number>(key, label, help, defaultValue, (raw) => {
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max) return { error: `expected a number from ${min} to ${max}` };
    return { value: v };
  });
}

function enumRow<T extends string>(key: string, label: string, help: string, defaultValue: T, options: readonly T[]): Row<T> & { options: readonly T[] } {
  const parse = (raw: string) =>
    (options as readonly string[]).includes(raw) ? { value: raw as T } : { error: `expected one of ${options.join(', ')}` };
  return { ...row<T>(key, label, help, defaultValue, parse), options };
}

function textRow(key: string, label: string, help: string, defaultValue: string, pattern: RegExp, expected: string): Row<string> {
  return row<string>(key, label, help, defaultValue, (raw) => (pattern.test(raw) ? { value: raw } : { error: `expected ${expected}` }));
}

/** Node features: one or more kinds joined with '+', e.g. "learned" or "morgan+degree". */
function featureRow(key: string, label: string, help: string, defaultValue: string): Row<string> {
  return row<string>(key, label, help, defaultValue, (raw) => {
    const parsed = parseFeatureSpec(raw);
    return 'error' in parsed ? { error: parsed.error } : { value: parsed.kinds.join('+') };
  });
}

const m = DEFAULT_MODEL_SETTINGS;

/** The `dataset` value for data loaded from files or `?data=` links rather than a built-in set. */
export const FILES_DATASET = 'files';

/** The candidate list's longest length ("Show more" grows it by pages of 100); the files have no limit. */
export const MAX_CANDIDATES = 1000;

export const SETTINGS = {
  dataset: textRow('dataset', 'Data set', `Built-in data set to load (“${FILES_DATASET}”: the data came from files, which a link cannot reopen).`, 'demo', /^[a-z0-9-]{1,40}$/, 'a data set name'),
  model: enumRow<ModelKind>('model', 'Model', 'gcn: Kipf & Welling (default, with the MLP decoder); seed-gcn: neighbour mean + Linear (the seed’s model, with the dot decoder); sage: GraphSAGE; gat: attention; gin: sum + MLP; mpnn: pick AGG and UPDATE.', m.model, LAYER_KINDS),
  task: enumRow<TaskKind>('task', 'Task', 'link: predict interactions; type: predict the interaction type of known pairs; node: predict ATC main group.', m.task, ['link', 'type', 'node']),
  features: featureRow('features', 'Node features', 'learned, random, atc, categories, degree, morgan (RDKit fingerprints); join with + to combine.', m.features),
  hidden: intRow('hidden', 'Hidden size', 'Width of every layer’s vectors.', m.hidden, 2, 256),
  layers: intRow('layers', 'Layers', 'Number of message-passing layers (each sees one hop further).', m.layers, 1, 8),
  heads: intRow('heads', 'Attention heads', 'GAT only: independent attention heads (hidden must divide by it).', m.heads, 1, 16),
  aggregator: enumRow<AggregatorKind>('aggr', 'Aggregator', 'mpnn only: how neighbour messages combine (sum, mean or per-feature max).', m.aggregator, ['sum', 'mean', 'max']),
  update: enumRow<UpdateKind>('update', 'Update', 'mpnn only: replace h by W·m, or W·(h + m), or W·[h ‖ m].', m.update, ['replace', 'add', 'concat']),
  dropout: floatRow('dropout', 'Dropout', 'Fraction of hidden values zeroed while training (seeded).', m.dropout, 0, 0.9),
  decoder: enumRow<DecoderKind>('decoder', 'Decoder', 'Link task: pair score = dot product, DistMult (learned diagonal) or an MLP.', m.decoder, ['dot', 'distmult', 'mlp']),
  learningRate: floatRow('lr', 'Learning rate', 'Adam step size.', m.learningRate, 1e-5, 1),
  batchSize: intRow('batch', 'Batch size', 'Link task: training pairs per optimiser step (0 = all, one step per epoch).', m.batchSize, 0, 100_000_000),
  epochs: intRow('epochs', 'Epochs', 'Training stops after this many passes.', m.epochs, 1, 10000),
  patience: intRow('patience', 'Patience', 'Early stopping: stop after this many epochs without a better validation score (0 = off).', m.patience, 0, 10000),
  seed: intRow('seed', 'Seed', 'Fixes the split, initial weights and negative samples.', m.seed, 0, 2147483647),
  aggregation: enumRow<AggregationMode>('agg', 'Aggregation kernel', 'How neighbour sums run: chosen per backend and size, or forced.', m.aggregation, ['auto', 'kernel', 'sparse', 'dense']),
  candidates: intRow('top', 'Candidates', 'How many strongest unknown pairs to list (the network draws at most 100 of them).', m.candidates, 0, MAX_CANDIDATES),
  maxEdges: intRow('maxedges', 'Edges drawn at most', 'Big graphs show only this many interactions, strongest first.', 1000, 10, 200000),
  minStrength: floatRow('minp', 'Strength threshold', 'Hide known interactions predicted weaker than this.', 0, 0, 1),
  focus: textRow('focus', 'Focus', 'Drug IDs to centre the view on (comma-separated).', '', /^[^,]{1,64}(,[^,]{1,64}){0,49}$|^$/, 'up to 50 comma-separated drug IDs'),
  hops: intRow('hops', 'Hops', 'Radius of the neighbourhood shown around focused drugs.', 1, 1, 4),
  renderer: enumRow<'auto' | 'canvas' | 'webgl'>('renderer', 'Renderer', 'Cytoscape renderer: WebGL pays off for big views on a real GPU.', 'auto', ['auto', 'canvas', 'webgl']),
  backend: enumRow<'auto' | BackendName>('backend', 'Backend', 'TensorFlow.js backend: auto tries WebGPU, WebGL, WASM, then CPU, passing over software GPUs (SwiftShader: slower than WASM).', 'auto', ['auto', 'webgpu', 'webgl', 'wasm', 'cpu']),
  // Teaching (issue 5): view state only, the model is never rebuilt for these.
  drug: textRow('drug', 'Stepper drug', 'Opens the message-passing stepper on this drug (DrugBank ID or the id in your data).', '', /^[^,&#]{1,64}$|^$/, 'one drug id'),
  present: enumRow<'0' | '1'>('present', 'Presenting', '1 hides the settings panels, for a teacher showing a fixed setting.', '0', ['0', '1']),
  tour: enumRow<'on' | 'off'>('tour', 'Guided tour', 'off never shows the first-visit tour (it is also never shown again once dismissed).', 'on', ['on', 'off']),
};

type Table = typeof SETTINGS;
export type SettingKey = keyof Table;
export type AppSettings = { [K in SettingKey]: Table[K]['defaultValue'] };

export const DEFAULT_SETTINGS = Object.fromEntries(
  Object.entries(SETTINGS).map(([k, row]) => [k, row.defaultValue]),
) as AppSettings;

/** Settings from a location hash ("#dataset=demo&lr=0.01…"); unknown keys and bad values are reported, not fatal. */
export function settingsFromHash(hash: string): { settings: AppSettings; warnings: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingKey, unknown>;
  const warnings: string[] = [];
  const byKey = new Map(Object.entries(SETTINGS).map(([name, row]) => [row.key, name as SettingKey]));
  for (const [key, raw] of params) {
    const name = byKey.get(key);
    if (!name) {
      if (!OTHER_HASH_KEYS.has(key)) warnings.push(`Ignored unknown setting “${key}” in the URL.`);
      continue;
    }
    const parsed = (SETTINGS[name] as Row<unknown>).parse(raw);
    if ('error' in parsed) warnings.push(`Ignored ${key}=${raw} in the URL: ${parsed.error}.`);
    else settings[name] = parsed.value;
  }
  return { settings: settings as AppSettings, warnings };
}

/** Hash keys owned by other parts of the page (view state), passed through untouched. */
const OTHER_HASH_KEYS = new Set<string>();

/**
 * Only the settings that differ from their defaults ("" when none do), so shared links stay short
 * and carry no teaching or view state nobody chose; a missing key parses back to its default.
 */
export function settingsToHash(settings: AppSettings): string {
  const params = new URLSearchParams();
  for (const [name, row] of Object.entries(SETTINGS) as [SettingKey, Row<unknown>][]) {
    const value = row.format(settings[name]);
    if (value !== row.format(row.defaultValue)) params.set(row.key, value);
  }
  const query = params.toString();
  return query ? `#${query}` : '';
}

export function modelSettingsOf(s: AppSettings): ModelSettings {
  return {
    model: s.model,
    task: s.task,
    features: s.features,
    hidden: s.hidden,
    layers: s.layers,
    heads: s.heads,
    aggregator: s.aggregator,
    update: s.update,
    dropout: s.dropout,
    decoder: s.decoder,
    learningRate: s.learningRate,
    batchSize: s.batchSize,
    epochs: s.epochs,
    patience: s.patience,
    seed: s.seed,
    aggregation: s.aggregation,
    candidates: s.candidates,
  };
}
