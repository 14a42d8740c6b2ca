/**
 * Mean and sample standard deviation over repeated runs (seeds), per metric. No imports: the runs
 * table reads it at start-up, the card writers (seedSweep.ts) load later.
 */

export interface MeanStd {
  mean: number;
  /** Sample standard deviation (n − 1), as published leaderboards report it; null for a single value. */
  std: number | null;
  n: number;
}

/** Mean and sample standard deviation of the finite values (NaN and missing values are left out); null when none. */
export function meanStd(values: readonly (number | null | undefined)[]): MeanStd | null {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, std: null, n };
  // Two passes: the squared deviations from the mean, not E[x²] − mean², which cancels badly for close values.
  const ss = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
  return { mean, std: Math.sqrt(ss / (n - 1)), n };
}

/** Per metric, over a set of runs' metric records: `mean` and `std` objects keyed by metric name. */
export interface MetricSummary {
  mean: Record<string, number>;
  std: Record<string, number | null>;
  /** How many runs had each metric. */
  n: Record<string, number>;
}

/** Summarises every numeric key of the records whose name passes `keep` (by default: val… and test… metrics). */
export function summarizeMetrics(
  records: readonly (Record<string, unknown> | null | undefined)[],
  keep: (key: string) => boolean = (k) => /^(val|test)/.test(k),
): MetricSummary {
  const out: MetricSummary = { mean: {}, std: {}, n: {} };
  const keys = [...new Set(records.flatMap((r) => (r ? Object.keys(r) : [])))].filter(keep);
  for (const k of keys) {
    const s = meanStd(records.map((r) => r?.[k] as number | undefined));
    if (!s) continue;
    out.mean[k] = s.mean;
    out.std[k] = s.std;
    out.n[k] = s.n;
  }
  return out;
}

/** "0.9123 ± 0.0040" (or "0.9123" alone when there is no spread to report). */
export function formatMeanStd(s: MeanStd | null, digits = 4): string {
  if (!s) return '—';
  return s.std === null ? s.mean.toFixed(digits) : `${s.mean.toFixed(digits)} ± ${s.std.toFixed(digits)}`;
}
