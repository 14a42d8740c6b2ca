/**
 * The drug network (Cytoscape.js): known interactions coloured by predicted strength, the strongest
 * unknown pairs as dashed candidate edges. Updates are batched so recolouring stays cheap.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { DrugGraph } from '../data/graph';
import type { CandidatePair } from '../workers/protocol';
import { strengthColor } from './colorScale';
import { usePlayground } from './context';
import { candidateEdgeId, graphElements, knownEdgeId, nodeElementId } from './graphElements';
import { NETWORK_STYLE } from './networkStyle';

function recolour(cy: cytoscape.Core, probabilities: Float32Array): void {
  cy.batch(() => {
    for (let i = 0; i < probabilities.length; i++) {
      const edge = cy.$id(knownEdgeId(i));
      edge.data({ p: probabilities[i], color: strengthColor(probabilities[i]) });
    }
  });
}

function showCandidates(cy: cytoscape.Core, candidates: CandidatePair[]): void {
  cy.batch(() => {
    cy.edges('.candidate').remove();
    cy.add(
      candidates.map((c) => ({
        group: 'edges' as const,
        classes: 'candidate',
        data: { id: candidateEdgeId(c.a, c.b), source: nodeElementId(c.a), target: nodeElementId(c.b), p: c.probability },
      })),
    );
  });
}

export function NetworkView({ onReady }: { onReady: (cy: cytoscape.Core | null) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<cytoscape.Core | null>(null);
  const graph = usePlayground((s) => s.graph);
  const probabilities = usePlayground((s) => s.edgeProbabilities);
  const candidates = usePlayground((s) => s.candidates);

  useEffect(() => {
    if (!graph || !container.current) return;
    const cy = createNetwork(container.current, graph);
    cyRef.current = cy;
    onReady(cy);
    return () => {
      onReady(null);
      cyRef.current = null;
      cy.destroy();
    };
  }, [graph, onReady]);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy && probabilities && probabilities.length === cy.edges('.known').length) recolour(cy, probabilities);
  }, [probabilities, graph]);

  useEffect(() => {
    if (cyRef.current) showCandidates(cyRef.current, candidates);
  }, [candidates, graph]);

  return <div ref={container} className="network" data-testid="network" aria-label="Drug interaction network" />;
}

function createNetwork(el: HTMLElement, graph: DrugGraph): cytoscape.Core {
  return cytoscape({
    container: el,
    elements: graphElements(graph),
    style: NETWORK_STYLE,
    layout: { name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 6000, idealEdgeLength: () => 60, numIter: 1500 },
    minZoom: 0.1,
    maxZoom: 4,
    wheelSensitivity: 0.3,
  });
}
