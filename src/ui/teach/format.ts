/** Number formatting for the stepper: short on screen, full precision on hover. */

export const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? (Object.is(x, -0) ? 0 : x).toFixed(digits) : String(x));

/** For LaTeX: negative numbers in parentheses so "a + (-b)" reads right. */
export const tex = (x: number, digits = 3): string => (x < 0 ? `(${fmt(x, digits)})` : fmt(x, digits));

/** Full precision for titles and the automation hook. */
export const full = (x: number): string => String(x);

/** Diverging colour (blue − / white 0 / red +) for a value scaled by `scale` (max |value| in view). */
export function heatColor(x: number, scale: number): string {
  const t = scale > 0 ? Math.max(-1, Math.min(1, x / scale)) : 0;
  const a = Math.abs(t);
  // White → #b2182b (red) or #2166ac (blue), linear in |t|.
  const [r, g, b] = t >= 0 ? [178, 24, 43] : [33, 102, 172];
  const mix = (c: number) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

export const maxAbs = (rows: number[][]): number => rows.reduce((m, r) => r.reduce((n, x) => Math.max(n, Math.abs(x)), m), 0);
