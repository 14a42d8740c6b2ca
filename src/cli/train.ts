/**
 * `train <files…> [--split file.json | --ogbl-ddi DIR] [--model …] [--task link|type|node] [--epochs N]
 *  [--seed S] [--backend cpu|wasm|webgpu] [--json] …`: trains on the same code as the browser worker and
 * prints one progress line per epoch; with --json, progress goes to stderr and stdout gets one final
 * JSON line with the test metrics (last and best-validation epoch), the backend and the median epoch time.
 */
import * as tf from '../model/tf';
import { writeFile } from 'node:fs/promises';
import { settingFlagsHelp, parseCliArgs, type OwnOptions } from '../settings/cliArgs';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../settings/schema';
import { linkSplitToJson } from '../model/splitFile';
import type { EpochResult, TrainerBase } from '../model/tasks/trainerBase';
import { APP_VERSION } from '../appVersion';
import { graphFingerprint, nodeOrderFingerprint, splitFingerprint } from '../data/fingerprint';
import { runCard, runCardJson, runCardMarkdown } from '../export/runCard';
import { saveModelFiles, savingMeta } from '../model/modelFile';
import { trainerFromModelFile, writeModelDir, type LoadedTrainer } from './modelFile';
import { buildTrainer, commandLog, loadData, parseCommandArgs, startBackend, trainToEnd, type CliBackend, type TrainOutcome } from './session';

const USAGE = `usage: npm run cli -- train <files…> [options]
  --split FILE          link-split/1 JSON (link task; node ids must be in the graph)
  --save-split FILE     write the link split used (seeded or given) as link-split/1 JSON
  --ogbl-ddi DIR        ogbl-ddi with its official split and fixed negatives (no files needed); reports Hits@20
  --backend cpu|wasm|webgpu   (default wasm: faster in Node, see docs/results.md; webgpu needs
                        a GPU and the optional Dawn binding: npm i --no-save webgpu@0.6.2)
  --json                one final JSON line on stdout (progress on stderr)
  --save-model DIR      write the trained model as TensorFlow.js files DIR/model.json + DIR/weights.bin
  --model-file PATH     evaluate a saved model (a folder with model.json + weights.bin, a model.json, or the
                        page's .zip) instead of training: its settings are used, setting flags are ignored
  --run-card FILE       write the run's card: FILE.json (JSON) or FILE.md (Markdown)
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
  ogbl?: string;
  backend: CliBackend;
  json: boolean;
  settings: ModelSettings;
}

const CLI_BACKENDS = ['cpu', 'wasm', 'webgpu'] as const;

/** train's own flags; the setting flags come from the settings schema. */
const TRAIN_OPTIONS: OwnOptions = {
  split: { type: 'string' },
  'save-split': { type: 'string' },
  'ogbl-ddi': { type: 'string' },
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
    ogbl: own['ogbl-ddi'] as string | undefined,
    backend: backend as CliBackend,
    json: own.json === true,
    settings,
  };
  if (out.files.length === 0 && !out.ogbl) throw new Error('train needs data files (or --ogbl-ddi DIR)');
  return out;
}

const f4 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(4));

function progressLine(r: EpochResult, epochs: number, task: string): string {
  const head = `epoch ${String(r.epoch).padStart(String(epochs).length)}/${epochs}  loss ${r.loss.toFixed(4)}`;
  const body =
    task === 'link'
      ? `val auroc ${f4(r.valAuroc)} auprc ${f4(r.valAuprc)} hits@20 ${f4(r.valHits20)} | test auroc ${f4(r.testAuroc)} auprc ${f4(r.testAuprc)} hits@20 ${f4(r.testHits20)}`
      : `val acc ${f4(r.valAccuracy)} macro-F1 ${f4(r.valMacroF1)} | test acc ${f4(r.testAccuracy)} macro-F1 ${f4(r.testMacroF1)}`;
  return `${head}  ${body}  ${r.ms.toFixed(0)} ms`;
}

/** Test (and validation) metrics of one epoch without the bookkeeping fields. */
function metricsOf(r: EpochResult | null): Record<string, number> | null {
  if (!r) return null;
  const out: Record<string, number> = { epoch: r.epoch };
  for (const [k, v] of Object.entries(r)) if (/^(val|test)/.test(k) && typeof v === 'number' && !Number.isNaN(v)) out[k] = v;
  return out;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A loaded model's one evaluation, as trainToEnd reports an epoch (nothing trained: no loss, no time). */
async function evaluateLoaded(trainer: TrainerBase): Promise<TrainOutcome> {
  const last: EpochResult = { epoch: trainer.epoch, loss: NaN, ms: 0, ...(await trainer.evaluate(await trainer.embeddings())) };
  return { times: [], last, error: null };
}

export async function trainCommand(args: string[]): Promise<number> {
  const given = parseCommandArgs(args, USAGE, (a) => {
    const own = takeModelArgs(a);
    return { own, parsed: parseTrainArgs(own.rest) };
  });
  if (typeof given === 'number') return given;
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
    const ignored = (Object.keys(settings) as (keyof ModelSettings)[]).filter((k) => settings[k] !== DEFAULT_MODEL_SETTINGS[k] && settings[k] !== trainer.settings[k]);
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
  const splitName = parsed.ogbl ? 'ogbl-ddi official' : parsed.split ? parsed.split : `seeded (seed ${settings.seed})`;
  // A heuristic has no layers, features or decoder: its line names only what it is scored on.
  log(
    trainer.model
      ? `${graph.name}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions; task ${settings.task}, model ${settings.model}, ` +
          `${settings.layers} layers × ${settings.hidden}, features ${settings.features}, decoder ${settings.decoder}, split ${splitName}, ` +
          (link ? `${link.stepsPerEpoch} optimiser step(s) per epoch, ` : '') +
          `backend ${tf.getBackend()} (${trainer.aggregationMode})`
      : `${graph.name}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions; heuristic ${settings.model} on the split's training pairs, split ${splitName}`,
  );
  for (const note of trainer.featureNotes) log(`note: ${note}`);
  if (parsed.saveSplit) {
    if (!link) throw new Error('--save-split is for the link task.');
    await writeFile(parsed.saveSplit, JSON.stringify(linkSplitToJson(link.split, graph.nodes.map((n) => n.id))));
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
  const result = {
    dataset: graph.name,
    nodes: graph.nodes.length,
    edges: graph.edgeSrc.length,
    split: splitName,
    backend: tf.getBackend(),
    aggregation: trainer.aggregationMode,
    settings,
    epochs: trainer.epoch,
    medianEpochMs: Math.round(median(times) * 10) / 10,
    last: metricsOf(last),
    best: metricsOf(best),
    test: metricsOf(last) && Object.fromEntries(Object.entries(metricsOf(last)!).filter(([k]) => k.startsWith('test'))),
    stopReason: trainer.stopReason,
    error,
    featureNotes: trainer.featureNotes,
  };
  if (own.saveModel) {
    const identity = { fingerprint: await graphFingerprint(graph), nodeOrder: await nodeOrderFingerprint(graph.nodes.map((n) => n.id)) };
    const splitFp = link ? await splitFingerprint(link.split, graph.nodes.map((n) => n.id)) : null;
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
        ended: error
          ? { kind: 'diverged', text: error }
          : loaded
            ? { kind: 'loaded', text: 'evaluated a saved model' }
            : trainer.earlyStop
              ? { kind: 'early', text: `early stop, best epoch ${trainer.earlyStop.bestEpoch}` }
              : { kind: 'finished', text: 'finished' },
        last,
        best,
        selectionMetric: trainer.selectionMetric,
        epochMs: times,
        curve,
        loadedFrom: loaded ? { file: own.modelFile!, epoch: loaded.meta.epoch, appVersion: loaded.meta.appVersion } : undefined,
        fingerprints: { data: await graphFingerprint(graph), split: link ? await splitFingerprint(link.split, ids) : null },
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
