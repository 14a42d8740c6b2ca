/**
 * Link prediction on one relation of a typed graph: only that relation's pairs are split, the others
 * carry messages, negatives join the relation's two kinds, and R-GCN sees a relation per direction.
 */
import { describe, expect, it } from 'vitest';
import * as tf from '../../../src/model/tf';
import type { DrugGraph } from '../../../src/data/graph';
import { drugProteinGraph } from './recipeFixtures';
import { drawKey, drawNegatives } from '../../../src/model/negatives';
import { relationalMessageGraph, relationTask } from '../../../src/model/relations';
import { PairSet } from '../../../src/model/split';
import { createTrainer } from '../../../src/model/tasks';
import type { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';

const typedGraph = (): DrugGraph => drugProteinGraph({ seed: 5, drugs: 40, proteins: 25, drugPairs: 120, targetPairs: 200 });

const settings = (over: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, hidden: 8, epochs: 2, ...over });

describe('relation tasks', () => {
  const g = typedGraph();
  const graph = { ...g, numNodes: g.nodes.length };
  const kindOf = (i: number) => g.kinds![g.nodeKind![i]];
  const relationOf = new Map<string, string>();
  for (let e = 0; e < g.edgeSrc.length; e++) relationOf.set(`${g.edgeSrc[e]},${g.edgeDst[e]}`, g.relations![g.edgeRelation![e]]);

  it('picks the relation, its pairs and its two kinds; context is every other pair', () => {
    const task = relationTask(graph, 'drug-target')!;
    const targets = g.edgeRelation!.filter((r) => g.relations![r] === 'drug-target').length;
    expect(task.target.a.length).toBe(targets);
    expect(task.context.a.length).toBe(g.edgeSrc.length - targets);
    expect([...task.left].every((i) => kindOf(i) === 'drug')).toBe(true);
    expect([...task.right].every((i) => kindOf(i) === 'protein')).toBe(true);
    expect(task.left.length + task.right.length).toBe(65);
    // Default: drug-drug when the graph has it.
    expect(relationTask(graph, '')!.name).toBe('drug-drug');
    expect(() => relationTask(graph, 'drug-disease')).toThrow(/not in this graph; choose one of: drug-drug, drug-target/);
    // Untyped graphs: no task (all pairs), and only drug-drug may be named.
    const plain = { numNodes: 3, edgeSrc: Int32Array.from([0]), edgeDst: Int32Array.from([1]) };
    expect(relationTask(plain, '')).toBeNull();
    expect(() => relationTask(plain, 'drug-target')).toThrow(/no relations/);
  });

  it('gives each direction of a drug–protein pair its own message relation', () => {
    const pairs = { a: Int32Array.from([0, 0]), b: Int32Array.from([1, 2]) };
    const small = {
      numNodes: 3,
      edgeSrc: pairs.a,
      edgeDst: pairs.b,
      nodeKind: Int32Array.from([0, 0, 1]),
      kinds: ['drug', 'protein'],
      relations: ['drug-drug', 'drug-target'],
    };
    const m = relationalMessageGraph(small, [
      { pairs: { a: Int32Array.from([0]), b: Int32Array.from([1]) }, relation: 0 },
      { pairs: { a: Int32Array.from([0]), b: Int32Array.from([2]) }, relation: Int32Array.from([1]) },
    ]);
    expect(m.relationNames).toEqual(['drug-drug→drug', 'drug-target→drug', 'drug-target→protein']);
    const edges = Array.from(m.src, (u, k) => `${u}>${m.dst[k]}:${m.relationNames![m.relation![k]]}`);
    expect(edges).toEqual(['0>1:drug-drug→drug', '1>0:drug-drug→drug', '0>2:drug-target→protein', '2>0:drug-target→drug']);
  });

  it('draws training negatives with one end from each node set', () => {
    const left = Int32Array.from([0, 1, 2, 3]);
    const right = Int32Array.from([10, 11, 12]);
    const p = drawNegatives(13, { key: drawKey(3, 1), count: 200 }, new PairSet(13), left, right);
    for (let i = 0; i < 200; i++) {
      expect(left.includes(p.a[i])).toBe(true);
      expect(right.includes(p.b[i])).toBe(true);
    }
  });

  for (const model of ['rgcn', 'gcn'] as const) {
    it(`${model}: splits only drug-target pairs, negatives drug–protein, other pairs carry messages`, async () => {
      const t = createTrainer(graph, settings({ model, relation: 'drug-target' }), 'cpu') as LinkTrainer;
      const s = t.split;
      for (const part of [s.trainPos, s.valPos, s.testPos]) {
        for (let i = 0; i < part.a.length; i++) expect(relationOf.get(`${part.a[i]},${part.b[i]}`)).toBe('drug-target');
      }
      const targets = t.relation!.target.a.length;
      expect(s.trainPos.a.length + s.valPos.a.length + s.testPos.a.length).toBe(targets);
      for (const neg of [s.valNeg, s.testNeg]) {
        expect(neg.a.length).toBeGreaterThan(0);
        for (let i = 0; i < neg.a.length; i++) {
          expect([kindOf(neg.a[i]), kindOf(neg.b[i])].sort()).toEqual(['drug', 'protein']);
          expect(relationOf.has(`${neg.a[i]},${neg.b[i]}`)).toBe(false);
        }
      }
      // Messages: both directions of the training targets and of every drug–drug pair.
      const messages = t['operators'].graph;
      expect(messages.src.length).toBe(2 * (s.trainPos.a.length + t.relation!.context.a.length));
      expect(messages.relationNames).toEqual(['drug-drug→drug', 'drug-target→drug', 'drug-target→protein']);
      const before = tf.memory().numTensors;
      const first = await t.runEpoch();
      const second = await t.runEpoch();
      expect(Number.isFinite(first.loss) && Number.isFinite(second.valAuroc)).toBe(true);
      t.dispose();
      expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
    });
  }

  it('per-relation GraphSAGE (hetero) with edge dropout: each epoch keeps the context pairs and the three message relations', async () => {
    const t = createTrainer(graph, settings({ model: 'sage', hetero: 'mean', edgeDropout: 0.5, relation: 'drug-target' }), 'cpu') as LinkTrainer;
    const before = tf.memory().numTensors;
    const first = await t.runEpoch();
    const epochGraph = t['epochOperators']!.graph;
    expect(epochGraph.relationNames).toEqual(['drug-drug→drug', 'drug-target→drug', 'drug-target→protein']);
    // Half the training targets kept (seeded), every context pair kept.
    const context = 2 * t.relation!.context.a.length;
    const kept = epochGraph.src.length - context;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(2 * t.split.trainPos.a.length);
    const second = await t.runEpoch();
    expect(Number.isFinite(first.loss) && Number.isFinite(second.valAuroc)).toBe(true);
    t.dispose();
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
  });
});
