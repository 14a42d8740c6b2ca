/**
 * The strongest predicted pairs that are not known interactions, by drug name, with what ranks them:
 * the rank and the decoder's logit (probabilities saturate near 1). "Show more" raises the candidate
 * count (the `top` setting) by a page; a row is a button that focuses the pair in the network and opens
 * the stepper on drug a at the Output screen with drug b as the partner. The list is one Tab stop;
 * ↑/↓/Home/End move between rows (listKeys.ts).
 */
import { useContext, useRef, useState } from 'react';
import { MAX_CANDIDATES } from '../settings/schema';
import { isHeuristicKind } from '../settings/options';
import type { CandidatePair } from '../workers/protocol';
import { useController, usePlayground } from './context';
import { useRovingFocus } from './listKeys';
import { TeachContext } from './teach/context';
import { NodeCandidates } from './typed/NodeCandidates';
import { isTyped } from './typed/kindStyle';

/** Rows added per "Show more". */
export const CANDIDATES_PAGE = 100;

/** A logit with enough digits to tell neighbouring ranks apart. */
export function formatLogit(x: number): string {
  return Math.abs(x) >= 1 ? x.toFixed(3) : x.toPrecision(3);
}

/** A probability that says how close to 1 it is rather than a rounded 1.000. */
export function formatProbability(p: number): string {
  if (p <= 0.999) return p.toFixed(3);
  return p < 1 ? `1 − ${(1 - p).toExponential(1)}` : '≈ 1';
}

export function CandidatesList() {
  const graph = usePlayground((s) => s.graph);
  const candidates = usePlayground((s) => s.candidates);
  const limit = usePlayground((s) => s.settings.candidates);
  const model = usePlayground((s) => s.settings.model);
  // A heuristic ranks by its own score and has no layers for the stepper to walk through.
  const heuristic = isHeuristicKind(model);
  const controller = useController();
  const teach = useContext(TeachContext);
  const [opening, setOpening] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const roving = useRovingFocus(list, candidates.length, 'button.candidate');
  if (!graph) return null;
  const max = MAX_CANDIDATES;
  const id = (i: number) => graph.nodes[i].id;

  const open = async (c: CandidatePair) => {
    setOpening(`${id(c.a)} – ${id(c.b)}`);
    try {
      // Focus ids are comma-separated: a pair whose id holds a comma is opened without focusing.
      if (!id(c.a).includes(',') && !id(c.b).includes(',')) await controller.changeSettings({ focus: `${id(c.a)},${id(c.b)}` });
      if (teach && !heuristic) {
        await teach.open(c.a);
        await teach.setPartner(c.b);
        teach.goTo(teach.screens.length - 1);
      }
    } finally {
      setOpening(null);
    }
  };

  return (
    <section className="panel candidates" aria-label="Candidate interactions">
      <h2>Candidate new interactions</h2>
      {isTyped(graph) && <NodeCandidates graph={graph} />}
      {candidates.length === 0 ? (
        <p className="muted">Train the model to rank unknown pairs.</p>
      ) : (
        <>
          <p className="muted small candidates-key" id="candidates-key">
            {heuristic
              ? `Ranked by the ${model} heuristic’s score over the training pairs (p = the score relative to the strongest known pair’s). Open a pair to see it in the network.`
              : 'Ranked by the decoder’s logit (p = its sigmoid). Open a pair to see it in the network and the stepper’s Output screen.'}
          </p>
          <ol data-testid="candidates" ref={list} onKeyDown={roving.onKeyDown}>
            {candidates.map((c, i) => (
              <li key={`${c.a}-${c.b}`}>
                <button
                  type="button"
                  className="candidate"
                  data-rank={i + 1}
                  title={`${id(c.a)} – ${id(c.b)}: ${heuristic ? 'score' : 'logit'} ${c.score}, ${heuristic ? 'relative strength' : 'probability'} ${c.probability}`}
                  aria-describedby="candidates-key"
                  tabIndex={roving.tabIndex(i)}
                  onFocus={roving.onFocus(i)}
                  onClick={() => void open(c)}
                >
                  <span className="rank">{i + 1}</span>
                  <span className="pair">
                    {graph.nodes[c.a].name} – {graph.nodes[c.b].name}
                  </span>
                  <span className="score">{formatLogit(c.score)}</span>
                  <span className="prob">p {formatProbability(c.probability)}</span>
                </button>
              </li>
            ))}
          </ol>
          {candidates.length >= limit && limit < max && (
            <button type="button" className="show-more" onClick={() => void controller.changeSettings({ candidates: Math.min(max, limit + CANDIDATES_PAGE) })}>
              Show {Math.min(CANDIDATES_PAGE, max - limit)} more
            </button>
          )}
        </>
      )}
      <p className="muted small" role="status" aria-live="polite">
        {opening ? `Opening ${opening}…` : ''}
      </p>
      <p className="muted small">Predictions of a model trained on known interactions; not clinical advice.</p>
    </section>
  );
}
