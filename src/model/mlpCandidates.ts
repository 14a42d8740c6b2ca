/**
 * The candidate scan for the MLP decoder, s(u, v) = w₂ · ReLU(W₁ᵀ(h_u ⊙ h_v) + b₁) + b₂ (written
 * with W₁ as d × d, input rows), over every unknown pair of the upper triangle, keeping only a
 * running top k (TopK).
 *
 * W₁ᵀ(h_u ⊙ h_v) does not factor per drug, so the scan costs N²/2 · d² multiply-adds whichever way
 * it is written; what can be saved is everything around that product. For a drug u,
 *
 *   (h_v ⊙ h_u) · W₁ = h_v · M_u   with M_u = diag(h_u) W₁   (d × d, d² multiplications),
 *
 * so the pre-activations of u against every later drug are H[u+1:] · M_u: no row h_u ⊙ h_v is ever
 * built. A group of g drugs u₀ … u₀+g−1 shares one product H[u₀+1:] · [M_u₀ | … | M_u₀+g−1] (one
 * matmul on the backend, XNNPACK on wasm); a drug later in the group skips the few rows before it.
 * ReLU, w₂ and the top-k test then run in one pass over the product without writing scores anywhere.
 * Only the units with w₂ > 0 (about half) are in the product: their sum bounds the score from above,
 * which settles almost every pair (see topUnknownPairsMlp). Known pairs are computed and skipped.
 */
import { TopK, type ScanPause, type ScoredPair } from './candidates';
import type { PairSet } from './split';

export interface MlpWeights {
  /** W₁ (d × d, row-major, x · W₁). */
  w1: Float32Array;
  /** b₁ (d). */
  b1: Float32Array;
  /** w₂ (d). */
  w2: Float32Array;
  b2: number;
}

/**
 * Z = H[from:] · M (rows n − from, row-major) for M of `cols` columns (d × cols, row-major). May
 * return a view that stays valid until the next call.
 */
export type GroupProduct = (from: number, m: Float32Array, cols: number) => Float32Array | Promise<Float32Array>;

export async function topUnknownPairsMlp(
  h: Float32Array,
  n: number,
  d: number,
  k: number,
  known: PairSet,
  product: GroupProduct,
  weights: MlpWeights,
  pause?: ScanPause,
  group = 8,
): Promise<ScoredPair[]> {
  if (k <= 0) return [];
  const top = new TopK(k);
  const { w1, b1, w2, b2 } = weights;
  // Units with w₂ > 0 go through the matmul; the others only add ≤ 0 to a score, so the first part
  // is an upper bound, and a pair whose bound cannot enter the top k is done (most pairs, once the
  // heap is full). The rest is summed in JS for the pairs that pass.
  const up = Int32Array.from(Array.from(w2.keys()).filter((c) => w2[c] > 0));
  const down = Int32Array.from(Array.from(w2.keys()).filter((c) => !(w2[c] > 0)));
  const e = up.length;
  const e4 = e - (e % 4);
  const b1Up = Float32Array.from(up, (c) => b1[c]);
  const w2Up = Float32Array.from(up, (c) => w2[c]);
  const m = new Float32Array(d * group * Math.max(1, e));
  /** Drug u against every later drug, its bound at column `at` of the group's product z. */
  const scoreRow = (u: number, at: number, from: number, cols: number, z: Float32Array): void => {
    for (let v = u + 1; v < n; v++) {
      const o = (v - from) * cols + at;
      // Four sums, and (r + |r|) / 2 = ReLU(r) without a branch (see kernels/pairMlp.ts).
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let c = 0; c < e4; c += 4) {
        const r0 = z[o + c] + b1Up[c];
        const r1 = z[o + c + 1] + b1Up[c + 1];
        const r2 = z[o + c + 2] + b1Up[c + 2];
        const r3 = z[o + c + 3] + b1Up[c + 3];
        s0 += (r0 + Math.abs(r0)) * w2Up[c];
        s1 += (r1 + Math.abs(r1)) * w2Up[c + 1];
        s2 += (r2 + Math.abs(r2)) * w2Up[c + 2];
        s3 += (r3 + Math.abs(r3)) * w2Up[c + 3];
      }
      for (let c = e4; c < e; c++) {
        const r = z[o + c] + b1Up[c];
        s0 += (r + Math.abs(r)) * w2Up[c];
      }
      const bound = 0.5 * (s0 + s1 + s2 + s3) + b2;
      if (!top.admits(bound) || known.has(u, v)) continue;
      top.offer(u, v, bound + downPart(h, d, u, v, w1, b1, w2, down));
    }
  };
  for (let u0 = 0; u0 < n - 1; u0 += group) {
    const g = Math.min(group, n - 1 - u0);
    const cols = g * e;
    // M = [diag(h_u₀) W₁⁺ | … ]: row j of block i is h_{u₀+i}[j] · W₁[j, up].
    for (let i = 0; i < g; i++) {
      const uo = (u0 + i) * d;
      for (let j = 0; j < d; j++) {
        const hj = h[uo + j];
        const mo = j * cols + i * e;
        for (let c = 0; c < e; c++) m[mo + c] = hj * w1[j * d + up[c]];
      }
    }
    const from = u0 + 1;
    const z = e > 0 ? await product(from, m.subarray(0, d * cols), cols) : m;
    for (let i = 0; i < g; i++) scoreRow(u0 + i, i * e, from, cols, z);
    if (pause && !(await pause())) return [];
  }
  return top.sorted();
}

/** Σ over the units with w₂ ≤ 0 of w₂ · ReLU(W₁ᵀ(h_u ⊙ h_v) + b₁), for one pair (≤ 0). */
function downPart(h: Float32Array, d: number, u: number, v: number, w1: Float32Array, b1: Float32Array, w2: Float32Array, down: Int32Array): number {
  const uo = u * d;
  const vo = v * d;
  let s = 0;
  for (let q = 0; q < down.length; q++) {
    const c = down[q];
    let r = b1[c];
    for (let j = 0; j < d; j++) r += h[uo + j] * h[vo + j] * w1[j * d + c];
    s += 0.5 * (r + Math.abs(r)) * w2[c];
  }
  return s;
}
