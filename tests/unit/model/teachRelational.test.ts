/**
 * The stepper's R-GCN numbers on a typed graph: messages grouped by message relation, each relation's
 * mean, the self term W_0 h_v + b and their sum — against a hand computation on a four-node
 * drug–protein graph, and against the model's own forward pass on a random typed graph.
 */
import * as tf from '../../../src/model/tf';
import { afterEach, describe, expect, it } from 'vitest';
import { GraphOperators } from '../../../src/model/graphOperators';
import type { RgcnLayer } from '../../../src/model/layers/rgcn';
import { messageGraphFromPairs } from '../../../src/model/messageGraph';
import { GnnModel } from '../../../src/model/model';
import { relationalMessageGraph } from '../../../src/model/relations';
import { Rng } from '../../../src/model/rng';
import { PairSet } from '../../../src/model/split';
import { explainNode } from '../../../src/model/teach/explainNode';
import { splitRelationName } from '../../../src/model/teach/relational';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';

afterEach(() => tf.disposeVariables());

const everyPair = { known: () => false, train: () => false };

function close(a: number[], b: ArrayLike<number>, tol = 1e-5) {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(Math.abs(x - b[i]), `component ${i}: ${x} vs ${b[i]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]))));
}

const sumOf = (vs: number[][], d: number) => vs.reduce((s, x) => s.map((y, k) => y + x[k]), new Array<number>(d).fill(0));

/** Drugs 0 (A), 1 (B); proteins 2 (P), 3 (Q). A–B interact; A targets P and Q, B targets P. */
function tinyTyped() {
  const graph = {
    numNodes: 4,
    edgeSrc: Int32Array.from([0, 0, 0, 1]),
    edgeDst: Int32Array.from([1, 2, 3, 2]),
    nodeKind: Int32Array.from([0, 0, 1, 1]),
    kinds: ['drug', 'protein'],
    relations: ['drug-drug', 'drug-target'],
  };
  return relationalMessageGraph(graph, [
    { pairs: { a: Int32Array.from([0]), b: Int32Array.from([1]) }, relation: 0 },
    { pairs: { a: Int32Array.from([0, 0, 1]), b: Int32Array.from([2, 3, 2]) }, relation: 1 },
  ]);
}

describe('R-GCN in the stepper, by hand (4 nodes, 3 message relations, 2 bases)', () => {
  it('groups the messages by relation and sums the means and the self term to the output', async () => {
    const messages = tinyTyped();
    expect(messages.relationNames).toEqual(['drug-drug→drug', 'drug-target→drug', 'drug-target→protein']);
    const settings: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, model: 'rgcn', hidden: 2, layers: 1, bases: 2, features: 'learned' };
    const model = new GnnModel(settings, 4, new Rng(3), [], 3);
    model.features.embedding!.assign(
      tf.tensor2d([
        [1, 0],
        [0, 1],
        [2, 1],
        [1, -1],
      ]),
    );
    const layer = model.layers[0] as RgcnLayer;
    // V_0 = identity, V_1 = swap; W_r = a_r0 V_0 + a_r1 V_1.
    layer.bases.assign(
      tf.tensor3d([
        [
          [1, 0],
          [0, 1],
        ],
        [
          [0, 1],
          [1, 0],
        ],
      ]),
    );
    layer.coefficients.assign(
      tf.tensor2d([
        [1, 0],
        [0.5, 1],
        [2, -1],
      ]),
    );
    layer.root.weight.assign(
      tf.tensor2d([
        [1, 2],
        [0, 1],
      ]),
    );
    layer.bias.assign(tf.tensor1d([0.1, -0.2]));
    const ops = new GraphOperators(messages, 'sparse');

    // Drug A: B says h_B · I = [0, 1]; P and Q say h · [[0.5, 1], [1, 0.5]] = [2, 2.5] and [-0.5, 0.5].
    const a = await explainNode(model, ops, 0, everyPair);
    const l = a.layers[0];
    expect(l.aggregator).toBe('relation-mean');
    const r = l.relations!;
    expect(r.numBases).toBe(2);
    expect(r.groups.map((g) => [g.name, g.relation, g.receiverKind])).toEqual([
      ['drug-drug→drug', 'drug-drug', 'drug'],
      ['drug-target→drug', 'drug-target', 'drug'],
    ]);
    expect(r.silent).toEqual(['drug-target→protein']);
    const [dd, dt] = r.groups;
    expect(dd.neighbours.map((n) => n.node)).toEqual([1]);
    close(dd.coefficients, [1, 0]);
    close(dd.neighbours[0].input, [0, 1]);
    close(dd.neighbours[0].message, [0, 1]);
    close(dd.mean, [0, 1]);
    expect(dt.neighbours.map((n) => n.node).sort()).toEqual([2, 3]);
    close(dt.coefficients, [0.5, 1]);
    const byNode = new Map(dt.neighbours.map((n) => [n.node, n.message]));
    close(byNode.get(2)!, [2, 2.5]);
    close(byNode.get(3)!, [-0.5, 0.5]);
    close(dt.mean, [0.75, 1.5]);
    close(r.self, [1.1, 1.8]); // [1, 0] · [[1, 2], [0, 1]] + [0.1, -0.2]
    close(r.sum, [1.85, 4.3]);
    close(l.aggregated, [0.75, 2.5]);
    close(a.output, [1.85, 4.3]); // one layer: no activation after it
    expect(l.neighbours.map((n) => n.node).sort()).toEqual([1, 2, 3]);
    expect(l.aggregationTerms[1]).toEqual({ component: 1, values: [dd.mean[1], dt.mean[1]], result: l.aggregated[1] });

    // Protein P hears only the drugs targeting it, through W_2 = 2 I − swap.
    const p = (await explainNode(model, ops, 2, everyPair)).layers[0].relations!;
    expect(p.groups.map((g) => g.name)).toEqual(['drug-target→protein']);
    expect(p.silent).toEqual(['drug-drug→drug', 'drug-target→drug']);
    close(p.groups[0].mean, [0.5, 0.5]); // ([2, -1] + [-1, 2]) / 2
    close(p.sum, [2.6, 5.3]);
    ops.dispose();
    model.dispose();
  });

  it('splits a message relation name into relation and receiving kind', () => {
    expect(splitRelationName('drug-target→protein')).toEqual({ relation: 'drug-target', receiverKind: 'protein' });
    expect(splitRelationName('drug-drug')).toEqual({ relation: 'drug-drug', receiverKind: '' });
  });
});

/** 12 drugs and 8 proteins with random drug–drug and drug–protein pairs (node 19 left alone). */
function randomTyped(seed: number) {
  const rng = new Rng(seed);
  const seen = new PairSet(20);
  const groups = [0, 1].map(() => ({ a: [] as number[], b: [] as number[] }));
  const add = (g: number, u: number, v: number) => {
    if (u === v || seen.has(u, v)) return;
    seen.add(u, v);
    groups[g].a.push(u);
    groups[g].b.push(v);
  };
  for (let k = 0; k < 20; k++) add(0, rng.int(12), rng.int(12));
  for (let k = 0; k < 20; k++) add(1, rng.int(12), 12 + rng.int(7));
  const graph = {
    numNodes: 20,
    edgeSrc: Int32Array.from([...groups[0].a, ...groups[1].a]),
    edgeDst: Int32Array.from([...groups[0].b, ...groups[1].b]),
    nodeKind: Int32Array.from({ length: 20 }, (_, i) => (i < 12 ? 0 : 1)),
    kinds: ['drug', 'protein'],
    relations: ['drug-drug', 'drug-target'],
  };
  return relationalMessageGraph(
    graph,
    groups.map((g, relation) => ({ pairs: { a: Int32Array.from(g.a), b: Int32Array.from(g.b) }, relation })),
  );
}

describe('R-GCN in the stepper, against the model (random typed graph)', () => {
  for (const mode of ['sparse', 'dense'] as const) {
    it(`2 layers, drugs and proteins: groups match the graph and recombine to the forward output (${mode})`, async () => {
      const messages = randomTyped(7);
      const R = messages.relationNames!.length;
      const model = new GnnModel({ ...DEFAULT_MODEL_SETTINGS, model: 'rgcn', hidden: 6, layers: 2, bases: 2 }, 20, new Rng(11), [], R);
      const ops = new GraphOperators(messages, mode);
      const forward = tf.tidy(() => model.forward(ops).arraySync());
      const before = tf.memory().numTensors;
      for (const v of [0, 5, 13, 19]) {
        const e = await explainNode(model, ops, v, everyPair, { components: [0, 4] });
        for (const l of e.layers) {
          const r = l.relations!;
          expect(r, `node ${v} layer ${l.layer}`).toBeDefined();
          // Each group holds exactly v's in-edges of that relation.
          for (const g of r.groups) {
            const expected = [...messages.src].filter((_, k) => messages.dst[k] === v && messages.relation![k] === g.index).sort();
            expect(g.neighbours.map((n) => n.node).sort()).toEqual(expected);
            close(
              g.mean,
              sumOf(
                g.neighbours.map((n) => n.message),
                6,
              ).map((x) => x / g.neighbours.length),
            );
          }
          expect(r.groups.length + r.silent.length).toBe(R);
          close(sumOf([...r.groups.map((g) => g.mean), r.self], 6), r.sum);
          close(r.sum, l.pre, 1e-4);
        }
        close(e.output, forward[v], 1e-4);
        if (v === 19) expect(e.layers[0].relations!.groups).toHaveLength(0);
      }
      expect(tf.memory().numTensors).toBe(before);
      ops.dispose();
      model.dispose();
    });
  }

  it('untyped graphs and other layers get no relation groups (the stepper looks as before)', async () => {
    const pairs = { a: Int32Array.from([0, 1, 2]), b: Int32Array.from([1, 2, 3]) };
    const untyped = new GraphOperators(messageGraphFromPairs(4, pairs.a, pairs.b), 'sparse');
    const rgcn = new GnnModel({ ...DEFAULT_MODEL_SETTINGS, model: 'rgcn', hidden: 4, layers: 1, bases: 2 }, 4, new Rng(1));
    const plain = (await explainNode(rgcn, untyped, 1, everyPair)).layers[0];
    expect(plain.relations).toBeUndefined();
    expect(plain.aggregator).toBe('mean');
    const typed = new GraphOperators(randomTyped(3), 'sparse');
    const gcn = new GnnModel({ ...DEFAULT_MODEL_SETTINGS, model: 'gcn', hidden: 4, layers: 1 }, 20, new Rng(1));
    expect((await explainNode(gcn, typed, 0, everyPair)).layers[0].relations).toBeUndefined();
    for (const x of [untyped, typed]) x.dispose();
    for (const m of [rgcn, gcn]) m.dispose();
  });
});
