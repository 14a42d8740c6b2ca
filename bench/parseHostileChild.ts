/**
 * Child process of the hostile-input benchmark: loads one file with `loadFiles` while sampling memory,
 * and prints one JSON line with the outcome (edges, or the LoadError's kind and message), the time and
 * the peak memory. A fresh process per file keeps each peak its own.
 */
import { loadFiles } from '../src/data/loadFiles';
import { fileFromPath } from '../src/data/nodeInput';
import { isLoadError } from '../src/data/errors';

const path = process.argv[2];
let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const timer = setInterval(sample, 20);
const t0 = performance.now();
let outcome: Record<string, unknown>;
try {
  const { report } = await loadFiles([await fileFromPath(path)], { onProgress: sample });
  outcome = { edges: report.edges };
} catch (e) {
  if (!isLoadError(e)) throw e;
  outcome = { error: e.kind, message: e.message };
}
const seconds = (performance.now() - t0) / 1000;
sample();
clearInterval(timer);
const maxRss = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ ...outcome, seconds: Math.round(seconds * 1000) / 1000, peakRssMB: Math.round(Math.max(peakRss, maxRss) / 1e6) }));
