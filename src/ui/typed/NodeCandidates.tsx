/**
 * One node's predicted partners on a typed graph: with a single node focused (the view's search),
 * the worker scores it against every node of the kind the predicted relation pairs it with and the
 * strongest unknown ones are listed under words from the relation ("Drugs predicted to bind PTGS2").
 * Refreshed with the candidate list, so it follows training.
 */
import { useEffect, useState } from 'react';
import type { DrugGraph } from '../../data/graph';
import type { CandidatePair } from '../../workers/protocol';
import { formatProbability } from '../CandidatesList';
import { useController, usePlayground } from '../context';
import { kindOfNode } from '../teach/drugSearch';
import { partnerKindOf, partnersHeading, predictedRelation, relationEnds } from './relationWording';

/** Partners listed for the focused node. */
export const NODE_CANDIDATES = 10;

export function NodeCandidates({ graph }: { graph: DrugGraph }) {
  const controller = useController();
  const focus = usePlayground((s) => s.settings.focus);
  const relationSetting = usePlayground((s) => s.settings.relation);
  const candidates = usePlayground((s) => s.candidates);
  const node = focus && !focus.includes(',') ? graph.nodes.findIndex((n) => n.id === focus) : -1;
  const [result, setResult] = useState<{ node: number; pairs: CandidatePair[] } | null>(null);

  useEffect(() => {
    if (node < 0 || candidates.length === 0) return;
    let current = true;
    controller.trainer
      .nodeCandidates(node, NODE_CANDIDATES)
      .then((pairs) => current && setResult({ node, pairs: pairs ?? [] }))
      .catch(() => current && setResult(null));
    return () => {
      current = false;
    };
  }, [controller, node, candidates]);

  if (node < 0 || candidates.length === 0) return null;
  const relation = predictedRelation(graph.relations, relationSetting);
  const ends = relation ? relationEnds(graph, relation) : null;
  const kind = kindOfNode(graph, node) ?? 'drug';
  const partnerKind = ends ? partnerKindOf(ends, kind) : null;
  const name = graph.nodes[node].name;
  if (!relation || !partnerKind) {
    return (
      <p className="muted small" data-testid="node-candidates">
        {name} is a {kind}; the predicted relation{relation ? ` (${relation})` : ''} does not pair {kind}s.
      </p>
    );
  }
  const pairs = result?.node === node ? result.pairs : [];
  return (
    <section className="node-candidates" data-testid="node-candidates" aria-label={partnersHeading(relation, kind, partnerKind, name)}>
      <h3>{partnersHeading(relation, kind, partnerKind, name)}</h3>
      <ol>
        {pairs.map((c) => (
          <li key={c.b}>
            {graph.nodes[c.b].name} {graph.nodes[c.b].name !== graph.nodes[c.b].id && <span className="muted">{graph.nodes[c.b].id}</span>}{' '}
            <span className="prob">p {formatProbability(c.probability)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
