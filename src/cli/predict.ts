/**
 * `predict <files…> --out FILE [--what known|candidates|all] [--top K] [--format csv|tsv] [--json] [train options]`:
 * gets a trained model (trains it as `train` would), then streams its predictions file to FILE block by
 * block (memory bounded whatever the number of rows: ogbl-ddi's 9.1 M pairs included). With --json,
 * progress goes to stderr and stdout gets one JSON line {out, rows, bytes, ms, what, …}.
 */
import { open, rm } from 'node:fs/promises';
import { streamPredictionFile, type PredictionFileRequest, type PredictionFileSummary } from '../model/predictionFile';
import { PREDICTION_SCOPES, type PredictionScope } from '../model/predictionRows';
import type { TrainerBase } from '../model/tasks/trainerBase';
import type { DrugGraph } from '../data/graph';
import { settingFlagsHelp } from '../settings/cliArgs';
import { openModel } from './modelSource';
import { commandLog, parseCommandArgs } from './session';
import { parseTrainArgs, takeModelArgs, type Parsed } from './train';

const USAGE = `usage: npm run cli -- predict <files…> --out FILE [options]
  --out FILE            where to write the predictions (CSV or TSV; overwritten)
  --what known|candidates|all
                        link task: the known interactions, the top K unknown pairs (default), or every
                        pair a < b (no rank column then); type and node tasks: known (the default)
  --top K               how many candidates (default 100)
  --format csv|tsv      default: tsv when FILE ends in .tsv, else csv
  --model-file PATH     predict with a saved model (folder, model.json or the page's .zip; its settings are used)
  --json                one final JSON line on stdout (progress on stderr)
  and every option of train (npm run cli -- train --help): without --model-file the model is trained as train would first
settings:
${settingFlagsHelp()}`;

export interface PredictArgs {
  out: string;
  request: PredictionFileRequest;
  train: Parsed;
  modelFile?: string;
}

export function parsePredictArgs(args: string[]): PredictArgs {
  const rest: string[] = [];
  let out: string | undefined;
  let what: PredictionScope | undefined;
  let top = 100;
  let format: 'csv' | 'tsv' | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!['--out', '--what', '--top', '--format'].includes(a)) {
      rest.push(a);
      continue;
    }
    const value = args[++i];
    if (value === undefined) throw new Error(`${a} needs a value`);
    if (a === '--out') out = value;
    else if (a === '--what') {
      if (!(PREDICTION_SCOPES as readonly string[]).includes(value)) throw new Error(`--what expects one of ${PREDICTION_SCOPES.join(', ')}, got "${value}"`);
      what = value as PredictionScope;
    } else if (a === '--top') {
      if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`--top expects a whole number ≥ 1, got "${value}"`);
      top = Number(value);
    } else {
      if (value !== 'csv' && value !== 'tsv') throw new Error(`--format expects csv or tsv, got "${value}"`);
      format = value;
    }
  }
  if (!out) throw new Error('predict needs --out FILE');
  const model = takeModelArgs(rest);
  if (model.saveModel || model.runCard) throw new Error('--save-model and --run-card are options of train');
  const train = parseTrainArgs(model.rest);
  const task = train.settings.task;
  what ??= task === 'link' ? 'candidates' : 'known';
  if (task !== 'link' && what !== 'known') throw new Error(`--what ${what} is for the link task; the ${task} task writes its known rows (--what known)`);
  format ??= /\.tsv$/i.test(out) ? 'tsv' : 'csv';
  return { out, request: { what, top, format }, train, modelFile: model.modelFile };
}

/** Streams the predictions file to `path`, chunk by chunk; a failed write removes the partial file. */
export async function writePredictionsFile(
  trainer: TrainerBase,
  graph: DrugGraph,
  request: PredictionFileRequest,
  path: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<PredictionFileSummary> {
  const file = await open(path, 'w');
  // One write in flight while the next block is made (the write runs on libuv's thread): at most two blocks held.
  let pending: Promise<unknown> = Promise.resolve();
  try {
    const summary = await streamPredictionFile(trainer, graph.nodes, request, async (bytes, p) => {
      await pending;
      pending = file.write(bytes);
      onProgress(p.done, p.total);
    });
    await pending;
    return summary;
  } catch (e) {
    await pending.catch(() => undefined);
    await file.close();
    await rm(path, { force: true });
    throw new Error(`${path}: ${(e as Error).message}`, { cause: e });
  } finally {
    await file.close().catch(() => undefined);
  }
}

export async function predictCommand(args: string[]): Promise<number> {
  const parsed = parseCommandArgs(args, USAGE, parsePredictArgs);
  if (typeof parsed === 'number') return parsed;
  const { json } = parsed.train;
  const log = commandLog(json);
  const opened = await openModel(parsed.train, parsed.modelFile, log);
  if (typeof opened === 'string') {
    console.error(`error: ${opened}`);
    return 1;
  }
  const { graph, trainer } = opened;
  try {
    const t0 = performance.now();
    let lastLog = t0;
    const summary = await writePredictionsFile(trainer, graph, parsed.request, parsed.out, (done, total) => {
      if (performance.now() - lastLog < 2000) return;
      lastLog = performance.now();
      log(`${done.toLocaleString('en')} / ${total.toLocaleString('en')} rows`);
    });
    const ms = Math.round(performance.now() - t0);
    log(`${parsed.out}: ${summary.rows.toLocaleString('en')} rows, ${(summary.bytes / 2 ** 20).toFixed(1)} MB in ${ms} ms`);
    const { rows, bytes, what, task, format } = summary;
    if (json) console.log(JSON.stringify({ out: parsed.out, rows, bytes, ms, what, task, format, epochs: trainer.epoch }));
    return 0;
  } finally {
    trainer.dispose();
  }
}
