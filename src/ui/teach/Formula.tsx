/**
 * LaTeX rendered with KaTeX. Only our own formulas and numbers go in (never names from data): KaTeX
 * builds the markup itself, with `trust` off so no \href or \includegraphics can sneak in.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useEffect, useRef } from 'react';

export function Formula({ tex, display = false }: { tex: string; display?: boolean }) {
  const ref = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (ref.current) katex.render(tex, ref.current, { displayMode: display, throwOnError: false, trust: false, strict: 'ignore' });
  }, [tex, display]);
  return <span ref={ref} className={display ? 'formula display' : 'formula'} data-tex={tex} />;
}
