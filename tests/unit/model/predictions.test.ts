/**
 * The rows of a predictions file against independent computations on a tiny graph: dot-decoder logits
 * by hand from the embeddings, ranks by a plain sort, the split parts from the split's own lists, the
 * candidates by brute force; blocks of any size concatenate to the same rows; no tensor leaks.
 */
import * as tf from '../../../src/model/tf';
import { describe, expect, it } from 'vitest';
import { planPredictions } from '../../../src/model/predictions';
import { type LinkRows, type NodeRows, type RowBlock, type TypeRows, NO_PART } from '../../../src/model/predictionRows';
import { streamPredictionFile } from '../../../src/model/predictionFile';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { NodeTrainer } from '../../../src/model/tasks/nodeTrainer';
import { TypeTrainer } from '../../../src/model/tasks/typeTrainer';
import { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import type { TrainerBase } from '../../../src/model/tasks/trainerBase';
import { communities } from '../../helpers/graphs';

const graph = communities(24, 5);
const N = graph.numNodes;
const settings = (over: Partial<ModelSettings> = {}): ModelSettings => ({
  ...DEFAULT_MODEL_SETTINGS,
  model: 'gcn',
  hidden: 8,
  seed: 3,
  epochs: 3,
  patience: 0,
  ...over,
});

async function trained<T extends TrainerBase>(t: T, epochs = 3): Promise<T> {
  for (let i = 0; i < epochs; i++) await t.runEpoch();
  return t;
}

async function collect(trainer: TrainerBase, what: 'known' | 'candidates' | 'all', block?: number, top?: number): Promise<RowBlock[]> {
  const plan = await planPredictions(trainer, { what, block, top });
  const out: RowBlock[] = [];
  for await (const b of plan.blocks()) out.push(b);
  return out;
}

/** Concatenates link blocks into plain arrays. */
function flat(blocks: RowBlock[]) {
  const rows = blocks as LinkRows[];
  const cat = <K extends 'a' | 'b' | 'known' | 'part' | 'score'>(k: K) => rows.flatMap((r) => Array.from(r[k] as ArrayLike<number>));
  return {
    a: cat('a'),
    b: cat('b'),
    known: cat('known'),
    part: cat('part'),
    score: cat('score'),
    rank: rows.flatMap((r) => (r.rank ? Array.from(r.rank) : [])),
  };
}

const key = (u: number, v: number) => Math.min(u, v) * N + Math.max(u, v);

/** h_a · h_b in float64 from the embeddings (the scans sum on the host in float64; known-pair logits are stored as float32). */
const handDot = (h: Float32Array, d: number, a: number, b: number) => {
  let s = 0;
  for (let j = 0; j < d; j++) s += h[a * d + j] * h[b * d + j];
  return s;
};

/** Part (0 train, 1 val, 2 test) of each known pair, straight from the split's lists. */
function partsBySplit(t: LinkTrainer): Map<number, number> {
  const m = new Map<number, number>();
  [t.split.trainPos, t.split.valPos, t.split.testPos].forEach((p, k) => p.a.forEach((u, i) => m.set(key(u, p.b[i]), k)));
  return m;
}

describe('link predictions (dot decoder)', () => {
  it('all pairs: every a < b once, in order, logits = h_a · h_b by hand, known flags and split parts; blocks of any size give the same rows', async () => {
    const t = await trained(new LinkTrainer(graph, settings({ decoder: 'dot' }), 'cpu'));
    const h = await t.embeddings();
    const d = h.length / N;
    const whole = flat(await collect(t, 'all', 1_000_000));
    const small = flat(await collect(t, 'all', 7));
    expect(small).toEqual(whole);
    expect(whole.a.length).toBe((N * (N - 1)) / 2);
    expect(whole.rank).toEqual([]); // no global rank over all pairs
    const edges = new Set(Array.from(graph.edgeSrc, (u, i) => key(u, graph.edgeDst[i])));
    const parts = partsBySplit(t);
    let i = 0;
    for (let a = 0; a < N; a++) {
      for (let b = a + 1; b < N; b++, i++) {
        expect([whole.a[i], whole.b[i]]).toEqual([a, b]);
        expect(whole.score[i]).toBe(handDot(h, d, a, b));
        expect(whole.known[i]).toBe(edges.has(key(a, b)) ? 1 : 0);
        expect(whole.part[i]).toBe(edges.has(key(a, b)) ? parts.get(key(a, b)) : NO_PART);
      }
    }
    t.dispose();
  });

  it('known pairs: graph edge order, hand logits, rank 1 = highest logit', async () => {
    const t = await trained(new LinkTrainer(graph, settings({ decoder: 'dot' }), 'cpu'));
    const h = await t.embeddings();
    const d = h.length / N;
    const rows = flat(await collect(t, 'known', 5));
    expect(rows.a).toEqual(Array.from(graph.edgeSrc));
    expect(rows.b).toEqual(Array.from(graph.edgeDst));
    expect(rows.known.every((k) => k === 1)).toBe(true);
    const hand = rows.a.map((a, i) => Math.fround(handDot(h, d, a, rows.b[i])));
    expect(rows.score).toEqual(hand);
    const byScore = hand.map((s, i) => ({ s, i })).sort((x, y) => y.s - x.s);
    expect(rows.rank[byScore[0].i]).toBe(1);
    expect(rows.rank[byScore.at(-1)!.i]).toBe(hand.length);
    expect([...rows.rank].sort((x, y) => x - y)).toEqual(hand.map((_, i) => i + 1));
    for (let i = 1; i < byScore.length; i++) if (byScore[i].s < byScore[i - 1].s) expect(rows.rank[byScore[i].i]).toBeGreaterThan(rows.rank[byScore[i - 1].i]);
    const parts = partsBySplit(t);
    rows.part.forEach((p, i) => expect(p).toBe(parts.get(key(rows.a[i], rows.b[i]))));
    t.dispose();
  });

  it('top K candidates: the K highest hand logits among pairs that are not known, ranked 1..K, for K past the list’s 100', async () => {
    const t = await trained(new LinkTrainer(graph, settings({ decoder: 'dot' }), 'cpu'));
    const h = await t.embeddings();
    const d = h.length / N;
    const known = new Set(Array.from(graph.edgeSrc, (u, i) => key(u, graph.edgeDst[i])));
    const brute: { a: number; b: number; s: number }[] = [];
    for (let a = 0; a < N; a++) for (let b = a + 1; b < N; b++) if (!known.has(key(a, b))) brute.push({ a, b, s: handDot(h, d, a, b) });
    brute.sort((x, y) => y.s - x.s);
    const K = 150;
    const rows = flat(await collect(t, 'candidates', 40, K));
    expect(rows.a.length).toBe(K);
    expect(rows.rank).toEqual(Array.from({ length: K }, (_, i) => i + 1));
    expect(rows.score).toEqual(brute.slice(0, K).map((p) => p.s));
    expect(rows.a).toEqual(brute.slice(0, K).map((p) => p.a));
    expect(rows.known.every((k) => k === 0)).toBe(true);
    expect(rows.part.every((p) => p === NO_PART)).toBe(true);
    // More than there are unknown pairs: all of them.
    expect(flat(await collect(t, 'candidates', undefined, 10_000)).a.length).toBe(brute.length);
    await expect(planPredictions(t, { what: 'candidates', top: 0 })).rejects.toThrow(/whole number/);
    t.dispose();
  });
});

describe('learned decoders, other tasks', () => {
  it('MLP decoder: all pairs in blocks = scorePairs over every pair at once; no tensor left behind', async () => {
    const t = await trained(new LinkTrainer(graph, settings({ decoder: 'mlp' }), 'cpu'), 2);
    const h = await t.embeddings();
    const before = tf.memory().numTensors;
    const rows = flat(await collect(t, 'all', 50));
    expect(tf.memory().numTensors).toBe(before);
    const ref = await t.scorePairs(h, { a: Int32Array.from(rows.a), b: Int32Array.from(rows.b) });
    rows.score.forEach((s, i) => expect(s).toBeCloseTo(ref[i], 5));
    t.dispose();
  });

  it('type task: per known pair, three types by falling softmax probability; the first is the model’s prediction', async () => {
    const t = await trained(new TypeTrainer(graph, settings({ task: 'type' }), 'cpu'));
    const h = await t.embeddings();
    const before = tf.memory().numTensors;
    const blocks = (await collect(t, 'known', 9)) as TypeRows[];
    expect(tf.memory().numTensors).toBe(before);
    const top = blocks.flatMap((b) => Array.from(b.top));
    const prob = blocks.flatMap((b) => Array.from(b.probability));
    const pred = await t.predict(h, { a: graph.edgeSrc, b: graph.edgeDst });
    expect(top.length).toBe(graph.edgeSrc.length * 3);
    for (let i = 0; i < graph.edgeSrc.length; i++) {
      expect(top[i * 3]).toBe(pred[i]);
      expect(new Set(top.slice(i * 3, i * 3 + 3)).size).toBe(3); // three types: all of them, each once
      expect(prob[i * 3] + prob[i * 3 + 1] + prob[i * 3 + 2]).toBeCloseTo(1, 10);
      expect(prob[i * 3]).toBeGreaterThanOrEqual(prob[i * 3 + 1]);
      expect(prob[i * 3 + 1]).toBeGreaterThanOrEqual(prob[i * 3 + 2]);
    }
    expect(blocks.flatMap((b) => Array.from(b.known))).toEqual(Array.from(graph.edgeType!));
    // Every typed pair is in the type split: train, val or test.
    expect(blocks.flatMap((b) => Array.from(b.part)).every((p) => p <= 2)).toBe(true);
    await expect(planPredictions(t, { what: 'all' })).rejects.toThrow(/known rows/);
    t.dispose();
  });

  it('node task: every drug’s class probabilities (sum 1), argmax = the model’s prediction, labels and split parts', async () => {
    const g = communities(24, 5, { missingAtcEvery: 5 });
    const t = await trained(new NodeTrainer(g, settings({ task: 'node' }), 'cpu'));
    const h = await t.embeddings();
    const before = tf.memory().numTensors;
    const blocks = (await collect(t, 'known', 10)) as NodeRows[];
    expect(tf.memory().numTensors).toBe(before);
    const pred = await t.predict(h);
    const c = t.numClasses;
    const nodes = blocks.flatMap((b) => Array.from(b.node));
    expect(nodes).toEqual(Array.from({ length: N }, (_, i) => i));
    const prob = blocks.flatMap((b) => Array.from(b.probability));
    for (let v = 0; v < N; v++) {
      const row = prob.slice(v * c, (v + 1) * c);
      expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
      expect(row.indexOf(Math.max(...row))).toBe(pred[v]);
    }
    const label = blocks.flatMap((b) => Array.from(b.label));
    expect(label).toEqual(Array.from(t.nodeSplit.labels));
    const part = blocks.flatMap((b) => Array.from(b.part));
    label.forEach((l, v) => expect(part[v] === NO_PART).toBe(l < 0));
    t.nodeSplit.test.forEach((v) => expect(part[v]).toBe(2));
    t.dispose();
  });
});

describe('streamed file', () => {
  it('header once, every row once, and a sink that says stop ends the stream after that chunk', async () => {
    const t = await trained(new LinkTrainer(graph, settings({ decoder: 'mlp' }), 'cpu'), 1);
    const nodes = graph.nodes!;
    const chunks: string[] = [];
    const full = await streamPredictionFile(t, nodes, { what: 'all', format: 'csv', block: 40 }, (bytes) => void chunks.push(new TextDecoder().decode(bytes)));
    const text = chunks.join('');
    expect(text.split('\n').filter(Boolean)).toHaveLength(1 + (N * (N - 1)) / 2);
    expect(text.startsWith('drug_a_id,drug_a_name,drug_b_id,drug_b_name,known,split,score,probability,rank\n')).toBe(true);
    expect(full).toMatchObject({ rows: (N * (N - 1)) / 2, total: (N * (N - 1)) / 2, bytes: new TextEncoder().encode(text).length, cancelled: false });
    const before = tf.memory().numTensors;
    let calls = 0;
    const cut = await streamPredictionFile(t, nodes, { what: 'all', format: 'csv', block: 40 }, () => ++calls < 2);
    expect(calls).toBe(2);
    expect(cut).toMatchObject({ rows: 80, cancelled: true });
    let stop = false;
    const stopped = await streamPredictionFile(
      t,
      nodes,
      { what: 'all', format: 'csv', block: 40 },
      () => void (stop = true),
      () => stop,
    );
    expect(stopped).toMatchObject({ rows: 40, cancelled: true });
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });
});
