/**
 * `export-pyg <files…> [--split FILE | --ogbl-ddi DIR] [settings flags as in train] --out DIR[.zip]`: writes the
 * PyTorch Geometric project (src/export/pyg/project.ts) for the run `train` would make with the same
 * arguments: a zip when --out ends in .zip, else a folder. The split and fixed features are read from a
 * trainer built exactly as `train` builds it (no training happens).
 */
import * as tf from '../model/tf';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPygProject, pygFolderName, zipPygProject } from '../export/pyg/project';
import { pygInputsOf } from '../model/pygInputs';
import { settingFlagsHelp } from '../settings/cliArgs';
import { buildTrainer, loadData } from './session';
import { parseTrainArgs } from './train';

const USAGE = `usage: npm run cli -- export-pyg <files…> [--split FILE | --ogbl-ddi DIR] [settings flags of train] --out DIR.zip|DIR
  Writes a PyTorch Geometric project (train.py, the graph as CSV, the split, settings.json, fixed node
  features, README.md) that trains the same model on the same split: see docs/save-and-share/pyg.md.
  Other flags of train: --split FILE, --ogbl-ddi DIR.
settings:
${settingFlagsHelp()}`;

/** train.py as shipped in the repository (the page gets the same file through a Vite ?raw import). */
export async function readTrainPy(): Promise<string> {
  return readFile(fileURLToPath(new URL('../export/pyg/train.py', import.meta.url)), 'utf8');
}

export async function exportPygCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const at = args.indexOf('--out');
  const out = at >= 0 ? args[at + 1] : undefined;
  if (!out || out.startsWith('--')) {
    console.error(`error: export-pyg needs --out DIR.zip (or a folder)\n\n${USAGE}`);
    return 1;
  }
  let parsed: ReturnType<typeof parseTrainArgs>;
  try {
    parsed = parseTrainArgs([...args.slice(0, at), ...args.slice(at + 2)]);
  } catch (e) {
    console.error(`error: ${(e as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { settings } = parsed;
  tf.enableProdMode();
  // No training here: the cpu backend only holds the features and the split's trainer for a moment.
  await tf.setBackend('cpu');
  const { graph, split } = await loadData(parsed);
  const trainer = await buildTrainer(graph, settings, split, Boolean(parsed.ogbl));
  const ids = graph.nodes.map((n) => n.id);
  const inputs = await pygInputsOf(trainer, ids).finally(() => trainer.dispose());
  const splitName = parsed.ogbl ? 'ogbl-ddi official' : parsed.split ? basename(parsed.split) : `seeded (seed ${settings.seed})`;
  const files = buildPygProject({ graph, inputs, trainPy: await readTrainPy(), splitName });
  if (/\.zip$/i.test(out)) {
    const folder = basename(out).replace(/\.zip$/i, '') || pygFolderName(graph.name, settings);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, zipPygProject(files, folder));
  } else {
    for (const f of files) {
      await mkdir(dirname(join(out, f.path)), { recursive: true });
      await writeFile(join(out, f.path), f.bytes);
    }
  }
  const size = files.reduce((s, f) => s + f.bytes.length, 0);
  console.error(`${graph.name}: ${files.length} files (${(size / 1e6).toFixed(1)} MB before compression) written to ${out}`);
  for (const note of inputs.featureNotes) console.error(`note: ${note}`);
  return 0;
}
