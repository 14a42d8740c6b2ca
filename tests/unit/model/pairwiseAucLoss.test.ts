/**
 * PLNLP's pairwise AUC loss and its hinge form (settings.loss): values against hand-computed cases,
 * gradients against finite differences, and the link trainer's epoch loss against the formula
 * applied to the logits the decoder produced (so the grouping of k negatives per positive is checked).
 */
import * as tf from '../../../src/model/tf';
import { afterAll, describe, expect, it } from 'vitest';
import { bceLinkLoss, linkTrainingLoss, pairwiseAucLoss } from '../../../src/model/linkLoss';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { checkGradients } from './gradCheck';
import { communities } from './recipeFixtures';
import { recordTrainingCalls } from './trainingCalls';

const value = (t: tf.Scalar): number => {
  const v = t.dataSync()[0];
  t.dispose();
  return v;
};

describe('pairwiseAucLoss', () => {
  afterAll(() => tf.disposeVariables());

  // Positives 2 and 0.5, two negatives each: (2; 1, −1) and (0.5; 0.5, 2).
  const pos = () => tf.tensor1d([2, 0.5]);
  const neg = () => tf.tensor1d([1, -1, 0.5, 2]);

  it('is the mean of (1 − s⁺ + s⁻)² over each positive and its own negatives', () => {
    // Margins 1 − 2 + 1 = 0, 1 − 2 − 1 = −2, 1 − 0.5 + 0.5 = 1, 1 − 0.5 + 2 = 2.5.
    expect(value(pairwiseAucLoss(pos(), neg()))).toBeCloseTo((0 + 4 + 1 + 6.25) / 4, 6);
    // Grouped per positive: negatives i·k … i·k + k − 1 belong to positive i, not interleaved.
    expect(value(pairwiseAucLoss(pos(), tf.tensor1d([1, 0.5, -1, 2])))).not.toBeCloseTo(11.25 / 4, 3);
  });

  it('hinge clips margins below 0 (a pair ranked by more than 1 costs nothing)', () => {
    expect(value(pairwiseAucLoss(pos(), neg(), true))).toBeCloseTo((0 + 0 + 1 + 6.25) / 4, 6);
  });

  it('with one negative per positive, pairs positives and negatives index by index', () => {
    // (3; 1): (1 − 2)² = 1; (0; 0): 1.
    expect(value(pairwiseAucLoss(tf.tensor1d([3, 0]), tf.tensor1d([1, 0])))).toBeCloseTo(1, 6);
  });

  it('refuses negatives that do not divide among the positives', () => {
    expect(() => pairwiseAucLoss(tf.tensor1d([1, 2]), tf.tensor1d([1, 2, 3]))).toThrow(/divide/);
  });

  it('has the gradients of finite differences (squared and hinge)', () => {
    const rng = new Rng(4);
    const p = tf.variable(tf.tensor1d(Array.from({ length: 5 }, () => rng.normal())), true, 'aucPos');
    const n = tf.variable(tf.tensor1d(Array.from({ length: 15 }, () => rng.normal())), true, 'aucNeg');
    expect(checkGradients(() => pairwiseAucLoss(p as tf.Tensor1D, n as tf.Tensor1D), [p, n], { samples: 20 })).toBeGreaterThan(15);
    expect(checkGradients(() => pairwiseAucLoss(p as tf.Tensor1D, n as tf.Tensor1D, true), [p, n], { samples: 20 })).toBeGreaterThan(15);
  });

  it('linkTrainingLoss picks bce, auc or hinge', () => {
    const [bce, auc, hinge] = (['bce', 'auc', 'hinge'] as const).map((k) => value(linkTrainingLoss(k, pos(), neg())));
    expect(bce).toBeCloseTo(value(bceLinkLoss(pos(), neg())), 6);
    expect(auc).toBeCloseTo(11.25 / 4, 6);
    expect(hinge).toBeCloseTo(7.25 / 4, 6);
  });
});

describe('LinkTrainer with loss auc | hinge | bce and k negatives', () => {
  const graph = communities(40, 5);
  const settings = (over: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, decoder: 'mlp', hidden: 8, ...over });

  /** The first epoch's loss (before its update) and the logits of the pairs scored in it. */
  async function firstEpoch(over: Partial<ModelSettings>) {
    const t = new LinkTrainer(graph, settings(over), 'cpu');
    const { logits } = recordTrainingCalls(t);
    const loss = await t.trainEpoch();
    const count = t.split.trainPos.a.length;
    t.dispose();
    return { loss, pos: logits[0], neg: logits[1], count };
  }

  for (const [kind, clip] of [
    ['auc', (m: number) => m],
    ['hinge', (m: number) => Math.max(0, m)],
  ] as const) {
    it(`${kind}: the epoch loss is the formula over the decoder's logits, negatives grouped per positive`, async () => {
      const k = 3;
      const { loss, pos, neg, count } = await firstEpoch({ loss: kind, negatives: k });
      expect(pos.length).toBe(count);
      expect(neg.length).toBe(k * count);
      let sum = 0;
      for (let i = 0; i < count; i++) for (let j = 0; j < k; j++) sum += clip(1 - pos[i] + neg[i * k + j]) ** 2;
      expect(loss).toBeCloseTo(sum / (count * k), 4);
    });
  }

  it('bce with k negatives: mean binary cross-entropy over positives (label 1) and all negatives (label 0)', async () => {
    const { loss, pos, neg } = await firstEpoch({ negatives: 2 });
    expect(neg.length).toBe(2 * pos.length);
    const softplus = (x: number) => Math.log1p(Math.exp(x));
    let sum = 0;
    for (const s of pos) sum += softplus(-s);
    for (const s of neg) sum += softplus(s);
    expect(loss).toBeCloseTo(sum / (pos.length + neg.length), 4);
  });
});
