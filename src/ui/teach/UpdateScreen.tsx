/** Update: the Linear map(s) and the activation, with numbers for a few components, then h_v^(l). */
import type { LayerExplanation } from '../../model/teach/types';
import { usePlayground } from '../context';
import { Formula } from './Formula';
import { HeatMap, VectorView } from './HeatMap';
import { SEED_UPDATE, updateFormula, updateNumbers } from './latex';

const NONE: number[] = [];

export function UpdateScreen({ layer, last }: { layer: LayerExplanation; last: boolean }) {
  const l = layer.layer;
  const u = layer.update;
  // The layer's class name is minified in the build: name the model kind from the settings instead.
  const model = usePlayground((s) => s.settings.model);
  return (
    <div className="teach-screen" data-testid="screen-update">
      <Formula tex={SEED_UPDATE.replaceAll('(l)', `(${l})`).replaceAll('(l-1)', `(${l - 1})`)} display />
      <p>
        This model ({model}), layer {l}:
      </p>
      <Formula tex={layer.formula} display />
      <Formula tex={updateFormula(u?.parts ?? null, l, layer.activation)} display />
      {u ? (
        <div className="numbers" data-testid="update-numbers">
          {u.components.map((c) => (
            <Formula key={c.component} tex={updateNumbers(c, u.parts, l, layer.activation)} display />
          ))}
          <p className="muted small">
            The largest terms of each weighted sum are written out; the others are added up under the brace.
            {layer.activation === 'relu' ? ' ReLU keeps positive values and turns negative ones into 0.' : last ? ' The last layer has no activation.' : ''}
          </p>
        </div>
      ) : (
        <p className="muted">This layer's update is not a single Linear map (e.g. an MLP); the vectors before and after are the model's own.</p>
      )}
      {layer.relations && (
        <>
          <p className="small">The relations' summed means m_v, plus the node's own term, give z_v:</p>
          <HeatMap
            rows={[
              { key: 'agg', label: 'm_v', values: layer.aggregated },
              { key: 'self', label: 'W_0 h_v + b', values: layer.relations.self },
              { key: 'sum', label: 'z_v (sum)', values: layer.relations.sum, strong: true },
            ]}
            testId="relation-sum"
          />
        </>
      )}
      <HeatMap
        rows={[
          { key: 'pre', label: `z_v before ${layer.activation === 'relu' ? 'ReLU' : 'activation'}`, values: layer.pre },
          { key: 'post', label: `h_v (layer ${l})`, values: layer.post, strong: true },
        ]}
      />
      <VectorView label={`h_v (layer ${l})`} values={layer.post} testId="screen-vector" marked={u?.components.map((c) => c.component) ?? NONE} heat={false} />
    </div>
  );
}
