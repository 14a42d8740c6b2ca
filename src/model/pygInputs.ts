/**
 * What a PyTorch Geometric project needs from a trainer (src/export/pyg/types.ts): its settings, its
 * split and its fixed input columns, read from the trainer itself so the exported files are exactly
 * what the app trains on. Used by the trainer worker and the CLI's export-pyg.
 */
import * as tf from './tf';
import type { FixedFeatures, PygInputs } from '../export/pyg/types';
import { ATC_GROUPS } from './features/attributes';
import { featureKinds } from './features/spec';
import { linkSplitToJson } from './splitFile';
import type { TypedPairs } from './tasks/typeTrainer';
import type { TrainerBase } from './tasks/trainerBase';

const typed = (p: TypedPairs): [number, number, number][] => Array.from(p.a, (a, i) => [a, p.b[i], p.type[i]]);

/** The model's input columns without the learned table (fixed random vectors, then the annotation blocks). */
async function fixedFeatures(trainer: TrainerBase): Promise<FixedFeatures | undefined> {
  const kinds = featureKinds(trainer.settings.features).filter((k) => k !== 'learned');
  if (kinds.length === 0) return undefined;
  const model = trainer.model;
  if (!model) return undefined;
  const learned = model.features.embedding !== null;
  const d = trainer.settings.hidden;
  const t = tf.tidy(() => {
    const x = model.features.tensor();
    return learned ? tf.slice(x, [0, d], [-1, -1]) : tf.clone(x);
  });
  try {
    return { rows: t.shape[0], cols: t.shape[1], kinds, data: (await t.data()) as Float32Array };
  } finally {
    t.dispose();
  }
}

export async function pygInputsOf(trainer: TrainerBase, nodeIds: string[]): Promise<PygInputs> {
  if (!trainer.model) throw new Error(`${trainer.settings.model} is a heuristic: there is no GNN to hand to PyTorch Geometric.`);
  const base: PygInputs = { settings: { ...trainer.settings }, featureNotes: [...trainer.featureNotes], features: await fixedFeatures(trainer) };
  return trainer.byTask<PygInputs>({
    link: (t) => ({ ...base, split: linkSplitToJson(t.split, nodeIds), selectBy: t.selectionMetric === 'Hits@20' ? 'hits20' : 'auroc' }),
    type: (t) => {
      const s = t.typeSplit;
      return {
        ...base,
        typeSplit: { format: 'type-split/1', types: [...(t.graph.edgeTypes ?? [])], train: typed(s.train), val: typed(s.val), test: typed(s.test) },
      };
    },
    heuristic: () => {
      throw new Error('a heuristic has no PyTorch Geometric project');
    },
    multilabel: () => {
      throw new Error('the PyTorch Geometric project covers the link, type and node tasks, not multilabel yet');
    },
    node: (t) => {
      const s = t.nodeSplit;
      return {
        ...base,
        nodeSplit: {
          format: 'node-split/1',
          classes: [...ATC_GROUPS],
          labels: Array.from(s.labels),
          train: Array.from(s.train),
          val: Array.from(s.val),
          test: Array.from(s.test),
        },
      };
    },
  });
}
