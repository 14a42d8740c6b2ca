/** Builds a layer of the chosen kind; every kind is a MessagePassingLayer (message → aggregate → update). */
import type { AggregatorKind, HeteroMode, LayerKind, UpdateKind } from '../../settings/options';
import type { MessagePassingLayer } from '../messagePassing';
import type { Rng } from '../rng';
import { GatLayer } from './gat';
import { KipfGcnLayer } from './gcn';
import { GinLayer } from './gin';
import { HeteroLayer } from './hetero';
import { MpnnLayer } from './mpnn';
import { RgcnLayer } from './rgcn';
import { SageLayer } from './sage';
import { SeedGcnLayer } from './seedGcn';

export interface LayerOptions {
  /** GAT only. */
  heads: number;
  /** mpnn only. */
  aggregator: AggregatorKind;
  update: UpdateKind;
  /** rgcn only: the message graph's relations (1 when untyped) and the number of shared bases. */
  relations?: number;
  bases?: number;
  /** Every kind but rgcn: off, or a copy of the layer per message relation combined by sum, mean or max (hetero.ts). */
  hetero?: HeteroMode;
}

export function createLayer(kind: LayerKind, inFeatures: number, outFeatures: number, rng: Rng, name: string, options: LayerOptions): MessagePassingLayer {
  const hetero = options.hetero ?? 'off';
  if (hetero !== 'off' && kind !== 'rgcn') {
    const plain = { ...options, hetero: 'off' as const };
    return new HeteroLayer(hetero, options.relations ?? 1, (r) => createLayer(kind, inFeatures, outFeatures, rng, `${name}/rel${r}`, plain));
  }
  switch (kind) {
    case 'seed-gcn':
      return new SeedGcnLayer(inFeatures, outFeatures, rng, name);
    case 'gcn':
      return new KipfGcnLayer(inFeatures, outFeatures, rng, name);
    case 'sage':
      return new SageLayer(inFeatures, outFeatures, rng, name);
    case 'gat':
      return new GatLayer(inFeatures, outFeatures, rng, name, options.heads);
    case 'gin':
      return new GinLayer(inFeatures, outFeatures, rng, name);
    case 'mpnn':
      return new MpnnLayer(inFeatures, outFeatures, rng, name, options.aggregator, options.update);
    case 'rgcn':
      return new RgcnLayer(inFeatures, outFeatures, rng, name, options.relations ?? 1, options.bases ?? 4);
  }
}
