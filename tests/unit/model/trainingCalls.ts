/**
 * What a LinkTrainer's decoder scores in each training step, recorded as two lists per step —
 * positives, then negatives — with their logits. With BCE a learned decoder scores both in one call
 * (positives first, then `negatives` per positive); the dot decoder and the pairwise losses call it
 * twice. Record before training; evaluation calls the decoder too.
 */
import type { Pairs } from '../../../src/model/split';
import type { LinkTrainer } from '../../../src/model/tasks/linkTrainer';

export interface TrainingCalls {
  pairs: Pairs[];
  logits: Float32Array[];
}

const slice = (p: Pairs, from: number, to: number): Pairs => ({ a: p.a.subarray(from, to), b: p.b.subarray(from, to) });

export function recordTrainingCalls(t: LinkTrainer): TrainingCalls {
  const calls: TrainingCalls = { pairs: [], logits: [] };
  const score = t.decoder.score.bind(t.decoder);
  const joined = t.settings.loss === 'bce' && t.decoder.kind !== 'dot';
  t.decoder.score = (h, p) => {
    const s = score(h, p);
    const values = s.dataSync() as Float32Array;
    if (!joined) {
      calls.pairs.push(p);
      calls.logits.push(values);
      return s;
    }
    const positives = p.a.length / (1 + t.settings.negatives);
    if (!Number.isInteger(positives))
      throw new Error(`a joined call of ${p.a.length} pairs does not split into positives and ${t.settings.negatives} negatives each`);
    calls.pairs.push(slice(p, 0, positives), slice(p, positives, p.a.length));
    calls.logits.push(values.subarray(0, positives), values.subarray(positives));
    return s;
  };
  return calls;
}
