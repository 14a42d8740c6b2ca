/**
 * `inspect <files…> [--columns FILE=SPEC] [--drugbank-proteins off|targets|all] [--json]`: loads the files through the same loaders as the
 * parse worker and prints the load report — with how each table was read — so a researcher can check a
 * file before opening it in the browser. `--columns` chooses a table's columns, as the page's column
 * dialog does. Any load error is one line on stderr and exit status 1.
 */
import { loadFiles } from '../data/loadFiles';
import { fileFromPath } from '../data/nodeInput';
import { isLoadError } from '../data/errors';
import { nodeKindCounts, relationCounts, type DrugGraph, type LoadReport } from '../data/graph';
import type { ColumnMapping } from '../data/table/layout';
import { LOAD_OPTIONS, parseLoadFlags, type OwnValues } from '../settings/cliArgs';

export async function runInspect(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const columnMappings: Record<string, ColumnMapping> = {};
  const paths: string[] = [];
  const loadFlags: OwnValues = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') continue;
    const [flag, inline] = a.split(/=(.*)/s);
    if (flag.startsWith('--') && flag.slice(2) in LOAD_OPTIONS) {
      loadFlags[flag.slice(2)] = inline ?? args[++i] ?? '';
      continue;
    }
    if (a === '--columns') {
      const parsed = parseColumnsOption(args[++i] ?? '');
      if (typeof parsed === 'string') {
        console.error(`error: --columns: ${parsed}`);
        return 1;
      }
      columnMappings[parsed.file] = parsed.mapping;
      continue;
    }
    paths.push(a);
  }
  const unknown = paths.find((p) => p.startsWith('--'));
  if (unknown) {
    console.error(`error: unknown option ${unknown} (inspect takes file paths, --columns FILE=SPEC, --drugbank-proteins MODE and --json)`);
    return 1;
  }
  let proteins;
  try {
    proteins = parseLoadFlags(loadFlags).proteins;
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    return 1;
  }
  if (paths.length === 0) {
    console.error('error: inspect needs at least one file: npm run cli -- inspect <files…> [--columns FILE=SPEC] [--json]');
    return 1;
  }
  const t0 = performance.now();
  try {
    const files = await Promise.all(paths.map((p) => fileFromPath(p)));
    const showProgress = !json && process.stderr.isTTY;
    const { report, graph } = await loadFiles(files, {
      columnMappings,
      drugbankProteins: proteins,
      onProgress: showProgress ? (p) => process.stderr.write(`\r${p.file}: ${mb(p.bytesRead)} / ${mb(p.totalBytes)} MB   `) : undefined,
    });
    if (showProgress) process.stderr.write('\r\x1b[K');
    const seconds = (performance.now() - t0) / 1000;
    // Untyped graphs too: every node a drug, every edge a drug–drug interaction.
    const typed = { nodeKinds: nodeKindCounts(graph), relations: relationCounts(graph) };
    const labels = labelCounts(graph);
    if (json) console.log(JSON.stringify({ name: graph.name, ...report, ...typed, ...(labels ? { labels } : {}), seconds: round(seconds) }));
    else console.log(formatReport(graph.name, report, seconds, labels));
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

/** Multi-label data (several labels on some pair, e.g. TWOSIDES): labels, labelled pairs and (pair, label) entries, for the multilabel task. */
export function labelCounts(g: DrugGraph): { count: number; pairs: number; pairLabels: number } | undefined {
  const pl = g.pairLabels;
  if (!pl) return undefined;
  return { count: g.edgeTypes.length, pairs: new Set(pl.edge).size, pairLabels: pl.edge.length };
}

export function formatReport(name: string, r: LoadReport, seconds: number, labels?: ReturnType<typeof labelCounts>): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const lines = [
    `${name}  (${r.files.join(', ')})`,
    // A typed graph's nodes are not all drugs; the kinds line says how many of each.
    `  ${r.nodeKinds ? 'nodes' : 'drugs'}              ${n(r.nodes)}`,
    `  interactions       ${n(r.edges)}`,
    `  interaction types  ${n(r.edgeTypes)}`,
    `  with SMILES        ${n(r.withSmiles)}`,
    `  with ATC codes     ${n(r.withAtc)}`,
    `  with names         ${n(r.withNames)}`,
    `  duplicates merged  ${n(r.duplicatesMerged)}`,
    `  self-loops dropped ${n(r.selfLoopsDropped)}`,
  ];
  if (labels)
    lines.push(`  labels             ${n(labels.count)} on ${n(labels.pairs)} pairs, ${n(labels.pairLabels)} (pair, label) in all (--task multilabel)`);
  if (r.nodeKinds) lines.push(`  node kinds         ${counts(r.nodeKinds)}`);
  if (r.relations) lines.push(`  relations          ${counts(r.relations)}`);
  if (r.negatives !== undefined) lines.push(`  negatives kept     ${n(r.negatives)}  (label column; not interactions)`);
  if (r.bareDrugs !== undefined) lines.push(`  without a record   ${n(r.bareDrugs)}  (drugs seen only as interaction partners)`);
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

const ROLES = ['source', 'target', 'type', 'weight', 'label', 'source-name', 'target-name'] as const;
/** Typed graphs: `kind:protein` is the target column's node kind, `source-kind:…` the source's, `relation:…` the rows' relation. */
const NAMES = { kind: 'targetKind', 'source-kind': 'sourceKind', relation: 'relation' } as const;
const NAME_PATTERN = /^[A-Za-z][\w-]*$/;

/**
 * Parses `--columns FILE=source:1,target:2[,type:N][,weight:N][,label:N][,source-name:N][,target-name:N]
 * [,kind:KIND][,source-kind:KIND][,relation:NAME][,header:yes|no]` (columns counted from 1, as `cut -f`
 * does; FILE as the load names it, e.g. "archive.zip/pairs.csv"). Returns the mapping, or the reason it
 * cannot be read.
 */
export function parseColumnsOption(value: string): { file: string; mapping: ColumnMapping } | string {
  const eq = value.lastIndexOf('=');
  if (eq <= 0) return `expected FILE=source:N,target:N[,type:N][,weight:N][,label:N], got "${value}"`;
  const file = value.slice(0, eq);
  const parts: Partial<Record<(typeof ROLES)[number], number>> = {};
  let hasHeader: boolean | undefined;
  const names: Pick<ColumnMapping, 'sourceKind' | 'targetKind' | 'relation'> = {};
  for (const item of value.slice(eq + 1).split(',')) {
    const [key, raw = ''] = item.split(':').map((x) => x.trim());
    if (key === 'header' && (raw === 'yes' || raw === 'no')) {
      hasHeader = raw === 'yes';
      continue;
    }
    if (key in NAMES) {
      if (!NAME_PATTERN.test(raw)) return `${key} takes a name of letters, digits, '-' and '_' (e.g. ${key}:protein); got "${item}"`;
      names[NAMES[key as keyof typeof NAMES]] = raw;
      continue;
    }
    if (!(ROLES as readonly string[]).includes(key)) {
      return `unknown column role "${key}" (use ${ROLES.join(', ')}, ${Object.keys(NAMES).join(', ')}, header)`;
    }
    if (!/^[1-9]\d*$/.test(raw)) return `column numbers count from 1; got "${item}"`;
    parts[key as (typeof ROLES)[number]] = Number(raw) - 1;
  }
  if (parts.source === undefined || parts.target === undefined) return 'source and target are both needed';
  const mapping: ColumnMapping = { source: parts.source, target: parts.target, ...names };
  if (parts['source-name'] !== undefined) mapping.sourceName = parts['source-name'];
  if (parts['target-name'] !== undefined) mapping.targetName = parts['target-name'];
  if (parts.type !== undefined) mapping.type = parts.type;
  if (parts.weight !== undefined) mapping.weight = parts.weight;
  if (parts.label !== undefined) mapping.label = parts.label;
  if (hasHeader !== undefined) mapping.hasHeader = hasHeader;
  return { file, mapping };
}

const counts = (c: Record<string, number>): string =>
  Object.entries(c)
    .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
    .join(', ');
const mb = (b: number): string => (b / 1e6).toFixed(1);
const round = (x: number): number => Math.round(x * 1000) / 1000;
