/** Exports of predictions (CSV/TSV). */
import { PredictionsSaver } from './PredictionsSaver';
import { predictionFileName, predictionMime, predictionRequest, streamPredictions } from './predictionStream';
import type { ExportEntry } from './types';

export const predictionExports: ExportEntry[] = [
  {
    kind: 'predictions-csv',
    label: 'Predictions (CSV/TSV)',
    help: 'Known interactions, the top K candidate pairs or every pair with the model’s logit, probability, split and rank; opens in any spreadsheet, pandas or R.',
    group: 'Predictions',
    available: (ctx) => (ctx.store.getState().graph ? true : 'Load a data set first.'),
    Controls: PredictionsSaver,
    /** Options {what: 'known' | 'candidates' | 'all', top, format: 'csv' | 'tsv'}; the whole file in memory (the panel streams to disk instead). */
    async run(ctx, options) {
      const { graph, settings } = ctx.store.getState();
      if (!graph) throw new Error('Load a data set first.');
      const request = predictionRequest(options, settings.task);
      const chunks: Uint8Array[] = [];
      const summary = await streamPredictions(ctx, request, (bytes) => void chunks.push(bytes));
      const bytes = new Uint8Array(summary.bytes);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.length;
      }
      return { name: predictionFileName(graph.name, settings.task, request), type: predictionMime(request.format), bytes };
    },
  },
];
