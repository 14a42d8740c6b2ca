/**
 * `npm run bench [-- --short] [-- --json] [-- --only=a,b]`: runs every registered benchmark section in turn
 * (or those named).
 * Each section exports `run(opts)` returning a JSON-able report; with --json only the combined JSON
 * is printed (stdout), otherwise each section prints its own table.
 */
import '../src/cli/relaxedSimd'; // first: before any kernel compiles
import { runCandidatesBench } from './candidates';
import { runMlpBench } from './mlpBench';
import { runParseBench } from './parse';
import { runHostileBench } from './parseHostile';
import { runPredictionsBench } from './predictions';
import { runRgcnBench } from './rgcnBench';
import { runTrainBench } from './train';
import { runGpuBench } from './gpu';
import { runStartupBench } from './startup';
import { runThreadsBench } from './threads';

export interface BenchOptions {
  short: boolean;
  json: boolean;
}

export interface BenchSection {
  name: string;
  run(opts: BenchOptions): Promise<object>;
}

export const sections: BenchSection[] = [
  { name: 'parse', run: runParseBench },
  { name: 'hostile', run: runHostileBench },
  { name: 'train', run: runTrainBench },
  { name: 'candidates', run: runCandidatesBench },
  // The default model (MLP decoder) against plain PyTorch; skipped in short mode.
  { name: 'mlp', run: runMlpBench },
  { name: 'predictions', run: runPredictionsBench },
  // R-GCN on a typed graph against PyG's RGCNConv; skipped in short mode.
  { name: 'rgcn', run: runRgcnBench },
  // Page start-up in headless Chromium; the short run uses an existing dist/ or skips.
  { name: 'startup', run: runStartupBench },
  // The wasm backend's thread scaling in the built app (needs dist/ and ../shared/datasets; not in --short).
  { name: 'threads', run: runThreadsBench },
  // Skips itself unless the optional `webgpu` package (Dawn) is installed and finds an adapter.
  { name: 'gpu', run: runGpuBench },
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opts: BenchOptions = { short: args.includes('--short'), json: args.includes('--json') };
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const results: Record<string, object> = {};
  for (const s of sections) {
    if (only && !only.includes(s.name)) continue;
    const t0 = Date.now();
    results[s.name] = await s.run(opts);
    if (!opts.json) console.log(`== ${s.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (opts.json) console.log(JSON.stringify(results, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
