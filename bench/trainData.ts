/**
 * The graphs the training benchmark runs on, read from ../shared at run time (never copied into the
 * project) with a deliberately small reader: two id columns of a TSV/CSV, optionally gzipped.
 * Pairs are unordered, deduplicated and without self-loops, as the app's loader makes them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { TrainingGraph } from '../src/model/tasks/trainerBase';
import type { LinkSplit, Pairs } from '../src/model/split';
import { Rng } from '../src/model/rng';

export const ROOT = resolve(import.meta.dirname, '..');
/** ../shared/datasets beside the project; SHARED_DATASETS points elsewhere (the GPU machine gets a copy). */
export const SHARED = resolve(process.env.SHARED_DATASETS ?? resolve(ROOT, '../shared/datasets'));

export interface BenchGraph {
  name: string;
  graph: TrainingGraph;
  /** An official split (ogbl-ddi) instead of the trainer's seeded 85/5/10 one. */
  split?: LinkSplit;
  source: string;
}

function readText(path: string): string {
  const bytes = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Unordered distinct pairs from id pairs, numbering ids in order of first appearance. */
class PairCollector {
  readonly ids = new Map<string, number>();
  private readonly seen = new Set<number>();
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly maxNodes = 1 << 20;

  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) this.ids.set(name, (i = this.ids.size));
    return i;
  }

  get size(): number {
    return this.a.length;
  }

  add(u: number, v: number): void {
    if (u === v) return;
    const lo = Math.min(u, v);
    const hi = Math.max(u, v);
    const key = lo * this.maxNodes + hi;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.a.push(lo);
    this.b.push(hi);
  }

  graph(numNodes = this.ids.size): TrainingGraph {
    return { numNodes, edgeSrc: Int32Array.from(this.a), edgeDst: Int32Array.from(this.b) };
  }
}

/** Rows of a delimited file: the first two columns are the drug ids; a header row is skipped. */
function pairsFromTable(path: string, header: boolean): TrainingGraph {
  const c = new PairCollector();
  const lines = readText(path).split('\n');
  for (let i = header ? 1 : 0; i < lines.length; i++) {
    const cells = lines[i].split(/[\t,]/);
    if (cells.length < 2 || !cells[1]) continue;
    c.add(c.id(cells[0].trim()), c.id(cells[1].trim()));
  }
  return c.graph();
}

function demo(): BenchGraph | null {
  const path = resolve(ROOT, 'public/datasets/demo.json');
  if (!existsSync(path)) return null;
  const json = JSON.parse(readFileSync(path, 'utf8')) as { drugs: { id: string }[]; interactions: { a: string; b: string }[] };
  const c = new PairCollector();
  json.drugs.forEach((d) => c.id(d.id));
  for (const e of json.interactions) c.add(c.id(e.a), c.id(e.b));
  return { name: 'demo', graph: c.graph(), source: 'public/datasets/demo.json' };
}

function table(name: string, rel: string): BenchGraph | null {
  const path = resolve(SHARED, rel);
  return existsSync(path) ? { name, graph: pairsFromTable(path, true), source: `../shared/datasets/${rel}` } : null;
}

/** ogbl-ddi with OGB's official split: train = raw/edge.csv.gz (1,067,911 pairs), valid/test pos and neg. */
function ogblDdi(): BenchGraph | null {
  const dir = resolve(SHARED, 'ogbl_ddi');
  if (!existsSync(resolve(dir, 'raw/edge.csv.gz'))) return null;
  const numNodes = Number(readText(resolve(dir, 'raw/num-node-list.csv.gz')).trim());
  const pairs = (rel: string): Pairs => {
    const lines = readText(resolve(dir, rel)).trim().split('\n');
    const a = new Int32Array(lines.length);
    const b = new Int32Array(lines.length);
    lines.forEach((l, i) => {
      const [u, v] = l.split(',').map(Number);
      a[i] = Math.min(u, v);
      b[i] = Math.max(u, v);
    });
    return { a, b };
  };
  const trainPos = pairs('raw/edge.csv.gz');
  const split: LinkSplit = {
    numNodes,
    trainPos,
    valPos: pairs('split/valid_pos.csv.gz'),
    valNeg: pairs('split/valid_neg.csv.gz'),
    testPos: pairs('split/test_pos.csv.gz'),
    testNeg: pairs('split/test_neg.csv.gz'),
  };
  const all = [split.trainPos, split.valPos, split.testPos];
  const cat = (k: 'a' | 'b') => Int32Array.from(all.flatMap((p) => Array.from(p[k])));
  return {
    name: 'ogbl-ddi',
    graph: { numNodes, edgeSrc: cat('a'), edgeDst: cat('b') },
    split,
    source: '../shared/datasets/ogbl_ddi (official split: train = raw/edge.csv.gz)',
  };
}

/** Uniform random distinct pairs on a fixed node count, so cost grows with edges alone. */
export function synthetic(numNodes: number, numEdges: number, seed = 1): BenchGraph {
  const rng = new Rng(seed);
  const c = new PairCollector();
  const target = Math.min(numEdges, (numNodes * (numNodes - 1)) / 2);
  while (c.size < target) c.add(rng.int(numNodes), rng.int(numNodes));
  const label = numEdges >= 1e6 ? `${numEdges / 1e6}M` : `${numEdges / 1e3}k`;
  return { name: `synthetic ${label}`, graph: c.graph(numNodes), source: `uniform random pairs, ${numNodes} nodes, seed ${seed}` };
}

export const SYNTHETIC_NODES = 4000;
export const SYNTHETIC_FULL = [10_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000];
export const SYNTHETIC_SHORT = [10_000, 100_000];

/** The named data sets (those present on this machine), smallest first. */
export function namedGraphs(short: boolean): BenchGraph[] {
  const list = [
    () => demo(),
    () => table('ChCh-Miner', 'biosnap_chch_miner/ChCh-Miner_durgbank-chem-chem.tsv'),
    ...(short ? [] : [() => table('DeepDDI', 'deepddi_drugbank_ddi_86types/Drugbank.txt'), () => ogblDdi()]),
  ];
  return list.map((f) => f()).filter((g): g is BenchGraph => g !== null);
}
