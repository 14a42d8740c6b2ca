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
 * matmul on the backend, XNNPACK on wasm, d × g·d right operand); a drug later in the group skips
 * the few rows before it. ReLU, w₂ and the top-k test then run in one pass over the product without
 * writing scores anywhere. Known pairs are computed and skipped (the product is one block).
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
  const m = new Float32Array(d * group * d);
  const d4 = d - (d % 4);
  for (let u0 = 0; u0 < n - 1; u0 += group) {
    const g = Math.min(group, n - 1 - u0);
    const cols = g * d;
    // M = [diag(h_u₀) W₁ | … ]: row j of block i is h_{u₀+i}[j] · W₁[j, :].
    for (let i = 0; i < g; i++) {
      const uo = (u0 + i) * d;
      for (let j = 0; j < d; j++) {
        const hj = h[uo + j];
        const mo = j * cols + i * d;
        for (let c = 0; c < d; c++) m[mo + c] = hj * w1[j * d + c];
      }
    }
    const from = u0 + 1;
    const z = await product(from, m.subarray(0, d * cols), cols);
    for (let i = 0; i < g; i++) {
      const u = u0 + i;
      for (let v = u + 1; v < n; v++) {
        const o = (v - from) * cols + i * d;
        // Four sums, and (r + |r|) / 2 = ReLU(r) without a branch (see kernels/pairMlp.ts).
        let s0 = 0,
          s1 = 0,
          s2 = 0,
          s3 = 0;
        for (let c = 0; c < d4; c += 4) {
          const r0 = z[o + c] + b1[c];
          const r1 = z[o + c + 1] + b1[c + 1];
          const r2 = z[o + c + 2] + b1[c + 2];
          const r3 = z[o + c + 3] + b1[c + 3];
          s0 += (r0 + Math.abs(r0)) * w2[c];
          s1 += (r1 + Math.abs(r1)) * w2[c + 1];
          s2 += (r2 + Math.abs(r2)) * w2[c + 2];
          s3 += (r3 + Math.abs(r3)) * w2[c + 3];
        }
        for (let c = d4; c < d; c++) {
          const r = z[o + c] + b1[c];
          s0 += (r + Math.abs(r)) * w2[c];
        }
        const s = 0.5 * (s0 + s1 + s2 + s3) + b2;
        if (top.admits(s) && !known.has(u, v)) top.offer(u, v, s);
      }
    }
    if (pause && !(await pause())) return [];
  }
  return top.sorted();
}
