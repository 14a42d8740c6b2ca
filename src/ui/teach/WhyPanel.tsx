/** "Why this prediction": the neighbours that pushed the pair's score most, with their shares. */
import type { DrugGraph } from '../../data/graph';
import { useEffect, useRef } from 'react';
import { useTeach, useTeachController } from './context';

export function WhyPanel({ graph }: { graph: DrugGraph }) {
  const teach = useTeachController();
  const why = useTeach((s) => s.why);
  const busy = useTeach((s) => s.busy);
  const name = (i: number) => graph.nodes[i].name;
  const panel = useRef<HTMLDivElement>(null);
  // The answer appears below the fold of the stepper: bring it into view. (Block body: newer
  // Chromium returns a Promise from scrollIntoView, which React would take for a cleanup.)
  useEffect(() => {
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, [why]);
  if (!why) {
    return (
      <button type="button" className="why-button" data-testid="why-button" onClick={() => void teach.explainWhy()} disabled={busy}>
        Why this prediction?
      </button>
    );
  }
  return (
    <div className="why" data-testid="why-panel" ref={panel}>
      <div className="why-head">
        <strong>
          Why {name(why.a)} – {name(why.b)}?
        </strong>
        <button type="button" onClick={() => teach.clearWhy()}>
          hide
        </button>
      </div>
      <p className="muted small">
        {why.method === 'attention' ? 'Attention weights of the last layer, and gradient × input' : 'Gradient × input'}: how much each drug's vector pushed the
        score up (+) or down (−). Shares are of the total push; the subgraph is highlighted in the network.
      </p>
      <div className="why-levels">
        {why.levels
          .slice()
          .reverse()
          .map((lv) => (
            <div key={lv.level}>
              <div className="why-level-title">
                {lv.hops === 1 ? 'Direct neighbours' : `${lv.hops} hops away`} ({lv.level === 0 ? 'input features' : `after layer ${lv.level}`})
              </div>
              <ol>
                {lv.top.slice(0, 5).map((t) => (
                  <li key={t.node}>
                    <span className="why-bar" style={{ width: `${Math.round(t.share * 100)}%`, background: t.value >= 0 ? '#b2182b' : '#2166ac' }} />
                    <span>
                      {name(t.node)} {t.value >= 0 ? '+' : '−'}
                      {(t.share * 100).toFixed(0)} %
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
      </div>
    </div>
  );
}
