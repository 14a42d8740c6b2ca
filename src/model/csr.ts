/**
 * Compressed sparse row matrices and the plain typed-array kernels over them. No TensorFlow.js here:
 * these run wherever the tensor data can be read as a Float32Array (cpu and wasm backends, tests).
 */

export interface Csr {
  numRows: number;
  numCols: number;
  /** Row r's entries are colIdx/values[rowPtr[r] .. rowPtr[r + 1]). */
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float32Array;
}

/** Builds a CSR matrix from coordinate triples (counting sort by row; duplicate entries are kept and add up). */
export function csrFromCoo(numRows: number, numCols: number, rows: Int32Array, cols: Int32Array, values: Float32Array): Csr {
  const rowPtr = new Int32Array(numRows + 1);
  for (let i = 0; i < rows.length; i++) rowPtr[rows[i] + 1]++;
  for (let r = 0; r < numRows; r++) rowPtr[r + 1] += rowPtr[r];
  const fill = rowPtr.slice(0, numRows);
  const colIdx = new Int32Array(rows.length);
  const vals = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const at = fill[rows[i]]++;
    colIdx[at] = cols[i];
    vals[at] = values[i];
  }
  return { numRows, numCols, rowPtr, colIdx, values: vals };
}

export function transposeCsr(a: Csr): Csr {
  const rows = new Int32Array(a.colIdx.length);
  for (let r = 0; r < a.numRows; r++) rows.fill(r, a.rowPtr[r], a.rowPtr[r + 1]);
  return csrFromCoo(a.numCols, a.numRows, a.colIdx, rows, a.values);
}

/** out = A · X, X row-major numCols × f. */
export function spmmArrays(a: Csr, x: Float32Array, f: number): Float32Array {
  const out = new Float32Array(a.numRows * f);
  const { rowPtr, colIdx, values } = a;
  for (let r = 0; r < a.numRows; r++) {
    const o = r * f;
    for (let k = rowPtr[r]; k < rowPtr[r + 1]; k++) {
      const w = values[k];
      const xo = colIdx[k] * f;
      for (let j = 0; j < f; j++) out[o + j] += w * x[xo + j];
    }
  }
  return out;
}

/** Dense row-major copy, for the dense-matmul path on small graphs. */
export function csrToDense(a: Csr): Float32Array {
  const out = new Float32Array(a.numRows * a.numCols);
  for (let r = 0; r < a.numRows; r++) {
    for (let k = a.rowPtr[r]; k < a.rowPtr[r + 1]; k++) out[r * a.numCols + a.colIdx[k]] += a.values[k];
  }
  return out;
}

/** Selection matrix S (idx.length × numCols) with S[i, idx[i]] = 1, so S · X gathers rows and Sᵀ · G scatters them back. */
export function selectionCsr(idx: Int32Array, numCols: number): Csr {
  const rowPtr = new Int32Array(idx.length + 1);
  for (let i = 0; i < idx.length; i++) rowPtr[i + 1] = i + 1;
  return { numRows: idx.length, numCols, rowPtr, colIdx: idx, values: new Float32Array(idx.length).fill(1) };
}
