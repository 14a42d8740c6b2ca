/**
 * Exports of the PyTorch Geometric project: train.py with the graph, split, settings and fixed node
 * features of the current model, zipped (src/export/pyg/project.ts). The trainer worker builds it, where
 * the split and features live, so the project trains on exactly what the page trains on.
 */
import type { ExportEntry } from './types';

export const pygExports: ExportEntry[] = [
  {
    kind: 'pyg',
    label: 'PyTorch Geometric project (.zip)',
    help: 'train.py with the graph (CSV), split, settings and node features: the same model in torch + torch_geometric, on several GPUs with --ddp.',
    group: 'PyTorch Geometric',
    available: (ctx) => (ctx.store.getState().graph ? true : 'load data first.'),
    async run(ctx) {
      const { name, bytes } = await ctx.controller.trainer.pygProject();
      return { name, type: 'application/zip', bytes };
    },
  },
];
