/** Aggregate: m_v = AGG(…) with the aggregator the model used, the numbers for a few components, and the vector. */
import type { DrugGraph } from '../../data/graph';
import type { LayerExplanation } from '../../model/teach/types';
import { Formula } from './Formula';
import { VectorView } from './HeatMap';
import { aggregationNumbers, aggregatorFormula, SEED_AGG } from './latex';
import { RelationMeans } from './RelationGroups';

const AGG_WORDS: Record<string, string> = {
  mean: 'the average of the messages, component by component',
  sum: 'the sum of the messages, component by component',
  max: 'the largest message value in each component',
  gcn: 'a weighted sum over the neighbours and v itself, each weighted by 1/√(degree·degree) (Kipf & Welling)',
  attention: 'a weighted sum over the neighbours and v itself, with learned attention weights α that sum to 1',
  'relation-mean': 'the average of the messages within each relation, then the sum of those averages across relations (R-GCN)',
  unknown: 'the layer’s own aggregation (it could not be matched to a simple formula)',
};

export function AggregateScreen({ layer, graph }: { layer: LayerExplanation; graph: DrugGraph }) {
  const l = layer.layer;
  return (
    <div className="teach-screen" data-testid="screen-aggregate">
      <Formula tex={SEED_AGG.replaceAll('(l)', `(${l})`).replaceAll('(l-1)', `(${l - 1})`)} display />
      <p>
        Here AGG is <strong>{layer.aggregator}</strong>: {AGG_WORDS[layer.aggregator]}.
      </p>
      <Formula tex={aggregatorFormula(layer.aggregator, l)} display />
      {layer.relations && <RelationMeans r={layer.relations} graph={graph} layer={l} />}
      <div className="numbers" data-testid="aggregate-numbers">
        {layer.aggregationTerms.map((t) => (
          <Formula key={t.component} tex={aggregationNumbers(layer.aggregator, t, l)} display />
        ))}
      </div>
      <VectorView label={`m_v (layer ${l})`} values={layer.aggregated} testId="screen-vector" marked={layer.aggregationTerms.map((t) => t.component)} />
    </div>
  );
}
