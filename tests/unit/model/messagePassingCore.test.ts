/**
 * The message-passing core's bookkeeping: every layer's trainable variables come from its parameter
 * registry (none missed, none twice, all freed by dispose), and the edge-weight step (GAT's
 * attention) runs once per forward and once per trace, the trace showing the weights it used.
 */
import * as tf from '../../../src/model/tf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLayer } from '../../../src/model/layers';
import { LAYER_KINDS } from '../../../src/settings/options';
import { GatLayer } from '../../../src/model/layers/gat';
import { Linear } from '../../../src/model/linear';
import type { MessagePassingLayer } from '../../../src/model/messagePassing';
import { Rng } from '../../../src/model/rng';
import { tinyOperators } from './fixtures';

const X = [
  [1, 0, 2],
  [0, 1, -1],
  [1, 1, 0],
  [2, -1, 1],
  [3, 3, -2],
];

/** The variables a layer holds in its fields, directly or in Linear sub-layers: what variables() must list. */
function heldVariables(layer: MessagePassingLayer): tf.Variable[] {
  return Object.values(layer).flatMap((v) => (v instanceof tf.Variable ? [v] : v instanceof Linear ? v.variables() : []));
}

describe('parameter registry', () => {
  for (const kind of LAYER_KINDS) {
    for (const update of kind === 'mpnn' ? (['replace', 'add', 'concat'] as const) : (['replace'] as const)) {
      it(`${kind}${kind === 'mpnn' ? ` (${update})` : ''}: variables() lists each held variable once; dispose frees them all`, () => {
        const before = tf.memory().numTensors;
        const layer = createLayer(kind, 3, 4, new Rng(5), 'L', { heads: 2, aggregator: 'sum', update });
        const vars = layer.variables();
        expect(new Set(vars).size).toBe(vars.length);
        expect(new Set(vars)).toEqual(new Set(heldVariables(layer)));
        expect(tf.memory().numTensors - before).toBe(vars.length);
        layer.dispose();
        expect(tf.memory().numTensors).toBe(before);
      });
    }
  }
});

describe('edge-weight step', () => {
  afterEach(() => vi.restoreAllMocks());

  it('GAT computes its attention once per forward and once per trace; the trace holds the weights it aggregated with', () => {
    const layer = new GatLayer(3, 4, new Rng(9), 'gat', 2);
    const ops = tinyOperators('sparse');
    const weigh = vi.spyOn(GatLayer.prototype as unknown as { edgeWeights: () => tf.Tensor2D }, 'edgeWeights');
    const h = tf.tensor2d(X);
    tf.tidy(() => layer.forward(h, ops));
    expect(weigh).toHaveBeenCalledTimes(1);
    const { attention, aggregated, messages } = tf.tidy(() => {
      const t = layer.trace(h, ops);
      return { attention: t.attention!.arraySync(), aggregated: t.aggregated.arraySync(), messages: t.messages.arraySync() };
    });
    expect(weigh).toHaveBeenCalledTimes(2);
    // Σ over each node's in-edges of α · message = the aggregated row (heads of 2 columns each).
    const edges = ops.edges(true);
    const expected = aggregated.map((row) => row.map(() => 0));
    for (let k = 0; k < edges.src.length; k++) {
      for (let c = 0; c < 4; c++) expected[edges.dst[k]][c] += attention[k][Math.floor(c / 2)] * messages[edges.src[k]][c];
    }
    expected.forEach((row, v) => row.forEach((x, c) => expect(aggregated[v][c]).toBeCloseTo(x, 5)));
    // The public accessor gives the same weights.
    const direct = tf.tidy(() => layer.attention(h, ops).arraySync());
    expect(direct).toEqual(attention);
    h.dispose();
    layer.dispose();
    ops.dispose();
  });
});
