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
 * pass over P × d floats. Here each is one pass. Sums over pairs of the head's gradient run in float64.
 */

/** out (P × d) = h[a_i] ⊙ h[b_i]; h row-major n × d. */
export function pairHadamard(h: Float32Array, d: number, a: Int32Array, b: Int32Array, out: Float32Array): void {
  for (let i = 0; i < a.length; i++) {
    const ao = a[i] * d;
    const bo = b[i] * d;
    const o = i * d;
    for (let j = 0; j < d; j++) out[o + j] = h[ao + j] * h[bo + j];
  }
}

/**
 * dh (n × d, fully written) = the gradient of Σ_i dX_i · (h_{a_i} ⊙ h_{b_i}) with respect to h.
 * Pairs in order, scattering into dh: dX (P × d) is read once, front to back, while dh and h (n × d,
 * a few hundred KB) stay in cache; grouping by row instead (as the dot decoder does) read dX's rows at
 * random, ~5× slower at 41 k pairs.
 */
export function pairHadamardGradient(h: Float32Array, n: number, d: number, a: Int32Array, b: Int32Array, dx: Float32Array, dh: Float32Array): void {
  dh.fill(0, 0, n * d);
  for (let i = 0; i < a.length; i++) {
    const ao = a[i] * d;
    const bo = b[i] * d;
    const o = i * d;
    for (let j = 0; j < d; j++) {
      const g = dx[o + j];
      const ha = h[ao + j];
      dh[ao + j] += g * h[bo + j];
      dh[bo + j] += g * ha;
    }
  }
}

/*
 * Why the ReLU is written (r + |r|) / 2 and its derivative +(r > 0): about half the pre-activations
 * are negative in no pattern a branch predictor learns, and V8 compiles Math.max and `if` to branches
 * (measured at 41 k × 64: 25 ms with Math.max, 6 ms with |r|, which compiles to a bit mask). Both
 * forms are exact: r + |r| is 2r or 0.
 */

/** out_i = b₂ + Σ_k w₂[k] · max(Z_ik + b₁[k], 0); Z row-major P × d. */
export function mlpHead(z: Float32Array, d: number, b1: Float32Array, w2: Float32Array, b2: number, out: Float32Array): void {
  const p = out.length;
  const d4 = d - (d % 4);
  for (let i = 0; i < p; i++) {
    const o = i * d;
    // Four sums: one would chain every addition on the one before it.
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0;
    for (let k = 0; k < d4; k += 4) {
      const r0 = z[o + k] + b1[k];
      const r1 = z[o + k + 1] + b1[k + 1];
      const r2 = z[o + k + 2] + b1[k + 2];
      const r3 = z[o + k + 3] + b1[k + 3];
      s0 += (r0 + Math.abs(r0)) * w2[k];
      s1 += (r1 + Math.abs(r1)) * w2[k + 1];
      s2 += (r2 + Math.abs(r2)) * w2[k + 2];
      s3 += (r3 + Math.abs(r3)) * w2[k + 3];
    }
    for (let k = d4; k < d; k++) {
      const r = z[o + k] + b1[k];
      s0 += (r + Math.abs(r)) * w2[k];
    }
    out[i] = 0.5 * (s0 + s1 + s2 + s3) + b2;
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
      const v = gi * w2[k] * +(r > 0); // tfjs' ReLU derivative is 0 at r = 0 too
      dz[o + k] = v;
      sumB1[k] += v;
      sumW2[k] += gi * 0.5 * (r + Math.abs(r));
    }
  }
  db1.set(sumB1);
  dw2.set(sumW2);
  return sumG;
}
