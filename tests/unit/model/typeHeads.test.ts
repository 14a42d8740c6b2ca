/**
 * The type task's heads: the MLP on [h_a ‖ h_b] tells (a, b) from (b, a) and per-type DistMult does
 * not; values against a hand-computed tiny case; gradients against finite differences; which head
 * each `decoder` setting picks.
 */
import * as tf from '../../../src/model/tf';
import { afterAll, describe, expect, it } from 'vitest';
import { ConcatMlpTypeHead, DistMultTypeHead, createTypeHead, typeHeadKind } from '../../../src/model/typeHeads';
import { Rng } from '../../../src/model/rng';
import { checkGradients } from './gradCheck';

const H = [
  [0.5, -1.0],
  [2.0, 0.25],
  [-0.75, 1.5],
];
const PAIRS = { a: Int32Array.from([0, 1, 2]), b: Int32Array.from([1, 0, 0]) };
const SWAPPED = { a: PAIRS.b, b: PAIRS.a };
const rows = (t: tf.Tensor) => t.arraySync() as number[][];

describe('type heads', () => {
  afterAll(() => tf.disposeVariables());

  it('decoder setting → head: mlp is the concat MLP, distmult and dot are per-type DistMult', () => {
    expect(typeHeadKind('mlp')).toBe('concat-mlp');
    expect(typeHeadKind('distmult')).toBe('distmult');
    expect(typeHeadKind('dot')).toBe('distmult');
    const head = createTypeHead('dot', 2, 3, 0, new Rng(1), new Rng(2));
    expect(head.kind).toBe('distmult');
    head.dispose();
  });

  it('concat MLP: swapping a and b changes the logits; DistMult: it does not', () => {
    const h = tf.tensor2d(H);
    const mlp = new ConcatMlpTypeHead(2, 4, new Rng(3), 0, new Rng(4));
    const dm = new DistMultTypeHead(2, 4, new Rng(5));
    const [m1, m2] = [rows(mlp.logits(h, PAIRS)), rows(mlp.logits(h, SWAPPED))];
    expect(Math.max(...m1.flatMap((r, i) => r.map((x, t) => Math.abs(x - m2[i][t]))))).toBeGreaterThan(1e-3);
    const [d1, d2] = [rows(dm.logits(h, PAIRS)), rows(dm.logits(h, SWAPPED))];
    d1.forEach((r, i) => r.forEach((x, t) => expect(x).toBeCloseTo(d2[i][t], 6)));
    mlp.dispose();
    dm.dispose();
    h.dispose();
  });

  it('concat MLP values: W₂ · ReLU(W₁ [h_a ‖ h_b] + b₁) + b₂, computed by hand on 1-d embeddings', () => {
    // d = 1: [h_a ‖ h_b] has 2 entries, the hidden layer 2 units, 2 types.
    const head = new ConcatMlpTypeHead(1, 2, new Rng(6), 0, new Rng(7));
    head.hidden.weight.assign(
      tf.tensor2d([
        [1, -1],
        [2, 1],
      ]),
    );
    head.hidden.bias!.assign(tf.tensor1d([0, 0.5]));
    head.out.weight.assign(
      tf.tensor2d([
        [1, 0],
        [-1, 2],
      ]),
    );
    head.out.bias!.assign(tf.tensor1d([0.1, -0.2]));
    const h = tf.tensor2d([[1], [3]]);
    // (a, b) = (0, 1): x = [1, 3]; W₁ᵀx + b₁ = [1·1 + 3·2, 1·(−1) + 3·1 + 0.5] = [7, 2.5]; ReLU keeps both;
    // logits = [7·1 + 2.5·(−1) + 0.1, 7·0 + 2.5·2 − 0.2] = [4.6, 4.8].
    // (a, b) = (1, 0): x = [3, 1]; [3 + 2, −3 + 1 + 0.5] = [5, −1.5] → ReLU [5, 0]; logits = [5.1, −0.2].
    const z = rows(head.logits(h, { a: Int32Array.from([0, 1]), b: Int32Array.from([1, 0]) }));
    expect(z[0][0]).toBeCloseTo(4.6, 5);
    expect(z[0][1]).toBeCloseTo(4.8, 5);
    expect(z[1][0]).toBeCloseTo(5.1, 5);
    expect(z[1][1]).toBeCloseTo(-0.2, 5);
    head.dispose();
    h.dispose();
  });

  for (const kind of ['concat-mlp', 'distmult'] as const) {
    it(`${kind}: gradients in h and every weight match finite differences`, () => {
      const rng = new Rng(8);
      const head = kind === 'concat-mlp' ? new ConcatMlpTypeHead(2, 3, new Rng(9), 0, new Rng(10)) : new DistMultTypeHead(2, 3, new Rng(11));
      const h = tf.variable(tf.tensor2d(H), true, `h-${kind}`);
      const r = tf.tensor2d(Array.from({ length: 3 }, () => [rng.normal(), rng.normal(), rng.normal()]));
      const checked = checkGradients(() => tf.sum(tf.mul(head.logits(h, PAIRS), r)), [h, ...head.variables()], { eps: 1e-3 });
      expect(checked).toBeGreaterThan(kind === 'concat-mlp' ? 20 : 8);
      tf.dispose([h, r]);
      head.dispose();
    });
  }

  it('dropout only while training, with masks from the seeded stream (same seed, same logits)', () => {
    const h = tf.tensor2d(H);
    const make = () => new ConcatMlpTypeHead(2, 3, new Rng(12), 0.5, new Rng(13));
    const [x, y] = [make(), make()];
    expect(rows(x.logits(h, PAIRS))).toEqual(rows(x.logits(h, PAIRS, false)));
    const train = rows(x.logits(h, PAIRS, true));
    expect(train).toEqual(rows(y.logits(h, PAIRS, true)));
    expect(train).not.toEqual(rows(x.logits(h, PAIRS)));
    x.dispose();
    y.dispose();
    h.dispose();
  });
});
