/**
 * Every layer of the zoo and every AGG × UPDATE combination: forward values on the 5-node graph of
 * fixtures.ts against the plain formulas with dense matrices (dense.ts), and finite-difference
 * gradient checks for the weights and the input (so the max and attention kernels' backward passes
 * are checked too).
 */
import * as tf from '../../../src/model/tf';
import { afterAll, describe, expect, it } from 'vitest';
import { AGGREGATORS, UPDATES } from '../../../src/settings/options';
import type { GraphOperators } from '../../../src/model/graphOperators';
import { GatLayer } from '../../../src/model/layers/gat';
import { KipfGcnLayer } from '../../../src/model/layers/gcn';
import { GinLayer } from '../../../src/model/layers/gin';
import { MpnnLayer } from '../../../src/model/layers/mpnn';
import { SageLayer } from '../../../src/model/layers/sage';
import { RgcnLayer } from '../../../src/model/layers/rgcn';
import { SeedGcnLayer } from '../../../src/model/layers/seedGcn';
import { GraphOperators as Operators } from '../../../src/model/graphOperators';
import { messageGraphFromPairs } from '../../../src/model/messageGraph';
import type { MessagePassingLayer } from '../../../src/model/messagePassing';
import { NodeFeatures } from '../../../src/model/features/nodeFeatures';
import { Rng } from '../../../src/model/rng';
import { add, addRow, adjacency, expectClose, gcnNorm, hcat, matmul, maxAgg, relu, rowMean, scale, type M } from './dense';
import { checkGradients } from './gradCheck';
import { TINY_PAIRS, tinyOperators } from './fixtures';

const N = 5;
const A = adjacency(N, TINY_PAIRS.a, TINY_PAIRS.b);
const rng = new Rng(21);
const X: M = Array.from({ length: N }, () => [rng.normal(), rng.normal(), rng.normal()]);
const R: M = Array.from({ length: N }, () => [rng.normal(), rng.normal(), rng.normal(), rng.normal()]);
const arr = (v: tf.Variable | tf.Tensor) => v.arraySync() as M;
const vec = (v: tf.Variable | null) => (v ? (v.arraySync() as number[]) : [0, 0, 0, 0]);

/** Runs the layer on X and compares with the reference; then checks gradients of Σ out ⊙ R. */
function checkLayer(
  make: () => MessagePassingLayer,
  reference: (layer: MessagePassingLayer) => M,
  mode: 'sparse' | 'dense' = 'sparse',
  operators: (mode: 'sparse' | 'dense') => GraphOperators = tinyOperators,
) {
  const layer = make();
  const ops = operators(mode);
  const out = tf.tidy(() => layer.forward(tf.tensor2d(X), ops));
  expectClose(out.arraySync() as M, reference(layer));
  out.dispose();
  const x = tf.variable(tf.tensor2d(X), true, 'x');
  const r = tf.tensor2d(R);
  const checked = checkGradients(() => tf.sum(tf.mul(layer.forward(x, ops), r)), [x, ...layer.variables()]);
  expect(checked).toBeGreaterThan(10);
  tf.dispose([x, r]);
  ops.dispose();
  layer.dispose();
}

/** Gives every bias a non-zero value so that its place in the formula is tested. */
function nonZeroBias(v: tf.Variable | null) {
  if (v) v.assign(tf.tensor1d(Array.from({ length: v.shape[0] }, (_, i) => 0.1 * (i + 1))));
}

describe('layers against dense formulas, with gradient checks', () => {
  afterAll(() => tf.disposeVariables());

  for (const mode of ['sparse', 'dense'] as const) {
    it(`seed GCN: W · mean(N(v)) + b (${mode})`, () => {
      checkLayer(
        () => new SeedGcnLayer(3, 4, new Rng(1), 's'),
        (l) => {
          const { linear } = l as SeedGcnLayer;
          return addRow(matmul(matmul(rowMean(A), X), arr(linear.weight)), vec(linear.bias));
        },
        mode,
      );
    });

    it(`Kipf GCN: D^-1/2 (A+I) D^-1/2 X W + b (${mode})`, () => {
      checkLayer(
        () => {
          const l = new KipfGcnLayer(3, 4, new Rng(2), 'g');
          nonZeroBias(l.bias);
          return l;
        },
        (l) => {
          const g = l as KipfGcnLayer;
          return addRow(matmul(matmul(gcnNorm(A), X), arr(g.linear.weight)), vec(g.bias));
        },
        mode,
      );
    });

    it(`GraphSAGE: W_self x_v + W_neigh mean + b (${mode})`, () => {
      checkLayer(
        () => new SageLayer(3, 4, new Rng(3), 'sage'),
        (l) => {
          const s = l as SageLayer;
          expect(s.self.bias).toBeNull();
          return add(addRow(matmul(matmul(rowMean(A), X), arr(s.neigh.weight)), vec(s.neigh.bias)), matmul(X, arr(s.self.weight)));
        },
        mode,
      );
    });
  }

  it('GIN: MLP((1 + ε) x_v + Σ x_u), with ε ≠ 0', () => {
    checkLayer(
      () => {
        const l = new GinLayer(3, 4, new Rng(4), 'gin');
        l.eps.assign(tf.scalar(0.3));
        return l;
      },
      (l) => {
        const g = l as GinLayer;
        const combined = add(scale(X, 1.3), matmul(A, X));
        const hidden = relu(addRow(matmul(combined, arr(g.lin1.weight)), vec(g.lin1.bias)));
        return addRow(matmul(hidden, arr(g.lin2.weight)), vec(g.lin2.bias));
      },
    );
  });

  for (const agg of AGGREGATORS) {
    for (const upd of UPDATES) {
      it(`mpnn: AGG ${agg}, UPDATE ${upd}`, () => {
        checkLayer(
          () => new MpnnLayer(3, 4, new Rng(5), 'm', agg, upd),
          (l) => {
            const { linear } = l as MpnnLayer;
            const m = agg === 'sum' ? matmul(A, X) : agg === 'mean' ? matmul(rowMean(A), X) : maxAgg(A, X);
            const input = upd === 'replace' ? m : upd === 'add' ? add(X, m) : hcat(X, m);
            return addRow(matmul(input, arr(linear.weight)), vec(linear.bias));
          },
        );
      });
    }
  }

  // Two message relations on the tiny graph: each directed edge's relation set by hand (0 → 1 and 1 → 0 differ).
  const RELATION = Int32Array.from([0, 1, 0, 1, 1, 0]);
  const relationalOperators = (mode: 'sparse' | 'dense') =>
    new Operators({ ...messageGraphFromPairs(N, TINY_PAIRS.a, TINY_PAIRS.b), relation: RELATION, relationNames: ['r0', 'r1'] }, mode);
  /** A_r[v][u] = 1 for each message edge u → v of relation r (messageGraphFromPairs: a → b first, then b → a). */
  const relationAdjacency = (r: number): M => {
    const A: M = Array.from({ length: N }, () => new Array<number>(N).fill(0));
    const src = [...TINY_PAIRS.a, ...TINY_PAIRS.b];
    const dst = [...TINY_PAIRS.b, ...TINY_PAIRS.a];
    src.forEach((u, k) => {
      if (RELATION[k] === r) A[dst[k]][u] += 1;
    });
    return A;
  };
  for (const mode of ['sparse', 'dense'] as const) {
    it(`R-GCN: X W_0 + b + Σ_r mean_r(A_r) X Σ_b a_rb V_b, 3 bases (${mode})`, () => {
      checkLayer(
        () => {
          const l = new RgcnLayer(3, 4, new Rng(12), 'r', 2, 3);
          nonZeroBias(l.bias);
          return l;
        },
        (l) => {
          const g = l as RgcnLayer;
          const V = g.bases.arraySync() as number[][][];
          const a = arr(g.coefficients);
          // W_r = Σ_b a_rb V_b, written out entry by entry.
          const W = (r: number): M => V[0].map((row, i) => row.map((_, j) => [0, 1, 2].reduce((s, b) => s + a[r][b] * V[b][i][j], 0)));
          let out = addRow(matmul(X, arr(g.root.weight)), vec(g.bias));
          for (const r of [0, 1]) out = add(out, matmul(matmul(rowMean(relationAdjacency(r)), X), W(r)));
          return out;
        },
        mode,
        relationalOperators,
      );
    });
  }

  it('R-GCN refuses a graph with another number of relations than it was built for', () => {
    const layer = new RgcnLayer(3, 4, new Rng(12), 'r', 2, 2);
    const ops = tinyOperators('sparse');
    expect(() => tf.tidy(() => layer.forward(tf.tensor2d(X), ops))).toThrow(/built for 2 relation\(s\), graph has 1/);
    layer.dispose();
    ops.dispose();
  });

  it('mpnn mean + replace is the seed GCN (same weights → same output)', () => {
    const ops = tinyOperators('sparse');
    const a = new MpnnLayer(3, 4, new Rng(9), 'a', 'mean', 'replace');
    const b = new SeedGcnLayer(3, 4, new Rng(9), 'b');
    const [ya, yb] = tf.tidy(() => [a.forward(tf.tensor2d(X), ops).arraySync(), b.forward(tf.tensor2d(X), ops).arraySync()]);
    expect(ya).toEqual(yb);
    a.dispose();
    b.dispose();
    ops.dispose();
  });
});

/** GAT by hand: per head, softmax over N(v) ∪ {v} of LeakyReLU(a_src·z_u + a_dst·z_v). */
function gatReference(g: GatLayer): { out: M; alpha: Map<string, number[]> } {
  const Z = matmul(X, arr(g.linear.weight));
  const aS = arr(g.attSrc);
  const aD = arr(g.attDst);
  const b = vec(g.bias);
  const F = g.perHead;
  const alpha = new Map<string, number[]>();
  const out = Z.map((_, v) => {
    const nb = [...A[v].flatMap((x, u) => (x > 0 ? [u] : [])), v];
    const row = new Array(g.heads * F).fill(0);
    for (let h = 0; h < g.heads; h++) {
      const z = (u: number) => Z[u].slice(h * F, (h + 1) * F);
      const dot = (p: number[], q: number[]) => p.reduce((s, x, i) => s + x * q[i], 0);
      const e = nb.map((u) => {
        const x = dot(z(u), aS[h]) + dot(z(v), aD[h]);
        return x > 0 ? x : 0.2 * x;
      });
      const mx = Math.max(...e);
      const w = e.map((x) => Math.exp(x - mx));
      const sum = w.reduce((s, x) => s + x, 0);
      nb.forEach((u, i) => {
        const key = `${u}->${v}`;
        alpha.set(key, [...(alpha.get(key) ?? []), w[i] / sum]);
        z(u).forEach((x, f) => (row[h * F + f] += (w[i] / sum) * x));
      });
    }
    return row.map((x, j) => x + b[j]);
  });
  return { out, alpha };
}

describe('GAT', () => {
  afterAll(() => tf.disposeVariables());

  it('matches the attention formula by hand (2 heads), and exposes the attention weights', () => {
    const g = new GatLayer(3, 4, new Rng(6), 'gat', 2);
    nonZeroBias(g.bias);
    const ref = gatReference(g);
    checkLayer(
      () => g,
      () => ref.out,
    );
  });

  it('returns α per edge and head that match the formula and sum to 1 per destination', () => {
    const g = new GatLayer(3, 4, new Rng(7), 'gat', 2);
    const ref = gatReference(g);
    const ops: GraphOperators = tinyOperators('sparse');
    const edges = ops.edges(true);
    const alpha = g.attention(tf.tensor2d(X), ops);
    const a = alpha.arraySync() as M;
    expect(a).toHaveLength(edges.src.length);
    a.forEach((row, k) => row.forEach((x, h) => expect(x).toBeCloseTo(ref.alpha.get(`${edges.src[k]}->${edges.dst[k]}`)![h], 5)));
    for (let v = 0; v < N; v++) {
      for (let h = 0; h < 2; h++) {
        let s = 0;
        for (let k = edges.rowPtr[v]; k < edges.rowPtr[v + 1]; k++) s += a[k][h];
        expect(s).toBeCloseTo(1, 5);
      }
    }
    const t = g.trace(tf.tensor2d(X), ops);
    expect(t.attention!.arraySync()).toEqual(a);
    tf.dispose([alpha, t.messages, t.aggregated, t.output, t.attention!]);
    ops.dispose();
    g.dispose();
  });

  it('rejects a width that the heads do not divide', () => {
    expect(() => new GatLayer(3, 5, new Rng(1), 'bad', 2)).toThrow(/divisible/);
  });
});

describe('initialisation as PyG (so GraphSAGE results compare with PyG runs seed for seed)', () => {
  /** Sample mean, variance and largest |x| of a variable's values. */
  const stats = (v: tf.Variable | tf.Tensor) => {
    const x = Array.from(v.dataSync() as Float32Array);
    const mean = x.reduce((s, a) => s + a, 0) / x.length;
    const variance = x.reduce((s, a) => s + (a - mean) ** 2, 0) / x.length;
    return { mean, variance, max: x.reduce((m, a) => Math.max(m, Math.abs(a)), 0), n: x.length };
  };
  /** U(±b): |x| ≤ b, mean 0, variance b²/3 (5 % tolerance: the estimate's sd is ~2 % at 4096 samples). */
  const expectUniform = (v: tf.Variable | tf.Tensor, b: number) => {
    const s = stats(v);
    expect(s.max).toBeLessThanOrEqual(b);
    expect(s.max).toBeGreaterThan(0.95 * b);
    expect(Math.abs(s.mean)).toBeLessThan((4 * b) / Math.sqrt(3 * s.n));
    expect(s.variance / ((b * b) / 3)).toBeGreaterThan(0.95);
    expect(s.variance / ((b * b) / 3)).toBeLessThan(1.05);
  };

  it('SAGE: lin_l and lin_r weights U(±1/√fan_in), lin_l bias U(±1/√fan_in), lin_r without bias (PyG Linear = kaiming_uniform(a=√5))', () => {
    const layer = new SageLayer(64, 64, new Rng(11), 'init-sage');
    expectUniform(layer.neigh.weight, 1 / 8);
    expectUniform(layer.self.weight, 1 / 8);
    expect(layer.self.bias).toBeNull();
    // 64 bias values are too few for the statistics: a layer 4096 wide, fan_in still 64.
    const wide = new SageLayer(64, 4096, new Rng(13), 'init-sage-w');
    expectUniform(wide.neigh.bias!, 1 / 8);
    // The two weights are drawn independently.
    const a = layer.neigh.weight.dataSync();
    const b = layer.self.weight.dataSync();
    expect(a.some((x, i) => x !== b[i])).toBe(true);
    [layer, wide].forEach((l) => l.dispose());
  });

  it('Kipf GCN: Glorot weights U(±√(6/(fan_in+fan_out))), zero bias; seed GCN: as nn.Linear', () => {
    const gcn = new KipfGcnLayer(64, 64, new Rng(14), 'init-gcn');
    expectUniform(gcn.linear.weight, Math.sqrt(6 / 128));
    expect(stats(gcn.bias).max).toBe(0);
    const seed = new SeedGcnLayer(64, 64, new Rng(15), 'init-seed');
    expectUniform(seed.linear.weight, 1 / 8);
    [gcn, seed].forEach((l) => l.dispose());
  });

  it('learned embeddings: N(0, 1) as torch.nn.Embedding', () => {
    const f = new NodeFeatures(['learned'], 100, 64, new Rng(16));
    const s = stats(f.embedding!);
    expect(Math.abs(s.mean)).toBeLessThan(0.05);
    expect(Math.abs(s.variance - 1)).toBeLessThan(0.05);
    f.dispose();
  });
});
