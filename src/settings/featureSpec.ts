/**
 * Which node features a run uses: one or more kinds joined with '+', concatenated in the order given.
 *
 *   learned     a trainable embedding table (hidden columns), N(0, 1) init
 *   random      fixed N(0, 1) vectors (hidden columns), as `torch.randn` in the seed's code
 *   atc         one-hot of the first ATC level (14 anatomical main groups), several allowed per drug
 *   categories  one-hot of the most frequent DrugBank categories
 *   degree      log-degree in the training graph, as a scalar and one-hot power-of-two buckets
 *   morgan      Morgan fingerprint (radius 2) from SMILES via RDKit, plus a "no fingerprint" flag
 */
import { FEATURE_KINDS, type FeatureKind } from './options';

/** '+'-joined feature kinds, e.g. "learned" or "morgan+degree". */
export type FeatureSpec = string;

export function parseFeatureSpec(spec: string): { kinds: FeatureKind[] } | { error: string } {
  const parts = spec.split('+').map((s) => s.trim());
  const kinds: FeatureKind[] = [];
  for (const p of parts) {
    if (!(FEATURE_KINDS as readonly string[]).includes(p))
      return { error: `unknown feature kind “${p}” (expected ${FEATURE_KINDS.join(', ')}, joined with +)` };
    if (kinds.includes(p as FeatureKind)) return { error: `feature kind “${p}” is listed twice` };
    kinds.push(p as FeatureKind);
  }
  if (kinds.includes('learned') && kinds.includes('random')) return { error: 'choose learned or random features, not both' };
  return { kinds };
}
