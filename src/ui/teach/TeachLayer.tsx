/** The teaching view's panels, mounted once beside the app: stepper, embedding view, tour, page modes (its bar sits in the title bar). */
import { lazy, Suspense, useEffect } from 'react';
import { usePlayground } from '../context';
import { useTeach } from './context';
import { useStepperKeys } from './stepperKeys';
import { Tour } from './Tour';
import './teach.css';

/** Where teach.css turns the stepper into a bottom sheet. */
const NARROW = '(max-width: 900px)';

// Loaded on first use, not at start-up: the stepper brings KaTeX (~270 KB), and neither panel is
// needed for the first paint. The tour stays eager: a first visit shows it at once.
const StepperPanel = lazy(() => import('./StepperPanel').then((m) => ({ default: m.StepperPanel })));
const EmbeddingPanel = lazy(() => import('./EmbeddingPanel').then((m) => ({ default: m.EmbeddingPanel })));

/** Where a panel will appear, while its code loads: same box, announced politely. */
function PanelLoading({ className, label }: { className: string; label: string }) {
  return (
    <section className={className} role="status" aria-busy="true" aria-label={label}>
      <p className="muted">{label}…</p>
    </section>
  );
}

/** `present=1` hides the settings; an open stepper takes the right column. Classes on <html>, styled in teach.css. */
function usePageModes() {
  const present = usePlayground((s) => s.settings.present === '1');
  const stepping = useTeach((s) => s.node !== null);
  useEffect(() => {
    const root = document.documentElement.classList;
    root.toggle('present', present);
    root.toggle('teaching', stepping);
    // Narrow screens: the stepper is a sheet along the bottom; bring the network (and its highlight) to the top above it.
    if (stepping && matchMedia(NARROW).matches) document.querySelector('.network-wrap')?.scrollIntoView({ block: 'start' });
    // The network's container changes size with the layout: tell Cytoscape.
    window.dispatchEvent(new Event('resize'));
  }, [present, stepping]);
}

export function TeachLayer() {
  usePageModes();
  const stepping = useTeach((s) => s.node !== null);
  useStepperKeys(stepping);
  const embeddingOpen = useTeach((s) => s.embeddingOpen);
  return (
    <>
      {stepping && (
        <Suspense fallback={<PanelLoading className="stepper" label="Loading the stepper" />}>
          <StepperPanel />
        </Suspense>
      )}
      {embeddingOpen && (
        <Suspense fallback={<PanelLoading className="embedding" label="Loading the embedding view" />}>
          <EmbeddingPanel />
        </Suspense>
      )}
      <Tour />
    </>
  );
}
