/**
 * `inspect <files…> [--json]`: loads the files through the same loaders as the parse worker and prints
 * the load report, so a researcher can check a file before opening it in the browser. Any load error
 * is one line on stderr and exit status 1.
 */
import { loadFiles } from '../data/loadFiles';
import { fileFromPath } from '../data/nodeInput';
import { isLoadError } from '../data/errors';
import type { LoadReport } from '../data/graph';

export async function runInspect(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const paths = args.filter((a) => a !== '--json');
  const unknown = paths.find((p) => p.startsWith('--'));
  if (unknown) {
    console.error(`error: unknown option ${unknown} (inspect takes file paths and --json)`);
    return 1;
  }
  if (paths.length === 0) {
    console.error('error: inspect needs at least one file: npm run cli -- inspect <files…> [--json]');
    return 1;
  }
  const t0 = performance.now();
  try {
    const files = await Promise.all(paths.map((p) => fileFromPath(p)));
    const showProgress = !json && process.stderr.isTTY;
    const { report, graph } = await loadFiles(files, {
      onProgress: showProgress
        ? (p) => process.stderr.write(`\r${p.file}: ${mb(p.bytesRead)} / ${mb(p.totalBytes)} MB   `)
        : undefined,
    });
    if (showProgress) process.stderr.write('\r\x1b[K');
    const seconds = (performance.now() - t0) / 1000;
    if (json) console.log(JSON.stringify({ name: graph.name, ...report, seconds: round(seconds) }));
    else console.log(formatReport(graph.name, report, seconds));
    return 0;
  } catch (e) {
    if (isLoadError(e)) {
      console.error(`error: ${e.message}`);
      return 1;
    }
    if (e instanceof Error && 'code' in e && (e as NodeJS.ErrnoException).code === 'ENOENT') {
      console.error(`error: no such file: ${(e as NodeJS.ErrnoException).path}`);
      return 1;
    }
    throw e;
  }
}

export function formatReport(name: string, r: LoadReport, seconds: number): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [
    `${name}  (${r.files.join(', ')})`,
    `  drugs              ${n(r.nodes)}`,
    `  interactions       ${n(r.edges)}`,
    `  interaction types  ${n(r.edgeTypes)}`,
    `  with SMILES        ${n(r.withSmiles)}`,
    `  with ATC codes     ${n(r.withAtc)}`,
    `  with names         ${n(r.withNames)}`,
    `  duplicates merged  ${n(r.duplicatesMerged)}`,
    `  self-loops dropped ${n(r.selfLoopsDropped)}`,
  ];
  if (r.negatives !== undefined) lines.push(`  negatives kept     ${n(r.negatives)}  (label column; not interactions)`);
  if (r.skippedRows.length > 0) {
    lines.push('  rows skipped:');
    for (const s of r.skippedRows) lines.push(`    ${n(s.count)} × ${s.reason} (e.g. line ${s.examples.join(', ')})`);
  }
  if (r.warnings.length > 0) {
    lines.push('  warnings:');
    for (const w of r.warnings) lines.push(`    - ${w}`);
  }
  if (r.notes && r.notes.length > 0) {
    lines.push('  notes:');
    for (const w of r.notes) lines.push(`    - ${w}`);
  }
  lines.push(`  read in ${seconds.toFixed(2)} s`);
  return lines.join('\n');
}

const mb = (b: number): string => (b / 1e6).toFixed(1);
const round = (x: number): number => Math.round(x * 1000) / 1000;
