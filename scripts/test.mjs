// `npm test`: type check, lint, format check, unit tests, then browser tests against the built app.
// Runs every stage even if one fails, then prints one summary line and exits non-zero on failure.
import { spawnSync } from 'node:child_process';

const stages = [
  ['type check', 'npx', ['tsc', '--noEmit', '-p', '.']],
  // Lint rules and import boundaries (eslint.config.js), then the formatting (.prettierrc.json).
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['unit tests', 'npx', ['vitest', 'run', '--config', 'vitest.config.ts']],
  // The benchmark in its short mode, so it cannot rot (figures are printed, not asserted).
  ['benchmark (short)', 'node', ['--import', 'tsx', 'bench/index.ts', '--short']],
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['browser tests', 'npx', ['vitest', 'run', '--config', 'vitest.browser.config.ts']],
];

const failed = [];
for (const [name, cmd, args] of stages) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    failed.push(name);
    // Browser tests need Chromium and a build; without them they cannot run.
    if (name === 'chromium' || name === 'build') break;
  }
}
console.log(failed.length ? `\nnpm test FAILED: ${failed.join(', ')}` : '\nnpm test: all stages passed');
process.exit(failed.length ? 1 : 0);
