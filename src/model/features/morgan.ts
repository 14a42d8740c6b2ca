/**
 * Morgan (ECFP-like) fingerprints from SMILES with RDKit's WebAssembly build (`@rdkit/rdkit`).
 * The RDKit module is passed in: the CLI/tests load it from node_modules, the worker from a Vite
 * `?url` import of the .wasm (see src/workers/rdkit.ts).
 *
 * Fallback, stated to the user: a drug without SMILES, or whose SMILES RDKit cannot parse, gets an
 * all-zero fingerprint and a set flag in the last column.
 */
import type { DrugNode } from '../../data/graph';
import type { FeatureBlock } from './block';

/** The part of RDKit's MinimalLib API used here. */
export interface RdkitLike {
  get_mol(smiles: string): { get_morgan_fp(details: string): string; delete(): void; is_valid?(): boolean } | null;
}

export interface MorganOptions {
  radius: number;
  nBits: number;
}

export const DEFAULT_MORGAN: MorganOptions = { radius: 2, nBits: 1024 };

export function morganFeatures(rdkit: RdkitLike, nodes: DrugNode[], options: MorganOptions = DEFAULT_MORGAN): FeatureBlock {
  const { nBits } = options;
  const dim = nBits + 1;
  const data = new Float32Array(nodes.length * dim);
  const details = JSON.stringify({ radius: options.radius, nBits });
  let noSmiles = 0;
  let unparsable = 0;
  nodes.forEach((node, i) => {
    const smiles = node.smiles?.trim();
    if (!smiles) {
      noSmiles++;
      data[i * dim + nBits] = 1;
      return;
    }
    let mol: ReturnType<RdkitLike['get_mol']>;
    try {
      mol = rdkit.get_mol(smiles);
    } catch {
      mol = null;
    }
    if (!mol || (mol.is_valid && !mol.is_valid())) {
      mol?.delete();
      unparsable++;
      data[i * dim + nBits] = 1;
      return;
    }
    try {
      // A string of nBits "0"/"1" characters, bit 0 first.
      const fp = mol.get_morgan_fp(details);
      for (let j = 0; j < nBits; j++) data[i * dim + j] = fp.charCodeAt(j) === 49 ? 1 : 0;
    } finally {
      mol.delete();
    }
  });
  const notes: string[] = [];
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (noSmiles > 0)
    notes.push(`Morgan fingerprints: ${fmt(noSmiles)} of ${fmt(nodes.length)} drugs have no SMILES (zero fingerprint, “no structure” flag set).`);
  if (unparsable > 0) notes.push(`Morgan fingerprints: RDKit could not parse the SMILES of ${fmt(unparsable)} drugs (zero fingerprint, flag set).`);
  return { name: 'morgan', dim, data, notes };
}

/** How many nodes got no fingerprint (the flag column), for reports. */
export function missingFingerprints(block: FeatureBlock): number {
  let n = 0;
  for (let i = block.dim - 1; i < block.data.length; i += block.dim) n += block.data[i];
  return n;
}
