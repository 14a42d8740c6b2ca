/**
 * How many threads the wasm backend asks XNNPACK for. No TensorFlow.js here, so the rule is testable
 * on its own.
 */

/**
 * Most threads the automatic choice uses: the GCN's matrices are small (tens of thousands of rows ×
 * 64), so more threads mostly add synchronisation, and the page and the parse worker need cores too.
 */
export const AUTO_THREADS_MAX = 4;

/**
 * The thread count for the setting (`#threads=`; 0 = automatic: one per core, at most
 * AUTO_THREADS_MAX) on a machine reporting `cores` (navigator.hardwareConcurrency, absent in some
 * browsers or hidden by privacy settings).
 */
export function wasmThreadCount(setting: number, cores: number | undefined): number {
  if (setting > 0) return Math.floor(setting);
  const known = cores !== undefined && Number.isFinite(cores) && cores >= 1 ? Math.floor(cores) : 1;
  return Math.min(known, AUTO_THREADS_MAX);
}
