/**
 * New-drug splits: hold out drugs rather than pairs, so the test asks what a compound the model has
 * never trained on interacts with. A seeded share of the drugs with known pairs becomes the validation
 * drugs, another the test drugs; the rest are training drugs.
 *   S1 'new-drug-one':  val/test pairs join one held-out drug and one training drug.
 *   S2 'new-drug-both': val/test pairs join two held-out drugs of the same set.
 * Training pairs join two training drugs; any other pair (e.g. a val drug with a test drug) is used
 * nowhere, so nothing of a held-out drug reaches training. Pure data, seeded.
 */
import type { SplitMode } from '../settings/options';
import { Rng } from './rng';
import { PairSet, TEST_FRACTION, VAL_FRACTION, type LinkSplit, type Pairs } from './split';

export type NewDrugMode = Exclude<SplitMode, 'pairs'>;

/** A drug's role, and a pair's part: index 0 train, 1 val, 2 test (as SPLIT_PARTS); −1 for a pair used nowhere. */
export const TRAIN = 0;
export const VAL = 1;
export const TEST = 2;

/**
 * Each drug's role. Only drugs in at least one of the pairs are held out (a drug with no known pair
 * would add negatives and no positive); their shares are VAL_FRACTION and testFraction, at least one each.
 */
export function drugRoles(numNodes: number, a: Int32Array, b: Int32Array, seed: number, testFraction = TEST_FRACTION): Uint8Array {
  const seen = new Uint8Array(numNodes);
  for (let i = 0; i < a.length; i++) seen[a[i]] = seen[b[i]] = 1;
  const drugs: number[] = [];
  for (let v = 0; v < numNodes; v++) if (seen[v]) drugs.push(v);
  const order = new Rng(seed).fork(8).shuffle(Uint32Array.from(drugs));
  const nVal = Math.max(1, Math.floor(order.length * VAL_FRACTION));
  const nTest = Math.max(1, Math.floor(order.length * testFraction));
  const role = new Uint8Array(numNodes); // TRAIN
  for (let i = 0; i < Math.min(order.length, nVal + nTest); i++) role[order[i]] = i < nVal ? VAL : TEST;
  return role;
}

/** The part a pair of drugs with roles ru, rv belongs to under `mode`, or −1. */
export function pairPart(mode: NewDrugMode, ru: number, rv: number): number {
  if (mode === 'new-drug-both') return ru === rv ? ru : -1;
  if (ru === TRAIN) return rv;
  return rv === TRAIN ? ru : -1;
}

const nodesWithRole = (role: Uint8Array, r: number): Int32Array => {
  const out: number[] = [];
  role.forEach((x, v) => x === r && out.push(v));
  return Int32Array.from(out);
};

/**
 * Up to `count` distinct non-pairs of part `part` (one drug with that role and one training drug for
 * S1, two drugs with that role for S2), none in `exclude`, which they join. Fewer when the part has
 * fewer free pairs (a tiny S2 set), so the draw always ends.
 */
function sampleNegativesOfPart(role: Uint8Array, mode: NewDrugMode, part: number, count: number, exclude: PairSet, rng: Rng): Pairs {
  const held = nodesWithRole(role, part);
  const other = mode === 'new-drug-one' ? nodesWithRole(role, TRAIN) : held;
  const domain = mode === 'new-drug-one' ? held.length * other.length : (held.length * (held.length - 1)) / 2;
  let taken = 0;
  for (let i = 0; i < held.length; i++) {
    for (let j = 0; j < other.length; j++) {
      const u = held[i];
      const v = other[j];
      if (u !== v && (mode === 'new-drug-one' || u < v) && exclude.has(u, v)) taken++;
    }
  }
  const n = Math.min(count, domain - taken);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  for (let i = 0; i < n;) {
    const u = held[rng.int(held.length)];
    const v = other[rng.int(other.length)];
    if (u === v || exclude.has(u, v)) continue;
    exclude.add(u, v);
    a[i] = Math.min(u, v);
    b[i] = Math.max(u, v);
    i++;
  }
  return { a, b };
}

/**
 * The known pairs split by drug (S1 or S2), with as many val/test negatives as positives drawn by the
 * same rule, all from one seed. `unseenNodes` lists the held-out drugs, so training can avoid them.
 */
export function splitLinksByDrug(numNodes: number, src: Int32Array, dst: Int32Array, seed: number, mode: NewDrugMode, testFraction = TEST_FRACTION): LinkSplit {
  const rng = new Rng(seed);
  const role = drugRoles(numNodes, src, dst, seed, testFraction);
  const parts: [number[], number[]][] = [
    [[], []],
    [[], []],
    [[], []],
  ];
  for (let i = 0; i < src.length; i++) {
    const p = pairPart(mode, role[src[i]], role[dst[i]]);
    if (p < 0) continue;
    parts[p][0].push(Math.min(src[i], dst[i]));
    parts[p][1].push(Math.max(src[i], dst[i]));
  }
  const [trainPos, valPos, testPos] = parts.map(([a, b]) => ({ a: Int32Array.from(a), b: Int32Array.from(b) }));
  if (valPos.a.length === 0 || testPos.a.length === 0) {
    throw new Error(
      `The ${mode} split has no ${valPos.a.length === 0 ? 'validation' : 'test'} pairs on this graph: raise the test fraction or use the pairs split.`,
    );
  }
  const known = new PairSet(numNodes);
  for (let i = 0; i < src.length; i++) known.add(src[i], dst[i]);
  const negRng = rng.fork(2);
  const valNeg = sampleNegativesOfPart(role, mode, VAL, valPos.a.length, known, negRng);
  const testNeg = sampleNegativesOfPart(role, mode, TEST, testPos.a.length, known, negRng);
  const unseen: number[] = [];
  role.forEach((r, v) => r !== TRAIN && unseen.push(v));
  const heldOut = { mode, val: nodesWithRole(role, VAL), test: nodesWithRole(role, TEST) };
  return { numNodes, trainPos, valPos, valNeg, testPos, testNeg, unseenNodes: Int32Array.from(unseen), heldOut };
}

/** The drugs training may use: all but `unseen`. */
export function trainingNodes(numNodes: number, unseen: Int32Array): Int32Array {
  const held = new Uint8Array(numNodes);
  for (const v of unseen) held[v] = 1;
  return nodesWithRole(held, 0);
}

/** Feature kinds that describe a drug itself, so an unseen drug still has an informative input row. */
const DESCRIPTIVE_FEATURES = ['morgan', 'atc', 'categories'];

/**
 * The note shown with a new-drug run whose features say nothing about an unseen drug: learned rows of
 * held-out drugs never get a gradient, random and degree rows (degree 0 without training pairs) carry
 * no information, so its test metrics are near chance by construction.
 */
export function newDrugFeatureNote(splitMode: SplitMode, featureKinds: readonly string[]): string | null {
  if (splitMode === 'pairs' || featureKinds.some((k) => DESCRIPTIVE_FEATURES.includes(k))) return null;
  return (
    `The ${splitMode} split holds out drugs, but the features (${featureKinds.join('+')}) say nothing about an unseen drug: ` +
    'its learned row is never trained. Add structural features (morgan) for the test metrics to mean anything.'
  );
}
