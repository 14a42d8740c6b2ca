/** The teaching view's panels, mounted once beside the app: stepper, embedding view, tour, page modes (its bar sits in the title bar). */
import { useEffect } from 'react';
import { usePlayground } from '../context';
import { useTeach } from './context';
import { EmbeddingPanel } from './EmbeddingPanel';
import { StepperPanel } from './StepperPanel';
import { Tour } from './Tour';
import './teach.css';

/** `present=1` hides the settings; an open stepper takes the right column. Classes on <html>, styled in teach.css. */
function usePageModes() {
  const present = usePlayground((s) => s.settings.present === '1');
  const stepping = useTeach((s) => s.node !== null);
  useEffect(() => {
    const root = document.documentElement.classList;
    root.toggle('present', present);
    root.toggle('teaching', stepping);
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
