/** The teaching view's panels, mounted once beside the app: stepper, embedding view, tour, page modes (its bar sits in the title bar). */
import { useEffect } from 'react';
import { usePlayground } from '../context';
import { useTeach } from './context';
import { EmbeddingPanel } from './EmbeddingPanel';
import { StepperPanel } from './StepperPanel';
import { Tour } from './Tour';
import './teach.css';

/** Where teach.css turns the stepper into a bottom sheet. */
const NARROW = '(max-width: 900px)';

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
  return (
    <>
      <StepperPanel />
      <EmbeddingPanel />
      <Tour />
    </>
  );
}
