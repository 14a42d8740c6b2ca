/** One trainer per task, behind the shared TrainerBase interface (runEpoch, evaluate, early stopping). */
import type { FeatureBlock } from '../features/block';
import type { ModelSettings } from '../../settings/schema';
import type { LinkSplit } from '../split';
import type { TypeSplit } from './typeTrainer';
import { HeuristicTrainer } from './heuristicTrainer';
import { LinkTrainer } from './linkTrainer';
import { isHeuristicKind } from '../../settings/options';
import type { TrainingGraph, TrainerBase } from './trainerBase';
import { MultilabelTrainer } from './multilabelTrainer';
import { NodeTrainer } from './nodeTrainer';
import { TypeTrainer } from './typeTrainer';

export interface TrainerInputs {
  split?: LinkSplit;
  /** A fixed type split (e.g. SumGNN's folder) instead of the seeded one. */
  typeSplit?: TypeSplit;
  morgan?: FeatureBlock;
  selectBy?: 'auroc' | 'hits20';
}

export function createTrainer(graph: TrainingGraph, settings: ModelSettings, backend: string, inputs: TrainerInputs = {}): TrainerBase {
  if (isHeuristicKind(settings.model)) {
    // Heuristics score pairs: they have nothing to say about interaction types or ATC groups.
    if (settings.task !== 'link')
      throw new Error(`${settings.model} is a link-prediction heuristic: choose the link task, or a GNN model for the ${settings.task} task.`);
    return new HeuristicTrainer(graph, settings, backend, inputs);
  }
  if (settings.task === 'type') return new TypeTrainer(graph, settings, backend, inputs.morgan, inputs.typeSplit);
  if (settings.task === 'node') return new NodeTrainer(graph, settings, backend, inputs.morgan);
  if (settings.task === 'multilabel') return new MultilabelTrainer(graph, settings, backend, inputs.morgan);
  return new LinkTrainer(graph, settings, backend, inputs);
}
