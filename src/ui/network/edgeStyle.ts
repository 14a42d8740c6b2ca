/**
 * How the edge layer draws an edge. Known interactions: predicted strength quantised into bins,
 * each bin one colour and width (so a refresh touches only edges whose bin changed and a redraw
 * is one path per bin). Candidates: dashed accent lines.
 */
import { CANDIDATE_COLOR, strengthColor } from '../colorScale';

export const STRENGTH_BINS = 32;

/** Bin of a probability, or -1 when there is none yet. */
export function strengthBin(p: number): number {
  return Number.isFinite(p) ? Math.round(Math.min(1, Math.max(0, p)) * (STRENGTH_BINS - 1)) : -1;
}

export interface LineStyle {
  color: string;
  /** Line width in model units (scaled with the zoom, as Cytoscape's edges). */
  width: number;
  opacity: number;
}

const BIN_STYLE: LineStyle[] = Array.from({ length: STRENGTH_BINS }, (_, b) => ({
  color: strengthColor(b / (STRENGTH_BINS - 1)),
  width: 0.6 + (2.4 * b) / (STRENGTH_BINS - 1),
  opacity: 0.85,
}));
const NO_BIN_STYLE: LineStyle = { color: strengthColor(NaN), width: 0.8, opacity: 0.85 };

/** Style of a known edge in bin `bin` (-1: no prediction yet). */
export const knownEdgeStyle = (bin: number): LineStyle => (bin < 0 ? NO_BIN_STYLE : BIN_STYLE[bin]);

export const CANDIDATE_STYLE: LineStyle & { dash: [number, number] } = { color: CANDIDATE_COLOR, width: 2.5, opacity: 0.95, dash: [6, 3] };

/** Opacity factor of every edge while the stepper dims the network around its story. */
export const DIMMED = 0.18;

/**
 * Writes the bins of the drawn known edges (`edges`: graph edge indices) for new probabilities
 * (null: none yet) into `bins`; returns how many changed.
 */
export function updateBins(bins: Int8Array, edges: Int32Array, probabilities: Float32Array | null): number {
  let changed = 0;
  for (let k = 0; k < edges.length; k++) {
    const bin = probabilities ? strengthBin(probabilities[edges[k]]) : -1;
    if (bin !== bins[k]) {
      bins[k] = bin;
      changed++;
    }
  }
  return changed;
}
