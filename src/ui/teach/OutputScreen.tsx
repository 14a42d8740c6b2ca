/** Output: the decoder's score and probability for a partner, and how it compares with v's known interactions. */
import type { DrugGraph } from '../../data/graph';
import type { NodeExplanation } from '../../model/teach/types';
import { useTeachController } from './context';
import { Formula } from './Formula';
import { VectorView } from './HeatMap';
import { probabilityFormula, scoreNumbers } from './latex';
import { WhyPanel } from './WhyPanel';

const STATUS_WORDS = {
  train: 'a known interaction the model trained on',
  'held-out': 'a known interaction held out from training (validation/test)',
  unknown: 'not a known interaction — a candidate',
} as const;

export function OutputScreen({ e, graph }: { e: NodeExplanation; graph: DrugGraph }) {
  const teach = useTeachController();
  const d = e.decoder;
  const name = (i: number) => graph.nodes[i].name;
  const options = [...new Map([...d.topPartners, ...d.knownPartners].map((p) => [p.node, p])).values()].sort((a, b) => b.score - a.score);
  const known = d.knownPartners;
  return (
    <div className="teach-screen" data-testid="screen-output">
      <label className="partner-picker">
        Partner{' '}
        <select data-testid="partner-select" value={d.partner} onChange={(ev) => void teach.setPartner(Number(ev.target.value))}>
          {options.map((p) => (
            <option key={p.node} value={p.node}>
              {name(p.node)} · p = {p.probability.toFixed(3)}
              {p.known ? ' · known' : ''}
              {p.node === d.strongestUnknown ? ' · strongest new' : ''}
            </option>
          ))}
        </select>
      </label>
      <p>
        <strong>{name(e.node)}</strong> – <strong>{name(d.partner)}</strong> is {STATUS_WORDS[d.status]}.
      </p>
      <Formula tex={d.decoderLatex} display />
      {d.terms.length > 0 && <Formula tex={scoreNumbers(d.terms, d.restSum, d.restCount, d.score)} display />}
      <Formula tex={probabilityFormula(d.score, d.probability)} display />
      <div className="output-figures" data-testid="output-figures">
        <span>
          score <strong data-testid="output-score">{d.score.toFixed(4)}</strong>
        </span>
        <span>
          probability <strong data-testid="output-probability">{d.probability.toFixed(4)}</strong>
        </span>
      </div>
      <p data-testid="output-comparison">
        {known.length > 0 ? (
          <>
            {name(e.node)} has {known.length} known interaction{known.length === 1 ? '' : 's'}, predicted between {known.at(-1)!.probability.toFixed(3)} and{' '}
            {known[0].probability.toFixed(3)}. This pair would rank <strong>#{d.rankAmongKnown}</strong> among them
          </>
        ) : (
          <>{name(e.node)} has no known interactions</>
        )}
        , and scores above <strong>{(d.percentile * 100).toFixed(0)} %</strong> of all other drugs.
      </p>
      <VectorView label={`h_v^(L) of ${name(e.node)}`} values={e.output} testId="screen-vector" />
      <WhyPanel graph={graph} />
    </div>
  );
}
