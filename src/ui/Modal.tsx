/**
 * A modal dialog on the platform's <dialog> element opened with showModal(): the page behind it is
 * inert (Tab cannot leave the dialog, a screen reader reads only the dialog), Esc cancels, and focus
 * returns to where it was when the dialog closes — no hand-written focus trap to keep correct.
 */
import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  /** Esc (the dialog's cancel event): the caller decides what cancelling means. */
  onCancel: () => void;
  labelledBy?: string;
  label?: string;
  describedBy?: string;
  testId?: string;
  children: ReactNode;
}

export function Modal({ onCancel, labelledBy, label, describedBy, testId, children }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  }, [onCancel]);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    // The browser would close the dialog itself on Esc; the store closes it instead (it unmounts).
    const onCancelEvent = (e: Event) => {
      e.preventDefault();
      cancel.current();
    };
    d.addEventListener('cancel', onCancelEvent);
    return () => {
      d.removeEventListener('cancel', onCancelEvent);
      if (d.open) d.close();
      if (returnTo?.isConnected) returnTo.focus();
    };
  }, []);
  return (
    <dialog ref={dialog} className="modal" aria-labelledby={labelledBy} aria-label={label} aria-describedby={describedBy} data-testid={testId}>
      {children}
    </dialog>
  );
}
