/**
 * The rows of a predictions file as plain typed arrays, and what a request for them says: shared by the
 * model side that makes them (predictions.ts) and the writer that prints them (src/export/predictionsCsv.ts),
 * with no tensors, so the writer stays free of TensorFlow.js.
 */
export type PredictionScope = 'known' | 'candidates' | 'all';
export const PREDICTION_SCOPES: readonly PredictionScope[] = ['known', 'candidates', 'all'];

export interface PredictionRequest {
  /** Link task: which pairs. The type and node tasks only have 'known' rows (pairs / drugs with a label to predict). */
  what: PredictionScope;
  /** 'candidates': how many of the strongest unknown pairs. */
  top?: number;
  /** Rows per block (default 65,536). */
  block?: number;
}

/** Split part of a row that is in no split: an unknown pair, a drug without a label. Index into SPLIT_PARTS otherwise. */
export const NO_PART = 255;

export interface LinkRows {
  task: 'link';
  a: Int32Array;
  b: Int32Array;
  /** 1 for a known interaction (a graph edge). */
  known: Uint8Array;
  /** Index into SPLIT_PARTS, or NO_PART for an unknown pair. */
  part: Uint8Array;
  /** The decoder's logit: float32 from tensors, float64 where the dot decoder is summed on the host (as the candidate list). */
  score: Float64Array;
  /** 1 = strongest, within the rows asked for (known pairs, candidates); null for all pairs. */
  rank: Uint32Array | null;
}

export interface TypeRows {
  task: 'type';
  a: Int32Array;
  b: Int32Array;
  part: Uint8Array;
  /** The pair's known type (index into graph.edgeTypes), −1 when untyped. */
  known: Int32Array;
  /** TYPE_TOP most likely types per row, most likely first (−1 past the number of types), and their softmax probabilities. */
  top: Int32Array;
  probability: Float64Array;
}

export interface NodeRows {
  task: 'node';
  node: Int32Array;
  part: Uint8Array;
  /** Known class (index into ATC_GROUPS), −1 when the drug has no ATC code. */
  label: Int32Array;
  /** `classes` softmax probabilities per row. */
  probability: Float64Array;
  classes: number;
}

export type RowBlock = LinkRows | TypeRows | NodeRows;
export type PredictionTask = RowBlock['task'];

/** Types listed per pair in the type task. */
export const TYPE_TOP = 3;
