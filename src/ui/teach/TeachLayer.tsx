/** Everything of the teaching view, mounted once beside the app: bar, stepper, embedding view, tour, page modes. */
import { useEffect } from 'react';
import { usePlayground } from '../context';
import { useTeach } from './context';
import { EmbeddingPanel } from './EmbeddingPanel';
import { StepperPanel } from './StepperPanel';
import { TeachBar } from './TeachBar';
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
      <TeachBar />
      <StepperPanel />
      <EmbeddingPanel />
      <Tour />
    </>
  );
}
