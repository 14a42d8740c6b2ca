/**
 * Ranking metrics for link prediction. Pure functions over plain arrays.
 */

/**
 * Area under the ROC curve: the probability that a random positive scores above a random negative,
 * ties counting one half (Mann–Whitney U with average ranks).
 */
export function auroc(pos: ArrayLike<number>, neg: ArrayLike<number>): number {
  const nPos = pos.length;
  const nNeg = neg.length;
  if (nPos === 0 || nNeg === 0) return NaN;
  const all = new Float64Array(nPos + nNeg);
  const isPos = new Uint8Array(nPos + nNeg);
  for (let i = 0; i < nPos; i++) {
    all[i] = pos[i];
    isPos[i] = 1;
  }
  for (let i = 0; i < nNeg; i++) all[nPos + i] = neg[i];
  const order = sortedIndices(all, 'ascending');
  let rankSumPos = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && all[order[j + 1]] === all[order[i]]) j++;
    const avgRank = (i + j) / 2 + 1; // 1-based average rank of the tie group
    for (let k = i; k <= j; k++) if (isPos[order[k]]) rankSumPos += avgRank;
    i = j + 1;
  }
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/**
 * Area under the precision–recall curve as average precision (scikit-learn's definition):
 * AP = Σ_n (R_n − R_{n−1}) · P_n over distinct score thresholds, highest first, so tied scores
 * enter together.
 */
export function auprc(pos: ArrayLike<number>, neg: ArrayLike<number>): number {
  const nPos = pos.length;
  if (nPos === 0) return NaN;
  const n = nPos + neg.length;
  const all = new Float64Array(n);
  const isPos = new Uint8Array(n);
  for (let i = 0; i < nPos; i++) {
    all[i] = pos[i];
    isPos[i] = 1;
  }
  for (let i = 0; i < neg.length; i++) all[nPos + i] = neg[i];
  const order = sortedIndices(all, 'descending');
  let tp = 0;
  let seen = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[order[j + 1]] === all[order[i]]) j++;
    for (let k = i; k <= j; k++) tp += isPos[order[k]];
    seen += j - i + 1;
    const recall = tp / nPos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
    i = j + 1;
  }
  return ap;
}

function sortedIndices(values: Float64Array, direction: 'ascending' | 'descending'): Uint32Array {
  const idx = new Uint32Array(values.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  const sign = direction === 'ascending' ? 1 : -1;
  idx.sort((a, b) => sign * (values[a] - values[b]));
  return idx;
}
