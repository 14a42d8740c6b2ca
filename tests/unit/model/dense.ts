/** Plain-JS dense-matrix helpers: the independent reference the layer tests compare against. */
export type M = number[][];

export const zeros = (r: number, c: number): M => Array.from({ length: r }, () => new Array(c).fill(0));
export const matmul = (a: M, b: M): M => a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
export const addRow = (a: M, b: number[]): M => a.map((row) => row.map((x, j) => x + b[j]));
export const add = (a: M, b: M): M => a.map((row, i) => row.map((x, j) => x + b[i][j]));
export const scale = (a: M, s: number): M => a.map((row) => row.map((x) => x * s));
export const relu = (a: M): M => a.map((row) => row.map((x) => Math.max(0, x)));
export const hcat = (a: M, b: M): M => a.map((row, i) => [...row, ...b[i]]);

/** Adjacency A[v][u] = 1 for each message edge u → v (both directions of each pair). */
export function adjacency(n: number, a: ArrayLike<number>, b: ArrayLike<number>): M {
  const A = zeros(n, n);
  for (let i = 0; i < a.length; i++) {
    A[b[i]][a[i]] += 1;
    A[a[i]][b[i]] += 1;
  }
  return A;
}

export const rowMean = (A: M): M =>
  A.map((row) => {
    const d = row.reduce((s, x) => s + x, 0);
    return row.map((x) => (d === 0 ? 0 : x / d));
  });

/** D^-1/2 (A + I) D^-1/2 with D the degrees of A + I. */
export function gcnNorm(A: M): M {
  const AI = A.map((row, i) => row.map((x, j) => x + (i === j ? 1 : 0)));
  const d = AI.map((row) => row.reduce((s, x) => s + x, 0));
  return AI.map((row, i) => row.map((x, j) => x / Math.sqrt(d[i] * d[j])));
}

/** max over in-neighbours per feature; 0 without neighbours. */
export function maxAgg(A: M, X: M): M {
  return A.map((row) => {
    const nb = row.flatMap((x, u) => (x > 0 ? [u] : []));
    return X[0].map((_, j) => (nb.length === 0 ? 0 : Math.max(...nb.map((u) => X[u][j]))));
  });
}

export function expectClose(got: M, want: M, digits = 5): void {
  if (got.length !== want.length) throw new Error(`rows ${got.length} ≠ ${want.length}`);
  got.forEach((row, i) =>
    row.forEach((x, j) => {
      if (Math.abs(x - want[i][j]) > 10 ** -digits) throw new Error(`[${i}][${j}] got ${x}, want ${want[i][j]}`);
    }),
  );
}
