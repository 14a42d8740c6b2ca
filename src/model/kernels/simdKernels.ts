/**
 * The WebAssembly SIMD kernels of assembly/simd.ts, instantiated on the tfjs wasm backend's own
 * memory so they read and write its tensors in place (offsets from getMemoryOffset).
 *
 * Which module: relaxed SIMD (fused multiply-add, ~1.7× the plain one here) where the engine
 * validates it — Chromium does, Node 20 only with --experimental-wasm-relaxed-simd — else plain SIMD;
 * the shared-memory form when tfjs runs its threaded build. Where neither validates (no SIMD, as in
 * tfjs's non-SIMD fallback) there are no kernels and callers keep the plain tfjs ops.
 *
 * With helper threads (simdParallel.ts; the page's trainer worker starts them when the memory is
 * shared) the larger calls are split between the threads; callers do not change.
 */
import * as binaries from './simdKernelsBinary';
import { parallelKernels, type SimdThreads } from './simdParallel';

/** The module's exports, as assembly/simd.ts declares them (pointers are byte offsets). */
export interface SimdModule {
  gemm(a: number, ars: number, aqs: number, b: number, c: number, m: number, k: number, n: number, accumulate: boolean): void;
  pairMlpForward(
    h: number,
    d: number,
    a: number,
    b: number,
    p: number,
    w1: number,
    m: number,
    b1: number,
    w2: number,
    b2: number,
    s: number,
    zOut: number,
    scratch: number,
  ): void;
  pairMlpBackward(
    h: number,
    n: number,
    d: number,
    a: number,
    b: number,
    p: number,
    w1: number,
    m: number,
    b1: number,
    w2: number,
    z: number,
    g: number,
    dh: number,
    dw1: number,
    db1: number,
    dw2: number,
    scratch: number,
    accumulate: boolean,
  ): number;
  pairMlpBceStep(
    h: number,
    n: number,
    d: number,
    a: number,
    b: number,
    first: number,
    positives: number,
    p: number,
    w1: number,
    m: number,
    b1: number,
    w2: number,
    b2: number,
    scale: number,
    dh: number,
    dw1: number,
    db1: number,
    dw2: number,
    db2: number,
    scratch: number,
    accumulate: boolean,
  ): number;
  pairMlpScanRows(
    h: number,
    d: number,
    u0: number,
    rows: number,
    n: number,
    w1: number,
    m: number,
    b1: number,
    w2: number,
    b2: number,
    s: number,
    scratch: number,
  ): void;
  csrSpmm(rowPtr: number, colIdx: number, values: number, x: number, f: number, rows: number, out: number): void;
  copyRows(src: number, srcStride: number, dst: number, dstStride: number, rows: number, rowBytes: number): void;
  addFloats(dst: number, src: number, n: number): void;
}

/** What callers use: the module's kernels (split between threads where there are helpers) and the scratch they need. */
export interface SimdKernels extends SimdModule {
  /** Relaxed SIMD (fused multiply-add) or plain SIMD. */
  readonly relaxed: boolean;
  /** The shared-memory build (tfjs's threaded wasm backend) or the plain-memory one. */
  readonly shared: boolean;
  /** Threads the kernels run on (1 without helpers). */
  readonly threads: number;
  /** Floats of scratch the decoder kernels need for n nodes, widths d and m (forward, backward and scan rows). */
  pairMlpScratchFloats(n: number, d: number, m: number): number;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

/** The module bytes for this memory: relaxed SIMD first, then plain; null where neither validates. */
export function simdModuleBytes(memory: WebAssembly.Memory): { bytes: Uint8Array<ArrayBuffer>; relaxed: boolean } | null {
  const shared = isShared(memory);
  for (const relaxed of [true, false]) {
    const bytes = decode(relaxed ? (shared ? binaries.relaxedShared : binaries.relaxed) : shared ? binaries.simdShared : binaries.simd);
    if (WebAssembly.validate(bytes)) return { bytes, relaxed };
  }
  return null;
}

/** Whether the plain-SIMD module for a shared memory validates here (the least the helper threads need). */
export function sharedSimdValidates(): boolean {
  return WebAssembly.validate(decode(binaries.simdShared));
}

/** The backend's memory: `wasmMemory` in tfjs's threaded build, the module's exported memory otherwise. */
export function backendMemory(backend: unknown): WebAssembly.Memory | null {
  const wasm = (backend as { wasm?: { wasmMemory?: unknown; asm?: { memory?: unknown } } }).wasm;
  const memory = wasm?.wasmMemory ?? wasm?.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

interface Instance {
  module: SimdModule;
  relaxed: boolean;
  memory: WebAssembly.Memory;
  /** The kernels as last handed out, and the helpers they split work with. */
  kernels?: SimdKernels;
  threads?: SimdThreads | null;
}

const instances = new WeakMap<WebAssembly.Memory, Instance | null>();
let helpers: SimdThreads | null = null;

function instantiate(memory: WebAssembly.Memory): Instance | null {
  const found = simdModuleBytes(memory);
  if (!found) return null;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(found.bytes), { env: { memory } });
  return { module: instance.exports as unknown as SimdModule, relaxed: found.relaxed, memory };
}

/**
 * Splits the kernels' larger calls between the caller and these helper threads (which run the same
 * module on the same shared memory), or back to one thread with null.
 */
export function useSimdThreads(threads: SimdThreads | null): void {
  helpers = threads;
}

/** The kernels for this wasm backend, or null where SIMD is unavailable. */
export function simdKernelsFor(backend: unknown): SimdKernels | null {
  const memory = backendMemory(backend);
  if (!memory) return null;
  if (!instances.has(memory)) instances.set(memory, instantiate(memory));
  const instance = instances.get(memory);
  if (!instance) return null;
  const threads = helpers && helpers.memory === memory ? helpers : null;
  if (!instance.kernels || instance.threads !== threads) {
    instance.kernels = parallelKernels(instance.module, instance.relaxed, memory, threads);
    instance.threads = threads;
  }
  return instance.kernels;
}
