/**
 * Parse benchmark: DrugBank full-database XML with full extraction (ids, names, groups, SMILES, ATC,
 * categories, targets, every interaction) through `loadFiles`, the code the parse worker runs, streamed
 * from disk.
 *
 * No multi-thousand-drug DrugBank export may be copied here, so the file is built in a temp dir by
 * repeating the real records in ../shared/datasets/drugbank_xml_samples/ with their primary ids
 * renumbered (each copy is a distinct drug; interaction partners keep their real ids). Each size is parsed
 * in a fresh child process so its peak memory (RSS and V8 heap, sampled every 20 ms, plus the OS's
 * max RSS) is its own. Two sizes show whether memory grows with the file.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = resolve(ROOT, '../shared/datasets/drugbank_xml_samples');
const CHILD = join(ROOT, 'bench', 'parseChild.ts');

export const PARSE_TARGETS = { mbPerSec: 100, peakMB: 400 };

export interface ParseRun {
  sizeMB: number;
  drugs: number;
  nodes: number;
  edges: number;
  /** Best wall time over the repeats, and the MB/s it gives. */
  seconds: number;
  mbPerSec: number;
  /** CPU seconds of that run (all threads of the process). */
  cpuSeconds: number;
  repeats: number;
  /** Highest over the repeats. */
  peakRssMB: number;
  peakHeapMB: number;
}

export interface ParseBenchResult {
  section: 'parse';
  source: string;
  machine: string;
  /** 1-minute load average when the section started: figures from a busy machine are slower. */
  loadAverage?: number;
  runs: ParseRun[];
  targets: typeof PARSE_TARGETS;
  pass: boolean;
  skipped?: string;
}

interface Sample {
  file: string;
  /** Record text split around its primary DrugBank id, so copies can be renumbered cheaply. */
  before: string;
  after: string;
}

export async function runParseBench(opts: { short: boolean; json: boolean }): Promise<ParseBenchResult> {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
  const log = (s: string): void => {
    if (!opts.json) console.log(s);
  };
  if (!existsSync(SAMPLES)) {
    const skipped = `skipped: ${SAMPLES} not found (the benchmark reads the real DrugBank samples at run time)`;
    log(`parse: ${skipped}`);
    return { section: 'parse', source: SAMPLES, machine, runs: [], targets: PARSE_TARGETS, pass: false, skipped };
  }
  const { header, records } = readSamples();
  const sizes = opts.short ? [5, 20] : [40, 320];
  const repeats = opts.short ? 1 : 2;
  const source =
    `DrugBank-schema XML built by repeating the ${records.length} real drug records of ${records
      .map((r) => r.file)
      .filter(uniq)
      .join(', ')} ` + '(../shared/datasets/drugbank_xml_samples), primary ids renumbered so every copy is a distinct drug';
  log(`parse: ${source}.`);
  const load = loadavg()[0];
  log(
    `parse: machine ${machine}; load average ${load.toFixed(2)} at start${load > 1 ? ' (other processes compete for the 2 cores: wall-clock figures suffer; CPU s shows the work itself)' : ''}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'drug-gnn-parse-bench-'));
  const runs: ParseRun[] = [];
  try {
    for (const sizeMB of sizes) {
      const path = join(dir, `drugbank-${sizeMB}MB.xml`);
      const drugs = buildFile(path, header, records, sizeMB * 1e6);
      const tries: ChildResult[] = [];
      for (let k = 0; k < repeats; k++) tries.push(await parseInChild(path));
      const best = tries.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      runs.push({
        sizeMB: round(statSync(path).size / 1e6, 1),
        drugs,
        ...best,
        repeats,
        peakRssMB: Math.max(...tries.map((t) => t.peakRssMB)),
        peakHeapMB: Math.max(...tries.map((t) => t.peakHeapMB)),
      });
      rmSync(path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pass = runs.every((r) => r.mbPerSec >= PARSE_TARGETS.mbPerSec && r.peakRssMB < PARSE_TARGETS.peakMB);
  log('');
  log(`    size   drugs (records)     nodes       edges   wall (best of ${repeats})    MB/s   CPU s   peak RSS   peak heap`);
  for (const r of runs) {
    log(
      `${pad(r.sizeMB.toFixed(0) + ' MB', 8)}${pad(fmt(r.drugs), 16)}${pad(fmt(r.nodes), 10)}${pad(fmt(r.edges), 12)}` +
        `${pad(r.seconds.toFixed(2) + ' s', 18)}${pad(r.mbPerSec.toFixed(1), 8)}${pad(r.cpuSeconds.toFixed(2), 8)}` +
        `${pad(r.peakRssMB.toFixed(0) + ' MB', 11)}${pad(r.peakHeapMB.toFixed(0) + ' MB', 12)}`,
    );
  }
  log('(peak RSS includes Node and the TypeScript loader, about 100 MB before any parsing; the graph itself grows with the file)');
  log(
    opts.short
      ? `parse: short mode (files too small to reach steady speed; run without --short to check the ${PARSE_TARGETS.mbPerSec} MB/s target)`
      : `parse: target ≥ ${PARSE_TARGETS.mbPerSec} MB/s with full extraction and peak RSS < ${PARSE_TARGETS.peakMB} MB at every size: ` +
          (pass ? 'met' : 'NOT met'),
  );
  return { section: 'parse', source, machine, loadAverage: round(load, 2), runs, targets: PARSE_TARGETS, pass };
}

/** The root start tag of the first sample, and every top-level <drug> record of the 5.x samples. */
function readSamples(): { header: string; records: Sample[] } {
  let header = '';
  const records: Sample[] = [];
  const files = readdirSync(SAMPLES)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  for (const file of files) {
    const text = readFileSync(join(SAMPLES, file), 'utf8');
    const p = new SaxesParser({ xmlns: false, position: true });
    let depth = 0;
    let start = -1;
    p.on('opentag', (t) => {
      depth++;
      if (depth === 1 && !header) header = text.slice(0, p.position);
      if (depth === 2 && t.name === 'drug') start = text.lastIndexOf('<drug', p.position);
    });
    p.on('closetag', () => {
      if (depth === 2 && start >= 0) {
        const rec = text.slice(start, p.position);
        const m = /<drugbank-id primary="true">([^<]+)<\/drugbank-id>/.exec(rec);
        if (m) {
          const at = m.index + '<drugbank-id primary="true">'.length;
          records.push({ file, before: rec.slice(0, at), after: rec.slice(at + m[1].length) });
        }
        start = -1;
      }
      depth--;
    });
    p.write(text).close();
  }
  if (records.length === 0) throw new Error(`no <drug> records found in ${SAMPLES}`);
  return { header, records };
}

/** Builds a benchmark file of about `bytes` bytes (for profiling outside the benchmark too). Returns the drug count. */
export function buildDrugBankBenchFile(path: string, bytes: number): number {
  const { header, records } = readSamples();
  return buildFile(path, header, records, bytes);
}

/** Writes records round-robin, renumbered DB50000, DB50001, …, until the file reaches `bytes`. */
function buildFile(path: string, header: string, records: Sample[], bytes: number): number {
  const fd = openSync(path, 'w');
  const enc = new TextEncoder();
  let written = 0;
  let buf: string[] = [];
  let bufLen = 0;
  const flush = (): void => {
    const data = enc.encode(buf.join(''));
    writeSync(fd, data);
    written += data.length;
    buf = [];
    bufLen = 0;
  };
  buf.push(header, '\n');
  let n = 0;
  while (written + bufLen < bytes) {
    const r = records[n % records.length];
    const piece = `${r.before}DB${50000 + n}${r.after}\n`;
    buf.push(piece);
    bufLen += piece.length;
    n++;
    if (bufLen > 16 << 20) flush();
  }
  buf.push('</drugbank>\n');
  flush();
  closeSync(fd);
  return n;
}

type ChildResult = Omit<ParseRun, 'sizeMB' | 'drugs' | 'repeats'>;

function parseInChild(path: string): Promise<ChildResult> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) return fail(new Error(`parse child exited with ${code}`));
      try {
        ok(JSON.parse(out.trim().split('\n').pop() ?? '') as ChildResult);
      } catch (e) {
        fail(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

const uniq = <T>(v: T, i: number, a: T[]): boolean => a.indexOf(v) === i;
const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const fmt = (n: number): string => n.toLocaleString('en-US');
const pad = (s: string, n: number): string => s.padStart(n);
