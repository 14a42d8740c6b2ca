/**
 * Two-component PCA over plain typed arrays (no TensorFlow.js: it runs every epoch in the worker and
 * must not allocate tensors). Covariance d × d, then power iteration with deflation; d is the hidden
 * size (≤ 512), so this is cheap next to an epoch. Signs are fixed (largest loading positive) so
 * the picture does not flip between calls; ProjectionHistory further aligns consecutive epochs.
 */

export interface Pca2d {
  /** x0, y0, x1, y1, … */
  points: Float32Array;
  /** Principal axes (unit length, d each). */
  axes: [Float64Array, Float64Array];
  /** Variance along each axis (eigenvalues of the population covariance) and in total (its trace). */
  variance: [number, number];
  totalVariance: number;
}

/** Covariance with divisor n (population); the axes do not depend on the divisor. */
function covariance(x: ArrayLike<number>, n: number, d: number): { cov: Float64Array; mean: Float64Array } {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= Math.max(1, n);
  const cov = new Float64Array(d * d);
  const c = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) c[j] = x[i * d + j] - mean[j];
    for (let j = 0; j < d; j++) {
      const cj = c[j];
      if (cj === 0) continue;
      const o = j * d;
      for (let k = j; k < d; k++) cov[o + k] += cj * c[k];
    }
  }
  for (let j = 0; j < d; j++) for (let k = j; k < d; k++) cov[k * d + j] = cov[j * d + k] /= Math.max(1, n);
  return { cov, mean };
}

/** Power iteration; `orthogonalTo` keeps the iterate off an axis already found (so a near-zero deflated matrix cannot drift back onto it). */
function topEigenvector(m: Float64Array, d: number, orthogonalTo?: Float64Array, iterations = 300): { vector: Float64Array; value: number } {
  // Deterministic start that is unlikely to be orthogonal to the top eigenvector.
  let v: Float64Array<ArrayBuffer> = Float64Array.from({ length: d }, (_, i) => 1 + ((i * 7919) % 13) / 13);
  let value = 0;
  const w = new Float64Array(d);
  const project = (x: Float64Array): Float64Array<ArrayBuffer> => {
    if (!orthogonalTo) return x.slice();
    let c = 0;
    for (let j = 0; j < d; j++) c += x[j] * orthogonalTo[j];
    return x.map((y, j) => y - c * orthogonalTo[j]);
  };
  v = project(v);
  for (let it = 0; it < iterations; it++) {
    w.fill(0);
    for (let j = 0; j < d; j++) {
      const o = j * d;
      let s = 0;
      for (let k = 0; k < d; k++) s += m[o + k] * v[k];
      w[j] = s;
    }
    const wp = project(w);
    const norm = Math.hypot(...wp);
    if (norm < 1e-12) {
      // No variance left: any unit vector orthogonal to the first axis will do; report zero variance.
      const n0 = Math.hypot(...v);
      return { vector: n0 > 0 ? v.map((x) => x / n0) : v, value: 0 };
    }
    const next = wp.map((x) => x / norm);
    let diff = 0;
    for (let j = 0; j < d; j++) diff = Math.max(diff, Math.abs(next[j] - v[j]));
    v = next;
    value = norm;
    if (diff < 1e-10) break;
  }
  // Sign convention: the largest-magnitude loading is positive.
  let big = 0;
  for (let j = 1; j < d; j++) if (Math.abs(v[j]) > Math.abs(v[big])) big = j;
  if (v[big] < 0) v = v.map((x) => -x);
  return { vector: v, value };
}

export function pca2d(x: ArrayLike<number>, n: number, d: number): Pca2d {
  const { cov, mean } = covariance(x, n, d);
  let total = 0;
  for (let j = 0; j < d; j++) total += cov[j * d + j];
  const first = topEigenvector(cov, d);
  const deflated = cov.slice();
  for (let j = 0; j < d; j++) for (let k = 0; k < d; k++) deflated[j * d + k] -= first.value * first.vector[j] * first.vector[k];
  const second = topEigenvector(deflated, d, first.vector);
  const points = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    let p = 0;
    let q = 0;
    for (let j = 0; j < d; j++) {
      const c = x[i * d + j] - mean[j];
      p += c * first.vector[j];
      q += c * second.vector[j];
    }
    points[2 * i] = p;
    points[2 * i + 1] = q;
  }
  return { points, axes: [first.vector, second.vector], variance: [first.value, second.value], totalVariance: total };
}
