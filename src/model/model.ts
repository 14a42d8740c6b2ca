/**
 * A stack of message-passing layers over the node features, ReLU between layers (not after the
 * last), as the seed's two-layer GCN.
 */
import * as tf from '@tensorflow/tfjs';
import { NodeFeatures } from './features';
import type { GraphOperators } from './graphTensors';
import { SeedGcnLayer } from './layers/seedGcn';
import type { LayerTrace, MessagePassingLayer } from './messagePassing';
import type { Rng } from './rng';
import type { ModelSettings } from './settings';

export const NUM_LAYERS = 2;

export class GnnModel {
  readonly features: NodeFeatures;
  readonly layers: MessagePassingLayer[];

  constructor(settings: ModelSettings, numNodes: number, rng: Rng) {
    const d = settings.hidden;
    this.features = new NodeFeatures(settings.features, numNodes, d, rng.fork(10));
    const layerRng = rng.fork(11);
    this.layers = Array.from({ length: NUM_LAYERS }, (_, l) => new SeedGcnLayer(d, d, layerRng, `layer${l + 1}`));
  }

  /** Node embeddings after the last layer. */
  forward(graph: GraphOperators): tf.Tensor2D {
    let h = this.features.values;
    this.layers.forEach((layer, l) => {
      h = layer.forward(h, graph);
      if (l < this.layers.length - 1) h = tf.relu(h);
    });
    return h;
  }

  /** Every layer's step tensors; `activated[l]` is the layer's output after its activation (the next layer's input). */
  trace(graph: GraphOperators): { layers: LayerTrace[]; activated: tf.Tensor2D[] } {
    const layers: LayerTrace[] = [];
    const activated: tf.Tensor2D[] = [];
    let h = this.features.values;
    this.layers.forEach((layer, l) => {
      const t = layer.trace(h, graph);
      layers.push(t);
      h = l < this.layers.length - 1 ? tf.relu(t.output) : t.output;
      activated.push(h);
    });
    return { layers, activated };
  }

  variables(): tf.Variable[] {
    return [...this.features.variables(), ...this.layers.flatMap((l) => l.variables())];
  }

  dispose(): void {
    this.features.dispose();
    this.layers.forEach((l) => l.dispose());
  }
}
