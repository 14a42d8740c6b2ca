/** Node features: one-hot ATC and categories, degree, Morgan fingerprints via RDKit (WASM, from node_modules), combinations. */
import * as tf from '../../../src/model/tf';
import { describe, expect, it } from 'vitest';
import { loadRdkitNode } from '../../../src/cli/trainData';
import type { DrugNode } from '../../../src/data/graph';
import { atcFeatures, categoryFeatures } from '../../../src/model/features/attributes';
import { degreeFeatures } from '../../../src/model/features/degree';
import { NodeFeatures } from '../../../src/model/features/nodeFeatures';
import { fixedFeatureBlocks } from '../../../src/model/features/index';
import { parseFeatureSpec } from '../../../src/settings/featureSpec';
import { missingFingerprints, morganFeatures } from '../../../src/model/features/morgan';
import { Rng } from '../../../src/model/rng';

const nodes: DrugNode[] = [
  { id: 'DB1', name: 'ethanol', smiles: 'CCO', atc: ['V03AB16', 'D08AX08'], categories: ['Solvents', 'Anti-Infective Agents'] },
  { id: 'DB2', name: 'aspirin', smiles: 'CC(=O)OC1=CC=CC=C1C(O)=O', atc: ['B01AC06'], categories: ['Anti-Infective Agents'] },
  { id: 'DB3', name: 'biotech' },
  { id: 'DB4', name: 'broken', smiles: 'C1CC(' },
];
const row = (b: { dim: number; data: Float32Array }, i: number) => Array.from(b.data.subarray(i * b.dim, (i + 1) * b.dim));

describe('feature spec', () => {
  it('parses combinations and rejects nonsense', () => {
    expect(parseFeatureSpec('learned+morgan+degree')).toEqual({ kinds: ['learned', 'morgan', 'degree'] });
    expect(parseFeatureSpec('learned+random')).toHaveProperty('error');
    expect(parseFeatureSpec('atc+atc')).toHaveProperty('error');
    expect(parseFeatureSpec('smiles')).toHaveProperty('error');
  });
});

describe('annotation features', () => {
  it('one-hot ATC main groups (several per drug) with an unknown flag', () => {
    const b = atcFeatures(nodes);
    expect(b.dim).toBe(15);
    // A B C D G H J L M N P R S V | unknown
    expect(row(b, 0)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(row(b, 1)[1]).toBe(1);
    expect(row(b, 2)[14]).toBe(1);
    expect(b.notes[0]).toMatch(/2 of 4 drugs have no ATC code/);
  });

  it('one-hot categories, most frequent first', () => {
    const b = categoryFeatures(nodes);
    expect(b.dim).toBe(3);
    expect(row(b, 0)).toEqual([1, 1, 0]); // Anti-Infective Agents (2), Solvents (1)
    expect(row(b, 1)).toEqual([1, 0, 0]);
    expect(row(b, 3)).toEqual([0, 0, 1]);
  });

  it('degree: scaled log-degree and a power-of-two bucket', () => {
    const b = degreeFeatures(Float32Array.from([0, 1, 3, 7]));
    expect(row(b, 0)[0]).toBe(0);
    expect(row(b, 3)[0]).toBeCloseTo(1, 6);
    expect(row(b, 2)[0]).toBeCloseTo(Math.log(4) / Math.log(8), 6);
    expect(row(b, 0)[1]).toBe(1); // bucket ⌊log2 1⌋ = 0
    expect(row(b, 3)[1 + 3]).toBe(1); // ⌊log2 8⌋ = 3
  });
});

describe('Morgan fingerprints with RDKit (WASM)', () => {
  it('fingerprints parsable SMILES, flags and counts drugs without or with broken SMILES', async () => {
    const rdkit = await loadRdkitNode();
    const b = morganFeatures(rdkit, nodes, { radius: 2, nBits: 256 });
    expect(b.dim).toBe(257);
    const bits = (i: number) =>
      row(b, i)
        .slice(0, 256)
        .reduce((s, x) => s + x, 0);
    expect(bits(0)).toBeGreaterThan(0);
    expect(bits(1)).toBeGreaterThan(bits(0)); // aspirin has more environments than ethanol
    expect(row(b, 0)[256]).toBe(0);
    expect(bits(2)).toBe(0);
    expect(row(b, 2)[256]).toBe(1);
    expect(row(b, 3)[256]).toBe(1);
    expect(missingFingerprints(b)).toBe(2);
    expect(b.notes.join(' ')).toMatch(/1 of 4 drugs have no SMILES.*could not parse the SMILES of 1 drugs/);
    // RDKit's own bit string for ethanol, independently.
    const mol = rdkit.get_mol('CCO')!;
    const ref = mol.get_morgan_fp(JSON.stringify({ radius: 2, nBits: 256 }));
    mol.delete();
    expect(row(b, 0).slice(0, 256).join('')).toBe(ref);
  });
});

describe('NodeFeatures', () => {
  it('concatenates a learned table and fixed blocks, only the table being trainable', () => {
    const blocks = fixedFeatureBlocks(['learned', 'atc', 'degree'], { nodes, degrees: Float32Array.from([1, 2, 0, 0]) });
    const f = new NodeFeatures(['learned', 'atc', 'degree'], 4, 3, new Rng(1), blocks);
    expect(f.dim).toBe(3 + 15 + 17);
    const x = tf.tidy(() => f.tensor().arraySync());
    expect(x[0].slice(3, 18)).toEqual(row(atcFeatures(nodes), 0));
    expect(f.variables()).toHaveLength(1);
    f.dispose();
  });

  it('needs computed fingerprints for morgan', () => {
    expect(() => fixedFeatureBlocks(['morgan'], { nodes, degrees: new Float32Array(4) })).toThrow(/RDKit/);
  });
});
