/** Exports of the trained model (TensorFlow.js files, zipped). */
import { slug } from './fileNames';
import type { ExportEntry } from './types';

export const modelExports: ExportEntry[] = [
  {
    kind: 'model',
    label: 'Model (.zip)',
    help: 'The trained weights as TensorFlow.js files (model.json + weights.bin) with the settings and the data’s fingerprint; Load model… or ?model= puts them back on the same data.',
    group: 'Model and runs',
    available: (ctx) => (ctx.store.getState().history.length > 0 ? true : 'train at least one epoch first'),
    async run(ctx) {
      const files = await ctx.controller.trainer.saveModel();
      const s = ctx.store.getState();
      // After an early stop the weights are the best epoch's.
      const epoch = s.stop?.kind === 'early' ? s.stop.bestEpoch : (s.history.at(-1)?.epoch ?? 0);
      // On first use: the zip code (fflate) stays out of the page's start-up bundle.
      const { zipModel } = await import('../modelInput');
      return { name: `${slug(s.graph?.name ?? 'data')}-${s.settings.model}-e${epoch}.model.zip`, type: 'application/zip', bytes: zipModel(files) };
    },
  },
];
