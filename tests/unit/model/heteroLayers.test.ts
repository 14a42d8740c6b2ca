/**
 * The per-relation (heterogeneous) form of every zoo layer on a tiny typed graph: forward values against
 * a dense formula written per relation (each copy's plain formula on its relation's adjacency, combined
 * over the relations that reach the node's kind), finite-difference gradients, one relation = the plain
 * layer, and no tensor left behind.
 */
import * as tf from '../../../src/model/tf';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphOperators } from '../../../src/model/graphOperators';
import { GatLayer } from '../../../src/model/layers/gat';
import { KipfGcnLayer } from '../../../src/model/layers/gcn';
import { GinLayer } from '../../../src/model/layers/gin';
import { HeteroLayer, type HeteroCombine } from '../../../src/model/layers/hetero';
import { createLayer } from '../../../src/model/layers';
import { MpnnLayer } from '../../../src/model/layers/mpnn';
import { SageLayer } from '../../../src/model/layers/sage';
import { SeedGcnLayer } from '../../../src/model/layers/seedGcn';
import type { MessagePassingLayer } from '../../../src/model/messagePassing';
import { GnnModel } from '../../../src/model/model';
import { relationalMessageGraph } from '../../../src/model/relations';
import { Rng } from '../../../src/model/rng';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';
import type { LayerKind } from '../../../src/settings/options';
import { add, addRow, expectClose, gcnNorm, hcat, matmul, maxAgg, relu, rowMean, scale, zeros, type M } from './dense';
import { checkGradients } from './gradCheck';
import { tinyOperators } from './fixtures';

// Drugs 0–3, proteins 4–5, a side effect 6 that no relation reaches (kind with no edges).
const N = 7;
const KINDS = ['drug', 'protein', 'side-effect'];
const NODE_KIND = Int32Array.from([0, 0, 0, 0, 1, 1, 2]);
const DRUG_DRUG = { a: Int32Array.from([0, 1, 2]), b: Int32Array.from([1, 2, 3]) };
const DRUG_TARGET = { a: Int32Array.from([0, 1, 2, 3]), b: Int32Array.from([4, 4, 5, 4]) };
const typedGraph = () =>
  relationalMessageGraph(
    { numNodes: N, edgeSrc: new Int32Array(0), edgeDst: new Int32Array(0), nodeKind: NODE_KIND, kinds: KINDS, relations: ['drug-drug', 'drug-target'] },
    [
      { pairs: DRUG_DRUG, relation: 0 },
      { pairs: DRUG_TARGET, relation: 1 },
    ],
  );

/** Message relations by hand: 0 drug-drug→drug, 1 drug-target→drug (protein → drug), 2 drug-target→protein. */
const A: M[] = [zeros(N, N), zeros(N, N), zeros(N, N)];
DRUG_DRUG.a.forEach((u, i) => {
  const v = DRUG_DRUG.b[i];
  A[0][v][u] = 1;
  A[0][u][v] = 1;
});
DRUG_TARGET.a.forEach((d, i) => {
  const p = DRUG_TARGET.b[i];
  A[1][d][p] = 1;
  A[2][p][d] = 1;
});
/** R(v): the relations ending at v's kind. */
const REACHING: number[][] = [...NODE_KIND].map((k) => (k === 0 ? [0, 1] : k === 1 ? [2] : []));

const rng = new Rng(31);
const X: M = Array.from({ length: N }, () => [rng.normal(), rng.normal(), rng.normal()]);
const R: M = Array.from({ length: N }, () => [rng.normal(), rng.normal(), rng.normal(), rng.normal()]);
const arr = (v: tf.Variable | tf.Tensor) => v.arraySync() as M;
const vec = (v: tf.Variable | null) => (v ? (v.arraySync() as number[]) : [0, 0, 0, 0]);

/** GAT by hand on adjacency Adj: per head, softmax over N(v) ∪ {v} of LeakyReLU(a_src·z_u + a_dst·z_v). */
function gatDense(g: GatLayer, Adj: M): M {
  const Z = matmul(X, arr(g.linear.weight));
  const [aS, aD, b, F] = [arr(g.attSrc), arr(g.attDst), vec(g.bias), g.perHead];
  const dot = (p: number[], q: number[]) => p.reduce((s, x, i) => s + x * q[i], 0);
  return Z.map((_, v) => {
    const nb = [...Adj[v].flatMap((x, u) => (x > 0 ? [u] : [])), v];
    const row = new Array<number>(g.heads * F).fill(0);
    for (let h = 0; h < g.heads; h++) {
      const z = (u: number) => Z[u].slice(h * F, (h + 1) * F);
      const e = nb.map((u) => {
        const x = dot(z(u), aS[h]) + dot(z(v), aD[h]);
        return x > 0 ? x : 0.2 * x;
      });
      const w = e.map((x) => Math.exp(x - Math.max(...e)));
      const sum = w.reduce((s, x) => s + x, 0);
      nb.forEach((u, i) => z(u).forEach((x, f) => (row[h * F + f] += (w[i] / sum) * x)));
    }
    return row.map((x, j) => x + b[j]);
  });
}

/** The plain layer's dense formula on one adjacency (the same formulas as layers.test.ts). */
function plainDense(kind: string, l: MessagePassingLayer, Adj: M): M {
  if (kind === 'seed-gcn') {
    const s = l as SeedGcnLayer;
    return addRow(matmul(matmul(rowMean(Adj), X), arr(s.linear.weight)), vec(s.linear.bias));
  }
  if (kind === 'gcn') {
    const g = l as KipfGcnLayer;
    return addRow(matmul(matmul(gcnNorm(Adj), X), arr(g.linear.weight)), vec(g.bias));
  }
  if (kind === 'sage') {
    const s = l as SageLayer;
    return add(addRow(matmul(matmul(rowMean(Adj), X), arr(s.neigh.weight)), vec(s.neigh.bias)), matmul(X, arr(s.self.weight)));
  }
  if (kind === 'gin') {
    const g = l as GinLayer;
    const eps = g.eps.arraySync() as number;
    const hidden = relu(addRow(matmul(add(scale(X, 1 + eps), matmul(Adj, X)), arr(g.lin1.weight)), vec(g.lin1.bias)));
    return addRow(matmul(hidden, arr(g.lin2.weight)), vec(g.lin2.bias));
  }
  if (kind === 'gat') return gatDense(l as GatLayer, Adj);
  const m = l as MpnnLayer;
  const agg = m.aggregator === 'sum' ? matmul(Adj, X) : m.aggregator === 'mean' ? matmul(rowMean(Adj), X) : maxAgg(Adj, X);
  const input = m.updateKind === 'replace' ? agg : m.updateKind === 'add' ? add(X, agg) : hcat(X, agg);
  return addRow(matmul(input, arr(m.linear.weight)), vec(m.linear.bias));
}

/** COMB over R(v) of each relation's plain output; 0 where no relation reaches v. */
function heteroDense(kind: string, layer: HeteroLayer): M {
  const outs = layer.perRelation.map((l, r) => plainDense(kind, l, A[r]));
  return X.map((_, v) => {
    const rows = REACHING[v].map((r) => outs[r][v]);
    if (rows.length === 0) return [0, 0, 0, 0];
    return rows[0].map((_, j) => {
      const xs = rows.map((row) => row[j]);
      if (layer.combine === 'max') return Math.max(...xs);
      const s = xs.reduce((a, b) => a + b, 0);
      return layer.combine === 'mean' ? s / xs.length : s;
    });
  });
}

type Case = { kind: LayerKind; label: string; make: (name: string, rng: Rng) => MessagePassingLayer };
const CASES: Case[] = [
  { kind: 'seed-gcn', label: 'seed GCN', make: (n, r) => new SeedGcnLayer(3, 4, r, n) },
  { kind: 'gcn', label: 'Kipf GCN', make: (n, r) => new KipfGcnLayer(3, 4, r, n) },
  { kind: 'sage', label: 'GraphSAGE', make: (n, r) => new SageLayer(3, 4, r, n) },
  { kind: 'gin', label: 'GIN', make: (n, r) => new GinLayer(3, 4, r, n) },
  { kind: 'gat', label: 'GAT, 2 heads', make: (n, r) => new GatLayer(3, 4, r, n, 2) },
  { kind: 'mpnn', label: 'mpnn max + concat', make: (n, r) => new MpnnLayer(3, 4, r, n, 'max', 'concat') },
  { kind: 'mpnn', label: 'mpnn sum + add', make: (n, r) => new MpnnLayer(3, 4, r, n, 'sum', 'add') },
];

/** Non-zero biases and ε, so that their places in the formulas are tested. */
function perturb(layer: MessagePassingLayer): void {
  for (const v of layer.variables()) {
    if (v.rank === 1 && /\/b#/.test(v.name)) v.assign(tf.tensor1d(Array.from({ length: v.shape[0] }, (_, i) => 0.1 * (i + 1))));
    if (v.rank === 0) v.assign(tf.scalar(0.3));
  }
}

describe('per-relation layers (hetero) against dense per-relation formulas, with gradient checks', () => {
  afterAll(() => tf.disposeVariables());

  const combines: HeteroCombine[] = ['sum', 'mean', 'max'];
  CASES.forEach((c, i) => {
    // Every layer with every combination would be 21 gradient checks; each layer meets one combination,
    // GraphSAGE (below) all three.
    const combine = combines[i % 3];
    it(`${c.label}, combined by ${combine}`, () => checkHetero(c, combine));
  });
  for (const combine of combines) it(`GraphSAGE, combined by ${combine}`, () => checkHetero(CASES[2], combine));

  function checkHetero(c: Case, combine: HeteroCombine) {
    const layerRng = new Rng(5);
    const layer = new HeteroLayer(combine, 3, (r) => c.make(`h/rel${r}`, layerRng));
    layer.perRelation.forEach(perturb);
    const ops = new GraphOperators(typedGraph(), 'sparse');
    expect(ops.numRelations).toBe(3);
    const before = tf.memory().numTensors;
    const out = tf.tidy(() => layer.forward(tf.tensor2d(X), ops));
    const want = heteroDense(c.kind, layer);
    expectClose(out.arraySync() as M, want);
    // The side effect: no relation reaches it.
    expect(want[6]).toEqual([0, 0, 0, 0]);
    out.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const x = tf.variable(tf.tensor2d(X), true, 'hx');
    const r = tf.tensor2d(R);
    expect(checkGradients(() => tf.sum(tf.mul(layer.forward(x, ops), r)), [x, ...layer.variables()])).toBeGreaterThan(20);
    tf.dispose([x, r]);
    ops.dispose();
    layer.dispose();
  }

  it('builds a copy of the layer per relation, each with its own parameters, and refuses another relation count', () => {
    const layer = createLayer('sage', 3, 4, new Rng(2), 'l', { heads: 1, aggregator: 'mean', update: 'replace', relations: 3, hetero: 'mean' });
    expect(layer).toBeInstanceOf(HeteroLayer);
    const plain = new SageLayer(3, 4, new Rng(2), 'p');
    expect(layer.variables()).toHaveLength(3 * plain.variables().length);
    const ops = tinyOperators('sparse');
    expect(() => tf.tidy(() => layer.forward(tf.tensor2d(X.slice(0, 5)), ops))).toThrow(/built for 3 relation\(s\), graph has 1/);
    // R-GCN is relational already: hetero leaves it alone.
    expect(createLayer('rgcn', 3, 4, new Rng(2), 'g', { heads: 1, aggregator: 'mean', update: 'replace', relations: 3, hetero: 'sum' })).not.toBeInstanceOf(
      HeteroLayer,
    );
    [layer, plain].forEach((l) => l.dispose());
    ops.dispose();
  });

  it('trace: each copy’s messages and aggregates side by side, the combined output, nothing left behind', () => {
    const layer = new HeteroLayer('sum', 3, (r) => new SageLayer(3, 4, new Rng(r), `t${r}`));
    const ops = new GraphOperators(typedGraph(), 'sparse');
    const h = tf.tensor2d(X);
    const before = tf.memory().numTensors;
    const t = layer.trace(h, ops);
    expect(t.messages.shape).toEqual([N, 9]);
    expect(t.aggregated.shape).toEqual([N, 9]);
    const plain = tf.tidy(() => layer.forward(h, ops));
    expect(t.output.arraySync()).toEqual(plain.arraySync());
    tf.dispose([t.messages, t.aggregated, t.output, plain]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(h);
    ops.dispose();
    layer.dispose();
  });
});

describe('one relation: the per-relation layer is the plain layer', () => {
  afterAll(() => tf.disposeVariables());
  for (const c of CASES) {
    for (const combine of ['sum', 'mean', 'max'] as const) {
      it(`${c.label}, ${combine}`, () => {
        const ops = tinyOperators('sparse');
        const hetero = new HeteroLayer(combine, 1, () => c.make('a', new Rng(9)));
        const plain = c.make('b', new Rng(9));
        const x = tf.tensor2d(X.slice(0, 5));
        const [ya, yb] = tf.tidy(() => [hetero.forward(x, ops).arraySync(), plain.forward(x, ops).arraySync()]);
        expect(ya).toEqual(yb);
        tf.dispose(x);
        [hetero, plain].forEach((l) => l.dispose());
        ops.dispose();
      });
    }
  }
});

describe('a model with per-relation layers', () => {
  it('builds every layer per message relation, on the dense and kernel-free paths alike', () => {
    const settings = { ...DEFAULT_MODEL_SETTINGS, model: 'gcn' as const, hetero: 'sum' as const, hidden: 4, layers: 2 };
    const model = new GnnModel(settings, N, new Rng(3), [], 3);
    expect(model.layers.every((l) => l instanceof HeteroLayer && l.perRelation.length === 3)).toBe(true);
    const outs = (['sparse', 'dense'] as const).map((mode) => {
      const ops = new GraphOperators(typedGraph(), mode);
      const y = tf.tidy(() => model.forward(ops).arraySync() as M);
      ops.dispose();
      return y;
    });
    expectClose(outs[0], outs[1]);
    model.dispose();
  });
});
