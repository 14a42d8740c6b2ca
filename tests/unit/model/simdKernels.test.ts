/**
 * The WebAssembly SIMD kernels (src/model/kernels/assembly/simd.ts) directly, each of the four compiled
 * modules on a memory of its own: the product against a float64 loop for shapes that cross its tiles'
 * and blocks' edges (rows not a multiple of 4, columns a multiple of 4 but not of 8, inner dimension
 * over its 256-row blocks, output wider than its 128-column sweeps), A read in place as its transpose,
 * and accumulation. The relaxed-SIMD modules are checked with V8's flag for it switched on (Chromium
 * has it by default). Also: the committed modules are what the compiler makes of the source today.
 */
import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import * as binaries from '../../../src/model/kernels/simdKernelsBinary';
import { Rng } from '../../../src/model/rng';

v8.setFlagsFromString('--experimental-wasm-relaxed-simd');

interface Exports {
  gemm(a: number, ars: number, aqs: number, b: number, c: number, m: number, k: number, n: number, accumulate: boolean): void;
}

function load(name: keyof typeof binaries): { memory: WebAssembly.Memory; gemm: Exports['gemm'] } {
  const shared = name.endsWith('Shared');
  const memory = new WebAssembly.Memory(shared ? { initial: 64, maximum: 256, shared: true } : { initial: 64 });
  const bytes = Uint8Array.from(atob(binaries[name]), (c) => c.charCodeAt(0));
  expect(WebAssembly.validate(bytes), `${name} validates`).toBe(true);
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
  return { memory, gemm: (instance.exports as unknown as Exports).gemm };
}

const SHAPES: [number, number, number][] = [
  [1, 1, 4],
  [7, 5, 12],
  [37, 300, 132],
  [64, 64, 64],
  [5, 513, 8],
];

describe('SIMD product (gemm)', () => {
  for (const name of ['simd', 'relaxed', 'simdShared', 'relaxedShared'] as const) {
    it(`${name}: C = A·B, Aᵀ·B read in place, and C += A·B equal a float64 loop within 1e-6 of the terms' size`, () => {
      const { memory, gemm } = load(name);
      const rng = new Rng(3);
      for (const [m, k, n] of SHAPES) {
        for (const transposed of [false, true]) {
          const a = Float32Array.from({ length: m * k }, () => rng.normal()); // row-major m × k, or k × m when transposed
          const b = Float32Array.from({ length: k * n }, () => rng.normal());
          const c0 = Float32Array.from({ length: m * n }, () => rng.normal());
          const aAt = (i: number, q: number) => (transposed ? a[q * m + i] : a[i * k + q]);
          for (const accumulate of [false, true]) {
            const [ap, bp, cp] = [0, 4 * a.length, 4 * (a.length + b.length)];
            const heap = new Float32Array(memory.buffer);
            heap.set(a, ap / 4);
            heap.set(b, bp / 4);
            heap.set(c0, cp / 4);
            gemm(ap, transposed ? 1 : k, transposed ? m : 1, bp, cp, m, k, n, accumulate);
            const c = new Float32Array(memory.buffer, cp, m * n);
            let worst = 0;
            for (let i = 0; i < m; i++) {
              for (let j = 0; j < n; j++) {
                let want = accumulate ? c0[i * n + j] : 0;
                let size = Math.abs(want); // float32 rounding grows with the sum of the terms' sizes
                for (let q = 0; q < k; q++) {
                  want += aAt(i, q) * b[q * n + j];
                  size += Math.abs(aAt(i, q) * b[q * n + j]);
                }
                worst = Math.max(worst, Math.abs(c[i * n + j] - want) / Math.max(1, size));
              }
            }
            expect(worst, `${m}×${k}×${n} transposed=${transposed} accumulate=${accumulate}`).toBeLessThan(1e-6);
          }
        }
      }
    });
  }
});

describe('compiled kernels', () => {
  it('simdKernelsBinary.ts is what scripts/build-simd-kernels.mjs makes of assembly/simd.ts', () => {
    const run = spawnSync(process.execPath, ['scripts/build-simd-kernels.mjs', '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 60_000);
});
