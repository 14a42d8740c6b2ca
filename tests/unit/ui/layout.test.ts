import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { CONCENTRIC_DEFAULTS, concentricPositions, drawnDegrees, fitViewport } from '../../../src/ui/network/layout';
import { NETWORK_STYLE } from '../../../src/ui/networkStyle';

function lcg(seed: number) {
  return () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('drawnDegrees', () => {
  it('counts only drawn edges, per drawn node', () => {
    const src = Int32Array.from([0, 0, 1, 2, 5]);
    const dst = Int32Array.from([1, 2, 2, 3, 6]);
    // Drawn: nodes 0, 1, 2, 3; edges 0, 1, 3 (edge 2 is not drawn).
    expect(Array.from(drawnDegrees(Int32Array.from([0, 1, 2, 3]), Int32Array.from([0, 1, 3]), src, dst))).toEqual([2, 1, 2, 1]);
  });
});

describe('concentricPositions', () => {
  it("places drugs where Cytoscape's concentric layout does (same options, headless Cytoscape)", () => {
    const rand = lcg(5);
    for (const [n, unlabelled] of [
      [40, false],
      [500, true],
    ] as const) {
      // Skewed degrees: a few hubs and many leaves, with ties.
      const degree = Array.from({ length: n }, () => Math.floor(rand() ** 4 * 60));
      const cy = cytoscape({ headless: true, styleEnabled: true, style: NETWORK_STYLE });
      cy.add(
        degree.map((_, k) => ({ group: 'nodes' as const, classes: unlabelled ? 'unlabelled' : '', data: { id: `n${k}`, color: '#000', label: `d${k}` } })),
      );
      cy.layout({
        name: 'concentric',
        animate: false,
        fit: false,
        boundingBox: { x1: -500, y1: -500, w: 1000, h: 1000 },
        concentric: (node: cytoscape.NodeSingular) => degree[Number(node.id().slice(1))],
        levelWidth: () => 4,
        minNodeSpacing: 4,
      } as cytoscape.LayoutOptions).run();
      const ours = concentricPositions(degree, { ...CONCENTRIC_DEFAULTS, nodeSize: unlabelled ? 12 : 13 });
      degree.forEach((_, k) => {
        const p = cy.$id(`n${k}`).position();
        expect(ours.xy[2 * k]).toBeCloseTo(p.x, 6);
        expect(ours.xy[2 * k + 1]).toBeCloseTo(p.y, 6);
      });
      cy.destroy();
    }
  });

  it('puts the drug with most drawn edges in the middle and reports the extent', () => {
    const { xy, radius } = concentricPositions([1, 9, 1, 1]);
    expect(Math.hypot(xy[2], xy[3])).toBe(0);
    const farthest = Math.max(...[0, 2, 3].map((k) => Math.hypot(xy[2 * k], xy[2 * k + 1])));
    expect(radius).toBeCloseTo(farthest + CONCENTRIC_DEFAULTS.nodeSize / 2, 9);
  });
});

describe('fitViewport', () => {
  it('fits the layout into the viewport with padding, within the zoom limits', () => {
    expect(fitViewport(100, 800, 600, 30)).toEqual({ zoom: (600 - 60) / 200, pan: { x: 400, y: 300 } });
    expect(fitViewport(1e6, 800, 600).zoom).toBe(0.05);
    expect(fitViewport(1, 800, 600).zoom).toBe(4);
  });
});
