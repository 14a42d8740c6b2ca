/**
 * RDKit's WebAssembly build in the trainer worker, loaded on first use (its script and 7 MB .wasm
 * are fetched only when Morgan fingerprints are chosen). The .wasm comes from a Vite `?url` import,
 * so the built app serves it from its own origin and works offline, like the tfjs wasm backend.
 */
import rdkitWasm from '@rdkit/rdkit/RDKit_minimal.wasm?url';
import type { RdkitLike } from '../model/features/morgan';

let loading: Promise<RdkitLike> | null = null;

export function loadRdkit(): Promise<RdkitLike> {
  loading ??= import('@rdkit/rdkit').then(({ default: init }) => init({ locateFile: () => rdkitWasm })).then((m) => m as unknown as RdkitLike);
  return loading;
}
