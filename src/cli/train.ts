/**
 * `train <files…> [--split file.json | --ogbl-ddi DIR] [--model …] [--task link|type|node] [--epochs N]
 *  [--seed S] [--backend cpu|wasm|webgpu] [--json] …`: trains on the same code as the browser worker and
 * prints one progress line per epoch; with --json, progress goes to stderr and stdout gets one final
 * JSON line with the test metrics (last and best-validation epoch), the backend and the median epoch time.
 */
import * as tf from '@tensorflow/tfjs';
import { writeFile } from 'node:fs/promises';
import { parseFeatureSpec } from '../model/features';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../model/settings';
import { linkSplitToJson } from '../model/splitFile';
import { LinkTrainer } from '../model/trainer';
import type { EpochResult } from '../model/trainerBase';
import { buildTrainer, loadData, startBackend, trainToEnd, type CliBackend } from './session';

const USAGE = `usage: npm run cli -- train <files…> [options]
  --split FILE          link-split/1 JSON (link task; node ids must be in the graph)
  --save-split FILE     write the link split used (seeded or given) as link-split/1 JSON
  --ogbl-ddi DIR        ogbl-ddi with its official split and fixed negatives (no files needed); reports Hits@20
  --task link|type|node --model seed-gcn|gcn|sage|gat|gin|mpnn   --decoder dot|distmult|mlp
  --features SPEC       learned|random|atc|categories|degree|morgan, joined with +
  --epochs N  --seed S  --lr X  --hidden D  --layers L  --heads K  --dropout P  --patience N
  --batch-size N        link task: training pairs per optimiser step (0 = all, one step per epoch)
  --aggregator sum|mean|max  --update replace|add|concat   (model mpnn)
  --backend cpu|wasm|webgpu   (default wasm: faster in Node, see docs/results.md; webgpu needs
                        a GPU and the optional Dawn binding: npm i --no-save webgpu@0.6.2)
  --aggregation auto|sparse|dense   neighbour-sum kernel (default auto: chosen per backend)
  --json                one final JSON line on stdout (progress on stderr)`;

export interface Parsed {
  files: string[];
  split?: string;
  saveSplit?: string;
  ogbl?: string;
  backend: CliBackend;
  json: boolean;
  settings: ModelSettings;
}

const INT = (v: string, name: string) => {
  if (!/^\d+$/.test(v)) throw new Error(`--${name} expects a whole number, got "${v}"`);
  return Number(v);
};
const NUM = (v: string, name: string) => {
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x)) throw new Error(`--${name} expects a number, got "${v}"`);
  return x;
};
const oneOf = <T extends string>(options: readonly T[]) => (v: string, name: string): T => {
  if (!(options as readonly string[]).includes(v)) throw new Error(`--${name} expects one of ${options.join(', ')}, got "${v}"`);
  return v as T;
};

const SETTING_FLAGS: Record<string, [keyof ModelSettings, (v: string, name: string) => unknown]> = {
  model: ['model', oneOf(['seed-gcn', 'gcn', 'sage', 'gat', 'gin', 'mpnn'])],
  task: ['task', oneOf(['link', 'type', 'node'])],
  decoder: ['decoder', oneOf(['dot', 'distmult', 'mlp'])],
  aggregator: ['aggregator', oneOf(['sum', 'mean', 'max'])],
  update: ['update', oneOf(['replace', 'add', 'concat'])],
  features: [
    'features',
    (v) => {
      const p = parseFeatureSpec(v);
      if ('error' in p) throw new Error(`--features: ${p.error}`);
      return p.kinds.join('+');
    },
  ],
  epochs: ['epochs', INT],
  seed: ['seed', INT],
  hidden: ['hidden', INT],
  layers: ['layers', INT],
  heads: ['heads', INT],
  patience: ['patience', INT],
  lr: ['learningRate', NUM],
  'batch-size': ['batchSize', INT],
  dropout: ['dropout', NUM],
  aggregation: ['aggregation', oneOf(['auto', 'sparse', 'dense'])],
};

export function parseTrainArgs(args: string[]): Parsed {
  const out: Parsed = { files: [], backend: 'wasm', json: false, settings: { ...DEFAULT_MODEL_SETTINGS } };
  const settings = out.settings as unknown as Record<string, unknown>;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      out.files.push(a);
      continue;
    }
    const name = a.slice(2);
    if (name === 'json') {
      out.json = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new Error(`${a} needs a value`);
    if (name === 'split') out.split = value;
    else if (name === 'save-split') out.saveSplit = value;
    else if (name === 'ogbl-ddi') out.ogbl = value;
    else if (name === 'backend') out.backend = oneOf(['cpu', 'wasm', 'webgpu'] as const)(value, name);
    else if (SETTING_FLAGS[name]) {
      const [key, parse] = SETTING_FLAGS[name];
      settings[key] = parse(value, name);
    } else throw new Error(`unknown option ${a}`);
  }
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

export async function trainCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let parsed: Parsed;
  try {
    parsed = parseTrainArgs(args);
  } catch (e) {
    console.error(`error: ${(e as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { settings, json } = parsed;
  const log = (line: string) => (json ? process.stderr.write(`${line}\n`) : console.log(line));
  const backendError = await startBackend(parsed.backend, log);
  if (backendError) {
    console.error(`error: ${backendError}`);
    return 1;
  }
  const { graph, split } = await loadData(parsed);
  const trainer = await buildTrainer(graph, settings, split, Boolean(parsed.ogbl));
  const splitName = parsed.ogbl ? 'ogbl-ddi official' : parsed.split ? parsed.split : `seeded (seed ${settings.seed})`;
  log(
    `${graph.name}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions; task ${settings.task}, model ${settings.model}, ` +
      `${settings.layers} layers × ${settings.hidden}, features ${settings.features}, decoder ${settings.decoder}, split ${splitName}, ` +
      (trainer instanceof LinkTrainer ? `${trainer.stepsPerEpoch} optimiser step(s) per epoch, ` : '') +
      `backend ${tf.getBackend()} (${trainer.aggregationMode})`,
  );
  for (const note of trainer.featureNotes) log(`note: ${note}`);
  if (parsed.saveSplit) {
    if (!(trainer instanceof LinkTrainer)) throw new Error('--save-split is for the link task.');
    await writeFile(parsed.saveSplit, JSON.stringify(linkSplitToJson(trainer.split, graph.nodes.map((n) => n.id))));
    log(`split written to ${parsed.saveSplit}`);
  }

  const { times, last, error } = await trainToEnd(trainer, settings.epochs, (r) => log(progressLine(r, settings.epochs, settings.task)));
  if (error) log(error);
  if (trainer.stopReason) log(trainer.stopReason);
  const best = trainer.best;
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
  trainer.dispose();
  if (json) console.log(JSON.stringify(result));
  return error ? 2 : 0;
}
