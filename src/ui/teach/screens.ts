/**
 * The stepper's screens for a model of L layers — Message, Aggregate, Update per layer, then Output —
 * and what each one shows: the vector on screen (for the automation hook) and what to light up in
 * the network. Selection only; every number comes from the worker's NodeExplanation.
 */
import type { NodeExplanation } from '../../model/teach/types';

export type StepKind = 'message' | 'aggregate' | 'update' | 'output';

export interface Screen {
  kind: StepKind;
  /** 1-based layer; L for the Output screen. */
  layer: number;
}

export function screensFor(layers: number): Screen[] {
  const out: Screen[] = [];
  for (let l = 1; l <= layers; l++) for (const kind of ['message', 'aggregate', 'update'] as const) out.push({ kind, layer: l });
  out.push({ kind: 'output', layer: layers });
  return out;
}

export const STEP_TITLES: Record<StepKind, string> = {
  message: 'Message',
  aggregate: 'Aggregate',
  update: 'Update',
  output: 'Output',
};

/** The vector the screen shows for v: none on Message (many rows), m_v, h_v^(l), or h_v^(L). */
export function screenVector(screen: Screen, e: NodeExplanation): number[] | null {
  const layer = e.layers[screen.layer - 1];
  switch (screen.kind) {
    case 'message':
      return null;
    case 'aggregate':
      return layer.aggregated;
    case 'update':
      return layer.post;
    case 'output':
      return e.output;
  }
}

/** Nodes and directed message edges to light up for a screen. */
export interface Highlight {
  focus: number;
  /** Nodes sending messages to v on this screen (v itself excluded). */
  senders: number[];
  /** Animate messages along senders → focus. */
  flow: boolean;
  partner: number | null;
}

export function highlightFor(screen: Screen, e: NodeExplanation): Highlight {
  const layer = e.layers[screen.layer - 1];
  const senders = screen.kind === 'output' ? [] : [...new Set(layer.neighbours.filter((n) => !n.self).map((n) => n.node))];
  return {
    focus: e.node,
    senders,
    flow: screen.kind === 'message',
    partner: screen.kind === 'output' ? e.decoder.partner : null,
  };
}
