/**
 * Training negatives: one fresh uniform pair u ≠ v per training positive each epoch, not a training
 * pair (as PyG's negative_sampling); val/test pairs are not excluded, so their labels cannot leak.
 *
 * Why a counter-based generator: pair i of draw k is a pure function of (key_k, i), with integer
 * arithmetic that JavaScript (Math.imul, >>> 0) and WGSL (u32) compute identically. So the GPU can
 * draw the same negatives itself (kernels/negativeCounts.ts) — no per-epoch sampling on the host and
 * no upload — while cpu/wasm and the GPU still train on the same pairs for the same seed.
 */
import type { PairSet, Pairs } from './split';

/** Retries per pair before a rare collision with a training pair is accepted (very dense graphs). */
export const NEGATIVE_TRIES = 20;
const GOLDEN = 0x9e3779b9;
/**
 * A hash y becomes the node ⌊y·n / 2³²⌋: exact in doubles below 2²¹ nodes, and unlike y mod n (an
 * integer division by a run-time n) it kept 1.07 M draws at ~35 instead of ~90 ms.
 */
const TWO_TO_MINUS_32 = 2 ** -32;

/** A 32-bit integer hash with good avalanche (Wellons' lowbias32); the same in negativeCounts' WGSL. */
export function mix32(v: number): number {
  return mixInt(v | 0) >>> 0;
}

/** mix32 on int32 bit patterns: stays in V8's small integers (uint32 results above 2³¹ are doubles, ~2× slower here). */
function mixInt(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  return x ^ (x >>> 16);
}

/** The key of draw number `draw` (the epoch) in the stream `seed` (both unsigned 32-bit). */
export function drawKey(seed: number, draw: number): number {
  return mix32((seed ^ mix32(draw + GOLDEN)) >>> 0);
}

/** One draw's identity: pairs 0 … count − 1 of the draw with this key. */
export interface NegativeDraw {
  key: number;
  count: number;
}

/**
 * The draw's pairs on the host (cpu/wasm, mini-batches, and the reference for the GPU kernel). Pair i
 * hashes base = mix32(i ^ key); try t takes the nodes ⌊mix32(base + (2t+1)·φ)·n / 2³²⌋ and
 * ⌊mix32(base + (2t+2)·φ)·n / 2³²⌋ (φ = 0x9e3779b9) until they differ and are no training pair; after
 * NEGATIVE_TRIES the last try stands, with v = u + 1 if u = v. One loop reading the bit set directly:
 * through PairSet.has it was slower.
 */
export function drawNegatives(n: number, draw: NegativeDraw, train: PairSet, nodes?: Int32Array, others?: Int32Array): Pairs {
  const { key, count } = draw;
  // With `nodes` (a new-drug split's training drugs) the hash picks among those; n stays the key space.
  // With `others` too (a typed relation's other kind, e.g. proteins), v is picked among those instead.
  const m = nodes ? nodes.length : n;
  const second = others ?? nodes;
  const m2 = second ? second.length : n;
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const words = train.bitWords();
  const bytes = words ? new Uint8Array(words.buffer) : null;
  for (let i = 0; i < count; i++) {
    const base = mixInt(i ^ key);
    let u = 0;
    let v = 0;
    for (let t = 0; t < NEGATIVE_TRIES; t++) {
      u = Math.floor((mixInt((base + Math.imul(2 * t + 1, GOLDEN)) | 0) >>> 0) * m * TWO_TO_MINUS_32);
      v = Math.floor((mixInt((base + Math.imul(2 * t + 2, GOLDEN)) | 0) >>> 0) * m2 * TWO_TO_MINUS_32);
      if (nodes) u = nodes[u];
      if (second) v = second[v];
      if (u === v) continue;
      const k = u < v ? u * n + v : v * n + u;
      if (bytes ? (bytes[k >>> 3] & (1 << (k & 7))) === 0 : !train.has(u, v)) break;
    }
    if (u === v) v = second ? second[(second.indexOf(u) + 1) % m2] : (u + 1) % n;
    a[i] = u < v ? u : v;
    b[i] = u < v ? v : u;
  }
  return { a, b };
}

/** How often each pair occurs, as a row-major n × n matrix with counts at (lo, hi) only. */
export function pairCountMatrix(n: number, p: Pairs): Float32Array {
  const w = new Float32Array(n * n);
  for (let i = 0; i < p.a.length; i++) w[p.a[i] * n + p.b[i]] += 1;
  return w;
}
