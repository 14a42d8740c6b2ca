/**
 * Typed-array kernels of the dot-product decoder, s_i = h_{a_i} · h_{b_i}, and its gradient
 * dh_u = Σ_{i: a_i = u} g_i h_{b_i} + Σ_{i: b_i = u} g_i h_{a_i}.
 *
 * Why the gradient goes through a CSR: written as a scatter (dh[a] += g·h[b]; dh[b] += g·h[a]) every
 * pair loads and stores two rows of dh at random places. Grouping the 2·P directed entries by
 * destination row turns it into the blocked CSR product of csrSpmmCpu.ts (sums in registers, one
 * store per row), which measured ~2× faster at a million pairs. The grouping of a pair list is cached
 * while the list is alive (the training positives are the same arrays every epoch).
 */
import { spmmRows } from './csrSpmmCpu';

/** out[i] = h[a_i] · h[b_i]; h row-major n × d. */
export function pairDots(h: Float32Array, d: number, a: Int32Array, b: Int32Array, out: Float32Array): void {
  const d8 = d - (d % 8);
  for (let i = 0; i < a.length; i++) {
    const ao = a[i] * d;
    const bo = b[i] * d;
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0;
    for (let j = 0; j < d8; j += 8) {
      s0 += h[ao + j] * h[bo + j];
      s1 += h[ao + j + 1] * h[bo + j + 1];
      s2 += h[ao + j + 2] * h[bo + j + 2];
      s3 += h[ao + j + 3] * h[bo + j + 3];
      s4 += h[ao + j + 4] * h[bo + j + 4];
      s5 += h[ao + j + 5] * h[bo + j + 5];
      s6 += h[ao + j + 6] * h[bo + j + 6];
      s7 += h[ao + j + 7] * h[bo + j + 7];
    }
    for (let j = d8; j < d; j++) s0 += h[ao + j] * h[bo + j];
    out[i] = s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
  }
}

/** The directed entries (a→b and b→a of every pair) grouped by row; perm[k] = the pair of entry k. */
export interface PairCsr {
  rowPtr: Int32Array;
  colIdx: Int32Array;
  perm: Int32Array;
}

const pairCsrCache = new WeakMap<Int32Array, { b: Int32Array; n: number; csr: PairCsr }>();

export function pairCsr(n: number, a: Int32Array, b: Int32Array): PairCsr {
  const hit = pairCsrCache.get(a);
  if (hit && hit.b === b && hit.n === n) return hit.csr;
  const p = a.length;
  const rowPtr = new Int32Array(n + 1);
  for (let i = 0; i < p; i++) {
    rowPtr[a[i] + 1]++;
    rowPtr[b[i] + 1]++;
  }
  for (let r = 0; r < n; r++) rowPtr[r + 1] += rowPtr[r];
  const fill = rowPtr.slice(0, n);
  const colIdx = new Int32Array(2 * p);
  const perm = new Int32Array(2 * p);
  for (let i = 0; i < p; i++) {
    let at = fill[a[i]]++;
    colIdx[at] = b[i];
    perm[at] = i;
    at = fill[b[i]]++;
    colIdx[at] = a[i];
    perm[at] = i;
  }
  const csr = { rowPtr, colIdx, perm };
  pairCsrCache.set(a, { b, n, csr });
  return csr;
}

/** dh (n × d, fully written) = the gradient of Σ_i g_i (h_{a_i} · h_{b_i}) with respect to h. */
export function pairDotsGradient(h: Float32Array, n: number, d: number, a: Int32Array, b: Int32Array, g: ArrayLike<number>, dh: Float32Array): void {
  const { rowPtr, colIdx, perm } = pairCsr(n, a, b);
  const values = new Float32Array(perm.length);
  for (let k = 0; k < perm.length; k++) values[k] = g[perm[k]];
  spmmRows(rowPtr, colIdx, values, h, d, dh);
}
