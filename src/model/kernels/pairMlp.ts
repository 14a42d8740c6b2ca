/**
 * Typed-array loops of the MLP link decoder s(u, v) = w₂ · ReLU(W₁ (h_u ⊙ h_v) + b₁) + b₂ around its
 * one dense product Z = X · W₁, which stays with the backend's matmul (XNNPACK on wasm):
 *
 *   pairHadamard         X_i = h_{a_i} ⊙ h_{b_i}                      (P × d)
 *   pairHadamardGradient dh_u = Σ_{i: a_i = u} dX_i ⊙ h_{b_i} + Σ_{i: b_i = u} dX_i ⊙ h_{a_i}
 *   mlpHead              s_i = b₂ + Σ_k w₂[k] · max(Z_ik + b₁[k], 0)
 *   mlpHeadGradient      dZ_ik = g_i w₂[k] [Z_ik + b₁[k] > 0], db₁ = Σ_i dZ_i, dw₂ = Σ_i g_i ReLU(Z_i + b₁), db₂ = Σ_i g_i
 *
 * Why: as separate tfjs ops (two row gathers, a multiply, bias add, ReLU, a P × d × 1 matmul, and
 * their gradients: step, cast, sums, scatters) these cost more than the matmuls on wasm, each one a
 * pass over P × d floats. Here each is one pass. The gradient of the Hadamard product groups the 2·P
 * directed entries by destination row (the pairs' CSR, shared with the dot decoder), so every row
 * of dh is summed in place and stored once. Sums over pairs run in float64.
 */
import { pairCsr } from './pairDot';

/** out (P × d) = h[a_i] ⊙ h[b_i]; h row-major n × d. */
export function pairHadamard(h: Float32Array, d: number, a: Int32Array, b: Int32Array, out: Float32Array): void {
  for (let i = 0; i < a.length; i++) {
    const ao = a[i] * d;
    const bo = b[i] * d;
    const o = i * d;
    for (let j = 0; j < d; j++) out[o + j] = h[ao + j] * h[bo + j];
  }
}

/** dh (n × d, fully written) = the gradient of Σ_i dX_i · (h_{a_i} ⊙ h_{b_i}) with respect to h. */
export function pairHadamardGradient(
  h: Float32Array,
  n: number,
  d: number,
  a: Int32Array,
  b: Int32Array,
  dx: Float32Array,
  dh: Float32Array,
): void {
  const { rowPtr, colIdx, perm } = pairCsr(n, a, b);
  hadamardGradientRows(rowPtr, colIdx, perm, h, d, dx, dh);
}

/** Row u of dh = Σ over its entries k of dX[perm[k]] ⊙ h[colIdx[k]]. */
export function hadamardGradientRows(
  rowPtr: Int32Array,
  colIdx: Int32Array,
  perm: Int32Array,
  h: Float32Array,
  d: number,
  dx: Float32Array,
  dh: Float32Array,
): void {
  const n = rowPtr.length - 1;
  dh.fill(0, 0, n * d);
  for (let u = 0; u < n; u++) {
    const o = u * d;
    for (let k = rowPtr[u]; k < rowPtr[u + 1]; k++) {
      const go = perm[k] * d;
      const ho = colIdx[k] * d;
      for (let j = 0; j < d; j++) dh[o + j] += dx[go + j] * h[ho + j];
    }
  }
}

/** out_i = b₂ + Σ_k w₂[k] · max(Z_ik + b₁[k], 0); Z row-major P × d. */
export function mlpHead(z: Float32Array, d: number, b1: Float32Array, w2: Float32Array, b2: number, out: Float32Array): void {
  const p = out.length;
  for (let i = 0; i < p; i++) {
    const o = i * d;
    let s = 0;
    for (let k = 0; k < d; k++) {
      const r = z[o + k] + b1[k];
      if (r > 0) s += r * w2[k];
    }
    out[i] = s + b2;
  }
}

/** Fills dz (P × d), db1 (d), dw2 (d) and returns db₂ for the upstream gradient g (P). */
export function mlpHeadGradient(
  z: Float32Array,
  d: number,
  b1: Float32Array,
  w2: Float32Array,
  g: Float32Array,
  dz: Float32Array,
  db1: Float32Array,
  dw2: Float32Array,
): number {
  const p = g.length;
  const sumB1 = new Float64Array(d);
  const sumW2 = new Float64Array(d);
  let sumG = 0;
  for (let i = 0; i < p; i++) {
    const o = i * d;
    const gi = g[i];
    sumG += gi;
    for (let k = 0; k < d; k++) {
      const r = z[o + k] + b1[k];
      if (r > 0) {
        const v = gi * w2[k];
        dz[o + k] = v;
        sumB1[k] += v;
        sumW2[k] += gi * r;
      } else {
        dz[o + k] = 0;
      }
    }
  }
  db1.set(sumB1);
  dw2.set(sumW2);
  return sumG;
}
