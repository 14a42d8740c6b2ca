/** Message: the neighbours N(v) and the vectors they send, as a heat-map (values on hover). */
import type { DrugGraph } from '../../data/graph';
import type { LayerExplanation } from '../../model/teach/types';
import { Formula } from './Formula';
import { HeatMap } from './HeatMap';
import { SEED_MESSAGE } from './latex';

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
