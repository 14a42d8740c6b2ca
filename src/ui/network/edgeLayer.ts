/**
 * The network's edges on a plain canvas beneath Cytoscape's (Cytoscape draws the drugs, takes
 * the clicks and draws the stepper's overlay edges).
 *
 * Why not Cytoscape edges: its canvas renderer redraws every drawn element whenever any one
 * changes, and rebuilds its layer cache after. Under software rendering one strength refresh of
 * 1,000 edges and their ~700 drugs cost 30–40 ms of main-thread CPU in two or three tasks; here a
 * refresh is one path per strength bin, ~3 ms including rasterisation, and Cytoscape does not
 * redraw at all while training.
 */
import type cytoscape from 'cytoscape';
import { nodeElementId } from '../graphElements';
import { CANDIDATE_STYLE, DIMMED, knownEdgeStyle, STRENGTH_BINS, updateBins, type LineStyle } from './edgeStyle';

const SCRATCH_KEY = 'playground-edge-layer';

/** What the layer draws, for tests and scripts (`window.playground.drawnEdges()`). */
export interface DrawnEdges {
  /** Known interactions: graph edge index, its drugs (node indices), the colour drawn and, on a typed graph, the relation's index. */
  known: { index: number; a: number; b: number; color: string; relation?: number }[];
  /** Candidate pairs drawn (node indices). */
  candidates: { a: number; b: number }[];
  dimmed: boolean;
}

export class EdgeLayer {
  private readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly resize: ResizeObserver;
  private frame = 0;
  private dimmed = false;
  /** Drawn known edges: graph edge index, endpoint nodes, strength bin. */
  private edges: Int32Array = new Int32Array(0);
  private sources: cytoscape.NodeSingular[] = [];
  private targets: cytoscape.NodeSingular[] = [];
  private bins: Int8Array = new Int8Array(0);
  /** Typed graphs: each drawn edge's relation and the dash pattern per relation (one path per relation and bin). */
  private relations: Int32Array | null = null;
  private dashes: number[][] = [[]];
  private candidates: { a: number; b: number; source: cytoscape.NodeSingular; target: cytoscape.NodeSingular }[] = [];

  /** The layer drawing `cy`'s edges, if any. */
  static of(cy: cytoscape.Core): EdgeLayer | null {
    return (cy.scratch(SCRATCH_KEY) as EdgeLayer | undefined) ?? null;
  }

  constructor(private readonly cy: cytoscape.Core) {
    const container = cy.container()!;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'edge-layer';
    this.canvas.setAttribute('aria-hidden', 'true');
    // First in the container: Cytoscape's own canvases, drugs included, paint over it.
    container.prepend(this.canvas);
    this.context = this.canvas.getContext('2d')!;
    this.resize = new ResizeObserver(this.schedule);
    this.resize.observe(container);
    cy.on('viewport resize', this.schedule);
    cy.on('position', 'node', this.schedule);
    cy.one('destroy', () => this.destroy());
    cy.scratch(SCRATCH_KEY, this);
  }

  /**
   * The drawn known edges (graph edge indices with their endpoints) and their strengths; on a typed
   * graph each edge's relation (`relation.of`, graph edge order) with a dash pattern per relation.
   */
  setKnown(edges: Int32Array, src: Int32Array, dst: Int32Array, probabilities: Float32Array | null, relation?: { of: Int32Array; dashes: number[][] }): void {
    this.edges = edges;
    this.relations = relation ? Int32Array.from(edges, (i) => relation.of[i]) : null;
    this.dashes = relation?.dashes ?? [[]];
    this.sources = Array.from(edges, (i) => this.node(src[i]));
    this.targets = Array.from(edges, (i) => this.node(dst[i]));
    this.bins = new Int8Array(edges.length);
    updateBins(this.bins, edges, probabilities);
    this.schedule();
  }

  /** New strengths for the drawn edges; redraws only if a bin changed. Returns how many changed. */
  setStrengths(probabilities: Float32Array | null): number {
    const changed = updateBins(this.bins, this.edges, probabilities);
    if (changed > 0) this.schedule();
    return changed;
  }

  /** Candidate pairs; those with a drug that is not drawn are left out (the list beside shows all). */
  setCandidates(pairs: { a: number; b: number }[]): void {
    const drawn = pairs.flatMap(({ a, b }) => {
      const source = this.node(a);
      const target = this.node(b);
      return source.nonempty() && target.nonempty() ? [{ a, b, source, target }] : [];
    });
    const same = drawn.length === this.candidates.length && drawn.every((c, k) => c.a === this.candidates[k].a && c.b === this.candidates[k].b);
    this.candidates = drawn;
    if (!same) this.schedule();
  }

  /** The stepper fades every edge while it tells its story on the drugs. */
  setDimmed(dimmed: boolean): void {
    if (dimmed === this.dimmed) return;
    this.dimmed = dimmed;
    this.schedule();
  }

  snapshot(): DrawnEdges {
    return {
      known: Array.from(this.edges, (index, k) => ({
        index,
        a: this.sources[k].data('index') as number,
        b: this.targets[k].data('index') as number,
        color: knownEdgeStyle(this.bins[k]).color,
        ...(this.relations ? { relation: this.relations[k] } : {}),
      })),
      candidates: this.candidates.map(({ a, b }) => ({ a, b })),
      dimmed: this.dimmed,
    };
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    this.canvas.remove();
    if (!this.cy.destroyed()) {
      this.cy.removeListener('viewport resize', this.schedule);
      this.cy.removeListener('position', 'node', this.schedule);
      this.cy.removeScratch(SCRATCH_KEY);
    }
  }

  private node(v: number): cytoscape.NodeSingular {
    return this.cy.$id(nodeElementId(v)) as unknown as cytoscape.NodeSingular;
  }

  /** At most one redraw per frame, in the frame Cytoscape draws a pan or zoom in. */
  private readonly schedule = (): void => {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.draw);
  };

  private readonly draw = (): void => {
    this.frame = 0;
    const { cy, canvas, context } = this;
    if (cy.destroyed()) return;
    const container = cy.container()!;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(container.clientWidth * ratio);
    const height = Math.round(container.clientHeight * ratio);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    this.paint(context, ratio);
  };

  /**
   * Draws the edges as on screen onto `context` at `ratio` pixels per CSS pixel of the view (the
   * layer itself: the device pixel ratio; an image export: 2). Leaves the context's state as it was.
   */
  paint(context: CanvasRenderingContext2D, ratio: number): void {
    const { cy } = this;
    context.save();
    const zoom = cy.zoom() * ratio;
    const pan = cy.pan();
    context.setTransform(zoom, 0, 0, zoom, pan.x * ratio, pan.y * ratio);
    const fade = this.dimmed ? DIMMED : 1;
    // One path per bin (and relation): stroke calls, not edges, are what a canvas pays for.
    const slots = STRENGTH_BINS + 1;
    const byBin: number[][] = Array.from({ length: slots * this.dashes.length }, () => []);
    this.bins.forEach((bin, k) => byBin[(this.relations ? this.relations[k] : 0) * slots + bin + 1].push(k));
    byBin.forEach((members, slot) => {
      if (members.length === 0) return;
      context.beginPath();
      for (const k of members) line(context, this.sources[k], this.targets[k]);
      context.setLineDash(this.dashes[Math.floor(slot / slots)]);
      stroke(context, knownEdgeStyle((slot % slots) - 1), fade);
    });
    context.setLineDash([]);
    if (this.candidates.length > 0) {
      context.beginPath();
      for (const c of this.candidates) line(context, c.source, c.target);
      context.setLineDash(CANDIDATE_STYLE.dash);
      stroke(context, CANDIDATE_STYLE, fade);
      context.setLineDash([]);
    }
    context.restore();
  }

  /** The drawn lines in model coordinates with their styles, known interactions first (for the SVG export). */
  lines(): DrawnLine[] {
    const fade = this.dimmed ? DIMMED : 1;
    const seg = (s: cytoscape.NodeSingular, t: cytoscape.NodeSingular, style: LineStyle, kind: DrawnLine['kind'], dash: number[] = []): DrawnLine => {
      const p = s.position();
      const q = t.position();
      return { kind, x1: p.x, y1: p.y, x2: q.x, y2: q.y, color: style.color, width: style.width, opacity: style.opacity * fade, dash };
    };
    return [
      ...Array.from(this.bins, (bin, k) =>
        seg(this.sources[k], this.targets[k], knownEdgeStyle(bin), 'known', this.relations ? this.dashes[this.relations[k]] : []),
      ),
      ...this.candidates.map((c) => seg(c.source, c.target, CANDIDATE_STYLE, 'candidate')),
    ];
  }
}

/** One drawn edge: endpoints in model coordinates, colour, width (model units) and opacity. */
export interface DrawnLine {
  kind: 'known' | 'candidate';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  opacity: number;
  /** Dash pattern of a known edge's relation on a typed graph ([] = solid). */
  dash: number[];
}

function line(context: CanvasRenderingContext2D, source: cytoscape.NodeSingular, target: cytoscape.NodeSingular): void {
  const s = source.position();
  const t = target.position();
  context.moveTo(s.x, s.y);
  context.lineTo(t.x, t.y);
}

function stroke(context: CanvasRenderingContext2D, style: LineStyle, fade: number): void {
  context.strokeStyle = style.color;
  context.lineWidth = style.width;
  context.globalAlpha = style.opacity * fade;
  context.stroke();
}
