/**
 * `export <files…> --format graphml|gexf|cx2|cyjs --out FILE [--top K] [--json] [train options]`:
 * trains the model as `train` would (same flags, same defaults; `--epochs 0` keeps the untrained,
 * seeded model), then writes the graph with its predictions through the writers the page uses
 * (src/export/): every known interaction with its logit, probability and split part, plus the K
 * strongest candidate pairs as edges with known = 0.
 */
import * as tf from '../model/tf';
import { access, constants, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CandidateInput, GraphExportInput, KnownScores } from '../export/graphData';
import { GRAPH_FORMATS, isGraphFormat, type GraphFormat } from '../export/graphFormats';
import { relationTask } from '../model/relations';
import { sigmoid, type TrainerBase } from '../model/tasks/trainerBase';
import { settingFlagsHelp } from '../settings/cliArgs';
import { openModel } from './modelSource';
import { predictCommand } from './predict';
import { commandLog, parseCommandArgs } from './session';
import { parseTrainArgs, takeModelArgs, type Parsed } from './train';

const USAGE = `usage: npm run cli -- export <files…> --format graphml|gexf|cx2|cyjs|csv|tsv --out FILE [options]
  --format F     graphml (Cytoscape, Gephi, NetworkX), gexf (GEXF 1.3: Gephi, Gephi Lite),
                 cx2 (Cytoscape / NDEx), cyjs (Cytoscape.js JSON); csv / tsv: the known interactions
                 with their predictions, as \`predict --what known\` writes them
  --out FILE     where to write the file
  --top K        candidate pairs to include as edges with known = 0 (default: the app's, 15; 0 = none)
  --model-file PATH  write a saved model's predictions (folder, model.json or the page's .zip)
  --json         one final JSON line on stdout (progress on stderr)
  every option of \`train\` (--model, --epochs N, --seed, --split, …): the model is trained as \`train\`
  would before writing; --epochs 0 writes the untrained (seeded) model's predictions.
settings:
${settingFlagsHelp()}`;

export interface ExportArgs {
  format: GraphFormat;
  out: string;
  top: number | null;
  train: Parsed;
  modelFile?: string;
}

/** Parses export's own flags, then hands the rest to `train`'s parser. */
export function parseExportArgs(args: string[]): ExportArgs {
  let format: string | undefined;
  let out: string | undefined;
  let top: number | null = null;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format' || a === '--out' || a === '--top') {
      const value = args[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      if (a === '--format') format = value;
      else if (a === '--out') out = value;
      else if (!/^\d+$/.test(value)) throw new Error(`--top expects a whole number, got "${value}"`);
      else top = Number(value);
    } else rest.push(a);
  }
  if (format === undefined) throw new Error('export needs --format graphml|gexf|cx2|cyjs');
  if (format === 'csv' || format === 'tsv') throw new Error(`--format ${format} is the predictions table: exportCommand hands it to predict`);
  if (!isGraphFormat(format)) throw new Error(`--format expects one of graphml, gexf, cx2, cyjs, csv, tsv, got "${format}"`);
  if (out === undefined) throw new Error('export needs --out FILE');
  const model = takeModelArgs(rest);
  if (model.saveModel || model.runCard) throw new Error('--save-model and --run-card are options of train');
  return { format, out, top, train: parseTrainArgs(model.rest), modelFile: model.modelFile };
}

/** Known pairs' logits and split parts and the top candidates; null / none for tasks other than link prediction. */
export async function predictionsOf(trainer: TrainerBase, top: number): Promise<{ known: KnownScores | null; candidates: CandidateInput[] }> {
  const link = trainer.linkPredictor();
  if (!link) return { known: null, candidates: [] };
  const h = await trainer.embeddings();
  const known = await link.knownEdgeScores(h);
  const candidates = top > 0 ? (await link.candidates(top, h)).map((c) => ({ a: c.a, b: c.b, score: c.score, probability: sigmoid(c.score) })) : [];
  return { known, candidates };
}

export async function exportCommand(args: string[]): Promise<number> {
  // The predictions table is predict's file: the known interactions with their scores.
  const format = args[args.indexOf('--format') + 1];
  if (args.includes('--format') && (format === 'csv' || format === 'tsv')) {
    return predictCommand(args.includes('--what') ? args : [...args, '--what', 'known']);
  }
  const parsed = parseCommandArgs(args, USAGE, parseExportArgs);
  if (typeof parsed === 'number') return parsed;
  const { json } = parsed.train;
  // Before any training: a run should not be lost to a typo in the output folder.
  try {
    await access(dirname(parsed.out), constants.W_OK);
  } catch {
    console.error(`error: cannot write ${parsed.out}: its folder ${dirname(parsed.out)} does not exist or is not writable`);
    return 1;
  }
  const log = commandLog(json);
  const opened = await openModel(parsed.train, parsed.modelFile, log);
  if (typeof opened === 'string') {
    console.error(`error: ${opened}`);
    return 1;
  }
  const { graph, trainer } = opened;
  const settings = trainer.settings;
  log(
    `${graph.name}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions; model ${settings.model}, task ${settings.task}, backend ${tf.getBackend()}`,
  );
  try {
    const { known, candidates } = await predictionsOf(trainer, parsed.top ?? settings.candidates);
    if (!known) log(`note: task ${settings.task} scores no pairs; the file has the graph and interaction types only`);
    const description = `${settings.task} task, model ${settings.model}, decoder ${settings.decoder}, ${settings.layers} × ${settings.hidden}, features ${settings.features}, seed ${settings.seed}, epoch ${trainer.epoch}`;
    // Candidates are pairs of the predicted relation (typed graphs); the files say which.
    const candidateRelation = candidates.length > 0 ? relationTask({ ...graph, numNodes: graph.nodes.length }, settings.relation)?.name : undefined;
    const input: GraphExportInput = { graph, known, candidates, description, candidateRelation };
    const t0 = performance.now();
    const text = GRAPH_FORMATS[parsed.format].write(input);
    const writeMs = Math.round(performance.now() - t0);
    try {
      await writeFile(parsed.out, text);
    } catch (e) {
      console.error(`error: cannot write ${parsed.out}: ${(e as Error).message}`);
      return 1;
    }
    const bytes = Buffer.byteLength(text);
    log(
      `${parsed.format} written to ${parsed.out}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions, ${candidates.length} candidates, ${bytes} bytes (written in ${writeMs} ms)`,
    );
    if (json) {
      console.log(
        JSON.stringify({
          out: parsed.out,
          format: parsed.format,
          nodes: graph.nodes.length,
          edges: graph.edgeSrc.length,
          candidates: candidates.length,
          bytes,
          writeMs,
          epochs: trainer.epoch,
          settings,
        }),
      );
    }
    return 0;
  } finally {
    trainer.dispose();
  }
}
