/**
 * Lets Node 20 run the relaxed-SIMD form of the project's WebAssembly kernels (fused multiply-add;
 * kernels/simdKernels.ts), as Chromium and Node ≥ 22 do by default: V8 11.3 has the feature behind a
 * flag. Imported first by the CLI and the benchmark, before any kernel is compiled; the flag is set
 * only where the module does not validate without it. Where the engine refuses the flag, the
 * plain-SIMD kernels run as before.
 */
import v8 from 'node:v8';
import { relaxed } from '../model/kernels/simdKernelsBinary';

const bytes = Uint8Array.from(atob(relaxed), (c) => c.charCodeAt(0));
if (!WebAssembly.validate(bytes)) v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
