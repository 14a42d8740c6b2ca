/**
 * What two threads of SIMD multiply-adds get from this machine at best: the project's `gemm` kernel on
 * a 64 × 64 × 64 product that stays in cache, in one worker thread alone and then in two at once (each
 * with its own memory; nothing shared, nothing to wait for). The ratio of their throughputs is the
 * ceiling for any thread speed-up of the SIMD kernels here: below 2 where the cores share execution
 * units or the host gives the second one less. Part of `npm run bench -- --only=threads`.
 */
import { Worker } from 'node:worker_threads';
import { simdModuleBytes } from '../src/model/kernels/simdKernels';

const PRODUCTS = 60_000;
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const memory = new WebAssembly.Memory({ initial: 64 });
const { gemm } = new WebAssembly.Instance(new WebAssembly.Module(workerData.bytes), { env: { memory } }).exports;
const f = new Float32Array(memory.buffer, 1 << 20, 3 * 4096);
for (let i = 0; i < f.length; i++) f[i] = (i % 17) / 17;
const [a, b, c] = [1 << 20, (1 << 20) + 16384, (1 << 20) + 32768];
for (let i = 0; i < 2000; i++) gemm(a, 64, 1, b, c, 64, 64, 64, 0);
parentPort.once('message', () => {
  const t0 = performance.now();
  for (let i = 0; i < workerData.products; i++) gemm(a, 64, 1, b, c, 64, 64, 64, 0);
  parentPort.postMessage(performance.now() - t0);
});
parentPort.postMessage('ready');
`;

/** Multiply-adds per second of `threads` workers running at once (sum of theirs). */
async function throughput(bytes: Uint8Array, threads: number): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { eval: true, workerData: { bytes, products: PRODUCTS } }));
  try {
    await Promise.all(workers.map((w) => new Promise((ready) => w.once('message', ready))));
    const times = await Promise.all(
      workers.map((w) => {
        const done = new Promise<number>((resolve) => w.once('message', resolve));
        w.postMessage('go');
        return done;
      }),
    );
    return times.reduce((sum, ms) => sum + (PRODUCTS * 64 ** 3) / (ms / 1000), 0);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export interface SimdCeiling {
  /** Multiply-adds per second, one thread. */
  one: number;
  /** Both threads together. */
  two: number;
  ratio: number;
}

/** Throughput of one thread and of two at once, alternated `rounds` times; medians. */
export async function simdCeiling(rounds = 3): Promise<SimdCeiling | null> {
  const found = simdModuleBytes(new WebAssembly.Memory({ initial: 64 }));
  if (!found) return null;
  const ones: number[] = [];
  const twos: number[] = [];
  for (let r = 0; r < rounds; r++) {
    ones.push(await throughput(found.bytes, 1));
    twos.push(await throughput(found.bytes, 2));
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  const [one, two] = [median(ones), median(twos)];
  return { one, two, ratio: two / one };
}
