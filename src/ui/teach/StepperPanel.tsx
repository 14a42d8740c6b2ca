/** The stepper: one screen per step of each layer, Back/Next and ←/→, Esc leaves. */
import { useEffect } from 'react';
import { usePlayground } from '../context';
import { AggregateScreen } from './AggregateScreen';
import { useTeach, useTeachController } from './context';
import { MessageScreen } from './MessageScreen';
import { OutputScreen } from './OutputScreen';
import { ReceptiveField } from './ReceptiveField';
import { screensFor, STEP_TITLES } from './screens';
import { UpdateScreen } from './UpdateScreen';

/** Fields where the keys type text: the stepper leaves every key to them. */
function textField(el: HTMLElement | null): boolean {
  if (!el) return false;
  if (el.tagName === 'TEXTAREA' || el.isContentEditable) return true;
  return el.tagName === 'INPUT' && ['text', 'search', 'number', 'email', 'url', ''].includes((el as HTMLInputElement).type);
}

/** Controls that use the arrow keys themselves (sliders, drop-downs); Esc still leaves. */
function arrowControl(el: HTMLElement | null): boolean {
  return !!el && (el.tagName === 'SELECT' || (el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'range'));
}

function useStepperKeys() {
  const teach = useTeachController();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (e.altKey || e.ctrlKey || e.metaKey || textField(el)) return;
      const arrows = !arrowControl(el);
      if (e.key === 'ArrowRight' && arrows) teach.step(1);
      else if (e.key === 'ArrowLeft' && arrows) teach.step(-1);
      else if (e.key === 'Escape') teach.close();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [teach]);
}

export function StepperPanel() {
  const teach = useTeachController();
  const graph = usePlayground((s) => s.graph);
  const node = useTeach((s) => s.node);
  const e = useTeach((s) => s.explanation);
  const index = useTeach((s) => s.screen);
  const busy = useTeach((s) => s.busy);
  useStepperKeys();
  if (node === null || !graph) return null;
  const drug = graph.nodes[node];
  const screens = e && e.node === node ? screensFor(e.layers.length) : [];
  const screen = screens[index];
  const L = e?.layers.length ?? 0;
  return (
    <section className="stepper" aria-label="Message-passing stepper" data-testid="stepper" data-screen={index} data-step={screen?.kind} data-layer={screen?.layer}>
      <header className="stepper-head">
        <div>
          <div className="stepper-drug">
            {drug.name} <span className="muted">{drug.id !== drug.name ? drug.id : ''}</span>
          </div>
          <div className="muted small">
            What the model computed for this drug{e ? ` · weights of epoch ${e.epoch}` : ''}
            {busy ? ' · updating…' : ''}
          </div>
        </div>
        <button type="button" className="stepper-close" onClick={() => teach.close()} title="Leave the stepper (Esc)" aria-label="Close the stepper">
          ✕
        </button>
      </header>
      {screen && (
        <nav className="stepper-crumbs" aria-label="Steps">
          {screens.map((s, i) => (
            <button
              key={i}
              type="button"
              className={i === index ? 'crumb current' : i < index ? 'crumb done' : 'crumb'}
              onClick={() => teach.goTo(i)}
              title={s.kind === 'output' ? 'Output' : `Layer ${s.layer}: ${STEP_TITLES[s.kind]}`}
            >
              {s.kind === 'output' ? 'Out' : `${s.layer}·${STEP_TITLES[s.kind][0]}`}
            </button>
          ))}
        </nav>
      )}
      {screen && (
        <h3 className="stepper-title" data-testid="stepper-title">
          {screen.kind === 'output' ? 'Output: score a pair' : `Layer ${screen.layer} of ${L} · ${STEP_TITLES[screen.kind]}`}
        </h3>
      )}
      <div className="stepper-body">
        {!e && <p className="muted">Reading the model…</p>}
        {e && screen?.kind === 'message' && <MessageScreen layer={e.layers[screen.layer - 1]} graph={graph} drug={node} />}
        {e && screen?.kind === 'aggregate' && <AggregateScreen layer={e.layers[screen.layer - 1]} />}
        {e && screen?.kind === 'update' && <UpdateScreen layer={e.layers[screen.layer - 1]} last={screen.layer === L} />}
        {e && screen?.kind === 'output' && <OutputScreen e={e} graph={graph} />}
      </div>
      <footer className="stepper-foot">
        <ReceptiveField layers={L} />
        <div className="stepper-nav">
          <button type="button" onClick={() => teach.step(-1)} disabled={index === 0} data-testid="stepper-back">
            ← Back
          </button>
          <span className="muted small">
            {index + 1} / {screens.length}
          </span>
          <button type="button" className="primary" onClick={() => teach.step(1)} disabled={index >= screens.length - 1} data-testid="stepper-next">
            Next →
          </button>
        </div>
      </footer>
    </section>
  );
}
