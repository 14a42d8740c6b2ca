/** Everything that determines a training run. The URL table in src/state/ validates and serialises it. */
export type ModelKind = 'seed-gcn';
export type FeatureKind = 'learned' | 'random';
export type AggregationMode = 'auto' | 'sparse' | 'dense';

export interface ModelSettings {
  model: ModelKind;
  /** Learned embeddings (trained with the model) or fixed random features (as the seed's code). */
  features: FeatureKind;
  /** Width of the input features, the hidden layer and the output embeddings. */
  hidden: number;
  learningRate: number;
  epochs: number;
  seed: number;
  aggregation: AggregationMode;
  /** How many strongest unknown pairs to report as candidates. */
  candidates: number;
}

export const DEFAULT_MODEL_SETTINGS: ModelSettings = {
  model: 'seed-gcn',
  features: 'learned',
  hidden: 64,
  learningRate: 0.01,
  epochs: 100,
  seed: 0,
  aggregation: 'auto',
  candidates: 15,
};
