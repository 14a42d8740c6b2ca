/** The feature kinds a run's spec names, for the model (the spec's grammar is in src/settings/featureSpec.ts). */
import { parseFeatureSpec } from '../../settings/featureSpec';
import type { FeatureKind } from '../../settings/options';

export function featureKinds(spec: string): FeatureKind[] {
  const parsed = parseFeatureSpec(spec);
  if ('error' in parsed) throw new Error(`Node features: ${parsed.error}.`);
  return parsed.kinds;
}
