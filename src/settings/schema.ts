/**
 * Every setting as one row of a typed table (after TensorFlow Playground's state.ts): its URL key,
 * CLI flag, label, one-line help, limits and default, and whether it shapes the model or only the
 * view. Everything else is derived from the rows: the URL hash (urlHash.ts), the page's controls,
 * the model settings type and defaults (below), the CLI's parser and --help (cliArgs.ts) and the
 * check of settings read from a saved model (check.ts). Adding a setting = one row + the code that
 * uses it. No TensorFlow.js here: the page reads this before the model is loaded.
 */
import { parseFeatureSpec, type FeatureSpec } from './featureSpec';
import {
  AGGREGATION_MODES,
  AGGREGATORS,
  BACKEND_CHOICES,
  DECODERS,
  DRUGBANK_PROTEIN_MODES,
  HETERO_MODES,
  JK_MODES,
  LINK_LOSSES,
  MODEL_KINDS,
  RENDERERS,
  SPLIT_MODES,
  TASKS,
  UPDATES,
} from './options';

/** 'model': part of ModelSettings (changing it rebuilds the model, saved with it); 'view': page state only. */
export type Scope = 'model' | 'view';
export type ParseResult<T> = { value: T } | { error: string };

interface RowBase<T, S extends Scope> {
  scope: S;
  /** Name in the URL hash. */
  key: string;
  /** CLI flag without the dashes; absent: not a CLI setting (view state). */
  flag?: string;
  label: string;
  /** One line shown next to the control and in --help. */
  help: string;
  defaultValue: T;
  /** What a valid value is, e.g. "a whole number from 2 to 512" (in messages and --help). */
  expected: string;
  /** The value, or a message saying what was expected. */
  parse(raw: string): ParseResult<T>;
  format(value: T): string;
  /** Also shown in the Model panel although it is not a model setting (the backend). */
  modelPanel?: boolean;
  /**
   * A model setting added after models and sessions were first saved: those lack it and read as the
   * default, which is what they were trained with (so such a row's default must never change).
   */
  addedLater?: boolean;
}

export interface NumberRow<S extends Scope = Scope> extends RowBase<number, S> {
  kind: 'int' | 'float';
  min: number;
  max: number;
}
export interface EnumRow<T extends string = string, S extends Scope = Scope> extends RowBase<T, S> {
  kind: 'enum';
  options: readonly T[];
}
export interface TextRow<S extends Scope = Scope> extends RowBase<string, S> {
  kind: 'text' | 'features';
}
export type Row = NumberRow | EnumRow | TextRow;

type Fields<T, S extends Scope> = Pick<RowBase<T, S>, 'scope' | 'key' | 'flag' | 'label' | 'help' | 'defaultValue' | 'modelPanel' | 'addedLater'>;

const expectedError = (expected: string) => ({ error: `expected ${expected}` });

function intRow<S extends Scope>(f: Fields<number, S> & { min: number; max: number }): NumberRow<S> {
  const expected = `a whole number from ${f.min} to ${f.max}`;
  return {
    ...f,
    kind: 'int',
    expected,
    format: String,
    parse: (raw) => {
      const v = Number(raw);
      return !/^-?\d+$/.test(raw.trim()) || v < f.min || v > f.max ? expectedError(expected) : { value: v };
    },
  };
}

function floatRow<S extends Scope>(f: Fields<number, S> & { min: number; max: number }): NumberRow<S> {
  const expected = `a number from ${f.min} to ${f.max}`;
  return {
    ...f,
    kind: 'float',
    expected,
    format: String,
    parse: (raw) => {
      const v = Number(raw);
      return raw.trim() === '' || !Number.isFinite(v) || v < f.min || v > f.max ? expectedError(expected) : { value: v };
    },
  };
}

function enumRow<T extends string, S extends Scope>(f: Fields<T, S> & { options: readonly T[] }): EnumRow<T, S> {
  const expected = `one of ${f.options.join(', ')}`;
  return {
    ...f,
    kind: 'enum',
    expected,
    format: String,
    parse: (raw) => ((f.options as readonly string[]).includes(raw) ? { value: raw as T } : expectedError(expected)),
  };
}

function textRow<S extends Scope>(f: Fields<string, S> & { pattern: RegExp; expected: string }): TextRow<S> {
  const { pattern, ...rest } = f;
  return { ...rest, kind: 'text', format: String, parse: (raw) => (pattern.test(raw) ? { value: raw } : expectedError(f.expected)) };
}

/** Node features: one or more kinds joined with '+', e.g. "learned" or "morgan+degree". */
function featureRow<S extends Scope>(f: Fields<FeatureSpec, S>): TextRow<S> {
  return {
    ...f,
    kind: 'features',
    expected: 'feature kinds joined with +',
    format: String,
    parse: (raw) => {
      const parsed = parseFeatureSpec(raw);
      return 'error' in parsed ? { error: parsed.error } : { value: parsed.kinds.join('+') };
    },
  };
}

/** The `dataset` value for data loaded from files or `?data=` links rather than a built-in set. */
export const FILES_DATASET = 'files';

/** The candidate list's longest length ("Show more" grows it by pages of 100); the files have no limit. */
export const MAX_CANDIDATES = 1000;

/**
 * Model defaults = the best setting found on ChCh-Miner (docs/results.md, "Best setting"): Kipf &
 * Welling GCN layers with the MLP decoder, up to 400 epochs with early stopping after 30 without a
 * better validation AUROC; otherwise the reference settings (2 layers × 64, learned embeddings, Adam
 * 0.01, full batch). SEED_MODEL is one click away in the UI.
 */
export const SETTINGS = {
  dataset: textRow({
    scope: 'view',
    key: 'dataset',
    label: 'Data set',
    help: `Built-in data set to load (“${FILES_DATASET}”: the data came from files, which a link cannot reopen).`,
    defaultValue: 'demo',
    pattern: /^[a-z0-9-]{1,40}$/,
    expected: 'a data set name',
  }),
  // How files are read (a view row with a flag: the CLI's load flags, the Data panel's control).
  proteins: enumRow({
    scope: 'view',
    key: 'proteins',
    flag: 'drugbank-proteins',
    label: 'DrugBank proteins',
    help:
      'How DrugBank XML loads its proteins (on the page: from the next load): off keeps targets as drug annotations; targets ' +
      'makes each target a protein node (UniProt id) with a drug-target edge; all adds enzymes, carriers and transporters (drug-enzyme, …).',
    defaultValue: 'off',
    options: DRUGBANK_PROTEIN_MODES,
  }),
  task: enumRow({
    scope: 'model',
    key: 'task',
    flag: 'task',
    label: 'Task',
    help: 'link: predict interactions; type: predict the interaction type of known pairs; node: predict ATC main group; multilabel: predict each pair’s set of labels (side effects, TWOSIDES).',
    defaultValue: 'link',
    options: TASKS,
  }),
  relation: textRow({
    scope: 'model',
    key: 'relation',
    flag: 'relation',
    label: 'Relation',
    help: 'Typed graphs, link task: the relation to predict (e.g. drug-target); the others only carry messages. Empty: drug-drug, or the only relation.',
    defaultValue: '',
    pattern: /^([A-Za-z][\w-]{0,63})?$/,
    expected: 'a relation name (letters, digits, - and _) or nothing',
    addedLater: true,
  }),
  model: enumRow({
    scope: 'model',
    key: 'model',
    flag: 'model',
    label: 'Model',
    help: 'gcn: Kipf & Welling (default, with the MLP decoder); seed-gcn: neighbour mean + Linear (the seed’s model, with the dot decoder); sage: GraphSAGE; gat: attention; gin: sum + MLP; mpnn: pick AGG and UPDATE; rgcn: relational GCN, a weight per relation (typed graphs). Baselines without training (link task): cn common neighbours, aa Adamic–Adar, ra resource allocation, katz walks of length 1–3 (β = 0.05) — strong on sparse graphs, weak on dense ones where most pairs share neighbours.',
    defaultValue: 'gcn',
    options: MODEL_KINDS,
  }),
  features: featureRow({
    scope: 'model',
    key: 'features',
    flag: 'features',
    label: 'Node features',
    help: 'learned, random, atc, categories, degree, morgan (RDKit fingerprints); join with + to combine.',
    defaultValue: 'learned',
  }),
  hidden: intRow({
    scope: 'model',
    key: 'hidden',
    flag: 'hidden',
    label: 'Hidden size',
    help: 'Width of every layer’s vectors (and of learned embeddings).',
    defaultValue: 64,
    min: 2,
    max: 512,
  }),
  layers: intRow({
    scope: 'model',
    key: 'layers',
    flag: 'layers',
    label: 'Layers',
    help: 'Number of message-passing layers (each sees one hop further).',
    defaultValue: 2,
    min: 1,
    max: 8,
  }),
  heads: intRow({
    scope: 'model',
    key: 'heads',
    flag: 'heads',
    label: 'Attention heads',
    help: 'GAT only: independent attention heads (hidden must divide by it).',
    defaultValue: 4,
    min: 1,
    max: 16,
  }),
  bases: intRow({
    scope: 'model',
    key: 'bases',
    flag: 'bases',
    label: 'R-GCN bases',
    help: 'rgcn only: each relation’s weight is a learned mix of this many shared matrices (basis decomposition).',
    defaultValue: 4,
    min: 1,
    max: 32,
    addedLater: true,
  }),
  hetero: enumRow({
    scope: 'model',
    key: 'hetero',
    flag: 'hetero',
    label: 'Per relation',
    help: 'Typed graphs: off = one layer over every edge alike; sum, mean or max = each message relation gets its own copy of the layer, run over its edges only, and the copies’ results are combined so (as PyG’s HeteroConv).',
    defaultValue: 'off',
    options: HETERO_MODES,
    addedLater: true,
  }),
  aggregator: enumRow({
    scope: 'model',
    key: 'aggr',
    flag: 'aggregator',
    label: 'Aggregator',
    help: 'mpnn only: how neighbour messages combine (sum, mean or per-feature max).',
    defaultValue: 'mean',
    options: AGGREGATORS,
  }),
  update: enumRow({
    scope: 'model',
    key: 'update',
    flag: 'update',
    label: 'Update',
    help: 'mpnn only: replace h by W·m, or W·(h + m), or W·[h ‖ m].',
    defaultValue: 'replace',
    options: UPDATES,
  }),
  dropout: floatRow({
    scope: 'model',
    key: 'dropout',
    flag: 'dropout',
    label: 'Dropout',
    help: 'Fraction of hidden values zeroed while training (seeded); also inside the type task’s MLP head.',
    defaultValue: 0,
    min: 0,
    max: 0.9,
  }),
  decoder: enumRow({
    scope: 'model',
    key: 'decoder',
    flag: 'decoder',
    label: 'Decoder',
    help: 'Link task: pair score = dot product, DistMult (learned diagonal) or an MLP. Type task: mlp = an MLP on [h_a ‖ h_b], which tells (a, b) from (b, a); distmult or dot = per-type DistMult (symmetric). Multilabel: the same heads per label, the MLP averaged over both orders.',
    defaultValue: 'mlp',
    options: DECODERS,
  }),
  jk: enumRow({
    scope: 'model',
    key: 'jk',
    flag: 'jk',
    label: 'Jumping knowledge',
    help: 'Node embedding from the layers’ outputs: last layer only, their sum, per-feature max, or concatenated then a Linear back to hidden.',
    defaultValue: 'last',
    options: JK_MODES,
    addedLater: true,
  }),
  edgeDropout: floatRow({
    scope: 'model',
    key: 'edgedrop',
    flag: 'edge-dropout',
    label: 'Edge dropout',
    help: 'Link task: fraction of training interactions left out of message passing each epoch (seeded; evaluation uses them all).',
    defaultValue: 0,
    min: 0,
    max: 0.9,
    addedLater: true,
  }),
  loss: enumRow({
    scope: 'model',
    key: 'loss',
    flag: 'loss',
    label: 'Loss',
    help: 'Link task: bce on positives and negatives; auc: mean (1 − s⁺ + s⁻)² over each positive and its negatives (PLNLP); hinge: the same, clipped at 0.',
    defaultValue: 'bce',
    options: LINK_LOSSES,
    addedLater: true,
  }),
  negatives: intRow({
    scope: 'model',
    key: 'neg',
    flag: 'negatives',
    label: 'Negatives per positive',
    help: 'Link task: fresh uniform non-training pairs drawn per training pair each epoch. Multilabel: random non-pairs per training pair each step, negative for every label.',
    defaultValue: 1,
    min: 1,
    max: 64,
    addedLater: true,
  }),
  learningRate: floatRow({ scope: 'model', key: 'lr', flag: 'lr', label: 'Learning rate', help: 'Adam step size.', defaultValue: 0.01, min: 1e-5, max: 1 }),
  batchSize: intRow({
    scope: 'model',
    key: 'batch',
    flag: 'batch-size',
    label: 'Batch size',
    help: 'Link, type and multilabel tasks: training pairs per optimiser step (0 = all, one step per epoch).',
    defaultValue: 0,
    min: 0,
    max: 100_000_000,
  }),
  epochs: intRow({
    scope: 'model',
    key: 'epochs',
    flag: 'epochs',
    label: 'Epochs',
    help: 'Training stops after this many passes (0: the untrained, seeded model).',
    defaultValue: 400,
    min: 0,
    max: 10000,
  }),
  patience: intRow({
    scope: 'model',
    key: 'patience',
    flag: 'patience',
    label: 'Patience',
    help: 'Early stopping: stop after this many epochs without a better validation score (0 = off).',
    defaultValue: 30,
    min: 0,
    max: 10000,
  }),
  testFraction: floatRow({
    scope: 'model',
    key: 'test',
    flag: 'test-fraction',
    label: 'Test fraction',
    help: 'Share of the known pairs (link, type and multilabel tasks) or labelled drugs (node task) the seeded split holds out for the test metrics.',
    defaultValue: 0.1,
    min: 0.01,
    max: 0.5,
    addedLater: true,
  }),
  splitMode: enumRow({
    scope: 'model',
    key: 'splitmode',
    flag: 'split-mode',
    label: 'Split',
    help: 'Link, type and multilabel tasks: pairs holds out random known pairs; new-drug-one holds out drugs, testing pairs of one unseen and one training drug (S1); new-drug-both tests pairs of two unseen drugs (S2). Unseen drugs need structural features (morgan).',
    defaultValue: 'pairs',
    options: SPLIT_MODES,
    addedLater: true,
  }),
  seed: intRow({
    scope: 'model',
    key: 'seed',
    flag: 'seed',
    label: 'Seed',
    help: 'Fixes the split, initial weights and negative samples.',
    defaultValue: 0,
    min: 0,
    max: 2147483647,
  }),
  // Page only (the CLI has --seeds LIST): not a model setting, the sweep's runs each have their own seed.
  seeds: intRow({
    scope: 'view',
    key: 'seeds',
    label: 'Repeat over seeds',
    help: 'Play trains this many runs one after another (seed, seed + 1, …); the runs table adds their mean ± std. 1 = one run.',
    defaultValue: 1,
    min: 1,
    max: 100,
    modelPanel: true,
  }),
  candidates: intRow({
    scope: 'model',
    key: 'top',
    flag: 'candidates',
    label: 'Candidates',
    help: 'How many strongest unknown pairs to list (the network draws at most 100 of them).',
    defaultValue: 15,
    min: 0,
    max: MAX_CANDIDATES,
  }),
  aggregation: enumRow({
    scope: 'model',
    key: 'agg',
    flag: 'aggregation',
    label: 'Aggregation kernel',
    help: 'How neighbour sums run: chosen per backend and size, or forced.',
    defaultValue: 'auto',
    options: AGGREGATION_MODES,
  }),
  backend: enumRow({
    scope: 'view',
    key: 'backend',
    label: 'Backend',
    help: 'TensorFlow.js backend: auto tries WebGPU, WebGL, WASM, then CPU, passing over software GPUs (SwiftShader: slower than WASM).',
    defaultValue: 'auto',
    options: BACKEND_CHOICES,
    modelPanel: true,
  }),
  threads: intRow({
    scope: 'view',
    key: 'threads',
    label: 'WASM threads',
    help: 'Threads for the WASM backend: 0 = one per core, at most 4; more than 1 needs a cross-origin isolated page (8 at most: the threads tfjs starts).',
    defaultValue: 0,
    min: 0,
    max: 8,
  }),
  isolation: enumRow({
    scope: 'view',
    key: 'coi',
    label: 'Cross-origin isolation',
    help: 'on: a service worker makes the page cross-origin isolated (one reload on the first visit) so WASM can use threads; off: no service worker, one thread.',
    defaultValue: 'on',
    options: ['on', 'off'] as const,
  }),
  maxEdges: intRow({
    scope: 'view',
    key: 'maxedges',
    label: 'Edges drawn at most',
    help: 'Big graphs show only this many interactions, strongest first.',
    defaultValue: 1000,
    min: 10,
    max: 200000,
  }),
  minStrength: floatRow({
    scope: 'view',
    key: 'minp',
    label: 'Strength threshold',
    help: 'Hide known interactions predicted weaker than this.',
    defaultValue: 0,
    min: 0,
    max: 1,
  }),
  focus: textRow({
    scope: 'view',
    key: 'focus',
    label: 'Focus',
    help: 'Drug IDs to centre the view on (comma-separated).',
    defaultValue: '',
    pattern: /^[^,]{1,64}(,[^,]{1,64}){0,49}$|^$/,
    expected: 'up to 50 comma-separated drug IDs',
  }),
  hide: textRow({
    scope: 'view',
    key: 'hide',
    label: 'Hidden',
    help: 'Node kinds and relations the network view hides on a typed graph (comma-separated names).',
    defaultValue: '',
    pattern: /^[^,]{1,64}(,[^,]{1,64}){0,49}$|^$/,
    expected: 'up to 50 comma-separated kind or relation names',
  }),
  hops: intRow({ scope: 'view', key: 'hops', label: 'Hops', help: 'Radius of the neighbourhood shown around focused drugs.', defaultValue: 1, min: 1, max: 4 }),
  renderer: enumRow({
    scope: 'view',
    key: 'renderer',
    label: 'Renderer',
    help: 'Cytoscape renderer: WebGL pays off for big views on a real GPU.',
    defaultValue: 'auto',
    options: RENDERERS,
  }),
  // Teaching: view state only, the model is never rebuilt for these.
  drug: textRow({
    scope: 'view',
    key: 'drug',
    label: 'Stepper drug',
    help: 'Opens the message-passing stepper on this drug (DrugBank ID or the id in your data).',
    defaultValue: '',
    pattern: /^[^,&#]{1,64}$|^$/,
    expected: 'one drug id',
  }),
  present: enumRow({
    scope: 'view',
    key: 'present',
    label: 'Presenting',
    help: '1 hides the settings panels, for a teacher showing a fixed setting.',
    defaultValue: '0',
    options: ['0', '1'] as const,
  }),
  tour: enumRow({
    scope: 'view',
    key: 'tour',
    label: 'Guided tour',
    help: 'off never shows the first-visit tour (it is also never shown again once dismissed).',
    defaultValue: 'on',
    options: ['on', 'off'] as const,
  }),
};

type Table = typeof SETTINGS;
export type SettingKey = keyof Table;
export type AppSettings = { [K in SettingKey]: Table[K]['defaultValue'] };
export type ModelSettingKey = { [K in SettingKey]: Table[K]['scope'] extends 'model' ? K : never }[SettingKey];
/** Everything that determines a training run: the rows of scope 'model'. */
export type ModelSettings = Pick<AppSettings, ModelSettingKey>;

/** A row by its name, typed loosely (for code that walks all rows). */
export const rowOf = (name: SettingKey): Row => SETTINGS[name] as Row;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
export const MODEL_SETTING_KEYS = SETTING_KEYS.filter((k) => SETTINGS[k].scope === 'model') as ModelSettingKey[];
/** The Model panel's controls, in table order. */
export const MODEL_PANEL_KEYS = SETTING_KEYS.filter((k) => rowOf(k).scope === 'model' || rowOf(k).modelPanel);

export const DEFAULT_SETTINGS = Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].defaultValue])) as AppSettings;

/** The model settings among all settings (the rows of scope 'model'). */
export function modelSettingsOf(s: AppSettings): ModelSettings {
  return Object.fromEntries(MODEL_SETTING_KEYS.map((k) => [k, s[k]])) as ModelSettings;
}

export const DEFAULT_MODEL_SETTINGS: ModelSettings = modelSettingsOf(DEFAULT_SETTINGS);

/** The seed article's model (§3–4): seed GCN layers (neighbour mean + Linear) and the dot-product decoder. */
export const SEED_MODEL: Pick<ModelSettings, 'model' | 'decoder'> = { model: 'seed-gcn', decoder: 'dot' };
