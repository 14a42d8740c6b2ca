/**
 * Exports of the PyTorch Geometric project: train.py with the graph, split, settings and fixed node
 * features of the current model, zipped (src/export/pyg/project.ts). The split and features come from
 * the trainer worker, so the project trains on exactly what the page trains on.
 */
import { buildPygProject, pygFolderName, zipPygProject } from '../../export/pyg/project';
// The script as a file in the repository; the CLI reads the same file with fs.
import trainPy from '../../export/pyg/train.py?raw';
import type { ExportEntry } from './types';

export const pygExports: ExportEntry[] = [
  {
    kind: 'pyg',
    label: 'PyTorch Geometric project (.zip)',
    help: 'train.py with the graph (CSV), split, settings and node features: the same model in torch + torch_geometric, on several GPUs with --ddp.',
    group: 'PyTorch Geometric',
    available: (ctx) => (ctx.store.getState().graph ? true : 'load data first.'),
    async run(ctx) {
      const graph = ctx.store.getState().graph!;
      const inputs = await ctx.controller.trainer.pygInputs();
      const files = buildPygProject({ graph, inputs, trainPy, splitName: `seeded (seed ${inputs.settings.seed})` });
      const folder = pygFolderName(graph.name, inputs.settings);
      return { name: `${folder}.zip`, type: 'application/zip', bytes: zipPygProject(files, folder) };
    },
  },
];
