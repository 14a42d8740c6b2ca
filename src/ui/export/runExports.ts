/** Exports of run cards, the runs table and the split. */
import { APP_VERSION } from '../../appVersion';
import type { RunCardInput } from '../../export/runCard';
import type { RunRecord } from '../runs/runs';
import { runEndCell } from '../runs/runText';
import { slug } from './fileNames';
import type { ExportContext, ExportEntry, ExportOptions } from './types';

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

const hasRuns = (ctx: ExportContext) => (ctx.store.getState().runs.length > 0 ? true : 'train a model first: the runs table is empty');

export const runExports: ExportEntry[] = [
  {
    kind: 'run-card-json',
    label: 'Run card (JSON)',
    help: 'The latest run (or a row’s card button): version, data and split fingerprints, every setting, per-epoch curves, metrics, timings.',
    group: 'Model and runs',
    available: hasRuns,
    async run(ctx, options) {
      const run = pickRun(ctx, options);
      const { runCard, runCardJson } = await loadRunCard();
      return { name: `run-${run.id}-${slug(run.dataset)}.card.json`, type: 'application/json', bytes: encode(runCardJson(runCard(runCardInput(run), APP_VERSION))) };
    },
  },
  {
    kind: 'run-card-md',
    label: 'Run card (Markdown)',
    help: 'The same card as a readable Markdown page (tables of settings, metrics and the curves).',
    group: 'Model and runs',
    available: hasRuns,
    async run(ctx, options) {
      const run = pickRun(ctx, options);
      const { runCard, runCardMarkdown } = await loadRunCard();
      return { name: `run-${run.id}-${slug(run.dataset)}.card.md`, type: 'text/markdown', bytes: encode(runCardMarkdown(runCard(runCardInput(run), APP_VERSION))) };
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
      return { name: `${slug(ctx.store.getState().graph?.name ?? 'data')}-split-seed${ctx.store.getState().settings.seed}.json`, type: 'application/json', bytes: encode(text) };
    },
  },
];
