/** Message: the neighbours N(v) and the vectors they send, as a heat-map (values on hover). */
import type { DrugGraph } from '../../data/graph';
import type { LayerExplanation } from '../../model/teach/types';
import { Formula } from './Formula';
import { HeatMap } from './HeatMap';
import { SEED_MESSAGE } from './latex';
import { RelationMessages } from './RelationGroups';

/** Rows drawn at most; the rest are counted (the numbers are all in the automation hook). */
const MAX_ROWS = 24;

export function MessageScreen({ layer, graph, drug }: { layer: LayerExplanation; graph: DrugGraph; drug: number }) {
  const l = layer.layer;
  const rows = layer.neighbours.slice(0, MAX_ROWS).map((n, i) => ({
    key: i,
    label: n.self ? `${graph.nodes[n.node].name} (itself)` : graph.nodes[n.node].name,
    values: n.message,
    note: n.weight ? `${layer.aggregator === 'attention' ? 'α' : 'w'} = ${n.weight.map((w) => w.toFixed(2)).join('/')}` : undefined,
  }));
  const senders = layer.neighbours.filter((n) => !n.self).length;
  if (layer.relations && senders > 0) return <RelationMessageScreen layer={layer} graph={graph} drug={drug} senders={senders} />;
  return (
    <div className="teach-screen" data-testid="screen-message">
      <Formula tex={SEED_MESSAGE.replaceAll('(l)', `(${l})`).replaceAll('(l-1)', `(${l - 1})`)} display />
      <p>
        {senders === 0 ? (
          <>
            <strong>{graph.nodes[drug].name}</strong> has no neighbours in the training graph, so no messages arrive in layer {l}.
          </>
        ) : (
          <>
            <strong>{senders}</strong> neighbour{senders === 1 ? '' : 's'} of <strong>{graph.nodes[drug].name}</strong> (its known interactions used for
            training) send their vector{' '}
            {layer.messageTransformed ? (
              <>
                after the layer's message transform (<Formula tex={String.raw`m_{u\to v} = W h_u^{(${l - 1})}`} />)
              </>
            ) : (
              <>
                <Formula tex={`h_u^{(${l - 1})}`} /> unchanged
              </>
            )}
            . They light up in the network, with arrows toward it.
          </>
        )}
      </p>
      {rows.length > 0 && <HeatMap rows={rows} testId="message-heatmap" />}
      {layer.neighbours.length > MAX_ROWS && <p className="muted small">… and {layer.neighbours.length - MAX_ROWS} more rows.</p>}
    </div>
  );
}

/** R-GCN on a typed graph: the same step, with the messages grouped by relation. */
function RelationMessageScreen({ layer, graph, drug, senders }: { layer: LayerExplanation; graph: DrugGraph; drug: number; senders: number }) {
  const l = layer.layer;
  const r = layer.relations!;
  return (
    <div className="teach-screen" data-testid="screen-message">
      <Formula tex={String.raw`m_{u \to v}^{(${l})} = W_r\, h_u^{(${l - 1})}, \quad W_r = \sum_b a_{rb} V_b, \quad u \in N_r(v)`} display />
      <p>
        <strong>{senders}</strong> neighbour{senders === 1 ? '' : 's'} of <strong>{graph.nodes[drug].name}</strong> send their vectors through {r.groups.length}{' '}
        relation{r.groups.length === 1 ? '' : 's'}. Each relation has its own weight <Formula tex="W_r" />, a mix of the layer's {r.numBases} shared bases{' '}
        <Formula tex="V_b" />, so what a target says is transformed differently from what a drug says. They light up in the network, with arrows toward it.
      </p>
      <RelationMessages r={r} graph={graph} layer={l} />
    </div>
  );
}
