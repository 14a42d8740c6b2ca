/**
 * The WebAssembly SIMD kernels of assembly/simd.ts, instantiated on the tfjs wasm backend's own
 * memory so they read and write its tensors in place (offsets from getMemoryOffset).
 *
 * Which module: relaxed SIMD (fused multiply-add, ~1.7× the plain one here) where the engine
 * validates it — Chromium does, Node 20 only with --experimental-wasm-relaxed-simd — else plain SIMD;
 * the shared-memory form when tfjs runs its threaded build. Where neither validates (no SIMD, as in
 * tfjs's non-SIMD fallback) there are no kernels and callers keep the plain tfjs ops.
 */
import * as binaries from './simdKernelsBinary';

export interface SimdKernels {
  /** Relaxed SIMD (fused multiply-add) or plain SIMD. */
  readonly relaxed: boolean;
  /** The shared-memory build (tfjs's threaded wasm backend) or the plain-memory one. */
  readonly shared: boolean;
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
  ): number;
  pairMlpScanRow(
    h: number,
    d: number,
    u: number,
    from: number,
    to: number,
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
}

/** Pairs per block in the decoder kernels (PAIR_BLOCK in assembly/simd.ts). */
const PAIR_BLOCK = 64;

/** Floats of scratch the decoder kernels need (forward, backward and scan rows; float64 sums and alignment included). */
export function pairMlpScratchFloats(d: number, m: number): number {
  return PAIR_BLOCK * (2 * d + 2 * m) + m * d + 4 * m + 2;
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

function instantiate(memory: WebAssembly.Memory): SimdKernels | null {
  const shared = isShared(memory);
  for (const relaxed of [true, false]) {
    const bytes = decode(relaxed ? (shared ? binaries.relaxedShared : binaries.relaxed) : shared ? binaries.simdShared : binaries.simd);
    if (!WebAssembly.validate(bytes)) continue;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } });
    return { ...(instance.exports as unknown as Omit<SimdKernels, 'relaxed' | 'shared'>), relaxed, shared };
  }
  return null;
}

/** The backend's memory: `wasmMemory` in tfjs's threaded build, the module's exported memory otherwise. */
function backendMemory(backend: unknown): WebAssembly.Memory | null {
  const wasm = (backend as { wasm?: { wasmMemory?: unknown; asm?: { memory?: unknown } } }).wasm;
  const memory = wasm?.wasmMemory ?? wasm?.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

const instances = new WeakMap<WebAssembly.Memory, SimdKernels | null>();

/** The kernels for this wasm backend, or null where SIMD is unavailable. */
export function simdKernelsFor(backend: unknown): SimdKernels | null {
  const memory = backendMemory(backend);
  if (!memory) return null;
  if (!instances.has(memory)) instances.set(memory, instantiate(memory));
  return instances.get(memory) ?? null;
}
