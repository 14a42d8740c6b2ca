/**
 * The k strongest of many edges without sorting them all: ogbl-ddi has 1.07 M known interactions
 * and the view draws ~1,000, and a full comparator sort of 1 M indices blocked the page for
 * ~0.7 s. A quickselect finds the k-th strongest value in linear time; only the k chosen are sorted.
 * The result equals a full sort by strength (descending), ties by index (ascending), with missing
 * strengths (NaN) last.
 */

/** Strength used for ordering: NaN sorts last. */
const key = (p: number): number => (Number.isNaN(p) ? -Infinity : p);

/** The value that would be at position `k` (0-based) of `values` sorted descending; reorders `values`. */
export function kthLargest(values: Float32Array | Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    // Median of three as pivot, then a three-way partition (many equal strengths are common).
    const mid = (lo + hi) >>> 1;
    const a = values[lo];
    const b = values[mid];
    const c = values[hi];
    const pivot = a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b;
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = values[i];
      if (v > pivot) {
        values[i] = values[lt];
        values[lt++] = v;
        i++;
      } else if (v < pivot) {
        values[i] = values[gt];
        values[gt--] = v;
      } else i++;
    }
    // [lo, lt) > pivot, [lt, gt] == pivot, (gt, hi] < pivot
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return values[lo];
}

/** The first `k` of `indices[0..count)` (ascending edge indices) ordered by probability, strongest first, ties by index. */
export function strongestFirst(indices: Int32Array, count: number, probabilities: Float32Array, k: number): Int32Array {
  const byStrength = (a: number, b: number) => key(probabilities[b]) - key(probabilities[a]) || a - b;
  const take = Math.max(0, Math.min(k, count));
  if (take === 0) return new Int32Array(0);
  if (take === count) return indices.slice(0, count).sort(byStrength);
  const keys = new Float32Array(count);
  for (let j = 0; j < count; j++) keys[j] = key(probabilities[indices[j]]);
  const cut = kthLargest(keys, take - 1);
  let stronger = 0;
  for (let j = 0; j < count; j++) if (key(probabilities[indices[j]]) > cut) stronger++;
  // Everything stronger than the cut, and the first ties at the cut (smallest indices) until k are taken.
  let ties = take - stronger;
  const chosen = new Int32Array(take);
  let n = 0;
  for (let j = 0; j < count && n < take; j++) {
    const v = key(probabilities[indices[j]]);
    if (v > cut) chosen[n++] = indices[j];
    else if (v === cut && ties > 0) {
      ties--;
      chosen[n++] = indices[j];
    }
  }
  return chosen.sort(byStrength);
}
