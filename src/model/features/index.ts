/**
 * Node features for a run: which kinds (spec.ts), the fixed blocks built from the drugs'
 * annotations and the training graph, and the tensors the model reads (nodeFeatures.ts).
 */
import type { DrugNode } from '../../data/graph';
import { atcFeatures, categoryFeatures } from './attributes';
import type { FeatureBlock } from './block';
import { degreeFeatures } from './degree';
import type { FeatureKind } from '../../settings/options';

export interface FeatureInputs {
  nodes?: DrugNode[];
  /** In-degree in the message-passing graph. */
  degrees: Float32Array;
  /** Precomputed Morgan fingerprints (RDKit loads asynchronously, so the caller computes them). */
  morgan?: FeatureBlock;
}

/** The fixed blocks for the chosen kinds, in the order given ('learned'/'random' are not blocks). */
export function fixedFeatureBlocks(kinds: FeatureKind[], inputs: FeatureInputs): FeatureBlock[] {
  const blocks: FeatureBlock[] = [];
  for (const kind of kinds) {
    if (kind === 'learned' || kind === 'random') continue;
    if (kind === 'degree') {
      blocks.push(degreeFeatures(inputs.degrees));
      continue;
    }
    if (kind === 'morgan') {
      if (!inputs.morgan) throw new Error('Morgan fingerprints were chosen but not computed (RDKit not loaded).');
      blocks.push(inputs.morgan);
      continue;
    }
    if (!inputs.nodes) throw new Error(`Node features “${kind}” need the drugs’ annotations, which this graph lacks.`);
    blocks.push(kind === 'atc' ? atcFeatures(inputs.nodes) : categoryFeatures(inputs.nodes));
  }
  return blocks;
}
