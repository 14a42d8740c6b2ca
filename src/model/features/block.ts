/** A fixed block of node features: N rows × dim columns, row-major, plus what the user should know about it. */
export interface FeatureBlock {
  name: string;
  dim: number;
  data: Float32Array;
  /** e.g. "212 of 1,514 drugs have no SMILES: zero fingerprint, flag column set". */
  notes: string[];
}
