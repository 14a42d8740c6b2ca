/**
 * A short guided tour for first-time visitors. Skippable; once dismissed (or finished) it is never
 * shown again (localStorage), and `#…&tour=off` keeps it away (tests). It never shows in presenting
 * mode (`present=1`): the audience sees the teacher's screen, not a first-visit tour over the stepper.
 * It sits in a corner (across the bottom on a phone) and never blocks the page.
 */
import { useEffect } from 'react';
import { usePlayground } from '../context';
import { useTeach, useTeachController } from './context';

const STORAGE_KEY = 'drug-gnn-playground.tour-dismissed';

const STEPS = [
  {
    title: 'Welcome',
    text: 'Drugs are nodes, known interactions are edges. A graph neural network learns a vector per drug and predicts which pairs interact.',
  },
  {
    title: 'Train',
    text: 'Press Play (top left) to train in your browser. Edges turn dark blue where the model is confident; dashed orange edges are predicted new interactions.',
  },
  {
    title: 'Step through the numbers',
    text: 'Click a drug in the network, or search one above, to walk through each layer: messages from neighbours, aggregation, update, and the final score — with the real numbers.',
  },
  { title: 'Explore', text: 'The embedding view shows how the vectors arrange themselves as training goes on. Use ← / → in the stepper and Esc to leave.' },
];

const dismissed = (): boolean => {
  try {
    return localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
};

export function Tour() {
  const teach = useTeachController();
  const step = useTeach((s) => s.tourStep);
  const tourSetting = usePlayground((s) => s.settings.tour);
  const presenting = usePlayground((s) => s.settings.present === '1');
  const off = tourSetting === 'off' || presenting;
  useEffect(() => {
    if (!off && !dismissed()) teach.setTourStep(0);
  }, [teach, off]);
  if (step === null || off) return null;
  const s = STEPS[step];
  const dismiss = () => {
    try {
      localStorage.setItem(STORAGE_KEY, '1');
    } catch {
      /* private mode: it will show again next time, nothing worse */
    }
    teach.setTourStep(null);
  };
  return (
    <div className="tour" role="dialog" aria-label="Guided tour" data-testid="tour">
      <div className="tour-step muted small">
        {step + 1} / {STEPS.length}
      </div>
      <strong>{s.title}</strong>
      <p>{s.text}</p>
      <div className="tour-buttons">
        <button type="button" onClick={dismiss} data-testid="tour-skip">
          Skip tour
        </button>
        {step > 0 && (
          <button type="button" onClick={() => teach.setTourStep(step - 1)}>
            Back
          </button>
        )}
        {step < STEPS.length - 1 ? (
          <button type="button" className="primary" onClick={() => teach.setTourStep(step + 1)}>
            Next
          </button>
        ) : (
          <button type="button" className="primary" onClick={dismiss}>
            Done
          </button>
        )}
      </div>
    </div>
  );
}
