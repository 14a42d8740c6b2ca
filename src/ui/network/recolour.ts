/**
 * Recolouring known edges after a view refresh, cheaply enough for big views: strengths are
 * quantised into bins so only edges whose bin changed are touched, and the updates are applied in
 * small batches across tasks, so no main-thread task grows with the number of edges drawn.
 */
import type cytoscape from 'cytoscape';
import { strengthColor } from '../colorScale';

export const STRENGTH_BINS = 32;
/** Edges updated per task: Cytoscape restyles ~0.15 ms per edge in software rendering, so a batch of this size stays well under 50 ms. */
const EDGES_PER_TASK = 120;

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

/** Applies new strengths to the drawn edges; returns a function that cancels what is still pending. */
export function recolourInSlices(cy: cytoscape.Core, probabilities: Float32Array): () => void {
  const changed = cy.edges('.known').filter((e) => strengthBin(probabilities[e.data('index') as number]) !== e.data('bin'));
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const slice = () => {
    timer = null;
    if (cy.destroyed()) return;
    const end = Math.min(changed.length, next + EDGES_PER_TASK);
    cy.batch(() => {
      for (let k = next; k < end; k++) {
        const edge = changed[k];
        edge.data(edgeStrengthData(probabilities[edge.data('index') as number]));
      }
    });
    next = end;
    if (next < changed.length) timer = setTimeout(slice, 0);
  };
  slice();
  return () => {
    if (timer !== null) clearTimeout(timer);
  };
}
