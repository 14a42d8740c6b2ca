/**
 * Starts the SIMD kernels' helper threads in the trainer worker: when tfjs runs its threaded wasm build
 * (the page is cross-origin isolated, so its memory is a SharedArrayBuffer), `helpers` module workers
 * instantiate the same SIMD module on that memory and the kernels split their larger calls with
 * them (kernels/simdParallel.ts). Without a shared memory, a SIMD module, or Worker, or outside a
 * worker (a page's main thread may not block on Atomics.wait), nothing starts and the kernels stay on
 * one thread.
 */
import * as tf from '../model/tf';
import { backendMemory, sharedSimdValidates, simdModuleBytes, useSimdThreads } from '../model/kernels/simdKernels';
import type { SimdCall, SimdResult, SimdThreads } from '../model/kernels/simdParallel';
import {
  controlBytes,
  COUNTER,
  GENERATION,
  IDLE,
  POSTED,
  readResult,
  RUNNING,
  SLOT_OFFSET,
  SLOT_SIZE,
  STATES,
  writeCall,
  type SimdThreadStart,
} from './simdThreadProtocol';

const READY_TIMEOUT_MS = 10_000;
let started: { memory: WebAssembly.Memory; workers: Worker[] } | null = null;

function threadsOn(memory: WebAssembly.Memory, control: SharedArrayBuffer, helpers: number): SimdThreads {
  const words = new Int32Array(control, 0, STATES + helpers);
  const counter = words.subarray(COUNTER, COUNTER + 1);
  const slots = Array.from({ length: helpers }, (_, t) => new Float64Array(control, SLOT_OFFSET + 8 * SLOT_SIZE * t, SLOT_SIZE));
  return {
    memory,
    helpers,
    run(calls: SimdCall[], own: (counter: Int32Array) => void): SimdResult[] {
      slots.forEach((slot, t) => writeCall(slot, calls[t]));
      Atomics.store(counter, 0, 0);
      for (let t = 0; t < helpers; t++) Atomics.store(words, STATES + t, calls[t] ? POSTED : IDLE);
      Atomics.add(words, GENERATION, 1);
      Atomics.notify(words, GENERATION);
      own(counter);
      return calls.map((_, t) => {
        // Taken back if the helper has not started it; otherwise wait for the helper to finish.
        if (Atomics.compareExchange(words, STATES + t, POSTED, IDLE) === POSTED) return { value: 0, chunks: 0 };
        while (Atomics.load(words, STATES + t) === RUNNING) Atomics.wait(words, STATES + t, RUNNING);
        return readResult(slots[t]);
      });
    },
  };
}

/** The caller waits for its helpers with Atomics.wait, which a page's main thread may not call. */
function inWorker(): boolean {
  return typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope;
}

/** Whether helper threads can start here once tfjs runs its threaded build (known before it loads). */
export function simdHelpersPossible(): boolean {
  return globalThis.crossOriginIsolated === true && typeof Worker !== 'undefined' && inWorker() && sharedSimdValidates();
}

/** Workers created ahead by loadSimdThreads, waiting for their start message. */
let loading: Worker[] = [];

function newHelper(i: number): Worker {
  return new Worker(new URL('./simdThread.worker.ts', import.meta.url), { type: 'module', name: `simd-thread-${i + 1}` });
}

/**
 * Creates the helper workers now, so that their script loads while tfjs initialises (start-up time);
 * startSimdThreads hands them the memory once tfjs has made it.
 */
export function loadSimdThreads(helpers: number): void {
  if (started || loading.length > 0 || helpers < 1 || typeof Worker === 'undefined') return;
  loading = Array.from({ length: helpers }, (_, i) => newHelper(i));
}

/** Ends the workers loadSimdThreads created (another backend was chosen). */
export function cancelSimdThreads(): void {
  loading.forEach((w) => w.terminate());
  loading = [];
}

/** Starts `helpers` threads for the active wasm backend's kernels (once per memory); returns how many run. */
export async function startSimdThreads(helpers: number): Promise<number> {
  const memory = backendMemory(tf.backend());
  if (helpers < 1 || !memory || typeof SharedArrayBuffer === 'undefined' || !(memory.buffer instanceof SharedArrayBuffer)) return 0;
  if (started?.memory === memory) return started.workers.length;
  const found = simdModuleBytes(memory);
  if (!found || typeof Worker === 'undefined' || !inWorker()) return 0;
  const control = new SharedArrayBuffer(controlBytes(helpers));
  const workers = Array.from({ length: helpers }, (_, i) => loading[i] ?? newHelper(i));
  loading.slice(helpers).forEach((w) => w.terminate());
  loading = [];
  try {
    await Promise.all(
      workers.map(
        (worker, index) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('a SIMD helper thread did not start')), READY_TIMEOUT_MS);
            worker.onmessage = () => (clearTimeout(timer), resolve());
            worker.onerror = (e) => (clearTimeout(timer), reject(new Error(e.message)));
            const start: SimdThreadStart = { index, bytes: found.bytes, memory, control };
            worker.postMessage(start);
          }),
      ),
    );
  } catch {
    workers.forEach((w) => w.terminate());
    return 0;
  }
  started = { memory, workers };
  useSimdThreads(threadsOn(memory, control, helpers));
  return helpers;
}
