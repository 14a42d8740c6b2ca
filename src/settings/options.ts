/**
 * The choices the settings offer, as plain lists (no TensorFlow.js here): the schema checks values
 * against them, the controls list them, and the model imports its kind types from here.
 */

/** Message-passing layer kinds (one file each in src/model/layers/). */
export const LAYER_KINDS = ['seed-gcn', 'gcn', 'sage', 'gat', 'gin', 'mpnn', 'rgcn'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

/**
 * Parameter-free link-prediction baselines scored from the training graph's neighbourhoods:
 * common neighbours, Adamic–Adar, resource allocation (src/model/heuristics.ts) and the truncated
 * Katz index (src/model/katz.ts).
 */
export const HEURISTIC_KINDS = ['cn', 'aa', 'ra', 'katz'] as const;
export type HeuristicKind = (typeof HEURISTIC_KINDS)[number];

/** What the Model setting offers: a GNN layer kind or a heuristic. */
export const MODEL_KINDS = [...LAYER_KINDS, ...HEURISTIC_KINDS] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const isHeuristicKind = (kind: string): kind is HeuristicKind => (HEURISTIC_KINDS as readonly string[]).includes(kind);

/**
 * What a load makes of DrugBank XML's proteins: nothing (targets stay a drug annotation), the targets as
 * protein nodes with drug-target edges, or all four lists (targets, enzymes, carriers, transporters).
 */
export const DRUGBANK_PROTEIN_MODES = ['off', 'targets', 'all'] as const;
export type DrugBankProteinMode = (typeof DRUGBANK_PROTEIN_MODES)[number];

/**
 * Link prediction, interaction-type prediction (typed graphs), node classification (ATC level 1) or
 * multi-label pair prediction (a pair → its set of side effects, TWOSIDES).
 */
export const TASKS = ['link', 'type', 'node', 'multilabel'] as const;
export type TaskKind = (typeof TASKS)[number];

/**
 * Which pairs the link and type tasks hold out: random known pairs, or pairs of drugs the model never
 * trains on (S1: one drug unseen, S2: both), the question asked of a new compound.
 */
export const SPLIT_MODES = ['pairs', 'new-drug-one', 'new-drug-both'] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

/** How a pair's score is computed from its two embeddings (link task). */
export const DECODERS = ['dot', 'distmult', 'mlp'] as const;
export type DecoderKind = (typeof DECODERS)[number];

/** Link task's training loss: binary cross-entropy, or PLNLP's pairwise AUC loss (squared, or clipped as a hinge). */
export const LINK_LOSSES = ['bce', 'auc', 'hinge'] as const;
export type LinkLossKind = (typeof LINK_LOSSES)[number];

/** Jumping knowledge: how the node embedding combines the layers' outputs (last = the last layer's alone). */
export const JK_MODES = ['last', 'sum', 'max', 'cat'] as const;
export type JkMode = (typeof JK_MODES)[number];

/**
 * The heterogeneous form of a zoo layer (layers/hetero.ts, PyG's HeteroConv): off = one layer over every
 * message edge alike; sum / mean / max = a layer of its own per message relation, the results combined so.
 */
export const HETERO_MODES = ['off', 'sum', 'mean', 'max'] as const;
export type HeteroMode = (typeof HETERO_MODES)[number];

/** The mpnn layer's AGG step. */
export const AGGREGATORS = ['sum', 'mean', 'max'] as const;
export type AggregatorKind = (typeof AGGREGATORS)[number];

/** The mpnn layer's UPDATE step. */
export const UPDATES = ['replace', 'add', 'concat'] as const;
export type UpdateKind = (typeof UPDATES)[number];

/** How neighbour sums run: chosen per backend and size, or forced. */
export const AGGREGATION_MODES = ['auto', 'kernel', 'sparse', 'dense'] as const;
export type AggregationMode = (typeof AGGREGATION_MODES)[number];

/** Node feature kinds, combinable with '+' (see featureSpec.ts). */
export const FEATURE_KINDS = ['learned', 'random', 'atc', 'categories', 'degree', 'morgan'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** TensorFlow.js backends the page can ask for ('auto' = probe them in order). */
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
export type BackendName = Exclude<BackendChoice, 'auto'>;

/** Cytoscape renderers. */
export const RENDERERS = ['auto', 'canvas', 'webgl'] as const;
export type RendererChoice = (typeof RENDERERS)[number];
