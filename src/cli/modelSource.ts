/**
 * The model a command writes from: the weights of `--model-file PATH` (a folder, model.json or the
 * page's .zip; its settings are used), or one built from the settings and trained as `train` does.
 * `predict`, `export` and `export-pyg` all get their model here.
 */
import type { DrugGraph } from '../data/graph';
import type { TrainerBase } from '../model/tasks/trainerBase';
import { trainerFromModelFile } from './modelFile';
import { buildTrainer, loadData, startBackend, trainToEnd, type GivenSplit, type Log } from './session';
import type { Parsed } from './train';

export async function modelFor(graph: DrugGraph, split: GivenSplit | undefined, parsed: Parsed, modelFile: string | undefined, log: Log): Promise<TrainerBase> {
  const ogbl = Boolean(parsed.ogbl);
  if (modelFile) {
    let loaded;
    try {
      loaded = await trainerFromModelFile(modelFile, graph, split, ogbl);
    } catch (e) {
      throw new Error(`--model-file ${modelFile}: ${(e as Error).message}`, { cause: e });
    }
    const s = loaded.trainer.settings;
    log(`model loaded from ${modelFile}: ${s.model} (${s.task}, decoder ${s.decoder}), weights of epoch ${loaded.meta.epoch}; its settings are used`);
    return loaded.trainer;
  }
  const { settings } = parsed;
  const trainer = await buildTrainer(graph, settings, split, ogbl);
  log(
    `${graph.name}: ${graph.nodes.length} drugs, ${graph.edgeSrc.length} interactions; ` +
      `training ${settings.model} (${settings.task}, decoder ${settings.decoder}) for up to ${settings.epochs} epochs`,
  );
  const { error } = await trainToEnd(trainer, settings.epochs, (r) =>
    log(`epoch ${r.epoch}/${settings.epochs}  loss ${r.loss.toFixed(4)}  ${r.ms.toFixed(0)} ms`),
  );
  if (error) {
    trainer.dispose();
    throw new Error(`training failed: ${error}`);
  }
  if (trainer.stopReason) log(trainer.stopReason);
  return trainer;
}

/** Backend, data and model for a command that writes from a model; a string says why it could not. */
export async function openModel(parsed: Parsed, modelFile: string | undefined, log: Log): Promise<{ graph: DrugGraph; trainer: TrainerBase } | string> {
  const backendError = await startBackend(parsed.backend, log);
  if (backendError) return backendError;
  const { graph, split } = await loadData(parsed);
  try {
    return { graph, trainer: await modelFor(graph, split, parsed, modelFile, log) };
  } catch (e) {
    return (e as Error).message;
  }
}
