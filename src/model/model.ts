/**
 * A stack of message-passing layers over the node features, ReLU between layers (not after the
 * last), as the seed's two-layer GCN; dropout on the hidden layers' inputs while training.
 * Jumping knowledge (settings.jk, Xu et al. 2018) makes the node embedding from every layer's output
 * (the hidden layers' after their ReLU, the last one's raw): their sum, per-feature max, or their
 * concatenation through a Linear back to the hidden width (as PyG's BasicGNN with jk='cat'), so the
 * decoder always sees `hidden` features. 'last' is the plain stack.
 */
import * as tf from './tf';
import { NodeFeatures } from './features/nodeFeatures';
import { featureKinds } from './features/spec';
import type { FeatureBlock } from './features/block';
import type { GraphOperators } from './graphOperators';
import { createLayer } from './layers';
import type { LayerTrace, MessagePassingLayer } from './messagePassing';
import type { Rng } from './rng';
import type { ModelSettings } from '../settings/schema';
import { isHeuristicKind, type JkMode } from '../settings/options';
import { Linear } from './linear';

export class GnnModel {
  readonly features: NodeFeatures;
  readonly layers: MessagePassingLayer[];
  /** Draws the dropout masks; a checkpoint saves its state so a resumed run masks the same units. */
  readonly dropoutRng: Rng;
  /** jk 'cat' only: [h₁ ‖ … ‖ h_L] → hidden. */
  readonly jkLinear: Linear | null = null;

  constructor(
    readonly settings: ModelSettings,
    numNodes: number,
    rng: Rng,
    blocks: FeatureBlock[] = [],
    /** The message graph's relations (R-GCN's weights per relation); 1 when untyped. */
    numRelations = 1,
  ) {
    const kind = settings.model;
    // Heuristics have no layers: their trainer (tasks/heuristicTrainer.ts) builds no GnnModel.
    if (isHeuristicKind(kind)) throw new Error(`${kind} is a heuristic, not a message-passing layer`);
    const d = settings.hidden;
    this.features = new NodeFeatures(featureKinds(settings.features), numNodes, d, rng.fork(10), blocks);
    const layerRng = rng.fork(11);
    const count = Math.max(1, settings.layers);
    this.layers = [];
    try {
      for (let l = 0; l < count; l++) {
        this.layers.push(createLayer(kind, l === 0 ? this.features.dim : d, d, layerRng, `layer${l + 1}`, { ...settings, relations: numRelations }));
      }
    } catch (e) {
      // Impossible settings (e.g. GAT heads not dividing the width): free what was built.
      this.dispose();
      throw e;
    }
    this.dropoutRng = rng.fork(12);
    // Forked after the other streams, so they are the same whatever the jk mode.
    if (settings.jk === 'cat') this.jkLinear = new Linear(count * d, d, rng.fork(13), 'jk');
  }

  get jk(): JkMode {
    return this.settings.jk;
  }

  /** Node embeddings after the last layer. `training` switches dropout on. */
  forward(graph: GraphOperators, training = false): tf.Tensor2D {
    let h = this.features.tensor();
    const outputs: tf.Tensor2D[] = [];
    this.layers.forEach((layer, l) => {
      if (l > 0 && training) h = this.dropout(h);
      h = layer.forward(h, graph);
      if (l < this.layers.length - 1) h = tf.relu(h);
      outputs.push(h);
    });
    return this.jumpingKnowledge(outputs);
  }

  /** The node embedding from every layer's (activated) output, by settings.jk. */
  jumpingKnowledge(outputs: tf.Tensor2D[]): tf.Tensor2D {
    const last = outputs[outputs.length - 1];
    switch (this.settings.jk) {
      case 'last':
        return last;
      case 'sum':
        return outputs.length === 1 ? last : (tf.addN(outputs) as tf.Tensor2D);
      case 'max':
        return outputs.reduce((a, b) => tf.maximum(a, b) as tf.Tensor2D);
      case 'cat':
        return this.jkLinear!.apply(outputs.length === 1 ? last : (tf.concat(outputs, 1) as tf.Tensor2D));
    }
  }

  /** Inverted dropout with a mask from the seeded generator, so runs repeat on every backend. */
  private dropout(h: tf.Tensor2D): tf.Tensor2D {
    const p = this.settings.dropout;
    if (p <= 0) return h;
    const keep = 1 / (1 - p);
    const mask = new Float32Array(h.size);
    for (let i = 0; i < mask.length; i++) mask[i] = this.dropoutRng.next() < p ? 0 : keep;
    return tf.mul(h, tf.tensor2d(mask, h.shape));
  }

  /** Every layer's step tensors; `activated[l]` is the layer's output after its activation (the next layer's input). */
  trace(graph: GraphOperators): { layers: LayerTrace[]; activated: tf.Tensor2D[] } {
    const layers: LayerTrace[] = [];
    const activated: tf.Tensor2D[] = [];
    let h = this.features.tensor();
    this.layers.forEach((layer, l) => {
      const t = layer.trace(h, graph);
      layers.push(t);
      h = l < this.layers.length - 1 ? tf.relu(t.output) : t.output;
      activated.push(h);
    });
    return { layers, activated };
  }

  variables(): tf.Variable[] {
    return [...this.features.variables(), ...this.layers.flatMap((l) => l.variables()), ...(this.jkLinear?.variables() ?? [])];
  }

  dispose(): void {
    this.features.dispose();
    this.layers.forEach((l) => l.dispose());
    this.jkLinear?.dispose();
  }
}
