/** The Test fraction setting reaches each task's seeded split: that share of the pairs or labelled drugs is tested. */
import { describe, expect, it } from 'vitest';
import { communities } from '../../helpers/graphs';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { createTrainer } from '../../../src/model/tasks';
import type { NodeTrainer } from '../../../src/model/tasks/nodeTrainer';
import type { TypeTrainer } from '../../../src/model/tasks/typeTrainer';
import type { LinkTrainer } from '../../../src/model/tasks/linkTrainer';

const settings = (over: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, hidden: 8, ...over });

/** [test, all] counts of a task's split. */
function testShare(task: ModelSettings['task'], testFraction: number): [number, number] {
  const t = createTrainer(communities(40, 7), settings({ task, testFraction }), 'cpu');
  try {
    if (task === 'link') {
      const s = (t as LinkTrainer).split;
      return [s.testPos.a.length, s.trainPos.a.length + s.valPos.a.length + s.testPos.a.length];
    }
    if (task === 'type') {
      const s = (t as TypeTrainer).typeSplit;
      return [s.test.a.length, s.train.a.length + s.val.a.length + s.test.a.length];
    }
    const s = (t as NodeTrainer).nodeSplit;
    return [s.test.length, s.train.length + s.val.length + s.test.length];
  } finally {
    t.dispose();
  }
}

describe('testFraction', () => {
  for (const task of ['link', 'type', 'node'] as const) {
    it(`${task}: the split tests floor(fraction × all), the default being 10 %`, () => {
      const [byDefault, all] = testShare(task, DEFAULT_MODEL_SETTINGS.testFraction);
      expect(byDefault).toBe(Math.floor(all * 0.1));
      const [tested, allAgain] = testShare(task, 0.3);
      expect(allAgain).toBe(all);
      expect(tested).toBe(Math.floor(all * 0.3));
      expect(tested).toBeGreaterThan(byDefault);
    });
  }
});
