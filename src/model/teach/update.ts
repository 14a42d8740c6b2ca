/**
 * Spells out UPDATE for one node as Linear maps, when that is what the layer does. The layer's
 * Linear-like properties (a `weight` [in, out] and a `bias` [out] tensor) are found by duck typing;
 * each way of applying them that we can explain (to m_v, to h_v, to their concatenation, or one to
 * each, summed) is recomputed and kept only if it reproduces the traced pre-activation. A layer
 * that does something else (an MLP, a gate) gets `null` and the view shows the traced vectors only.
 */
import * as tf from '../tf';
import type { MessagePassingLayer } from '../messagePassing';
import { closeVectors } from './aggregation';
import type { LinearPartTerms, UpdateComponent, UpdateExplanation, UpdatePart } from './types';

interface LinearArrays {
  name: string;
  w: Float32Array;
  inDim: number;
  outDim: number;
  /** Zeros when the Linear has no bias. */
  b: Float32Array;
  /** The identity "Linear" standing for a bare `+ b`. */
  identity?: boolean;
}

async function linearsOf(layer: MessagePassingLayer): Promise<LinearArrays[]> {
  const found: LinearArrays[] = [];
  for (const [name, value] of Object.entries(layer as object)) {
    const lin = value as { weight?: unknown; bias?: unknown };
    if (!lin || typeof lin !== 'object' || !(lin.weight instanceof tf.Tensor) || lin.weight.rank !== 2) continue;
    const outDim = lin.weight.shape[1];
    const bias = lin.bias instanceof tf.Tensor && lin.bias.rank === 1 && lin.bias.shape[0] === outDim ? lin.bias : null;
    if (lin.bias !== null && !bias) continue;
    found.push({
      name,
      w: (await lin.weight.data()) as Float32Array,
      inDim: lin.weight.shape[0],
      outDim,
      b: bias ? ((await bias.data()) as Float32Array) : new Float32Array(outDim),
    });
  }
  // A bare bias vector on the layer (Kipf GCN, GAT: W is applied in MESSAGE, UPDATE adds b).
  const bias = (layer as unknown as { bias?: unknown }).bias;
  if (bias instanceof tf.Tensor && bias.rank === 1) {
    const n = bias.shape[0];
    const eye = new Float32Array(n * n);
    for (let i = 0; i < n; i++) eye[i * n + i] = 1;
    found.push({ name: 'bias', w: eye, inDim: n, outDim: n, b: (await bias.data()) as Float32Array, identity: true });
  }
  return found;
}

/** x · W + b (W stored [in, out] row-major, as Linear). */
function applyLinear(lin: LinearArrays, x: number[], withBias: boolean): number[] {
  const y = new Array<number>(lin.outDim).fill(0);
  for (let k = 0; k < lin.inDim; k++) {
    const xk = x[k];
    if (xk === 0) continue;
    const o = k * lin.outDim;
    for (let j = 0; j < lin.outDim; j++) y[j] += xk * lin.w[o + j];
  }
  if (withBias) for (let j = 0; j < lin.outDim; j++) y[j] += lin.b[j];
  return y;
}

type Input = UpdatePart['input'];

const INPUT_LATEX: Record<Input, string> = {
  aggregated: 'm_v^{(l)}',
  self: 'h_v^{(l-1)}',
  'self+aggregated': '(h_v^{(l-1)} + m_v^{(l)})',
  'self‖aggregated': '[h_v^{(l-1)} \\,\\|\\, m_v^{(l)}]',
  'aggregated‖self': '[m_v^{(l)} \\,\\|\\, h_v^{(l-1)}]',
};

interface Candidate {
  parts: { lin: LinearArrays; input: Input }[];
}

function candidates(linears: LinearArrays[], dSelf: number, dAgg: number): Candidate[] {
  const out: Candidate[] = [];
  for (const lin of linears) {
    if (lin.inDim === dAgg) out.push({ parts: [{ lin, input: 'aggregated' }] });
    if (lin.inDim === dSelf && !lin.identity) out.push({ parts: [{ lin, input: 'self' }] });
    if (lin.inDim === dSelf && dSelf === dAgg && !lin.identity) out.push({ parts: [{ lin, input: 'self+aggregated' }] });
    if (lin.inDim === dSelf + dAgg && !lin.identity) out.push({ parts: [{ lin, input: 'self‖aggregated' }] }, { parts: [{ lin, input: 'aggregated‖self' }] });
  }
  for (const s of linears)
    for (const m of linears) {
      // m may be a bare bias (identity): W h_v + (m_v + b), R-GCN's update.
      if (s !== m && !s.identity && s.inDim === dSelf && m.inDim === dAgg)
        out.push({
          parts: [
            { lin: s, input: 'self' },
            { lin: m, input: 'aggregated' },
          ],
        });
    }
  return out;
}

function inputVector(input: Input, self: number[], agg: number[]): number[] {
  switch (input) {
    case 'aggregated':
      return agg;
    case 'self':
      return self;
    case 'self+aggregated':
      return self.map((x, k) => x + agg[k]);
    case 'self‖aggregated':
      return [...self, ...agg];
    case 'aggregated‖self':
      return [...agg, ...self];
  }
}

function termsFor(lin: LinearArrays, x: number[], j: number, part: number, top: number): LinearPartTerms {
  // Zero terms (a ReLU-silenced input, the identity's off-diagonal) add nothing worth showing.
  const all = x.map((xk, k) => ({ k, x: xk, w: lin.w[k * lin.outDim + j], product: xk * lin.w[k * lin.outDim + j] })).filter((t) => t.product !== 0);
  all.sort((p, q) => Math.abs(q.product) - Math.abs(p.product));
  const terms = all.slice(0, top);
  const rest = all.slice(top);
  return { part, terms, restSum: rest.reduce((s, t) => s + t.product, 0), restCount: rest.length };
}

export async function explainUpdate(
  layer: MessagePassingLayer,
  layerNumber: number,
  self: number[],
  aggregated: number[],
  pre: number[],
  post: number[],
  components: number[],
  topTerms = 3,
): Promise<UpdateExplanation | null> {
  const linears = await linearsOf(layer);
  for (const cand of candidates(linears, self.length, aggregated.length)) {
    const outDim = cand.parts[0].lin.outDim;
    if (outDim !== pre.length || cand.parts.some((p) => p.lin.outDim !== outDim)) continue;
    const sum = new Array<number>(outDim).fill(0);
    for (const p of cand.parts) applyLinear(p.lin, inputVector(p.input, self, aggregated), true).forEach((y, j) => (sum[j] += y));
    if (!closeVectors(sum, pre)) continue;
    const many = cand.parts.length > 1;
    const parts: UpdatePart[] = cand.parts.map((p) => {
      const sub = many ? `_{\\mathrm{${p.input === 'self' ? 'self' : 'neigh'}}}` : '';
      const x = INPUT_LATEX[p.input].replaceAll('(l)', `(${layerNumber})`).replaceAll('(l-1)', `(${layerNumber - 1})`);
      const b = p.lin.b.some((y) => y !== 0) || !many ? ` + b${sub}^{(${layerNumber})}` : '';
      return {
        name: p.lin.name,
        input: p.input,
        identity: !!p.lin.identity,
        latex: p.lin.identity ? `${x} + b^{(${layerNumber})}` : `W${sub}^{(${layerNumber})} ${x}${b}`,
      };
    });
    const comps: UpdateComponent[] = components.map((j) => ({
      component: j,
      parts: cand.parts.map((p, i) => termsFor(p.lin, inputVector(p.input, self, aggregated), j, i, topTerms)),
      bias: cand.parts.reduce((s, p) => s + p.lin.b[j], 0),
      pre: pre[j],
      post: post[j],
    }));
    return { parts, components: comps };
  }
  return null;
}
