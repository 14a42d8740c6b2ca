/**
 * The drug network: drugs in Cytoscape.js (layout, clicks, the stepper's highlights), known
 * interactions coloured by predicted strength and the strongest unknown pairs as dashed candidate
 * edges on the edge layer beneath it (network/edgeLayer.ts: why not Cytoscape edges). Only the
 * visible set (network/viewFilter.ts) is drawn; while training only the edge layer changes.
 */
import cytoscape from 'cytoscape';
import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import type { DrugGraph } from '../data/graph';
import { atcColor } from './colorScale';
import { usePlayground } from './context';
import { nodeElementId } from './graphElements';
import { EdgeLayer } from './network/edgeLayer';
import { useWebglRenderer } from './network/renderer';
import { CONCENTRIC_DEFAULTS, concentricPositions, drawnDegrees, fitViewport } from './network/layout';
import { hiddenMasks, hiddenNames, visibleSet, type VisibleSet } from './network/viewFilter';
import { NETWORK_STYLE } from './networkStyle';
import { isTyped, kindStyles, relationDashes, type KindStyle } from './typed/kindStyle';

/** Above this many drawn drugs the force-directed layout blocks the page too long (cose on ~800 drugs: 9 s in headless Chromium); concentric rings by degree are used. */
const FORCE_LAYOUT_MAX_NODES = 300;
/** How long training must have stopped before the drawn set is re-chosen from new strengths. */
const RESELECT_DELAY_MS = 1000;

/** Above this many drawn drugs, names are shown only for selected or highlighted ones: text is the costliest part of a frame. */
const LABEL_ALL_MAX_NODES = 400;
/** Candidate pairs drawn as dashed edges at most: the list may hold up to 1,000, the view stays readable. */
const DRAWN_CANDIDATES = 100;

/** Typed graphs: a node's kind, shape and colour (drugs keep their ATC colour); untyped: the drug look alone. */
function nodeElement(graph: DrugGraph, v: number, quiet: boolean, styles: KindStyle[] | null): cytoscape.ElementDefinition {
  const n = graph.nodes[v];
  const kind = graph.nodeKind?.[v] ?? 0;
  const style = styles?.[kind];
  const typed = style ? { kind: graph.kinds?.[kind] ?? 'drug', shape: style.shape } : {};
  return {
    group: 'nodes',
    classes: quiet ? 'unlabelled' : '',
    data: { id: nodeElementId(v), index: v, label: n.name, drugId: n.id, color: style?.color ?? atcColor(n.atc), ...typed },
  };
}

/** Probabilities for this graph's edges, or null (none yet, or still those of the previous graph). */
const ownProbabilities = (graph: DrugGraph, p: Float32Array | null) => (p && p.length === graph.edgeSrc.length ? p : null);

/** Replaces the drawn drugs and edges with the visible set and lays them out. */
function draw(cy: cytoscape.Core, layer: EdgeLayer, graph: DrugGraph, visible: VisibleSet, probabilities: Float32Array | null): void {
  const force = visible.nodes.length <= FORCE_LAYOUT_MAX_NODES;
  const quiet = visible.nodes.length > LABEL_ALL_MAX_NODES;
  const typed = isTyped(graph);
  const styles = typed ? kindStyles(graph.kinds ?? ['drug']) : null;
  // Big sets: concentric rings by drawn degree, computed here rather than by Cytoscape (see network/layout.ts).
  const rings = force
    ? null
    : concentricPositions(drawnDegrees(visible.nodes, visible.edges, graph.edgeSrc, graph.edgeDst), { ...CONCENTRIC_DEFAULTS, nodeSize: quiet ? 12 : 13 });
  cy.batch(() => {
    cy.elements().remove();
    cy.add(
      Array.from(visible.nodes, (v, k) => ({
        ...nodeElement(graph, v, quiet, styles),
        ...(rings ? { position: { x: rings.xy[2 * k], y: rings.xy[2 * k + 1] } } : {}),
      })),
    );
  });
  if (rings) cy.viewport(fitViewport(rings.radius, cy.width(), cy.height(), 30, { min: cy.minZoom(), max: cy.maxZoom() }));
  else {
    // The force layout pulls along interactions: they are Cytoscape edges for the layout's run only.
    const links = cy.add(
      Array.from(visible.edges, (i) => ({
        group: 'edges' as const,
        data: { source: nodeElementId(graph.edgeSrc[i]), target: nodeElementId(graph.edgeDst[i]) },
      })),
    );
    // cose stops when its temperature (1000) cools below 1: at 0.97 per iteration that is 227
    // iterations instead of 688 at the default 0.99. Each costs drugs² repulsions on the main thread
    // before the demo is first drawn; the demo's picture looks the same (bench/startup.ts, README).
    cy.layout({
      name: 'cose',
      animate: false,
      randomize: true,
      nodeRepulsion: () => 6000,
      idealEdgeLength: () => 60,
      numIter: 1500,
      coolingFactor: 0.97,
    } as cytoscape.LayoutOptions).run();
    links.remove();
  }
  const relation = typed && graph.edgeRelation && graph.relations ? { of: graph.edgeRelation, dashes: relationDashes(graph.relations) } : undefined;
  layer.setKnown(visible.edges, graph.edgeSrc, graph.edgeDst, probabilities, relation);
  // For tests and profiling: the visible set is drawn and laid out, then Cytoscape has rendered it.
  const detail = { nodes: visible.nodes.length, edges: visible.edges.length };
  performance.mark('playground:view-drawn', { detail });
  cy.one('render', () => performance.mark('playground:view-rendered', { detail }));
}

/** A Cytoscape instance with the edge layer drawn beneath it. */
interface DrawnNetwork {
  cy: cytoscape.Core;
  layer: EdgeLayer;
}

export function NetworkView({ onReady }: { onReady: (cy: cytoscape.Core | null) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<DrawnNetwork | null>(null);
  const graph = usePlayground((s) => s.graph);
  const probabilities = usePlayground((s) => s.edgeProbabilities);
  const candidates = usePlayground((s) => s.candidates);
  const training = usePlayground((s) => s.status === 'training');
  const settings = usePlayground((s) => s.settings);
  const { maxEdges, minStrength, focus, hops, renderer, hide } = settings;

  const focusIndices = useMemo(() => {
    if (!graph || !focus) return [];
    const wanted = new Set(focus.split(','));
    return graph.nodes.flatMap((n, i) => (wanted.has(n.id) ? [i] : []));
  }, [graph, focus]);

  // While training, the drawn set is kept (only recoloured); it is re-chosen once training has
  // stopped for a moment, so a redraw never lands in the middle of a run.
  // Kept with the graph they belong to: after a new load the previous graph's strengths must not pick edges.
  const [settled, setSettled] = useState<{ graph: DrugGraph | null; probabilities: Float32Array | null }>({ graph: null, probabilities: null });
  useEffect(() => {
    if (training) return;
    const timer = setTimeout(() => setSettled({ graph, probabilities }), RESELECT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [training, probabilities, graph]);
  const settledProbabilities = settled.graph === graph ? settled.probabilities : null;
  const selectionProbabilities = minStrength > 0 || (graph && graph.edgeSrc.length > maxEdges) ? settledProbabilities : null;

  const hidden = useMemo(
    () => (graph && isTyped(graph) ? hiddenMasks({ ...graph, numNodes: graph.nodes.length }, hiddenNames(hide)) : undefined),
    [graph, hide],
  );
  const visible = useMemo(
    () =>
      graph
        ? visibleSet(graph.nodes.length, graph.edgeSrc, graph.edgeDst, selectionProbabilities, { maxEdges, minStrength, focus: focusIndices, hops, hidden })
        : null,
    [graph, selectionProbabilities, maxEdges, minStrength, focusIndices, hops, hidden],
  );
  const webgl = useWebglRenderer(renderer, visible?.nodes.length ?? 0);

  useEffect(() => {
    if (!graph || !container.current) return;
    const instance = cytoscape({
      container: container.current,
      style: NETWORK_STYLE,
      minZoom: 0.05,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    instance.scratch('graph', graph);
    const layer = new EdgeLayer(instance);
    setCy({ cy: instance, layer });
    onReady(instance);
    return () => {
      onReady(null);
      setCy(null);
      instance.destroy();
    };
  }, [graph, onReady, webgl]);

  // In the commit that replaces the graph, these effects still see the instance just destroyed.
  const live = cy && !cy.cy.destroyed() && cy.cy.scratch('graph') === graph ? cy : null;

  // A new drawn set is drawn with the current strengths and candidates, but new strengths or candidates
  // alone must not redraw it (the effects below recolour): an effect event reads them without depending on them.
  const drawVisible = useEffectEvent((target: DrawnNetwork, drawnGraph: DrugGraph, drawn: VisibleSet) => {
    draw(target.cy, target.layer, drawnGraph, drawn, ownProbabilities(drawnGraph, probabilities));
    target.layer.setCandidates(candidates.slice(0, DRAWN_CANDIDATES));
  });
  useEffect(() => {
    if (live && graph && visible) drawVisible(live, graph, visible);
  }, [live, graph, visible]);

  // Refreshes while training touch the edge layer only; Cytoscape does not redraw.
  useEffect(() => {
    if (live && graph) live.layer.setStrengths(ownProbabilities(graph, probabilities));
  }, [live, probabilities, graph]);

  useEffect(() => {
    live?.layer.setCandidates(candidates.slice(0, DRAWN_CANDIDATES));
  }, [live, candidates]);

  return (
    <>
      {/* A picture for assistive technology: drugs are reached by keyboard through the title bar's search. */}
      <div
        ref={container}
        className="network"
        data-testid="network"
        role="img"
        aria-label="Drug interaction network (find a drug with the search in the title bar)"
      />
      {graph && visible && (
        <div className="view-counts" data-testid="view-counts">
          showing {visible.edges.length.toLocaleString()} of {graph.edgeSrc.length.toLocaleString()} interactions · {visible.nodes.length.toLocaleString()} of{' '}
          {graph.nodes.length.toLocaleString()} {isTyped(graph) ? 'nodes' : 'drugs'}
          {visible.matching > visible.edges.length ? ` · ${(visible.matching - visible.edges.length).toLocaleString()} more match (raise “edges drawn”)` : ''}
        </div>
      )}
    </>
  );
}
