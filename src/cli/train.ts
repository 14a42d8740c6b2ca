/**
 * `train <files…> [--split file.json | --ogbl-ddi DIR] [--model …] [--task link|type|node|multilabel] [--epochs N]
 *  [--seed S] [--backend cpu|wasm|webgpu] [--json] …`: trains on the same code as the browser worker and
 * prints one progress line per epoch; with --json, progress goes to stderr and stdout gets one final
 * JSON line with the test metrics (last and best-validation epoch), the backend and the median epoch time.
 */
import * as tf from '../model/tf';
import { writeFile } from 'node:fs/promises';
import { LOAD_OPTIONS, loadFlagsHelp, parseCliArgs, parseLoadFlags, settingFlagsHelp, type LoadSettings, type OwnOptions } from '../settings/cliArgs';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../settings/schema';
import { linkSplitToJson } from '../model/splitFile';
import type { LinkSplit } from '../model/split';
import type { EpochResult, TrainerBase } from '../model/tasks/trainerBase';
import { APP_VERSION } from '../appVersion';
import { graphFingerprint, nodeOrderFingerprint, splitFingerprint } from '../data/fingerprint';
import { runCard, runCardJson, runCardMarkdown } from '../export/runCard';
import { saveModelFiles, savingMeta } from '../model/modelFile';
import { trainerFromModelFile, writeModelDir, type LoadedTrainer } from './modelFile';
import { loadTypeSentences } from './trainData';
import { typeReportJson, typeReportLines, type TypeReportJson } from './typeReport';
import { multilabelReportJson, multilabelReportLines, type MultilabelReportJson } from './multilabelReport';
import { buildTrainer, commandLog, loadData, parseCommandArgs, startBackend, trainToEnd, type CliBackend, type TrainOutcome } from './session';
import { progressLine, runEnded, runOutcome } from './trainReport';
import { takeSeedsArg, trainSeeds } from './trainSeeds';

const USAGE = `usage: npm run cli -- train <files…> [options]
  --split FILE|DIR      link-split/1 JSON (link task; node ids must be in the graph), or a type-split
                        folder as SumGNN's (train.txt, dev.txt, test.txt of "head tail rel", node2id.json;
                        type = Label − 1) for --task type
  --type-names FILE     type task: a table of type → sentence (DeepDDI's Interaction_information.csv)
                        for the per-type report
  --save-split FILE     write the link split used (seeded or given) as link-split/1 JSON
  --columns FILE=SPEC   a table's columns, as inspect's (typed graphs: FILE=source:1,target:2,kind:protein,
                        relation:drug-target loads a drug–target table as edges; then --relation picks the
                        relation to predict). One table per run.
${loadFlagsHelp()}
  --ogbl-ddi DIR        ogbl-ddi with its official split and fixed negatives (no files needed); reports Hits@20
  --backend cpu|wasm|webgpu   (default wasm: faster in Node, see docs/results.md; webgpu needs
                        a GPU and the optional Dawn binding: npm i --no-save webgpu@0.6.2)
  --json                one final JSON line on stdout (progress on stderr)
  --save-model DIR      write the trained model as TensorFlow.js files DIR/model.json + DIR/weights.bin
  --model-file PATH     evaluate a saved model (a folder with model.json + weights.bin, a model.json, or the
                        page's .zip) instead of training: its settings are used, setting flags are ignored
  --run-card FILE       write the run's card: FILE.json (JSON) or FILE.md (Markdown); with --seeds the
                        sweep's card (every run's card plus mean ± std)
  --seeds LIST          one run per seed (0-9, 0,3,7 or 0-2,5), then mean ± std (sample std) of every
                        val/test metric. With --split or --ogbl-ddi the split stays fixed and the seed
                        varies the initial weights and negatives (OGB's protocol); without them the
                        seeded split is drawn again for every seed too. Not with --seed, --save-model,
                        --model-file or --save-split
settings (as the page's controls and URL; same limits):
${settingFlagsHelp()}`;

/** The model-file flags, taken out before the training flags are parsed. */
export interface ModelArgs {
  saveModel?: string;
  modelFile?: string;
  runCard?: string;
  rest: string[];
}

export function takeModelArgs(args: string[]): ModelArgs {
  const out: ModelArgs = { rest: [] };
  const flags: Record<string, 'saveModel' | 'modelFile' | 'runCard'> = { '--save-model': 'saveModel', '--model-file': 'modelFile', '--run-card': 'runCard' };
  for (let i = 0; i < args.length; i++) {
    const key = flags[args[i]];
    if (!key) {
      out.rest.push(args[i]);
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) throw new Error(`${args[i - 1]} needs a value`);
    out[key] = value;
  }
  if (out.runCard && !/\.(json|md)$/i.test(out.runCard)) throw new Error(`--run-card expects a file ending .json or .md, got "${out.runCard}"`);
  return out;
}

export interface Parsed {
  files: string[];
  split?: string;
  saveSplit?: string;
  typeNames?: string;
  ogbl?: string;
  /** --columns FILE=SPEC (one table), as inspect's. */
  columns?: string;
  proteins: LoadSettings['proteins'];
  backend: CliBackend;
  json: boolean;
  settings: ModelSettings;
}

const CLI_BACKENDS = ['cpu', 'wasm', 'webgpu'] as const;

/** train's own flags; the setting flags come from the settings schema. */
const TRAIN_OPTIONS: OwnOptions = {
  split: { type: 'string' },
  'save-split': { type: 'string' },
  'type-names': { type: 'string' },
  'ogbl-ddi': { type: 'string' },
  columns: { type: 'string' },
  ...LOAD_OPTIONS,
  backend: { type: 'string' },
  json: { type: 'boolean' },
};

export function parseTrainArgs(args: string[]): Parsed {
  const { settings, own, positionals } = parseCliArgs(args, TRAIN_OPTIONS);
  const backend = (own.backend as string | undefined) ?? 'wasm';
  if (!(CLI_BACKENDS as readonly string[]).includes(backend)) throw new Error(`--backend expects one of ${CLI_BACKENDS.join(', ')}, got "${backend}"`);
  const out: Parsed = {
    files: positionals,
    split: own.split as string | undefined,
    saveSplit: own['save-split'] as string | undefined,
    typeNames: own['type-names'] as string | undefined,
    ogbl: own['ogbl-ddi'] as string | undefined,
    columns: own.columns as string | undefined,
    proteins: parseLoadFlags(own).proteins,
    backend: backend as CliBackend,
    json: own.json === true,
    settings,
  };
  if (out.files.length === 0 && !out.ogbl) throw new Error('train needs data files (or --ogbl-ddi DIR)');
  return out;
}

/** How many drugs a new-drug split holds out and how many pairs each part has. */
function newDrugSplitSummary(s: LinkSplit): string {
  const n = (p: { a: Int32Array }) => p.a.length.toLocaleString('en');
  return `held-out drugs: ${s.unseenNodes!.length} (val and test); pairs train ${n(s.trainPos)}, val ${n(s.valPos)} + ${n(s.valNeg)} negatives, test ${n(s.testPos)} + ${n(s.testNeg)} negatives`;
}

/** A loaded model's one evaluation, as trainToEnd reports an epoch (nothing trained: no loss, no time). */
async function evaluateLoaded(trainer: TrainerBase): Promise<TrainOutcome> {
  const last: EpochResult = { epoch: trainer.epoch, loss: NaN, ms: 0, ...(await trainer.evaluate(await trainer.embeddings())) };
  return { times: [], last, error: null };
}

export async function trainCommand(args: string[]): Promise<number> {
  const given = parseCommandArgs(args, USAGE, (a) => {
    const { seeds, rest } = takeSeedsArg(a);
    const own = takeModelArgs(rest);
    return { own, parsed: parseTrainArgs(own.rest), seeds };
  });
  if (typeof given === 'number') return given;
  if (given.seeds) return trainSeeds(given.parsed, given.own, given.seeds);
  const { own, parsed } = given;
  const { json } = parsed;
  let settings = parsed.settings;
  const log = commandLog(json);
  const backendError = await startBackend(parsed.backend, log);
  if (backendError) {
    console.error(`error: ${backendError}`);
    return 1;
  }
  const { graph, split } = await loadData(parsed);
  // Get a trainer (trained below, or loaded from a file), then write what was asked for.
  let trainer: TrainerBase;
  let loaded: LoadedTrainer | null = null;
  if (own.modelFile) {
    try {
      loaded = await trainerFromModelFile(own.modelFile, graph, split, Boolean(parsed.ogbl));
    } catch (e) {
      console.error(`error: --model-file ${own.modelFile}: ${(e as Error).message}`);
      return 1;
    }
    trainer = loaded.trainer;
    const ignored = (Object.keys(settings) as (keyof ModelSettings)[]).filter(
      (k) => settings[k] !== DEFAULT_MODEL_SETTINGS[k] && settings[k] !== trainer.settings[k],
    );
    if (ignored.length > 0) log(`note: the model file's settings are used; ignored ${ignored.map((k) => `${k}=${String(settings[k])}`).join(', ')}`);
    settings = trainer.settings;
    log(
      `model loaded from ${own.modelFile}: weights of epoch ${loaded.meta.epoch}, saved by version ${loaded.meta.appVersion}; ` +
        'its settings are used (evaluation only)',
    );
  } else {
    trainer = await buildTrainer(graph, settings, split, Boolean(parsed.ogbl));
  }
  const link = trainer.linkPredictor();
  const seededName = settings.splitMode === 'pairs' ? 'seeded' : `seeded ${settings.splitMode}`;
  const splitName = parsed.ogbl ? 'ogbl-ddi official' : parsed.split ? parsed.split : `${seededName} (seed ${settings.seed})`;
  // A heuristic has no layers, features or decoder: its line names only what it is scored on.
  log(
    trainer.model
      ? `${graph.name}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions; task ${settings.task}, model ${settings.model}, ` +
          `${settings.layers} layers × ${settings.hidden}, features ${settings.features}, decoder ${settings.decoder}, split ${splitName}, ` +
          (link ? `${link.stepsPerEpoch} optimiser step(s) per epoch, ` : '') +
          `backend ${tf.getBackend()} (${trainer.aggregationMode})`
      : `${graph.name}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions; heuristic ${settings.model} on the split's training pairs, split ${splitName}`,
  );
  if (link?.split.unseenNodes) log(newDrugSplitSummary(link.split));
  for (const note of trainer.featureNotes) log(`note: ${note}`);
  if (parsed.saveSplit) {
    if (!link) throw new Error('--save-split is for the link task.');
    await writeFile(
      parsed.saveSplit,
      JSON.stringify(
        linkSplitToJson(
          link.split,
          graph.nodes.map((n) => n.id),
        ),
      ),
    );
    log(`split written to ${parsed.saveSplit}`);
  }

  const curve: EpochResult[] = [];
  const outcome = loaded
    ? await evaluateLoaded(trainer)
    : await trainToEnd(trainer, settings.epochs, (r) => {
        curve.push(r);
        log(progressLine(r, settings.epochs, settings.task));
      });
  const { times, last, error } = outcome;
  if (loaded && last) {
    curve.push(last);
    log(progressLine(last, settings.epochs, settings.task));
  }
  if (error) log(error);
  if (trainer.stopReason) log(trainer.stopReason);
  const best = loaded ? last : trainer.best;
  if (best) log(`best validation epoch ${best.epoch}: ${progressLine(best, settings.epochs, settings.task).replace(/^epoch\s+\S+\s+/, '')}`);
  const typeReport = await trainer.byTask<Promise<TypeReportJson | null>>({
    link: async () => null,
    heuristic: async () => null,
    node: async () => null,
    type: async (t) =>
      typeReportJson(
        await t.testReport(await t.embeddings()),
        t.graph.edgeTypes ?? [],
        parsed.typeNames ? await loadTypeSentences(parsed.typeNames) : new Map(),
      ),
    multilabel: async () => null,
  });
  if (typeReport) for (const line of typeReportLines(typeReport)) log(line);
  const labelReport = await trainer.byTask<Promise<MultilabelReportJson | null>>({
    link: async () => null,
    heuristic: async () => null,
    node: async () => null,
    type: async () => null,
    multilabel: async (t) => multilabelReportJson(await t.testReport(await t.embeddings())),
  });
  if (labelReport) for (const line of multilabelReportLines(labelReport)) log(line);
  const result = {
    dataset: graph.name,
    nodes: graph.nodes.length,
    edges: graph.edgeSrc.length,
    split: splitName,
    backend: tf.getBackend(),
    aggregation: trainer.aggregationMode,
    settings,
    ...runOutcome(trainer, last, best, times),
    error,
    featureNotes: trainer.featureNotes,
    ...(typeReport ?? {}),
    ...(labelReport ?? {}),
  };
  if (own.saveModel) {
    const identity = { fingerprint: await graphFingerprint(graph), nodeOrder: await nodeOrderFingerprint(graph.nodes.map((n) => n.id)) };
    const splitFp = link
      ? await splitFingerprint(
          link.split,
          graph.nodes.map((n) => n.id),
        )
      : null;
    await writeModelDir(own.saveModel, await saveModelFiles(trainer, savingMeta(trainer, graph, identity, splitFp, APP_VERSION)));
    log(`model written to ${own.saveModel}/model.json + weights.bin (weights of epoch ${trainer.weightsEpoch})`);
  }
  if (own.runCard) {
    const ids = graph.nodes.map((n) => n.id);
    const card = runCard(
      {
        id: 1,
        dataset: graph.name,
        settings,
        backend: tf.getBackend(),
        epochs: trainer.epoch,
        ended: runEnded(trainer, error, Boolean(loaded)),
        last,
        best,
        selectionMetric: trainer.selectionMetric,
        epochMs: times,
        curve,
        loadedFrom: loaded ? { file: own.modelFile!, epoch: loaded.meta.epoch, appVersion: loaded.meta.appVersion } : undefined,
        fingerprints: { data: await graphFingerprint(graph), split: link ? await splitFingerprint(link.split, ids) : null },
        splitFiles: parsed.split ? [parsed.split] : undefined,
      },
      APP_VERSION,
    );
    await writeFile(own.runCard, /\.md$/i.test(own.runCard) ? runCardMarkdown(card) : runCardJson(card));
    log(`run card written to ${own.runCard}`);
  }
  trainer.dispose();
  if (json) console.log(JSON.stringify(result));
  return error ? 2 : 0;
}
