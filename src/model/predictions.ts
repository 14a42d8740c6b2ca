/**
 * The rows of a predictions file, produced block by block from a trained model (no DOM, no file
 * format: src/export/predictionsCsv.ts writes them). Memory is bounded by the block size whatever
 * the graph, also for "all pairs" of ogbl-ddi (9.1 M pairs): each block is scored, handed over and
 * dropped before the next one is made.
 *
 * - link task: the known interactions (every graph edge, its split part, ranked among the known pairs),
 *   the top K unknown pairs (the candidate scan, ranked), or every pair a < b (no rank: see rankOf below);
 * - type task: every known pair's three most likely interaction types with their probabilities;
 * - node task: every drug's class (ATC main group) probabilities.
 */
import * as tf from './tf';
import { ATC_GROUPS } from './features/attributes';
import type { NodeTrainer } from './tasks/nodeTrainer';
import { typedPairsOf, type TypeTrainer } from './tasks/typeTrainer';
import type { LinkTrainer } from './tasks/linkTrainer';
import type { TrainerBase } from './tasks/trainerBase';
import { splitPartOf, type Pairs } from './split';
import { NO_PART, TYPE_TOP, type PredictionRequest, type PredictionTask, type RowBlock } from './predictionRows';

/** The node task's class names. */
export const NODE_CLASSES: readonly string[] = ATC_GROUPS;

export interface PredictionPlan {
  task: PredictionTask;
  /** Rows the blocks will hold in all. */
  total: number;
  blocks(): AsyncGenerator<RowBlock>;
}

const DEFAULT_BLOCK = 65_536;
/** Pairs per tensor call of a learned decoder (as LinkTrainer.scorePairs). */
const TENSOR_BLOCK = 16_384;

/** Ranks 1..n by score, strongest first; ties keep their input order. */
export function ranksOf(score: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(score.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((x, y) => score[y] - score[x] || x - y);
  const rank = new Uint32Array(score.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r + 1;
  return rank;
}

/**
 * What a predictions file of `trainer` holds for the request, and a generator of its blocks. The
 * embeddings are read once here: the rows are of the model as it is now (pause training first).
 */
export async function planPredictions(trainer: TrainerBase, request: PredictionRequest): Promise<PredictionPlan> {
  const block = Math.max(1, Math.floor(request.block ?? DEFAULT_BLOCK));
  return trainer.byTask<Promise<PredictionPlan>>({
    link: async (t) => {
      const h = await t.embeddings();
      if (request.what === 'known') return knownPlan(t, h, block);
      if (request.what === 'candidates') return candidatePlan(t, h, request.top ?? 100, block);
      if (request.what === 'all') return allPairsPlan(t, h, block);
      throw new Error(`Unknown rows “${String(request.what)}”: known, candidates or all.`);
    },
    heuristic: async (t) => {
      // Its scores are counts and sums, not logits: the files' probability column would mislead.
      throw new Error(`Predictions files are for trained models; ${t.kind} is a heuristic (its candidates are listed on the page and by the CLI).`);
    },
    type: async (t) => {
      knownRowsOnly(t, request, 'known pairs');
      return typePlan(t, await t.embeddings(), block);
    },
    node: async (t) => {
      knownRowsOnly(t, request, 'drugs');
      return nodePlan(t, await t.embeddings(), block);
    },
    multilabel: async () => {
      throw new Error('Predictions files are not written for the multilabel task yet; its per-label test scores are in the metrics (CLI: train --json).');
    },
  });
}

/** Tasks without pair scores have one kind of rows; asking for another fails before any work. */
function knownRowsOnly(trainer: TrainerBase, request: PredictionRequest, rows: string): void {
  if (request.what !== 'known') throw new Error(`The ${trainer.settings.task} task predicts ${rows} only: ask for the known rows.`);
}

function slice<T extends Int32Array | Uint8Array | Float64Array | Uint32Array>(x: T, from: number, to: number): T {
  return x.slice(from, to) as T;
}

function knownPlan(trainer: LinkTrainer, h: Float32Array, block: number): PredictionPlan {
  const { edgeSrc, edgeDst } = trainer.graph;
  const total = edgeSrc.length;
  return {
    task: 'link',
    total,
    async *blocks() {
      const known = await trainer.knownEdgeScores(h);
      const score = Float64Array.from(known.score);
      const part = known.part;
      const rank = ranksOf(score);
      for (let from = 0; from < total; from += block) {
        const to = Math.min(total, from + block);
        yield {
          task: 'link',
          a: slice(edgeSrc, from, to),
          b: slice(edgeDst, from, to),
          known: new Uint8Array(to - from).fill(1),
          part: slice(part, from, to),
          score: slice(score, from, to),
          rank: slice(rank, from, to),
        };
      }
    },
  };
}

async function candidatePlan(trainer: LinkTrainer, h: Float32Array, top: number, block: number): Promise<PredictionPlan> {
  if (!Number.isInteger(top) || top < 1) throw new Error(`How many candidates: a whole number ≥ 1, got ${top}.`);
  // The same scan as the candidate list (TopK over every unknown pair), with any K.
  const list = await trainer.candidates(top, h);
  return {
    task: 'link',
    total: list.length,
    async *blocks() {
      for (let from = 0; from < list.length; from += block) {
        const rows = list.slice(from, Math.min(list.length, from + block));
        yield {
          task: 'link',
          a: Int32Array.from(rows, (c) => c.a),
          b: Int32Array.from(rows, (c) => c.b),
          known: new Uint8Array(rows.length),
          part: new Uint8Array(rows.length).fill(NO_PART),
          score: Float64Array.from(rows, (c) => c.score),
          rank: Uint32Array.from(rows, (_, i) => from + i + 1),
        };
      }
    },
  };
}

/**
 * Every known pair as a sorted list of keys a·n + b (a < b), each packed with its split part
 * (key·4 + part): the upper triangle is walked in the same order, so one pointer finds them.
 */
function knownKeys(trainer: LinkTrainer): Float64Array {
  const { edgeSrc, edgeDst, numNodes: n } = trainer.graph;
  const part = splitPartOf(trainer.split, { a: edgeSrc, b: edgeDst });
  const keys = new Float64Array(edgeSrc.length);
  for (let i = 0; i < keys.length; i++) {
    const u = Math.min(edgeSrc[i], edgeDst[i]);
    const v = Math.max(edgeSrc[i], edgeDst[i]);
    keys[i] = (u * n + v) * 4 + part[i];
  }
  return keys.sort();
}

/**
 * All N(N−1)/2 pairs a < b in order, `block` at a time: the dot decoder straight from the embeddings,
 * a learned one through scorePairs. No rank: a global rank needs every score before the first row
 * (a sort of 9.1 M floats on ogbl-ddi) — sort the file by score, or ask for candidates / known rows.
 */
function allPairsPlan(trainer: LinkTrainer, h: Float32Array, block: number): PredictionPlan {
  const n = trainer.graph.numNodes;
  const d = h.length / Math.max(1, n);
  const total = (n * (n - 1)) / 2;
  return {
    task: 'link',
    total,
    async *blocks() {
      const keys = knownKeys(trainer);
      let k = 0;
      let u = 0;
      let v = 1;
      for (let done = 0; done < total;) {
        const size = Math.min(block, total - done);
        const a = new Int32Array(size);
        const b = new Int32Array(size);
        const known = new Uint8Array(size);
        const part = new Uint8Array(size).fill(NO_PART);
        for (let i = 0; i < size; i++) {
          a[i] = u;
          b[i] = v;
          const key = u * n + v;
          while (k < keys.length && Math.floor(keys[k] / 4) < key) k++;
          if (k < keys.length && Math.floor(keys[k] / 4) === key) {
            known[i] = 1;
            part[i] = keys[k] % 4;
          }
          if (++v === n) {
            u++;
            v = u + 1;
          }
        }
        const score = trainer.decoder.kind === 'dot' ? dotScores(h, d, a, b) : Float64Array.from(await trainer.scorePairs(h, { a, b }, TENSOR_BLOCK));
        done += size;
        yield { task: 'link', a, b, known, part, score, rank: null };
      }
    },
  };
}

/** h_a · h_b summed in float64, as the candidate scan (topUnknownPairs) does, so the file and the list agree to the last digit. */
function dotScores(h: Float32Array, d: number, a: Int32Array, b: Int32Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < out.length; i++) {
    const ao = a[i] * d;
    const bo = b[i] * d;
    let s = 0;
    for (let j = 0; j < d; j++) s += h[ao + j] * h[bo + j];
    out[i] = s;
  }
  return out;
}

/** Row-wise softmax in float64 (the file's probabilities sum to 1 to double precision). */
export function softmaxRows(logits: ArrayLike<number>, cols: number): Float64Array {
  const out = new Float64Array(logits.length);
  for (let r = 0; r < logits.length / cols; r++) {
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, logits[r * cols + c]);
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += out[r * cols + c] = Math.exp(logits[r * cols + c] - max);
    for (let c = 0; c < cols; c++) out[r * cols + c] /= sum;
  }
  return out;
}

async function readLogits(make: () => tf.Tensor): Promise<Float32Array> {
  const t = tf.tidy(make);
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

/** The part (index into SPLIT_PARTS) of each (head, tail) pair in the type task's split, NO_PART when in none. */
function typeParts(trainer: TypeTrainer, pairs: Pairs): Uint8Array {
  const n = trainer.graph.numNodes;
  // Ordered: (a, b) and (b, a) are two pairs of the type task, maybe in different parts.
  const key = (u: number, v: number) => u * n + v;
  const parts = new Map<number, number>();
  const s = trainer.typeSplit;
  [s.train, s.val, s.test].forEach((p, k) => {
    for (let i = 0; i < p.a.length; i++) parts.set(key(p.a[i], p.b[i]), k);
  });
  return Uint8Array.from(pairs.a, (u, i) => parts.get(key(u, pairs.b[i])) ?? NO_PART);
}

function typePlan(trainer: TypeTrainer, h: Float32Array, block: number): PredictionPlan {
  // The type task's own pairs, (head, tail) as listed: a type is predicted for a direction.
  const { a: edgeSrc, b: edgeDst, type: edgeType } = typedPairsOf(trainer.graph);
  const total = edgeSrc.length;
  const types = trainer.numTypes;
  return {
    task: 'type',
    total,
    async *blocks() {
      const parts = typeParts(trainer, { a: edgeSrc, b: edgeDst });
      const ht = tf.tensor2d(h, [trainer.graph.numNodes, h.length / trainer.graph.numNodes]);
      try {
        for (let from = 0; from < total; from += block) {
          const to = Math.min(total, from + block);
          const a = slice(edgeSrc, from, to);
          const b = slice(edgeDst, from, to);
          const prob = new Float64Array((to - from) * types);
          for (let s = 0; s < a.length; s += TENSOR_BLOCK) {
            const e = Math.min(a.length, s + TENSOR_BLOCK);
            const logits = await readLogits(() => trainer.typeHead.logits(ht, { a: a.subarray(s, e), b: b.subarray(s, e) }));
            prob.set(softmaxRows(logits, types), s * types);
          }
          const rows = to - from;
          const top = new Int32Array(rows * TYPE_TOP).fill(-1);
          const probability = new Float64Array(rows * TYPE_TOP);
          for (let r = 0; r < rows; r++) {
            const order = Array.from({ length: types }, (_, t) => t).sort((x, y) => prob[r * types + y] - prob[r * types + x] || x - y);
            for (let j = 0; j < Math.min(TYPE_TOP, types); j++) {
              top[r * TYPE_TOP + j] = order[j];
              probability[r * TYPE_TOP + j] = prob[r * types + order[j]];
            }
          }
          const known = slice(edgeType, from, to);
          yield { task: 'type', a, b, part: slice(parts, from, to), known, top, probability };
        }
      } finally {
        ht.dispose();
      }
    },
  };
}

function nodePlan(trainer: NodeTrainer, h: Float32Array, block: number): PredictionPlan {
  const n = trainer.graph.numNodes;
  const classes = trainer.numClasses;
  return {
    task: 'node',
    total: n,
    async *blocks() {
      const s = trainer.nodeSplit;
      const part = new Uint8Array(n).fill(NO_PART);
      [s.train, s.val, s.test].forEach((idx, k) => idx.forEach((i) => (part[i] = k)));
      const d = h.length / n;
      for (let from = 0; from < n; from += block) {
        const to = Math.min(n, from + block);
        const logits = await readLogits(() => trainer.head.apply(tf.tensor2d(h.subarray(from * d, to * d), [to - from, d])));
        yield {
          task: 'node',
          node: Int32Array.from({ length: to - from }, (_, i) => from + i),
          part: part.slice(from, to),
          label: s.labels.slice(from, to),
          probability: softmaxRows(logits, classes),
          classes,
        };
      }
    },
  };
}
