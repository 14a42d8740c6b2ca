/**
 * Edge dropout (DropEdge, Rong et al. 2020): each epoch message passing runs over a random subset of
 * the training interactions, a regulariser for the large learned embeddings of dense graphs such as
 * ogbl-ddi. A pair is dropped with both its directions, so the graph stays undirected, and the
 * operators are rebuilt from the kept pairs: degrees and GCN normalisation are those of the
 * epoch's graph (as PyG's dropout_edge followed by gcn_norm). Evaluation uses every pair.
 *
 * Which pairs an epoch keeps is a pure function of (seed, epoch), like the negatives: a resumed run
 * drops the same pairs without any saved generator state.
 */
import { drawKey, mix32 } from './negatives';
import type { Pairs } from './split';

/** Pair i is dropped when mix32(i ^ key) / 2³² < fraction. */
export function keptPairs(pairs: Pairs, fraction: number, seed: number, epoch: number): Pairs {
  if (fraction <= 0) return pairs;
  const key = drawKey(seed, epoch);
  const threshold = fraction * 2 ** 32;
  const keep = new Uint8Array(pairs.a.length);
  let count = 0;
  for (let i = 0; i < keep.length; i++) {
    if (mix32(i ^ key) >= threshold) {
      keep[i] = 1;
      count++;
    }
  }
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  for (let i = 0, o = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    a[o] = pairs.a[i];
    b[o++] = pairs.b[i];
  }
  return { a, b };
}
