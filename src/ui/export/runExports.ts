/** Exports of run cards, the runs table and the split. */
import { APP_VERSION } from '../../appVersion';
import type { RunCardInput } from '../../export/runCard';
import type { RunRecord } from '../runs/runs';
import { runEndCell } from '../runs/runText';
import { slug } from './fileNames';
import { sweepGroups } from '../runs/runsView';
import type { ExportContext, ExportEntry, ExportOptions, ExportResult } from './types';

const encode = (text: string) => new TextEncoder().encode(text);

// On first export: run cards bring papaparse, which the page does not need to start.
const loadRunCard = () => import('../../export/runCard');

export function runCardInput(run: RunRecord): RunCardInput {
  return { ...run, ended: { kind: run.end.kind, text: runEndCell(run).text } };
}

/** The run named by options.run (its # in the table), else the latest. */
function pickRun(ctx: ExportContext, options?: ExportOptions): RunRecord {
  const runs = ctx.store.getState().runs;
  if (options?.run !== undefined) {
    const run = runs.find((r) => r.id === Number(options.run));
    if (!run) throw new Error(`No run #${String(options.run)} in the runs table (runs: ${runs.map((r) => r.id).join(', ') || 'none'}).`);
    return run;
  }
  const last = runs.at(-1);
  if (!last) throw new Error('No run yet: train a model first.');
  return last;
}

/** Options { sweep: id }: the card of that seed sweep (its finished runs' cards plus mean ± std), else null. */
async function sweepCardFile(ctx: ExportContext, options: ExportOptions | undefined, format: 'json' | 'md'): Promise<ExportResult | null> {
  if (options?.sweep === undefined) return null;
  const id = Number(options.sweep);
  const group = [...sweepGroups(ctx.store.getState().runs).values()].find((g) => g.id === id);
  if (!group) throw new Error(`No seed sweep from run #${String(options.sweep)} with two finished runs in the runs table.`);
  const [{ runCard }, sweep] = await Promise.all([loadRunCard(), import('../../export/seedSweep')]);
  const cards = group.runs.map((r) => runCard(runCardInput(r), APP_VERSION));
  // The page draws its split from the seed, unless the data came with one: then every run has the same split.
  const splits = new Set(group.runs.map((r) => r.fingerprints?.split ?? null));
  const fixed = splits.size === 1 && !splits.has(null) && group.runs.length > 1;
  const files = group.runs[0].splitFiles;
  const splitText = files
    ? `from the file(s) ${files.join(', ')} (the same split in every run)`
    : fixed
      ? 'fixed (the same split in every run)'
      : 'seeded (drawn again for every seed)';
  const card = sweep.seedSweepCard(cards, splitText, APP_VERSION);
  const name = `sweep-${id}-${slug(group.runs[0].dataset)}.card`;
  return format === 'json'
    ? { name: `${name}.json`, type: 'application/json', bytes: encode(sweep.seedSweepCardJson(card)) }
    : { name: `${name}.md`, type: 'text/markdown', bytes: encode(sweep.seedSweepCardMarkdown(card)) };
}

const hasRuns = (ctx: ExportContext) => (ctx.store.getState().runs.length > 0 ? true : 'train a model first: the runs table is empty');

export const runExports: ExportEntry[] = [
  {
    kind: 'run-card-json',
    label: 'Run card (JSON)',
    help: 'The latest run (or a row’s card button): version, data and split fingerprints, every setting, per-epoch curves, metrics, timings. A seed sweep’s Σ row gives the sweep’s card with mean ± std.',
    group: 'Model and runs',
    available: hasRuns,
    async run(ctx, options) {
      const sweep = await sweepCardFile(ctx, options, 'json');
      if (sweep) return sweep;
      const run = pickRun(ctx, options);
      const { runCard, runCardJson } = await loadRunCard();
      return {
        name: `run-${run.id}-${slug(run.dataset)}.card.json`,
        type: 'application/json',
        bytes: encode(runCardJson(runCard(runCardInput(run), APP_VERSION))),
      };
    },
  },
  {
    kind: 'run-card-md',
    label: 'Run card (Markdown)',
    help: 'The same card as a readable Markdown page (tables of settings, metrics and the curves).',
    group: 'Model and runs',
    available: hasRuns,
    async run(ctx, options) {
      const sweep = await sweepCardFile(ctx, options, 'md');
      if (sweep) return sweep;
      const run = pickRun(ctx, options);
      const { runCard, runCardMarkdown } = await loadRunCard();
      return {
        name: `run-${run.id}-${slug(run.dataset)}.card.md`,
        type: 'text/markdown',
        bytes: encode(runCardMarkdown(runCard(runCardInput(run), APP_VERSION))),
      };
    },
  },
  {
    kind: 'runs-csv',
    label: 'Runs table (CSV)',
    help: 'Every run of this session, one row each: settings, how it ended, last and best metrics, timings, fingerprints. Opens in any spreadsheet or pandas.',
    group: 'Model and runs',
    available: hasRuns,
    async run(ctx) {
      const { runsCsv } = await loadRunCard();
      return { name: 'runs.csv', type: 'text/csv', bytes: encode(runsCsv(ctx.store.getState().runs.map(runCardInput))) };
    },
  },
  {
    kind: 'split',
    label: 'Split (link-split/1)',
    help: 'The link split in use (train/val/test positives, fixed val/test negatives) as link-split/1 JSON, for the CLI’s --split or PyG.',
    group: 'Model and runs',
    available: (ctx) => (ctx.store.getState().settings.task === 'link' ? true : 'only the link task has a link split'),
    async run(ctx) {
      const text = await ctx.controller.trainer.splitFile();
      if (text === null) throw new Error('The model in use is not a link-prediction model: it has no link split.');
      return {
        name: `${slug(ctx.store.getState().graph?.name ?? 'data')}-split-seed${ctx.store.getState().settings.seed}.json`,
        type: 'application/json',
        bytes: encode(text),
      };
    },
  },
];
