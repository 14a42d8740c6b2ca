/**
 * The one entry point every consumer uses (parse worker, CLI, tests, benchmark): several files in,
 * one graph and load report out. Files that list interactions (DrugBank XML, drug–drug tables,
 * drug-graph JSON) build the graph; companion tables annotate it after all files are read, so the
 * order in which files are given does not matter.
 */
import { LoadError } from './errors';
import { createContext, type LoadContext } from './context';
import { readInput } from './pipeline';
import { FormatRouter } from './router';
import { resolveNegatives } from './negatives';
import { checkMemory } from './memoryBudget';
import { TEST_FRACTION, VAL_FRACTION } from '../model/split';
import type { InputFile } from './input';
import type { ColumnMapping } from './table/layout';
import type { DrugBankProteins } from './drugbank/proteinLists';
import type { ParseProgress, ParseResult } from './parseResult';

export interface LoadOptions {
  onProgress?: (p: ParseProgress) => void;
  signal?: AbortSignal;
  /** Column mappings confirmed in the UI, keyed by file label (see ColumnDetection.file). */
  columnMappings?: Record<string, ColumnMapping>;
  /** Graph name; defaults to the file names. */
  name?: string;
  /** Minimum time between progress callbacks (ms). */
  progressIntervalMs?: number;
  /** Stop with a 'memory' LoadError past this many estimated bytes of graph (memoryBudget.ts); none when omitted. */
  memoryBudget?: number;
  /** DrugBank XML proteins as nodes and edges: 'targets', 'all' four lists, or 'off' (default: targets stay annotations). */
  drugbankProteins?: DrugBankProteins;
}

export async function loadFiles(files: InputFile[], options: LoadOptions = {}): Promise<ParseResult> {
  if (files.length === 0) throw new LoadError('empty', '(no file)', 'no files were given.');
  const labels = files.map((f) => f.name);
  const ctx = createContext(options.name ?? graphName(labels), options.columnMappings, options.drugbankProteins);
  const interval = options.progressIntervalMs ?? 100;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    let last = 0;
    const report = (bytesRead: number, force: boolean): void => {
      const now = performance.now();
      if (!options.onProgress || (!force && now - last < interval)) return;
      last = now;
      options.onProgress({ file: file.name, bytesRead, totalBytes: file.size, fileIndex: i, fileCount: files.length });
    };
    report(0, true);
    await readInput(file, (label) => new FormatRouter(label, ctx), {
      signal: options.signal,
      onBytes: (n) => {
        if (options.memoryBudget !== undefined) checkMemory(ctx, file.name, options.memoryBudget);
        report(n, false);
      },
      warn: (m) => ctx.builder.warn(m),
    });
    report(file.size, true);
  }
  return finish(ctx, labels);
}

function finish(ctx: LoadContext, labels: string[]): ParseResult {
  const b = ctx.builder;
  const skipped = ctx.skippedFiles.map((f) => `${f.label}: ${f.what}, no interactions; skipped.`);
  if (ctx.graphSources.length === 0) {
    const what = ctx.companions.describe();
    const parts = what.length > 0 ? [`${what.join('; ')} only annotate${what.length === 1 ? 's' : ''} drugs`] : [];
    parts.push(...ctx.skippedFiles.map((f) => `${f.label} is ${f.what}`));
    throw new LoadError(
      'no-interactions',
      labels.join(', '),
      parts.length > 0
        ? `none of the files lists drug–drug interactions; ${parts.join('; ')}. ` +
            (what.length > 0
              ? 'Add DrugBank XML or a drug–drug table; these files then annotate its drugs.'
              : 'Add the interactions too (for an OGB dataset, raw/edge.csv.gz).')
        : `no drug–drug interactions were found${whyNone(ctx)}.` + (b.warnings.length ? ` ${b.warnings.join(' ')}` : ''),
    );
  }
  const notes: string[] = [...skipped];
  if (ctx.mirroredListings > 0) {
    notes.push(
      `DrugBank lists each interaction under both drugs: ${ctx.mirroredListings.toLocaleString('en-US')} repeated listings ` +
        'were merged into their edge (not counted as duplicates).',
    );
  }
  notes.push(...ctx.tableLayouts.map((t) => `${t.label}: read as ${t.description}.`));
  notes.push(...ctx.notes);
  // Before the companions: an id map renames nodes, and negatives are given by the table's own ids.
  const negatives = resolveNegatives(ctx, b);
  notes.push(...ctx.companions.apply(b));
  const bare = bareDrugs(ctx);
  if (b.edgeCount === 0) {
    // Drugs without a single interaction (e.g. a drug-graph JSON listing drugs only): nothing to train on.
    const n = b.nodes.length;
    throw new LoadError(
      'no-interactions',
      labels.join(', '),
      `no drug–drug interactions were found${whyNone(ctx)}; the file${labels.length === 1 ? '' : 's'} list ${n.toLocaleString('en-US')} drug${n === 1 ? '' : 's'} but no interaction between two of them.`,
    );
  }
  if (Math.floor(b.edgeCount * VAL_FRACTION) === 0) {
    // The seeded split gives validation 5 % and test 10 % of the interactions, rounded down.
    const n = b.edgeCount;
    const test = Math.floor(n * TEST_FRACTION);
    b.warn(
      `Only ${n} interaction${n === 1 ? '' : 's'}: too few for the 85/5/10 split — validation gets none and test ${test}, ` +
        `so validation metrics and early stopping mean nothing. Use at least ${Math.ceil(1 / VAL_FRACTION)} interactions.`,
    );
  }
  const graph = b.build();
  const report = b.report(labels);
  if (negatives) {
    graph.negativeSrc = negatives.src;
    graph.negativeDst = negatives.dst;
    report.negatives = negatives.src.length;
    notes.push(...negatives.notes);
  }
  if (bare !== undefined) {
    report.bareDrugs = bare;
    if (bare > 0) {
      const n = bare.toLocaleString('en-US');
      notes.push(
        `${n} of ${(report.nodeKinds?.drug ?? report.nodes).toLocaleString('en-US')} drugs appear only as interaction partners, without a record of their own ` +
          '(a DrugBank <drug> or a companion table row): they have an id and perhaps a name, no SMILES, ATC codes or categories.',
      );
    }
  }
  report.notes = notes;
  return { graph, report };
}

/** How many drugs have no record of their own, when some file gave records; see LoadReport.bareDrugs. */
function bareDrugs(ctx: LoadContext): number | undefined {
  if (ctx.records.size === 0 && !ctx.companions.describesDrugs) return undefined;
  let bare = 0;
  const b = ctx.builder;
  // Only drugs: a protein or side-effect node never has a drug record.
  b.nodes.forEach((node, i) => {
    if (b.kindOf(i) === 0 && !ctx.records.has(node.id) && !ctx.companions.describes(node.id)) bare++;
  });
  return bare;
}

/** Why a load found no interaction, from what was dropped on the way: ": the only pairs were self-loops …". */
function whyNone(ctx: LoadContext): string {
  const b = ctx.builder;
  const n = (x: number): string => x.toLocaleString('en-US');
  const why: string[] = [];
  if (b.selfLoopsDropped > 0) {
    why.push(`the only pairs were self-loops (a drug paired with itself; ${n(b.selfLoopsDropped)} dropped)`);
  }
  const negatives = ctx.negatives.reduce((s, f) => s + f.ids.length / 2, 0);
  if (negatives > 0) why.push(`${n(negatives)} row${negatives === 1 ? ' is' : 's are'} labelled negative (not interactions)`);
  const skipped = b.report([]).skippedRows;
  if (skipped.length > 0) {
    const s = skipped[0];
    const count = skipped.reduce((t, x) => t + x.count, 0);
    const more = skipped.length > 1 ? '; …' : '';
    why.push(`${n(count)} rows were skipped (${s.reason}, e.g. line ${s.examples.join(', ')}${more})`);
  }
  return why.length > 0 ? `: ${why.join('; ')}` : '';
}

function graphName(labels: string[]): string {
  const first = labels[0].replace(/\.(gz|zip)$/i, '').replace(/\.[a-z0-9]+$/i, '');
  return labels.length === 1 ? first : `${first} + ${labels.length - 1} more`;
}
