/**
 * Degree features, from the message-passing (training) graph only so that held-out pairs cannot
 * leak in: log(1 + d) / log(1 + d_max) and a one-hot of ⌊log2(1 + d)⌋ (16 buckets).
 */
import type { FeatureBlock } from './block';

const BUCKETS = 16;

export function degreeFeatures(degrees: Float32Array): FeatureBlock {
  const n = degrees.length;
  const dim = 1 + BUCKETS;
  const data = new Float32Array(n * dim);
  let max = 0;
  for (const d of degrees) max = Math.max(max, d);
  const scale = Math.log1p(max) || 1;
  for (let i = 0; i < n; i++) {
    data[i * dim] = Math.log1p(degrees[i]) / scale;
    data[i * dim + 1 + Math.min(BUCKETS - 1, Math.floor(Math.log2(1 + degrees[i])))] = 1;
  }
  return { name: 'degree', dim, data, notes: [] };
}
