import * as tf from '../../../src/model/tf';
import { afterAll, describe, expect, it } from 'vitest';
import { linkLossDense, linkLossGathered } from '../../../src/model/linkLoss';
import { GraphOperators } from '../../../src/model/graphOperators';
import { randomSetup, tinyOperators, tinySeedModel } from './fixtures';

describe('seed GCN forward on a 5-node graph', () => {
  // Hand computation (see fixtures): N(0)={1}, N(1)={0,2,3}, N(2)={1}, N(3)={1}, N(4)={} → mean 0.
  // Layer 1 means: v0 [0,1], v1 ([1,0]+[1,1]+[2,-1])/3 = [4/3,0], v2 [0,1], v3 [0,1], v4 [0,0].
  // · W1 + b1: v0 [0.5+0.1, 2-0.2] = [0.6,1.8]; v1 [4/3+0.1, -4/3-0.2]; v4 = b1 = [0.1,-0.2].
  // ReLU: v1 → [4/3+0.1, 0], v4 → [0.1, 0].
  // Layer 2 means: v0 = r1 = [1.4333,0]; v1 = (r0+r2+r3)/3 = [0.6,1.8]; v2 = v3 = r1; v4 [0,0].
  // · W2 + b2: v0 [2·1.4333, 0] + [0,0.5]; v1 [0.6·2+1.8, 1.8] + [0,0.5]; v4 [0, 0.5].
  const r1 = 4 / 3 + 0.1;
  const expected = [
    [2 * r1, 0.5],
    [0.6 * 2 + 1.8, 1.8 + 0.5],
    [2 * r1, 0.5],
    [2 * r1, 0.5],
    [0, 0.5],
  ];

  for (const mode of ['sparse', 'dense'] as const) {
    it(`equals the hand-computed values (${mode} aggregation)`, () => {
      const model = tinySeedModel();
      const ops = tinyOperators(mode);
      const out = tf.tidy(() => model.forward(ops));
      const got = out.arraySync();
      got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 5)));
      out.dispose();
      ops.dispose();
      model.dispose();
    });
  }

  it('exposes each step of each layer (message, aggregate, update)', () => {
    const model = tinySeedModel();
    const ops = tinyOperators('sparse');
    const { layers, activated } = model.trace(ops);
    expect(layers[0].aggregated.arraySync()[1].map((v) => +v.toFixed(5))).toEqual([+(4 / 3).toFixed(5), 0]);
    expect(activated[0].arraySync()[4]).toEqual([expect.closeTo(0.1, 6), 0]);
    expect(activated[1].arraySync()[1]).toEqual([expect.closeTo(3, 5), expect.closeTo(2.3, 5)]);
    tf.dispose([...layers.flatMap((l) => [l.messages, l.aggregated, l.output]), ...activated]);
    ops.dispose();
    model.dispose();
  });
});

describe('gradients', () => {
  afterAll(() => tf.disposeVariables());

  it('match central finite differences for every parameter tensor', () => {
    const { pairs, model, graph } = randomSetup(7, 10, 3, 3);
    const ops = new GraphOperators(graph, 'sparse');
    const neg = { a: Int32Array.from([0, 2, 1]), b: Int32Array.from([6, 5, 4]) };
    const loss = () => linkLossGathered(model.forward(ops), pairs, neg);
    const { grads } = tf.variableGrads(loss, model.variables());
    const eps = 1e-2;
    for (const v of model.variables()) {
      const analytic = grads[v.name].dataSync();
      const base = v.dataSync().slice();
      for (let k = 0; k < base.length; k += Math.max(1, Math.floor(base.length / 6))) {
        const perturbed = (delta: number) => {
          const x = base.slice();
          x[k] += delta;
          v.assign(tf.tensor(x, v.shape));
          return tf.tidy(() => loss().dataSync()[0]);
        };
        const numeric = (perturbed(eps) - perturbed(-eps)) / (2 * eps);
        v.assign(tf.tensor(base, v.shape));
        expect(Math.abs(numeric - analytic[k])).toBeLessThan(2e-3);
      }
    }
    tf.dispose(Object.values(grads));
    ops.dispose();
    model.dispose();
  });

  it('are the same through sparse and dense aggregation, and through gathered and dense losses', () => {
    const { pairs, model, graph } = randomSetup(30, 80, 11, 5);
    const neg = { a: Int32Array.from([0, 3, 4, 7]), b: Int32Array.from([29, 20, 11, 9]) };
    const results = (['sparse', 'dense'] as const).flatMap((mode) =>
      [linkLossGathered, linkLossDense].map((lossFn) => {
        const ops = new GraphOperators(graph, mode);
        const { value, grads } = tf.variableGrads(() => lossFn(model.forward(ops), pairs, neg), model.variables());
        const out = { loss: value.dataSync()[0], grads: model.variables().map((v) => Array.from(grads[v.name].dataSync())) };
        tf.dispose([value, ...Object.values(grads)]);
        ops.dispose();
        return out;
      }),
    );
    for (const r of results.slice(1)) {
      expect(Math.abs(r.loss - results[0].loss)).toBeLessThan(1e-5);
      r.grads.forEach((g, i) => g.forEach((x, j) => expect(Math.abs(x - results[0].grads[i][j])).toBeLessThan(1e-5)));
    }
    model.dispose();
  });
});
