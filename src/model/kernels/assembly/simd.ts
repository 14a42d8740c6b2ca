// AssemblyScript (compiled by scripts/build-simd-kernels.mjs into ../simdKernelsBinary.ts), not TypeScript.
//
// Dense products and the MLP link decoder in WebAssembly SIMD, working in place on the tfjs wasm
// backend's own memory (the module imports it), so no tensor is copied in or out.
//
//   gemm            C (M × N) = A · B, or C += A · B; A row-major or stored transposed (K × M)
//   pairMlpForward  X_i = h_{a_i} ⊙ h_{b_i};  Z = X · W₁;  s_i = w₂ · ReLU(Z_i + b₁) + b₂
//   pairMlpBackward dZ = g ⊙ w₂ ⊙ [Z + b₁ > 0];  dW₁ = Xᵀ dZ;  dX = dZ W₁ᵀ;  dh from dX;  db₁, dw₂, db₂
//   pairMlpBceStep  both under binary cross-entropy in one pass per block (g from the scores, Z kept in scratch)
//
// Why: tfjs-backend-wasm's XNNPACK reached 7–8.5 G multiply-adds/s on this project's shapes
// (tall × 64 × 64); a 4 × 8 register tile reaches ~14 G with plain SIMD and ~24 G where relaxed SIMD
// gives a fused multiply-add (the build compiles both; the loader picks what the engine validates).
// The pair decoder then makes one pass over blocks of 64 pairs that stay in cache, instead of a
// gather, a product, a head and their gradients each going through memory.
//
// All pointers are byte offsets into the imported memory; float32 unless named otherwise.

const BLOCK_K: i32 = 256; // rows of B kept hot while the tiles sweep it
const BLOCK_N: i32 = 128; // columns of B and C per sweep
const PAIR_BLOCK: i32 = 64; // pairs per block in the decoder

@inline function fma(x: v128, y: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(x, y, acc);
  return f32x4.add(f32x4.mul(x, y), acc);
}

@inline function start(c: usize, accumulate: bool): v128 {
  return accumulate ? v128.load(c) : f32x4.splat(0);
}

// Four rows of A (byte strides rs between rows, qs between q's) times eight columns of B (row stride bs).
@inline function tile4x8(ap: usize, rs: usize, qs: usize, bp: usize, bs: usize, cp: usize, cs: usize, kc: i32, acc: bool): void {
  let c00 = start(cp, acc), c01 = start(cp + 16, acc);
  let c10 = start(cp + cs, acc), c11 = start(cp + cs + 16, acc);
  let c20 = start(cp + 2 * cs, acc), c21 = start(cp + 2 * cs + 16, acc);
  let c30 = start(cp + 3 * cs, acc), c31 = start(cp + 3 * cs + 16, acc);
  for (let q = 0; q < kc; q++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    const x0 = v128.load32_splat(ap);
    const x1 = v128.load32_splat(ap + rs);
    const x2 = v128.load32_splat(ap + 2 * rs);
    const x3 = v128.load32_splat(ap + 3 * rs);
    c00 = fma(x0, b0, c00);
    c01 = fma(x0, b1, c01);
    c10 = fma(x1, b0, c10);
    c11 = fma(x1, b1, c11);
    c20 = fma(x2, b0, c20);
    c21 = fma(x2, b1, c21);
    c30 = fma(x3, b0, c30);
    c31 = fma(x3, b1, c31);
    ap += qs;
    bp += bs;
  }
  v128.store(cp, c00);
  v128.store(cp, c01, 16);
  v128.store(cp + cs, c10);
  v128.store(cp + cs, c11, 16);
  v128.store(cp + 2 * cs, c20);
  v128.store(cp + 2 * cs, c21, 16);
  v128.store(cp + 3 * cs, c30);
  v128.store(cp + 3 * cs, c31, 16);
}

// One row of A times four columns of B: the edges of C that the 4 × 8 tiles do not cover.
@inline function tile1x4(ap: usize, qs: usize, bp: usize, bs: usize, cp: usize, kc: i32, acc: bool): void {
  let c0 = start(cp, acc);
  for (let q = 0; q < kc; q++) {
    c0 = fma(v128.load32_splat(ap), v128.load(bp), c0);
    ap += qs;
    bp += bs;
  }
  v128.store(cp, c0);
}

/**
 * C (M × N) = A · B (accumulate: C += A · B). A's element (i, q) is at a + 4 (i·ars + q·aqs): row-major
 * M × K is ars = K, aqs = 1; stored transposed (K × M) is ars = 1, aqs = M. B row-major K × N, C
 * row-major M × N; N a multiple of 4.
 */
export function gemm(a: usize, ars: i32, aqs: i32, b: usize, c: usize, m: i32, k: i32, n: i32, accumulate: bool): void {
  const rs = <usize>ars << 2;
  const qs = <usize>aqs << 2;
  const bs = <usize>n << 2;
  const cs = <usize>n << 2;
  for (let q0 = 0; q0 < k; q0 += BLOCK_K) {
    const kc = min(BLOCK_K, k - q0);
    const acc = accumulate || q0 > 0;
    const aq = a + <usize>q0 * qs;
    const bq = b + <usize>q0 * bs;
    for (let j0 = 0; j0 < n; j0 += BLOCK_N) {
      const j1 = min(n, j0 + BLOCK_N);
      let i = 0;
      for (; i + 4 <= m; i += 4) {
        const ap = aq + <usize>i * rs;
        const cp = c + <usize>i * cs;
        let j = j0;
        for (; j + 8 <= j1; j += 8) tile4x8(ap, rs, qs, bq + (<usize>j << 2), bs, cp + (<usize>j << 2), cs, kc, acc);
        for (; j < j1; j += 4) {
          for (let r = 0; r < 4; r++) tile1x4(ap + <usize>r * rs, qs, bq + (<usize>j << 2), bs, cp + <usize>r * cs + (<usize>j << 2), kc, acc);
        }
      }
      for (; i < m; i++) {
        for (let j = j0; j < j1; j += 4) tile1x4(aq + <usize>i * rs, qs, bq + (<usize>j << 2), bs, c + <usize>i * cs + (<usize>j << 2), kc, acc);
      }
    }
  }
}

// X rows (r × d) = h_{a_i} ⊙ h_{b_i} for the block's pairs; d a multiple of 4.
@inline function hadamardRows(h: usize, d: i32, a: usize, b: usize, r: i32, x: usize): void {
  const rowBytes = <usize>d << 2;
  for (let i = 0; i < r; i++) {
    const ha = h + <usize>load<i32>(a + (<usize>i << 2)) * rowBytes;
    const hb = h + <usize>load<i32>(b + (<usize>i << 2)) * rowBytes;
    const xi = x + <usize>i * rowBytes;
    for (let k: usize = 0; k < rowBytes; k += 16) v128.store(xi + k, f32x4.mul(v128.load(ha + k), v128.load(hb + k)));
  }
}

@inline function sumLanes(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

// s_i = w₂ · ReLU(Z_i + b₁) + b₂ for r rows of Z (r × m).
@inline function head(z: usize, r: i32, m: i32, b1: usize, w2: usize, b2: f32, s: usize): void {
  const rowM = <usize>m << 2;
  for (let i = 0; i < r; i++) {
    const zi = z + <usize>i * rowM;
    let acc = f32x4.splat(0);
    for (let k: usize = 0; k < rowM; k += 16) {
      const pre = f32x4.add(v128.load(zi + k), v128.load(b1 + k));
      acc = fma(f32x4.max(pre, f32x4.splat(0)), v128.load(w2 + k), acc);
    }
    store<f32>(s + (<usize>i << 2), sumLanes(acc) + b2);
  }
}

/**
 * s (P) for the pairs (a, b: P int32 each), h n × d, W₁ d × m, b₁ and w₂ m. Z = X · W₁ (P × m, before
 * the bias) is written to zOut for the backward pass, or only to scratch when zOut is 0. scratch holds
 * PAIR_BLOCK × (d + m) floats. d and m multiples of 4.
 */
export function pairMlpForward(h: usize, d: i32, a: usize, b: usize, p: i32, w1: usize, m: i32, b1: usize, w2: usize, b2: f32, s: usize, zOut: usize, scratch: usize): void {
  const x = scratch;
  const zScratch = scratch + (<usize>(PAIR_BLOCK * d) << 2);
  const zRow = <usize>m << 2;
  for (let i0 = 0; i0 < p; i0 += PAIR_BLOCK) {
    const r = min(PAIR_BLOCK, p - i0);
    hadamardRows(h, d, a + (<usize>i0 << 2), b + (<usize>i0 << 2), r, x);
    const z = zOut ? zOut + <usize>i0 * zRow : zScratch;
    gemm(x, d, 1, w1, z, r, d, m, false);
    head(z, r, m, b1, w2, b2, s + (<usize>i0 << 2));
  }
}

// The decoder's gradient scratch: X, dZ and dX blocks, W₁ᵀ (m × d), then float64 sums (db₁, dw₂, db₂).
@inline function gradSums(scratch: usize, d: i32, m: i32): usize {
  const w1t = scratch + <usize>PAIR_BLOCK * (<usize>(2 * d + m) << 2);
  return (w1t + (<usize>(m * d) << 2) + 7) & ~(<usize>7);
}

// Zeroes dh and the sums (unless accumulating) and writes W₁ᵀ into the scratch.
@inline function gradStart(n: i32, d: i32, m: i32, w1: usize, dh: usize, scratch: usize, accumulate: bool): void {
  const w1t = scratch + <usize>PAIR_BLOCK * (<usize>(2 * d + m) << 2);
  if (!accumulate) {
    memory.fill(dh, 0, <usize>(n * d) << 2);
    memory.fill(gradSums(scratch, d, m), 0, <usize>(2 * m + 1) << 3);
  }
  for (let j = 0; j < m; j++) {
    for (let k = 0; k < d; k++) store<f32>(w1t + ((<usize>(j * d + k)) << 2), load<f32>(w1 + ((<usize>(k * m + j)) << 2)));
  }
}

// Writes db₁, dw₂ (and, where db2 ≠ 0, db₂) from the float64 sums; dW₁ is zero if no pair came.
@inline function gradEnd(p: i32, d: i32, m: i32, dw1: usize, db1: usize, dw2: usize, db2: usize, scratch: usize, accumulate: bool): void {
  const sums = gradSums(scratch, d, m);
  if (p == 0 && !accumulate) memory.fill(dw1, 0, <usize>(d * m) << 2);
  for (let j = 0; j < m; j++) {
    store<f32>(db1 + (<usize>j << 2), <f32>load<f64>(sums + (<usize>j << 3)));
    store<f32>(dw2 + (<usize>j << 2), <f32>load<f64>(sums + (<usize>(m + j) << 3)));
  }
  if (db2) store<f32>(db2, <f32>load<f64>(sums + (<usize>(2 * m) << 3)));
}

// One block of r pairs (ab, bb) whose X rows are in the scratch: from their Z rows (zb, before the
// bias) and the upstream gradients of their scores (gb), adds to dW₁ (accDw1: else sets it), dh and
// the sums (db₁, dw₂, db₂).
@inline function gradBlock(
  h: usize, d: i32, ab: usize, bb: usize, r: i32, zb: usize, gb: usize, m: i32, b1: usize, w2: usize,
  dw1: usize, accDw1: bool, dh: usize, scratch: usize,
): void {
  const rowD = <usize>d << 2;
  const rowM = <usize>m << 2;
  const x = scratch;
  const dz = x + <usize>PAIR_BLOCK * rowD;
  const dx = dz + <usize>PAIR_BLOCK * rowM;
  const w1t = dx + <usize>PAIR_BLOCK * rowD;
  const sums = gradSums(scratch, d, m);
  // dZ and the head's sums, lanes of four columns at a time.
  for (let k: usize = 0; k < rowM; k += 16) {
    const bias = v128.load(b1 + k);
    const w = v128.load(w2 + k);
    let sumDz = f32x4.splat(0);
    let sumW2 = f32x4.splat(0);
    for (let i = 0; i < r; i++) {
      const gi = f32x4.splat(load<f32>(gb + (<usize>i << 2)));
      const pre = f32x4.add(v128.load(zb + <usize>i * rowM + k), bias);
      const on = f32x4.gt(pre, f32x4.splat(0)); // tfjs's ReLU derivative: 0 at 0 too
      const v = v128.and(f32x4.mul(gi, w), on);
      v128.store(dz + <usize>i * rowM + k, v);
      sumDz = f32x4.add(sumDz, v);
      sumW2 = fma(gi, f32x4.max(pre, f32x4.splat(0)), sumW2);
    }
    const sb = sums + (k << 1);
    const sw = sums + (<usize>m << 3) + (k << 1);
    store<f64>(sb, load<f64>(sb) + <f64>f32x4.extract_lane(sumDz, 0));
    store<f64>(sb + 8, load<f64>(sb + 8) + <f64>f32x4.extract_lane(sumDz, 1));
    store<f64>(sb + 16, load<f64>(sb + 16) + <f64>f32x4.extract_lane(sumDz, 2));
    store<f64>(sb + 24, load<f64>(sb + 24) + <f64>f32x4.extract_lane(sumDz, 3));
    store<f64>(sw, load<f64>(sw) + <f64>f32x4.extract_lane(sumW2, 0));
    store<f64>(sw + 8, load<f64>(sw + 8) + <f64>f32x4.extract_lane(sumW2, 1));
    store<f64>(sw + 16, load<f64>(sw + 16) + <f64>f32x4.extract_lane(sumW2, 2));
    store<f64>(sw + 24, load<f64>(sw + 24) + <f64>f32x4.extract_lane(sumW2, 3));
  }
  let sumG: f64 = 0;
  for (let i = 0; i < r; i++) sumG += <f64>load<f32>(gb + (<usize>i << 2));
  const sg = sums + (<usize>(2 * m) << 3);
  store<f64>(sg, load<f64>(sg) + sumG);
  gemm(x, 1, d, dz, dw1, d, r, m, accDw1); // dW₁ += Xᵀ dZ (X read as its transpose)
  gemm(dz, m, 1, w1t, dx, r, m, d, false); // dX = dZ W₁ᵀ
  for (let i = 0; i < r; i++) {
    const ha = <usize>load<i32>(ab + (<usize>i << 2)) * rowD;
    const hb = <usize>load<i32>(bb + (<usize>i << 2)) * rowD;
    const dxi = dx + <usize>i * rowD;
    for (let k: usize = 0; k < rowD; k += 16) {
      const gk = v128.load(dxi + k);
      const va = v128.load(h + ha + k);
      const vb = v128.load(h + hb + k);
      v128.store(dh + ha + k, fma(gk, vb, v128.load(dh + ha + k)));
      v128.store(dh + hb + k, fma(gk, va, v128.load(dh + hb + k)));
    }
  }
}

/**
 * Gradients of Σ_i g_i s_i: dh (n × d), dW₁ (d × m), db₁ and dw₂ (m); returns db₂. Z as pairMlpForward
 * wrote it. scratch: pairMlpScratchFloats (simdParallel.ts). Sums over pairs for db₁, dw₂ and db₂ run
 * in float64. accumulate: add this call's pairs to what the previous call with the same outputs and
 * scratch left (a thread taking chunks of a call).
 */
export function pairMlpBackward(
  h: usize, n: i32, d: i32, a: usize, b: usize, p: i32, w1: usize, m: i32, b1: usize, w2: usize, z: usize, g: usize,
  dh: usize, dw1: usize, db1: usize, dw2: usize, scratch: usize, accumulate: bool,
): f64 {
  const sumG = gradSums(scratch, d, m) + (<usize>(2 * m) << 3);
  const before = accumulate ? load<f64>(sumG) : 0;
  gradStart(n, d, m, w1, dh, scratch, accumulate);
  for (let i0 = 0; i0 < p; i0 += PAIR_BLOCK) {
    const r = min(PAIR_BLOCK, p - i0);
    const ab = a + (<usize>i0 << 2);
    const bb = b + (<usize>i0 << 2);
    hadamardRows(h, d, ab, bb, r, scratch);
    gradBlock(h, d, ab, bb, r, z + <usize>i0 * (<usize>m << 2), g + (<usize>i0 << 2), m, b1, w2, dw1, accumulate || i0 > 0, dh, scratch);
  }
  gradEnd(p, d, m, dw1, db1, dw2, 0, scratch, accumulate);
  return load<f64>(sumG) - before;
}

/**
 * One training step's decoder work under binary cross-entropy, forward and backward in one pass per
 * block of pairs (Z never leaves the scratch): for pairs i = 0 … p − 1 with labels y_i = 1 where
 * first + i < positives (else 0), s_i as pairMlpForward, and the gradients of
 * scale · Σ_i [max(s_i, 0) − s_i y_i + log(1 + e^{−|s_i|})] into dh, dW₁, db₁, dw₂ and db₂ (one float).
 * Returns the unscaled sum of the losses (float64). accumulate as pairMlpBackward.
 */
export function pairMlpBceStep(
  h: usize, n: i32, d: i32, a: usize, b: usize, first: i32, positives: i32, p: i32, w1: usize, m: i32, b1: usize, w2: usize, b2: f32,
  scale: f32, dh: usize, dw1: usize, db1: usize, dw2: usize, db2: usize, scratch: usize, accumulate: bool,
): f64 {
  const rowM = <usize>m << 2;
  const zb = gradSums(scratch, d, m) + (<usize>(2 * m + 2) << 3);
  const gb = zb + <usize>PAIR_BLOCK * rowM;
  gradStart(n, d, m, w1, dh, scratch, accumulate);
  let loss: f64 = 0;
  for (let i0 = 0; i0 < p; i0 += PAIR_BLOCK) {
    const r = min(PAIR_BLOCK, p - i0);
    const ab = a + (<usize>i0 << 2);
    const bb = b + (<usize>i0 << 2);
    hadamardRows(h, d, ab, bb, r, scratch);
    gemm(scratch, d, 1, w1, zb, r, d, m, false);
    head(zb, r, m, b1, w2, b2, gb);
    for (let i = 0; i < r; i++) {
      const s = load<f32>(gb + (<usize>i << 2));
      const y: f32 = first + i0 + i < positives ? 1 : 0;
      const e = Mathf.exp(-Mathf.abs(s)); // e^{−|s|}: the sigmoid and the loss without overflow
      const sigmoid: f32 = s >= 0 ? 1 / (1 + e) : e / (1 + e);
      loss += <f64>(max<f32>(s, 0) - s * y + Mathf.log1p(e));
      store<f32>(gb + (<usize>i << 2), (sigmoid - y) * scale);
    }
    gradBlock(h, d, ab, bb, r, zb, gb, m, b1, w2, dw1, accumulate || i0 > 0, dh, scratch);
  }
  gradEnd(p, d, m, dw1, db1, dw2, db2, scratch, accumulate);
  return loss;
}

/**
 * Scores of the pairs (u, v) for v in [from, to), written to s[v − from]: the candidate scan's row.
 * With M_u = diag(h_u) W₁ (d × m, once per row), Z = H[from:to] · M_u reads h's rows in place, so the
 * scan builds no pair lists and no Hadamard rows. scratch holds d × m + PAIR_BLOCK × m floats.
 */
export function pairMlpScanRow(h: usize, d: i32, u: i32, from: i32, to: i32, w1: usize, m: i32, b1: usize, w2: usize, b2: f32, s: usize, scratch: usize): void {
  const rowD = <usize>d << 2;
  const rowM = <usize>m << 2;
  const mu = scratch;
  const z = scratch + <usize>d * rowM;
  const hu = h + <usize>u * rowD;
  for (let k = 0; k < d; k++) {
    const hk = v128.load32_splat(hu + (<usize>k << 2));
    const wk = w1 + <usize>k * rowM;
    const mk = mu + <usize>k * rowM;
    for (let j: usize = 0; j < rowM; j += 16) v128.store(mk + j, f32x4.mul(hk, v128.load(wk + j)));
  }
  // Four rows of H at a time: each 4 × 8 tile of Z goes through bias, ReLU and w₂ while still in
  // registers, so Z is never stored; a 4-column tile takes m's rest, single rows the block's.
  let v = from;
  const m8 = m - (m % 8);
  for (; v + 4 <= to; v += 4) {
    const ap = h + <usize>v * rowD;
    let r0 = f32x4.splat(0), r1 = f32x4.splat(0), r2 = f32x4.splat(0), r3 = f32x4.splat(0);
    for (let j = 0; j < m8; j += 8) {
      let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
      let bp = mu + (<usize>j << 2);
      let xp = ap;
      for (let k = 0; k < d; k++) {
        const b0 = v128.load(bp);
        const b1v = v128.load(bp, 16);
        const x0 = v128.load32_splat(xp);
        const x1 = v128.load32_splat(xp + rowD);
        const x2 = v128.load32_splat(xp + 2 * rowD);
        const x3 = v128.load32_splat(xp + 3 * rowD);
        c00 = fma(x0, b0, c00);
        c01 = fma(x0, b1v, c01);
        c10 = fma(x1, b0, c10);
        c11 = fma(x1, b1v, c11);
        c20 = fma(x2, b0, c20);
        c21 = fma(x2, b1v, c21);
        c30 = fma(x3, b0, c30);
        c31 = fma(x3, b1v, c31);
        bp += rowM;
        xp += 4;
      }
      const jb = <usize>j << 2;
      const bias0 = v128.load(b1 + jb), bias1 = v128.load(b1 + jb, 16);
      const w0 = v128.load(w2 + jb), w1v = v128.load(w2 + jb, 16);
      const zero = f32x4.splat(0);
      r0 = fma(f32x4.max(f32x4.add(c01, bias1), zero), w1v, fma(f32x4.max(f32x4.add(c00, bias0), zero), w0, r0));
      r1 = fma(f32x4.max(f32x4.add(c11, bias1), zero), w1v, fma(f32x4.max(f32x4.add(c10, bias0), zero), w0, r1));
      r2 = fma(f32x4.max(f32x4.add(c21, bias1), zero), w1v, fma(f32x4.max(f32x4.add(c20, bias0), zero), w0, r2));
      r3 = fma(f32x4.max(f32x4.add(c31, bias1), zero), w1v, fma(f32x4.max(f32x4.add(c30, bias0), zero), w0, r3));
    }
    const out = s + (<usize>(v - from) << 2);
    if (m8 < m) {
      // The last four columns: Z's 4 × 4 tile through the scratch rows, then the same head.
      for (let r = 0; r < 4; r++) tile1x4(ap + <usize>r * rowD, 4, mu + (<usize>m8 << 2), rowM, z + (<usize>r << 4), d, false);
      const jb = <usize>m8 << 2;
      const bias = v128.load(b1 + jb), w = v128.load(w2 + jb), zero = f32x4.splat(0);
      r0 = fma(f32x4.max(f32x4.add(v128.load(z), bias), zero), w, r0);
      r1 = fma(f32x4.max(f32x4.add(v128.load(z, 16), bias), zero), w, r1);
      r2 = fma(f32x4.max(f32x4.add(v128.load(z, 32), bias), zero), w, r2);
      r3 = fma(f32x4.max(f32x4.add(v128.load(z, 48), bias), zero), w, r3);
    }
    store<f32>(out, sumLanes(r0) + b2);
    store<f32>(out, sumLanes(r1) + b2, 4);
    store<f32>(out, sumLanes(r2) + b2, 8);
    store<f32>(out, sumLanes(r3) + b2, 12);
  }
  if (v < to) {
    gemm(h + <usize>v * rowD, d, 1, mu, z, to - v, d, m, false);
    head(z, to - v, m, b1, w2, b2, s + (<usize>(v - from) << 2));
  }
}

/**
 * The scan's rows u0 … u0 + rows − 1, each against every later node: row r's scores s(u, v) for
 * v in (u, n), u = u0 + r, at s[r·n + v − u − 1]. One call for many short rows, so that threads can
 * take them in chunks (a row of a few hundred nodes is too short to split).
 */
export function pairMlpScanRows(h: usize, d: i32, u0: i32, rows: i32, n: i32, w1: usize, m: i32, b1: usize, w2: usize, b2: f32, s: usize, scratch: usize): void {
  for (let r = 0; r < rows; r++) {
    const u = u0 + r;
    pairMlpScanRow(h, d, u, u + 1, n, w1, m, b1, w2, b2, s + ((<usize>r * <usize>n) << 2), scratch);
  }
}

/**
 * out[r, :] = Σ_k values[k] · x[colIdx[k], :] over row r's entries of a CSR matrix (rowPtr has rows + 1
 * int32 entries); every row of out (rows × f) is written. f a multiple of 4. Each block of 32 features
 * is summed in registers over the whole row and stored once.
 */
export function csrSpmm(rowPtr: usize, colIdx: usize, values: usize, x: usize, f: i32, rows: i32, out: usize): void {
  const rowF = <usize>f << 2;
  const f32end = <usize>(f - (f % 32)) << 2;
  for (let r = 0; r < rows; r++) {
    const start = load<i32>(rowPtr + (<usize>r << 2));
    const end = load<i32>(rowPtr + (<usize>(r + 1) << 2));
    const o = out + <usize>r * rowF;
    for (let j: usize = 0; j < f32end; j += 128) {
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      let s4 = f32x4.splat(0), s5 = f32x4.splat(0), s6 = f32x4.splat(0), s7 = f32x4.splat(0);
      for (let k = start; k < end; k++) {
        const w = v128.load32_splat(values + (<usize>k << 2));
        const xo = x + <usize>load<i32>(colIdx + (<usize>k << 2)) * rowF + j;
        s0 = fma(w, v128.load(xo), s0);
        s1 = fma(w, v128.load(xo, 16), s1);
        s2 = fma(w, v128.load(xo, 32), s2);
        s3 = fma(w, v128.load(xo, 48), s3);
        s4 = fma(w, v128.load(xo, 64), s4);
        s5 = fma(w, v128.load(xo, 80), s5);
        s6 = fma(w, v128.load(xo, 96), s6);
        s7 = fma(w, v128.load(xo, 112), s7);
      }
      v128.store(o + j, s0);
      v128.store(o + j, s1, 16);
      v128.store(o + j, s2, 32);
      v128.store(o + j, s3, 48);
      v128.store(o + j, s4, 64);
      v128.store(o + j, s5, 80);
      v128.store(o + j, s6, 96);
      v128.store(o + j, s7, 112);
    }
    for (let j = f32end; j < rowF; j += 16) {
      let s = f32x4.splat(0);
      for (let k = start; k < end; k++) {
        const xo = x + <usize>load<i32>(colIdx + (<usize>k << 2)) * rowF + j;
        s = fma(v128.load32_splat(values + (<usize>k << 2)), v128.load(xo), s);
      }
      v128.store(o + j, s);
    }
  }
}

/** Copies rows × rowBytes from src (rows srcStride bytes apart) to dst (dstStride apart): a column block of a matrix. */
export function copyRows(src: usize, srcStride: i32, dst: usize, dstStride: i32, rows: i32, rowBytes: i32): void {
  for (let i = 0; i < rows; i++) memory.copy(dst + <usize>i * <usize>dstStride, src + <usize>i * <usize>srcStride, <usize>rowBytes);
}

/** dst[i] += src[i] for n floats: summing the threads' private gradients. */
export function addFloats(dst: usize, src: usize, n: i32): void {
  const bytes = <usize>n << 2;
  const body = bytes & ~(<usize>15);
  for (let i: usize = 0; i < body; i += 16) v128.store(dst + i, f32x4.add(v128.load(dst + i), v128.load(src + i)));
  for (let i = body; i < bytes; i += 4) store<f32>(dst + i, load<f32>(dst + i) + load<f32>(src + i));
}
