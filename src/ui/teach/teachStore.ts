/**
 * The teaching view's state, in its own per-app Zustand store (the page's store stays the lead's):
 * plain data only; all changes go through TeachController.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EmbeddingProjection, NodeExplanation, PairExplanation } from '../../model/teach/types';
import type { HeuristicPairExplanation } from '../../model/teach/heuristicPair';

export interface TeachState {
  /** The drug the stepper is open on (node index), or null when closed. */
  node: number | null;
  /** Index into screensFor(L). */
  screen: number;
  /** The chosen Output partner (null: the default, strongest predicted unknown partner). */
  partner: number | null;
  explanation: NodeExplanation | null;
  /** A heuristic model (no layers): the drug and its partner's score term by term, instead of `explanation`. */
  heuristic: HeuristicPairExplanation | null;
  /** "Why this prediction" for (node, partner), when asked for. */
  why: PairExplanation | null;
  /** Receptive field shown in the network: 0 = off, k = the 1..k-hop rings. */
  hops: number;
  embeddingOpen: boolean;
  projection: EmbeddingProjection | null;
  /** Which projected layer the embedding view shows (index into projection.layers). */
  projectionLayer: number;
  /** Drug under the pointer in the embedding view. */
  hover: number | null;
  busy: boolean;
  error: string | null;
  /** Guided tour step, or null when not shown. */
  tourStep: number | null;
}

export type TeachStore = StoreApi<TeachState>;

export function createTeachStore(): TeachStore {
  return createStore<TeachState>()(() => ({
    node: null,
    screen: 0,
    partner: null,
    explanation: null,
    heuristic: null,
    why: null,
    hops: 0,
    embeddingOpen: false,
    projection: null,
    projectionLayer: -1,
    hover: null,
    busy: false,
    error: null,
    tourStep: null,
  }));
}
