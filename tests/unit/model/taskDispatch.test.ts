/**
 * Code that differs by task asks the trainer (byTask, linkPredictor) instead of testing its class:
 * each task's trainer runs its own case, only the link task offers pair scores, and a predictions
 * file of a task without pair scores refuses rows other than the known ones.
 */
import { describe, expect, it } from 'vitest';
import { communities } from '../../helpers/graphs';
import { planPredictions } from '../../../src/model/predictions';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { createTrainer } from '../../../src/model/tasks';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { NodeTrainer } from '../../../src/model/tasks/nodeTrainer';
import type { TrainerBase } from '../../../src/model/tasks/trainerBase';
import { TypeTrainer } from '../../../src/model/tasks/typeTrainer';

const graph = communities(40, 3);
const settings = (task: ModelSettings['task']): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, task, hidden: 8, layers: 1 });

describe('task dispatch', () => {
  for (const [task, cls] of [
    ['link', LinkTrainer],
    ['type', TypeTrainer],
    ['node', NodeTrainer],
  ] as const) {
    it(`${task}: byTask runs the ${task} case with the trainer itself; pair scores only for link`, async () => {
      const trainer = createTrainer(graph, settings(task), 'cpu');
      try {
        expect(trainer).toBeInstanceOf(cls);
        const ran = trainer.byTask<[string, TrainerBase]>({
          link: (t) => ['link', t],
          type: (t) => ['type', t],
          node: (t) => ['node', t],
          multilabel: (t) => ['multilabel', t],
          heuristic: (t) => ['heuristic', t],
        });
        expect(ran).toEqual([task, trainer]);
        expect(trainer.linkPredictor()).toBe(task === 'link' ? trainer : null);
        if (task !== 'link') {
          await expect(planPredictions(trainer, { what: 'candidates' })).rejects.toThrow(/ask for the known rows/);
          expect((await planPredictions(trainer, { what: 'known' })).task).toBe(task);
        }
      } finally {
        trainer.dispose();
      }
    });
  }
});
