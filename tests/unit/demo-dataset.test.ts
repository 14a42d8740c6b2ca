// Integrity tests for the built-in demo data set (public/datasets/demo.json).
//
// The structural checks and the SMILES parse check always run. The checks against the CC0
// DrugBank open vocabulary read ../shared/datasets at run time (its content is never copied
// into the project): when that folder is missing they fail on CI (CI=true) and are skipped,
// with a console message, everywhere else.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import initRDKitModule from '@rdkit/rdkit';
import type { MainModule } from '@rdkit/rdkit';
import { beforeAll, describe, expect, it } from 'vitest';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const DEMO = path.join(ROOT, 'public/datasets/demo.json');
const SHARED = path.resolve(HERE, '../../../shared/datasets');
const VOCAB = path.join(SHARED, 'drugbank_vocabulary', 'drugbank vocabulary.csv');

// The small, fixed vocabulary of mechanism-based interaction types.
const TYPES = [
  'CYP3A4 inhibition raises exposure',
  'enzyme induction lowers exposure',
  'CYP2D6 inhibition alters exposure',
  'CYP2C8/2C9/2C19 inhibition alters exposure',
  'CYP1A2 inhibition raises exposure',
  'transporter (P-gp/OATP/OCT2) inhibition raises exposure',
  'additive QT prolongation',
  'serotonin syndrome risk',
  'additive bleeding risk',
  'additive CNS/respiratory depression',
  'hyperkalaemia risk',
  'additive hypotension',
  'additive bradycardia/AV block',
  'reduced renal clearance/nephrotoxicity',
  'reduced absorption (chelation)',
];

interface Drug {
  id: string;
  name: string;
  smiles: string;
  atc: string[];
  categories: string[];
}
interface Interaction {
  a: string;
  b: string;
  type: string;
  note: string;
}
interface Dataset {
  format: string;
  name: string;
  drugs: Drug[];
  interactions: Interaction[];
}

const ds = JSON.parse(readFileSync(DEMO, 'utf8')) as Dataset;
const sortedKeys = (o: object) => Object.keys(o).sort();

let rdkit: MainModule;
beforeAll(async () => {
  rdkit = await initRDKitModule();
});

/** Standard InChIKey computed by RDKit from a SMILES, or null when it does not parse. */
function inchiKey(smiles: string): string | null {
  const mol = rdkit.get_mol(smiles);
  if (!mol) return null;
  try {
    if (!mol.is_valid()) return null;
    const inchi = mol.get_inchi();
    return inchi ? rdkit.get_inchikey_for_inchi(inchi) : null;
  } finally {
    mol.delete();
  }
}

describe('demo dataset: structure', () => {
  it('has the drug-graph/1 schema', () => {
    expect(sortedKeys(ds)).toEqual(['drugs', 'format', 'interactions', 'name']);
    expect(ds.format).toBe('drug-graph/1');
    expect(ds.name).toBe('Demo: well-known drug interactions');
    for (const d of ds.drugs) {
      expect(sortedKeys(d), d.id).toEqual(['atc', 'categories', 'id', 'name', 'smiles']);
      expect(typeof d.name === 'string' && d.name.trim() === d.name && d.name.length > 0, d.id).toBe(true);
      expect(typeof d.smiles === 'string' && /^\S+$/.test(d.smiles), d.id).toBe(true);
      expect(Array.isArray(d.atc) && d.atc.length >= 1, d.id).toBe(true);
      expect(Array.isArray(d.categories) && d.categories.length >= 1 && d.categories.length <= 2, d.id).toBe(true);
      for (const c of d.categories) expect(typeof c === 'string' && c.length > 0 && c.length <= 40, d.id).toBe(true);
    }
    for (const e of ds.interactions) {
      expect(sortedKeys(e)).toEqual(['a', 'b', 'note', 'type']);
      expect(typeof e.note === 'string' && e.note.length > 20 && e.note.length < 300 && e.note.endsWith('.')).toBe(true);
    }
  });

  it('has 120-200 drugs and 500-900 interactions', () => {
    expect(ds.drugs.length).toBeGreaterThanOrEqual(120);
    expect(ds.drugs.length).toBeLessThanOrEqual(200);
    expect(ds.interactions.length).toBeGreaterThanOrEqual(500);
    expect(ds.interactions.length).toBeLessThanOrEqual(900);
  });

  it('has unique, well-formed DrugBank ids and unique names', () => {
    const ids = ds.drugs.map((d) => d.id);
    for (const id of ids) expect(id).toMatch(/^DB\d{5}$/);
    expect(new Set(ids).size).toBe(ids.length);
    const names = ds.drugs.map((d) => d.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  it('has well-formed ATC codes covering many first-level groups', () => {
    const groups = new Set<string>();
    for (const d of ds.drugs) {
      expect(new Set(d.atc).size, d.name).toBe(d.atc.length);
      for (const code of d.atc) {
        expect(code, d.name).toMatch(/^[A-Z]\d\d[A-Z][A-Z]\d\d$/);
        groups.add(code[0]);
      }
    }
    for (const g of ['A', 'B', 'C', 'J', 'L', 'M', 'N', 'R']) expect(groups.has(g), g).toBe(true);
    expect(groups.size).toBeGreaterThanOrEqual(10);
  });

  it('has no self pairs, no duplicate unordered pairs and only known endpoints', () => {
    const ids = new Set(ds.drugs.map((d) => d.id));
    const pairs = new Set<string>();
    for (const e of ds.interactions) {
      expect(ids.has(e.a), e.a).toBe(true);
      expect(ids.has(e.b), e.b).toBe(true);
      expect(e.a, `self pair ${e.a}`).not.toBe(e.b);
      const key = e.a < e.b ? `${e.a}|${e.b}` : `${e.b}|${e.a}`;
      expect(pairs.has(key), `duplicate pair ${key}`).toBe(false);
      pairs.add(key);
    }
  });

  it('uses only the small set of interaction types, each of them', () => {
    expect(TYPES.length).toBeLessThanOrEqual(15);
    const used = new Set(ds.interactions.map((e) => e.type));
    for (const t of used) expect(TYPES, t).toContain(t);
    expect([...used].sort()).toEqual([...TYPES].sort());
  });

  it('gives every drug at least 2 interactions', () => {
    const degree = new Map(ds.drugs.map((d) => [d.id, 0]));
    for (const e of ds.interactions) {
      degree.set(e.a, (degree.get(e.a) ?? 0) + 1);
      degree.set(e.b, (degree.get(e.b) ?? 0) + 1);
    }
    const low = ds.drugs.filter((d) => (degree.get(d.id) ?? 0) < 2).map((d) => d.name);
    expect(low).toEqual([]);
  });

  it('is exactly the output of scripts/build-demo-dataset.mjs', () => {
    // exits non-zero (and throws here) when demo.json differs from a fresh build
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-demo-dataset.mjs'), '--check'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  });

  it('has SMILES that RDKit parses', () => {
    const bad = ds.drugs.filter((d) => inchiKey(d.smiles) === null).map((d) => d.name);
    expect(bad).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Checks against the CC0 DrugBank open vocabulary (../shared, read at test time only)
// ---------------------------------------------------------------------------------------
const haveVocab = existsSync(VOCAB);
const onCI = process.env.CI === 'true';
if (!haveVocab && !onCI) {
  console.warn(`[demo-dataset] skipping DrugBank vocabulary checks: ${VOCAB} not found`);
}

describe.skipIf(!haveVocab && !onCI)('demo dataset: DrugBank open vocabulary', () => {
  interface VocabRow {
    'DrugBank ID': string;
    'Common name': string;
    'Standard InChI Key': string;
  }
  let vocab: Map<string, VocabRow>;

  beforeAll(() => {
    if (!haveVocab) throw new Error(`DrugBank vocabulary not found at ${VOCAB} (required when CI=true)`);
    const parsed = Papa.parse<VocabRow>(readFileSync(VOCAB, 'utf8'), { header: true, skipEmptyLines: true });
    vocab = new Map(parsed.data.map((r) => [r['DrugBank ID'], r]));
    expect(vocab.size).toBeGreaterThan(10_000);
  });

  it('knows every DrugBank id under the same common name', () => {
    const problems: string[] = [];
    for (const d of ds.drugs) {
      const row = vocab.get(d.id);
      if (!row) problems.push(`${d.id} ${d.name}: id not in vocabulary`);
      else if (row['Common name'].toLowerCase() !== d.name.toLowerCase()) {
        problems.push(`${d.id} ${d.name}: vocabulary says "${row['Common name']}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('matches the vocabulary InChIKey connectivity block for every SMILES', () => {
    const problems: string[] = [];
    let compared = 0;
    for (const d of ds.drugs) {
      const ref = vocab.get(d.id)?.['Standard InChI Key'] ?? '';
      if (!ref) continue;
      compared++;
      const key = inchiKey(d.smiles);
      if (!key || key.slice(0, 14) !== ref.slice(0, 14)) problems.push(`${d.name}: ${key} vs ${ref}`);
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThanOrEqual(ds.drugs.length * 0.9);
  });
});
