/**
 * The fuzz suite's long variant (part of `npm run bench -- --only=hostile`): many more generated
 * hostile inputs than `npm test` runs (tests/unit/data/fuzz.test.ts), bigger (scale), from a fresh
 * seed each time (printed, so a failure can be repeated with FUZZ_SEED=<seed>). Each must end in a
 * valid graph or a specific LoadError naming the file within 10 s (plus 20 µs per stream chunk).
 */
import fc from 'fast-check';
import { loadFiles } from '../src/data/loadFiles';
import { isLoadError } from '../src/data/errors';
import { memoryFile } from '../tests/helpers/inputs';
import { build, describeCase, fuzzCase } from '../tests/helpers/fuzzInputs';
import { checkOutcome, timeLimitMs } from '../tests/helpers/fuzzCheck';

export interface FuzzBenchResult {
  seed: number;
  runs: number;
  scale: number;
  /** Outcomes: 'load' or the LoadError kind, with counts. */
  outcomes: Record<string, number>;
  slowestSeconds: number;
  failure: string | null;
  pass: boolean;
}

const LIMIT_MS = 10_000;

export async function runFuzzBench(opts: { short: boolean; json: boolean }): Promise<FuzzBenchResult> {
  const seed = Number(process.env.FUZZ_SEED) || Date.now() % 2 ** 31;
  const runs = opts.short ? 500 : 3000;
  const scale = opts.short ? 4 : 32;
  const outcomes: Record<string, number> = {};
  let slowest = 0;
  let failure: string | null = null;
  try {
    await fc.assert(
      fc.asyncProperty(fuzzCase(scale), async (c) => {
        const { name, bytes } = build(c);
        const t0 = performance.now();
        const o = await loadFiles([memoryFile(name, bytes, c.chunk)]).then(
          (r) => ({ ok: true as const, r }),
          (e: unknown) => ({ ok: false as const, e }),
        );
        const ms = performance.now() - t0;
        slowest = Math.max(slowest, ms);
        const kind = o.ok ? 'load' : isLoadError(o.e) ? o.e.kind : 'crash';
        outcomes[kind] = (outcomes[kind] ?? 0) + 1;
        const problem = checkOutcome(name, o, ms, timeLimitMs(LIMIT_MS, bytes.length, c.chunk));
        if (problem) throw new Error(`${describeCase(c)}: ${problem}`);
      }),
      { seed, numRuns: runs, endOnFailure: true },
    );
  } catch (e) {
    failure =
      (e instanceof Error ? e.message : String(e))
        .split('\n')
        .filter((l) => /Caused by|Counterexample|seed/.test(l))
        .join(' ') || String(e);
  }
  if (!opts.json) {
    const counts = Object.entries(outcomes)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(
      `fuzz: ${runs} generated inputs (scale ${scale}, FUZZ_SEED=${seed}): ${failure ? `FAIL ${failure}` : 'ok'}; slowest ${(slowest / 1000).toFixed(2)} s; ${counts}`,
    );
  }
  return { seed, runs, scale, outcomes, slowestSeconds: slowest / 1000, failure, pass: failure === null };
}
