/**
 * Positions for big drawn sets, computed from typed arrays instead of by Cytoscape's layouts.
 *
 * The arrangement is Cytoscape's `concentric` layout with the options the view used before
 * (value = degree among the drawn edges, levelWidth 4, minNodeSpacing 4, avoidOverlap, start at
 * the top, clockwise): drugs with the most drawn interactions in the middle, rings outwards.
 * Cytoscape's own run restyled and measured every node and fitted the view from element bounding
 * boxes, ~0.6 s for 1,000 drugs under software rendering; this is a few milliseconds. Pure, so
 * it is unit-tested.
 */

/** Degree of each drawn node (by position in `nodes`) counting only the drawn edges. */
export function drawnDegrees(nodes: Int32Array, edges: Int32Array, src: Int32Array, dst: Int32Array): Int32Array {
  const slot = new Map<number, number>();
  nodes.forEach((v, k) => slot.set(v, k));
  const degree = new Int32Array(nodes.length);
  for (const i of edges) {
    const a = slot.get(src[i]);
    const b = slot.get(dst[i]);
    if (a !== undefined) degree[a]++;
    if (b !== undefined) degree[b]++;
  }
  return degree;
}

export interface ConcentricOptions {
  /** Outer size of the biggest node (width plus border), in model units. */
  nodeSize: number;
  /** Values closer than this to a ring's first value share the ring. */
  levelWidth: number;
  /** Gap between neighbouring nodes on a ring and between rings. */
  minNodeSpacing: number;
}

/** Node size as networkStyle.ts draws it: 12 px plus a 1 px border (no border on unlabelled nodes: 12). */
export const CONCENTRIC_DEFAULTS: ConcentricOptions = { nodeSize: 13, levelWidth: 4, minNodeSpacing: 4 };

export interface Positions {
  /** x, y of node k at [2k], [2k + 1], centred on (0, 0). */
  xy: Float64Array;
  /** Half the extent of the layout (the outermost ring's radius plus half a node). */
  radius: number;
}

/** Rings by descending value (ties keep the given order), as Cytoscape's concentric layout. */
export function concentricPositions(values: ArrayLike<number>, options: ConcentricOptions = CONCENTRIC_DEFAULTS): Positions {
  const n = values.length;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => values[b] - values[a] || a - b);
  const levels: number[][] = [];
  for (const k of order) {
    const level = levels.at(-1);
    if (level && Math.abs(values[level[0]] - values[k]) < options.levelWidth) level.push(k);
    else levels.push([k]);
  }
  const minDist = options.nodeSize + options.minNodeSpacing;
  const xy = new Float64Array(2 * n);
  let r = 0;
  let outer = 0;
  const start = (3 / 2) * Math.PI;
  for (const level of levels) {
    const dTheta = (2 * Math.PI - (2 * Math.PI) / level.length) / Math.max(1, level.length - 1);
    if (level.length > 1) {
      const dcos = Math.cos(dTheta) - 1;
      const dsin = Math.sin(dTheta);
      r = Math.max(Math.sqrt((minDist * minDist) / (dcos * dcos + dsin * dsin)), r);
    }
    level.forEach((k, j) => {
      const theta = start + dTheta * j;
      xy[2 * k] = r * Math.cos(theta);
      xy[2 * k + 1] = r * Math.sin(theta);
    });
    outer = r;
    r += minDist;
  }
  return { xy, radius: outer + options.nodeSize / 2 };
}

/** Zoom and pan that fit a layout of this radius into a width × height viewport, as cy.fit with padding. */
export function fitViewport(radius: number, width: number, height: number, padding = 30, zoomRange = { min: 0.05, max: 4 }) {
  const extent = Math.max(2 * radius, 1);
  const zoom = Math.min(zoomRange.max, Math.max(zoomRange.min, Math.min((width - 2 * padding) / extent, (height - 2 * padding) / extent)));
  return { zoom, pan: { x: width / 2, y: height / 2 } };
}
