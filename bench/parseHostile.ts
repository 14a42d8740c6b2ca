/**
 * Hostile-input benchmark: the inputs that used to crash or hang the loader, at the sizes they were
 * found at (`--short`: the compressed and single-line ones scaled down), generated in a temp dir and
 * each loaded in a fresh child process. Every one must end — in a load or a specific LoadError — within
 * 10 s and 1 GB of peak RSS.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { createGzip } from 'node:zlib';
import { dbIds } from '../tests/helpers/hostile';
import { runFuzzBench, type FuzzBenchResult } from './parseFuzz';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHILD = join(ROOT, 'bench', 'parseHostileChild.ts');

export const HOSTILE_TARGETS = { seconds: 10, peakMB: 1000 };

export interface HostileRun {
  input: string;
  bytes: number;
  /** What must happen: 'load' or a LoadError kind ("a|b": either). */
  expected: string;
  outcome: string;
  message?: string;
  seconds: number;
  peakRssMB: number;
  pass: boolean;
}

export interface HostileBenchResult {
  section: 'hostile';
  loadAverage: number;
  runs: HostileRun[];
  targets: typeof HOSTILE_TARGETS;
  /** Generated hostile inputs (parseFuzz.ts). */
  fuzz: FuzzBenchResult;
  pass: boolean;
}

const MiB = 1 << 20;

/** Writes `total` bytes of one repeated byte through an optional gzip stream. */
async function writeRepeated(path: string, byte: number, total: number, gzip: boolean): Promise<void> {
  const out = createWriteStream(path);
  const sink = gzip ? createGzip({ level: 9 }) : out;
  if (gzip) (sink as ReturnType<typeof createGzip>).pipe(out);
  const block = Buffer.alloc(16 * MiB, byte);
  for (let done = 0; done < total; done += block.length) {
    if (!sink.write(done + block.length <= total ? block : block.subarray(0, total - done))) {
      await new Promise<void>((r) => sink.once('drain', () => r()));
    }
  }
  await new Promise<void>((r) => {
    out.once('close', () => r());
    sink.end();
  });
}

/** A zip with one entry (deflated, or stored when `stored` holds the bytes already compressed). */
async function writeZip(path: string, entry: string, byte: number, total: number, stored?: Uint8Array): Promise<void> {
  const out = createWriteStream(path);
  const zip = new Zip((err, data) => {
    if (err) throw err;
    out.write(data);
  });
  if (stored) {
    const f = new ZipPassThrough(entry);
    zip.add(f);
    f.push(stored, true);
  } else {
    const f = new ZipDeflate(entry, { level: 9 });
    zip.add(f);
    const block = new Uint8Array(16 * MiB).fill(byte);
    for (let done = 0; done < total; done += block.length) f.push(block, done + block.length >= total);
  }
  zip.end();
  await new Promise<void>((r) => out.end(r));
}

export async function runHostileBench(opts: { short: boolean; json: boolean }): Promise<HostileBenchResult> {
  const log = (s: string): void => {
    if (!opts.json) console.log(s);
  };
  const big = opts.short ? 64 * MiB : 1024 * MiB;
  const line = opts.short ? 8 * MiB : 200 * MiB;
  const dir = mkdtempSync(join(tmpdir(), 'hostile-bench-'));
  const cases: { input: string; file: string; expected: string; make: () => Promise<void> | void }[] = [
    {
      input: '256 KiB header of DrugBank ids, 3 rows',
      file: 'idheader.csv',
      expected: 'load',
      make: () => {
        const n = (256 * 1024) / 8;
        const rows = [dbIds(n).join(','), ...[1, 2, 3].map((k) => dbIds(n, k).join(','))];
        writeFileSync(join(dir, 'idheader.csv'), rows.join('\n') + '\n');
      },
    },
    {
      input: 'header of 78,000 columns, 1 row',
      file: 'cols78k.csv',
      expected: 'load',
      make: () => {
        const header = ['source', 'target', ...Array.from({ length: 77_998 }, (_, i) => `c${i}`)].join(',');
        writeFileSync(join(dir, 'cols78k.csv'), `${header}\n${['DB00001', 'DB00002', ...Array(77_998).fill('x')].join(',')}\n`);
      },
    },
    {
      input: `${line / MiB} MiB on one line`,
      file: 'oneline.csv',
      expected: 'line-too-long',
      make: () => writeRepeated(join(dir, 'oneline.csv'), 0x41, line, false),
    },
    {
      input: `${big / MiB} MiB of "A" as .gz`,
      file: 'a.csv.gz',
      expected: 'too-large|line-too-long',
      make: () => writeRepeated(join(dir, 'a.csv.gz'), 0x41, big, true),
    },
    {
      input: `${big / MiB} MiB of newlines as .gz`,
      file: 'nl.csv.gz',
      expected: 'too-large',
      make: () => writeRepeated(join(dir, 'nl.csv.gz'), 0x0a, big, true),
    },
    { input: `${big / MiB} MiB of spaces as .zip`, file: 'sp.zip', expected: 'too-large', make: () => writeZip(join(dir, 'sp.zip'), 'spaces.csv', 0x20, big) },
    {
      input: `.zip holding ${big / MiB} MiB of newlines as .gz`,
      file: 'nested.zip',
      expected: 'too-large',
      make: async () => {
        await writeZip(join(dir, 'nested.zip'), 'inner.csv.gz', 0, 0, readFileSync(join(dir, 'nl.csv.gz')));
      },
    },
  ];
  const loadAverage = loadavg()[0];
  log(`hostile inputs (load average ${loadAverage.toFixed(1)}; target: each within ${HOSTILE_TARGETS.seconds} s and ${HOSTILE_TARGETS.peakMB} MB)`);
  const runs: HostileRun[] = [];
  try {
    for (const c of cases) {
      await c.make();
      const path = join(dir, c.file);
      const bytes = statSync(path).size;
      const r = await inChild(path);
      const outcome = r.error ?? 'load';
      const run: HostileRun = {
        input: c.input,
        bytes,
        expected: c.expected,
        outcome,
        message: r.message,
        seconds: r.seconds,
        peakRssMB: r.peakRssMB,
        pass: c.expected.split('|').includes(outcome) && r.seconds < HOSTILE_TARGETS.seconds && r.peakRssMB < HOSTILE_TARGETS.peakMB,
      };
      runs.push(run);
      log(
        `  ${run.pass ? 'ok  ' : 'FAIL'} ${c.input.padEnd(40)} ${(bytes / 1e6).toFixed(1).padStart(8)} MB  ${outcome.padEnd(14)} ` +
          `${run.seconds.toFixed(2).padStart(6)} s  ${String(run.peakRssMB).padStart(5)} MB`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const fuzz = await runFuzzBench(opts);
  return { section: 'hostile', loadAverage, runs, targets: HOSTILE_TARGETS, fuzz, pass: runs.every((r) => r.pass) && fuzz.pass };
}

function inChild(path: string): Promise<{ error?: string; message?: string; seconds: number; peakRssMB: number }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1);
      if (code === 0 && last) ok(JSON.parse(last));
      else fail(new Error(`hostile bench child failed (${code}) on ${path}: ${err.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}
