/**
 * Recolouring known edges after a view refresh, cheaply enough for big views. Strengths are
 * quantised into bins so only edges whose bin changed are touched.
 *
 * Every change to a Cytoscape element makes the canvas renderer drop its cached layer and draw
 * every drawn element again in the next frame (~17 ms of CPU for 1,000 edges and their drugs under
 * software rendering), so the update is one batch: one redraw per refresh. The new styles are
 * computed here, in the caller's task, so that frame does not also restyle every changed edge.
 */
import type cytoscape from 'cytoscape';
import { strengthColor } from '../colorScale';

export const STRENGTH_BINS = 32;

/** Bin of a probability, or -1 when there is none yet. */
export function strengthBin(p: number): number {
  return Number.isFinite(p) ? Math.round(Math.min(1, Math.max(0, p)) * (STRENGTH_BINS - 1)) : -1;
}

const BIN_STYLE = Array.from({ length: STRENGTH_BINS }, (_, b) => ({
  color: strengthColor(b / (STRENGTH_BINS - 1)),
  w: 0.6 + (2.4 * b) / (STRENGTH_BINS - 1),
}));
const NO_BIN_STYLE = { color: strengthColor(NaN), w: 0.8 };

/** Data fields of a known edge drawn at probability p. */
export function edgeStrengthData(p: number): { p: number; bin: number; color: string; w: number } {
  const bin = strengthBin(p);
  return { p, bin, ...(bin < 0 ? NO_BIN_STYLE : BIN_STYLE[bin]) };
}

/** Applies new strengths to the drawn known edges in one batch; returns how many changed bin. */
export function recolour(cy: cytoscape.Core, probabilities: Float32Array): number {
  const changed = cy.edges('.known').filter((e) => strengthBin(probabilities[e.data('index') as number]) !== e.data('bin'));
  if (changed.empty()) return 0;
  cy.batch(() => changed.forEach((e) => void e.data(edgeStrengthData(probabilities[e.data('index') as number]))));
  // Reading a style makes Cytoscape restyle the element now instead of in the frame that draws it.
  changed.forEach((e) => void e.numericStyle('width'));
  return changed.length;
}
