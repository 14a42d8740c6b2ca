/**
 * What a PyTorch Geometric project is built from: the settings, the split and the fixed node features
 * exactly as the app's trainer holds them (src/model/pygInputs.ts reads them from a trainer, in the
 * worker or the CLI). Plain data, so it crosses the worker boundary.
 */
import type { ModelSettings } from '../../settings/schema';
import type { LinkSplitFile } from '../../model/splitFile';

/** Interaction-type task: [u, v, type index] per pair, types named in `types`. */
export interface TypeSplitFile {
  format: 'type-split/1';
  types: string[];
  train: [number, number, number][];
  val: [number, number, number][];
  test: [number, number, number][];
}

/** Node task: class per node (−1 unlabelled, an index into `classes`) and the node indices of each part. */
export interface NodeSplitFile {
  format: 'node-split/1';
  classes: string[];
  labels: number[];
  train: number[];
  val: number[];
  test: number[];
}

/** The fixed input columns (fixed random vectors, then annotation blocks), row-major rows × cols. */
export interface FixedFeatures {
  rows: number;
  cols: number;
  /** Feature kinds in column order (no 'learned': that table is trained, not exported). */
  kinds: string[];
  data: Float32Array;
}

export interface PygInputs {
  settings: ModelSettings;
  split?: LinkSplitFile;
  /** Link task: the validation metric that picks the best epoch (Hits@20 for ogbl-ddi's official split, as the CLI). */
  selectBy?: 'auroc' | 'hits20';
  typeSplit?: TypeSplitFile;
  nodeSplit?: NodeSplitFile;
  features?: FixedFeatures;
  featureNotes: string[];
}

/** One file of the project: its path inside the folder and its content. */
export interface PygFile {
  path: string;
  bytes: Uint8Array;
}
