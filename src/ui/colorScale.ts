/**
 * Colour scales for the network view. Known interactions: a sequential blue scale (light = weak,
 * dark = strong predicted association). Candidates use a separate accent so they never read as known.
 */

/** ColorBrewer "Blues" stops, 0 → 1. */
export const STRENGTH_STOPS = ['#deebf7', '#9ecae1', '#4292c6', '#08519c', '#08306b'] as const;
export const CANDIDATE_COLOR = '#e6550d';

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Linear interpolation between the stops; p outside [0, 1] is clamped, NaN maps to grey. */
export function strengthColor(p: number): string {
  if (Number.isNaN(p)) return '#bbbbbb';
  const x = Math.min(1, Math.max(0, p)) * (STRENGTH_STOPS.length - 1);
  const i = Math.min(STRENGTH_STOPS.length - 2, Math.floor(x));
  const t = x - i;
  const a = hexToRgb(STRENGTH_STOPS[i]);
  const b = hexToRgb(STRENGTH_STOPS[i + 1]);
  return toHex(a.map((c, k) => c + (b[k] - c) * t));
}

/** CSS gradient for the legend, matching strengthColor. */
export const STRENGTH_GRADIENT = `linear-gradient(to right, ${STRENGTH_STOPS.join(', ')})`;

/** Node colours by first ATC level (anatomical main group). */
export const ATC_GROUPS: Record<string, { name: string; color: string }> = {
  A: { name: 'Alimentary tract & metabolism', color: '#1b9e77' },
  B: { name: 'Blood', color: '#d95f02' },
  C: { name: 'Cardiovascular', color: '#e7298a' },
  D: { name: 'Dermatologicals', color: '#a6761d' },
  G: { name: 'Genito-urinary & sex hormones', color: '#e6ab02' },
  H: { name: 'Systemic hormones', color: '#66a61e' },
  J: { name: 'Anti-infectives', color: '#7570b3' },
  L: { name: 'Antineoplastic & immunomodulating', color: '#b15928' },
  M: { name: 'Musculo-skeletal', color: '#1f78b4' },
  N: { name: 'Nervous system', color: '#6a3d9a' },
  P: { name: 'Antiparasitic', color: '#33a02c' },
  R: { name: 'Respiratory', color: '#fb9a99' },
  S: { name: 'Sensory organs', color: '#cab2d6' },
  V: { name: 'Various', color: '#999999' },
};
export const NO_ATC_COLOR = '#cccccc';

export function atcColor(atc: string[] | undefined): string {
  const g = atc?.[0]?.[0];
  return (g && ATC_GROUPS[g]?.color) || NO_ATC_COLOR;
}

/** The ATC main groups present among these drugs, sorted (what the legend lists). */
export function presentAtcGroups(nodes: readonly { atc?: string[] }[]): string[] {
  return [...new Set(nodes.map((n) => n.atc?.[0]?.[0]).filter((g): g is string => !!g && g in ATC_GROUPS))].sort();
}
