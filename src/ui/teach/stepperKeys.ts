/**
 * The stepper's keys (← / → step, Esc leaves), listened for on the window while the stepper is open. They live
 * with the eager teaching layer, not the lazily loaded panel, so a key pressed while the panel's code loads
 * still counts.
 */
import { useEffect } from 'react';
import { useTeachController } from './context';

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

export function useStepperKeys(open: boolean) {
  const teach = useTeachController();
  useEffect(() => {
    if (!open) return;
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
  }, [open, teach]);
}
