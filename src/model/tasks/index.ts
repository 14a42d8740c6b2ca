/** One trainer per task, behind the shared TrainerBase interface (runEpoch, evaluate, early stopping). */
import type { FeatureBlock } from '../features/block';
import type { ModelSettings } from '../../settings/schema';
import type { LinkSplit } from '../split';
import type { TypeSplit } from './typeTrainer';
import { LinkTrainer } from './linkTrainer';
import type { TrainingGraph, TrainerBase } from './trainerBase';
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
  if (settings.task === 'type') return new TypeTrainer(graph, settings, backend, inputs.morgan, inputs.typeSplit);
  if (settings.task === 'node') return new NodeTrainer(graph, settings, backend, inputs.morgan);
  return new LinkTrainer(graph, settings, backend, inputs);
}
