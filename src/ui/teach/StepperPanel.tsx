/**
 * The stepper: one screen per step of each layer, Back/Next and ←/→, Esc leaves. Opening it moves
 * the keyboard focus into it; closing it gives the focus back to what opened it (the search field,
 * a candidate row), so a keyboard user is never left on the page's body.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { usePlayground } from '../context';
import { AggregateScreen } from './AggregateScreen';
import { HeuristicScreen } from './HeuristicScreen';
import { useTeach, useTeachController } from './context';
import { MessageScreen } from './MessageScreen';
import { OutputScreen } from './OutputScreen';
import { ReceptiveField } from './ReceptiveField';
import { screensFor, STEP_TITLES } from './screens';
import { UpdateScreen } from './UpdateScreen';

/** While `open`: focus `panel` once it is on screen; on closing, return the focus to the element that had it before. */
function useFocusWhileOpen(open: boolean, panel: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    // preventScroll: on a phone the panel is a sheet over the page; scrolling the page to it would move the network away.
    const el = panel.current;
    el?.focus({ preventScroll: true });
    return () => {
      // Only when the focus is still ours to give back (inside the closing panel, or lost to the body as it went).
      const now = document.activeElement;
      if (opener?.isConnected && (now === null || now === document.body || el?.contains(now))) opener.focus({ preventScroll: true });
    };
  }, [open, panel]);
}

export function StepperPanel() {
  const teach = useTeachController();
  const graph = usePlayground((s) => s.graph);
  const node = useTeach((s) => s.node);
  const e = useTeach((s) => s.explanation);
  const index = useTeach((s) => s.screen);
  const busy = useTeach((s) => s.busy);
  const h = useTeach((s) => s.heuristic);
  const panel = useRef<HTMLElement>(null);
  useFocusWhileOpen(node !== null && graph !== null, panel);
  if (node === null || !graph) return null;
  const drug = graph.nodes[node];
  // A heuristic model: its pair's terms instead of layer screens.
  const heuristic = h && h.a === node ? h : null;
  const screens = e && e.node === node ? screensFor(e.layers.length) : [];
  const screen = screens[index];
  const L = e?.layers.length ?? 0;
  return (
    <section
      ref={panel}
      tabIndex={-1}
      className="stepper"
      aria-label={heuristic ? "A heuristic's score, term by term" : 'Message-passing stepper'}
      data-testid="stepper"
      data-screen={index}
      data-step={screen?.kind}
      data-layer={screen?.layer}
    >
      <header className="stepper-head">
        <div>
          <div className="stepper-drug">
            {drug.name} <span className="muted">{drug.id !== drug.name ? drug.id : ''}</span>
          </div>
          <div className="muted small">
            {heuristic ? `How the ${heuristic.kind} heuristic scores this drug’s pairs` : 'What the model computed for this drug'}
            {e ? ` · weights of epoch ${e.epoch}` : ''}
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
        <h3 className="stepper-title" id="stepper-title" data-testid="stepper-title">
          {screen.kind === 'output' ? 'Output: score a pair' : `Layer ${screen.layer} of ${L} · ${STEP_TITLES[screen.kind]}`}
        </h3>
      )}
      {/* Scrolls when the screen is long: focusable so the keyboard can scroll it too. */}
      <div className="stepper-body" tabIndex={0} role="region" aria-labelledby={screen ? 'stepper-title' : undefined} aria-label={screen ? undefined : 'Step'}>
        {heuristic && <HeuristicScreen h={heuristic} graph={graph} />}
        {!e && !heuristic && <p className="muted">Reading the model…</p>}
        {e && screen?.kind === 'message' && <MessageScreen layer={e.layers[screen.layer - 1]} graph={graph} drug={node} />}
        {e && screen?.kind === 'aggregate' && <AggregateScreen layer={e.layers[screen.layer - 1]} graph={graph} />}
        {e && screen?.kind === 'update' && <UpdateScreen layer={e.layers[screen.layer - 1]} last={screen.layer === L} />}
        {e && screen?.kind === 'output' && <OutputScreen e={e} graph={graph} />}
      </div>
      {!heuristic && (
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
      )}
    </section>
  );
}
