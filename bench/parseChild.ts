/**
 * Child process of the parse benchmark: loads one file with `loadFiles` (the parse worker's code path,
 * streamed from disk) while sampling memory, and prints one JSON line. A fresh process per file keeps
 * each measurement's peak memory its own.
 */
import { statSync } from 'node:fs';
import { loadFiles } from '../src/data/loadFiles';
import { fileFromPath } from '../src/data/nodeInput';

const path = process.argv[2];
let peakRss = 0;
let peakHeap = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
};
const timer = setInterval(sample, 20);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { report } = await loadFiles([await fileFromPath(path)], { onProgress: sample });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU time of this process (all its threads): a steadier figure than wall time on a shared machine.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
sample();
clearInterval(timer);
// The OS's own high-water mark catches peaks between samples.
const maxRss = process.resourceUsage().maxRSS * 1024;
const bytes = statSync(path).size;
console.log(
  JSON.stringify({
    nodes: report.nodes,
    edges: report.edges,
    seconds: Math.round(seconds * 1000) / 1000,
    mbPerSec: Math.round((bytes / 1e6 / seconds) * 10) / 10,
    cpuSeconds: Math.round(cpuSeconds * 1000) / 1000,
    peakRssMB: Math.round(Math.max(peakRss, maxRss) / 1e5) / 10,
    peakHeapMB: Math.round(peakHeap / 1e5) / 10,
  }),
);
