/**
 * What every CLI command that needs a model shares: start the backend, load the graph (and a split
 * file or ogbl-ddi's official split), build the task's trainer from the settings, and train it.
 * `train` prints as it goes; `predict`, `export` and `export-pyg` reuse the same steps.
 */
import * as tf from '../model/tf';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import type { DrugGraph } from '../data/graph';
import type { DrugBankProteins } from '../data/drugbank/proteinLists';
import { featureKinds } from '../model/features/spec';
import { morganFeatures } from '../model/features/morgan';
import type { FeatureBlock } from '../model/features/block';
import type { ModelSettings } from '../settings/schema';
import type { LinkSplit } from '../model/split';
import type { TypeSplit } from '../model/tasks/typeTrainer';
import { isTypeSplit } from '../model/typeSplitFile';
import { createTrainer } from '../model/tasks';
import type { EpochResult, TrainerBase } from '../model/tasks/trainerBase';
import { installDawn } from './dawn';
import { parseColumnsOption } from './inspect';
import { loadGraph, loadOgblDdi, loadRdkitNode, loadSplitFile } from './trainData';

export type CliBackend = 'cpu' | 'wasm' | 'webgpu';

/** Where the graph comes from and how to split it. */
export interface DataArgs {
  files: string[];
  split?: string;
  ogbl?: string;
  /** inspect's --columns FILE=SPEC for one table (e.g. a drug–target table with kind and relation). */
  columns?: string;
  /** --drugbank-proteins: DrugBank XML's targets (or all four protein lists) as protein nodes. */
  proteins?: DrugBankProteins;
}

export type Log = (line: string) => void;

/** Progress lines: on stdout, or on stderr when stdout is kept for the one --json result line. */
export const commandLog =
  (json: boolean): Log =>
  (line) =>
    json ? process.stderr.write(`${line}\n`) : console.log(line);

/**
 * A command's arguments, parsed; or its exit code after printing the usage (--help: 0) or what is
 * wrong with them followed by the usage (1).
 */
export function parseCommandArgs<T>(args: string[], usage: string, parse: (args: string[]) => T): T | number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    return 0;
  }
  try {
    return parse(args);
  } catch (e) {
    console.error(`error: ${(e as Error).message}\n\n${usage}`);
    return 1;
  }
}

/** Starts a backend; resolves to an error message when it cannot. */
export async function startBackend(backend: CliBackend, log: Log): Promise<string | null> {
  // Silences the "install tfjs-node" banner. Not IS_TEST: that also turns on tfjs's kernel leak check,
  // which takes wasm's copy of a tensor saved for a custom gradient (softmaxCrossEntropy) for a leak.
  tf.enableProdMode();
  if (backend === 'webgpu') {
    const dawn = await installDawn();
    if (typeof dawn === 'string') return `--backend webgpu: ${dawn}`;
    log(`WebGPU adapter: ${(await dawn.describe()) ?? 'none'}`);
  }
  if (!(await tf.setBackend(backend))) return `the ${backend} backend did not initialise`;
  await tf.ready();
  // tfjs starts its wasm threads from a blob: URL, which Node's worker_threads refuse (docs/performance.md).
  if (backend === 'wasm') log(`wasm backend: ${getThreadsCount()} thread (tfjs's wasm backend uses no threads in Node)`);
  return null;
}

/** A fixed split: link (link-split/1 file, ogbl-ddi's official one) or type (a split folder). */
export type GivenSplit = LinkSplit | TypeSplit;

/** The graph and, when given, its fixed split. */
export async function loadData(data: DataArgs): Promise<{ graph: DrugGraph; split?: GivenSplit }> {
  if (data.ogbl) return loadOgblDdi(data.ogbl);
  const mapping = data.columns === undefined ? undefined : parseColumnsOption(data.columns);
  if (typeof mapping === 'string') throw new Error(`--columns: ${mapping}`);
  const graph = await loadGraph(data.files, mapping && { [mapping.file]: mapping.mapping }, data.proteins);
  const file = data.split;
  if (!file) return { graph };
  const split = await loadSplitFile(file, graph).catch((e: Error) => {
    throw new Error(`${file}: ${e.message}`);
  });
  return { graph, split };
}

/** A fresh trainer for the graph, with Morgan fingerprints from RDKit when the features ask for them. */
export async function buildTrainer(graph: DrugGraph, settings: ModelSettings, split: GivenSplit | undefined, ogbl: boolean): Promise<TrainerBase> {
  const typeSplit = split && isTypeSplit(split) ? split : undefined;
  if (typeSplit && settings.task !== 'type') throw new Error(`a split folder is a type split: use it with --task type (not ${settings.task}).`);
  let morgan: FeatureBlock | undefined;
  if (featureKinds(settings.features).includes('morgan')) morgan = morganFeatures(await loadRdkitNode(), graph.nodes);
  return createTrainer({ ...graph, numNodes: graph.nodes.length }, settings, tf.getBackend(), {
    split: typeSplit ? undefined : (split as LinkSplit | undefined),
    typeSplit,
    morgan,
    selectBy: ogbl ? 'hits20' : 'auroc',
  });
}

export interface TrainOutcome {
  /** Training time of each epoch, ms. */
  times: number[];
  last: EpochResult | null;
  /** Why training ended early with an error (divergence), else null. */
  error: string | null;
}

/** Trains until the epoch budget is spent or early stopping ends the run; `onEpoch` sees every epoch. */
export async function trainToEnd(trainer: TrainerBase, epochs: number, onEpoch: (r: EpochResult) => void = () => {}): Promise<TrainOutcome> {
  const times: number[] = [];
  let last: EpochResult | null = null;
  try {
    while (trainer.epoch < epochs && !trainer.stopReason) {
      last = await trainer.runEpoch();
      times.push(last.ms);
      onEpoch(last);
    }
  } catch (e) {
    return { times, last, error: (e as Error).message };
  }
  return { times, last, error: null };
}
