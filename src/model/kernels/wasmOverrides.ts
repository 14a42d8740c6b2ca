/**
 * The wasm backend's kernels this project replaces (products and column slices, both faster through
 * the SIMD module, and Identity, which need not copy); installed once, before the first op that needs them.
 */
import { installWasmIdentity } from './wasmIdentity';
import { installWasmMatMul } from './wasmMatMul';
import { installWasmSlice } from './wasmSlice';

export function installWasmOverrides(): void {
  installWasmMatMul();
  installWasmSlice();
  installWasmIdentity();
}
