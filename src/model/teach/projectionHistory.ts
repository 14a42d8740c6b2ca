/**
 * Per-epoch 2-D projections of the node vectors after each layer, so the embedding view's epoch
 * slider can replay the run so far. Memory is bounded: when the history is full, every other frame
 * is dropped and recording continues at twice the stride, so a long run keeps an evenly thinned
 * record instead of only its start or end. The latest epoch is always there (as a "tail" frame that
 * the next epoch replaces when it is off the stride), so the slider's end is the model now.
 */
import { pca2d } from './pca';
import type { EmbeddingProjection, ProjectionLayer } from './types';

export interface NamedVectors {
  label: string;
  data: Float32Array;
  cols: number;
}

interface Frame {
  epoch: number;
  layers: ProjectionLayer[];
}

/** Flips a projection's axes to point the same way as the previous frame's (PCA's sign is arbitrary). */
function alignTo(prev: Float32Array | undefined, points: Float32Array): void {
  if (!prev || prev.length !== points.length) return;
  for (let axis = 0; axis < 2; axis++) {
    let c = 0;
    for (let i = axis; i < points.length; i += 2) c += prev[i] * points[i];
    if (c < 0) for (let i = axis; i < points.length; i += 2) points[i] = -points[i];
  }
}

export function projectLayers(vectors: NamedVectors[], previous?: ProjectionLayer[]): ProjectionLayer[] {
  return vectors.map((v, i) => {
    const n = v.data.length / v.cols;
    const p = pca2d(v.data, n, v.cols);
    alignTo(previous?.[i]?.points, p.points);
    return { label: v.label, points: p.points, variance: p.variance, totalVariance: p.totalVariance };
  });
}

export class ProjectionHistory {
  private frames: Frame[] = [];
  private stride = 1;

  /** maxFrames and maxBytes both bound the history; whichever binds first. */
  constructor(
    private readonly maxFrames = 128,
    private readonly maxBytes = 24 * 1024 * 1024,
  ) {}

  get epochs(): number[] {
    return this.frames.map((f) => f.epoch);
  }

  private onGrid(epoch: number, index: number): boolean {
    return index === 0 || epoch % this.stride === 0;
  }

  record(epoch: number, vectors: NamedVectors[]): void {
    // A reset or a replay: forget what lies at or after this epoch.
    if ((this.frames.at(-1)?.epoch ?? -1) >= epoch) this.frames = this.frames.filter((f) => f.epoch < epoch);
    const layers = projectLayers(vectors, this.frames.at(-1)?.layers);
    const last = this.frames.length - 1;
    if (last >= 0 && !this.onGrid(this.frames[last].epoch, last)) this.frames[last] = { epoch, layers };
    else this.frames.push({ epoch, layers });
    const frameBytes = this.frames[0].layers.reduce((s, l) => s + l.points.byteLength, 0);
    while (this.frames.length > Math.max(2, Math.min(this.maxFrames, Math.floor(this.maxBytes / Math.max(1, frameBytes))))) this.thin();
  }

  private thin(): void {
    const latest = this.frames.at(-1)!;
    this.stride *= 2;
    this.frames = this.frames.filter((f, i) => this.onGrid(f.epoch, i));
    if (this.frames.at(-1) !== latest) this.frames.push(latest);
  }

  /** The recorded frame at or before `epoch` (latest when omitted), or null when none. */
  get(epoch?: number): EmbeddingProjection | null {
    if (this.frames.length === 0) return null;
    const target = epoch ?? Infinity;
    let frame = this.frames[0];
    for (const f of this.frames) if (f.epoch <= target) frame = f;
    return { epochs: this.epochs, epoch: frame.epoch, layers: frame.layers };
  }

  clear(): void {
    this.frames = [];
    this.stride = 1;
  }
}
