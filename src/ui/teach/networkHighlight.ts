/**
 * Lights up the stepper's story in the Cytoscape network with classes (styled in networkStyle.ts),
 * fades the edge layer, and adds a few overlay edges of its own: message edges u → v drawn with
 * arrows toward v (the known edges are undirected and drawn a → b), animated by moving their dash
 * pattern. Everything it adds
 * carries the `teach` class so it is removed in one go; it redraws itself when the network view
 * replaces its elements.
 */
import type cytoscape from 'cytoscape';
import { nodeElementId } from '../graphElements';
import { EdgeLayer } from '../network/edgeLayer';

export interface HighlightSpec {
  focus: number | null;
  senders: number[];
  flow: boolean;
  partner: number | null;
  /** Receptive-field rings: rings[k-1] = nodes k hops from focus. */
  rings: number[][];
  /** "Why this prediction": directed edges with their share. */
  why: { source: number; target: number; share: number }[];
  hover: number | null;
}

const NODE_CLASSES = 'teach-focus teach-sender teach-partner teach-ring1 teach-ring2 teach-ring3 teach-ringn teach-why teach-hover teach-dim';

export class NetworkHighlighter {
  private spec: HighlightSpec | null = null;
  private frame = 0;
  private animation = 0;
  private applying = false;
  /** Whether any class or overlay of ours is on the network (nothing to undo otherwise). */
  private drawn = false;
  private readonly onAdd = () => {
    // Only when something is shown: the view adds elements on every refresh while training, and
    // restyling the whole network each time would cost the page smoothness for nothing.
    if (!this.applying && this.spec?.focus != null) this.schedule();
  };

  constructor(private readonly cy: cytoscape.Core) {
    cy.on('add', this.onAdd);
  }

  show(spec: HighlightSpec | null): void {
    this.spec = spec;
    this.schedule();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.apply();
    });
  }

  private apply(): void {
    const cy = this.cy;
    if (cy.destroyed()) return;
    const spec = this.spec;
    if (!this.drawn && (!spec || spec.focus === null)) return;
    this.drawn = !!spec && spec.focus !== null;
    this.applying = true;
    // The interactions are drawn beneath Cytoscape (network/edgeLayer.ts): they fade with the drugs.
    let dimmed = false;
    cy.batch(() => {
      cy.elements('.teach').remove();
      cy.elements().removeClass(NODE_CLASSES);
      if (!spec || spec.focus === null) return;
      const node = (i: number) => cy.$id(nodeElementId(i));
      const any = spec.senders.length || spec.rings.length || spec.why.length || spec.partner !== null;
      if (any) cy.elements().addClass('teach-dim');
      dimmed = !!any;
      spec.rings.forEach((ring, k) =>
        ring.forEach((i) =>
          node(i)
            .removeClass('teach-dim')
            .addClass(k < 3 ? `teach-ring${k + 1}` : 'teach-ringn'),
        ),
      );
      const overlay: cytoscape.ElementDefinition[] = [];
      const edge = (u: number, v: number, cls: string, data: Record<string, unknown> = {}) => {
        if (node(u).empty() || node(v).empty()) return; // not drawn in a big graph's view
        overlay.push({
          group: 'edges',
          classes: `teach ${cls}`,
          data: { id: `teach-${cls}-${u}-${v}`, source: nodeElementId(u), target: nodeElementId(v), ...data },
        });
      };
      for (const u of spec.senders) {
        node(u).removeClass('teach-dim').addClass('teach-sender');
        edge(u, spec.focus, spec.flow ? 'teach-flow' : 'teach-msg');
      }
      for (const e of spec.why) {
        node(e.source).removeClass('teach-dim').addClass('teach-why');
        node(e.target).removeClass('teach-dim').addClass('teach-why');
        // Labels on the larger shares only: a dense neighbourhood would be unreadable otherwise.
        edge(e.source, e.target, 'teach-whyedge', { share: e.share, label: e.share >= 0.05 ? `${Math.round(e.share * 100)}%` : '' });
      }
      if (spec.partner !== null) {
        node(spec.partner).removeClass('teach-dim').addClass('teach-partner');
        edge(spec.focus, spec.partner, 'teach-pair');
      }
      node(spec.focus).removeClass('teach-dim').addClass('teach-focus');
      if (spec.hover !== null) node(spec.hover).removeClass('teach-dim').addClass('teach-hover');
      cy.add(overlay);
    });
    EdgeLayer.of(cy)?.setDimmed(dimmed);
    this.applying = false;
    this.animate(!!spec?.flow && spec.senders.length > 0);
  }

  /** Messages "travel" toward v: the dash pattern of the flow edges moves along them. */
  private animate(on: boolean): void {
    cancelAnimationFrame(this.animation);
    this.animation = 0;
    if (!on) return;
    const t0 = performance.now();
    const tick = (t: number) => {
      if (this.cy.destroyed()) return;
      this.cy.edges('.teach-flow').style('line-dash-offset', -((t - t0) / 40) % 24);
      this.animation = requestAnimationFrame(tick);
    };
    this.animation = requestAnimationFrame(tick);
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.animation);
    if (!this.cy.destroyed()) {
      this.cy.removeListener('add', this.onAdd);
      this.cy.elements('.teach').remove();
      this.cy.elements().removeClass(NODE_CLASSES);
      EdgeLayer.of(this.cy)?.setDimmed(false);
    }
  }
}
