/**
 * Plain-data explanations of what the live model computed, for the teaching view. Everything here
 * crosses the worker boundary by structured clone, so: numbers, arrays, strings — no tensors.
 * Vectors are `number[]` holding the float32 values exactly as the model computed them.
 */

/** How a layer combined its neighbours' messages, found by checking the numbers (see aggregation.ts). */
export type AggregatorKind = 'mean' | 'sum' | 'max' | 'gcn' | 'attention' | 'relation-mean' | 'unknown';

/** The activation applied to a layer's output before the next layer (or none after the last). */
export type ActivationKind = 'relu' | 'identity' | 'other';

export interface NeighbourMessage {
  node: number;
  /** The message u sends to v in this layer, m_{u→v} (for the seed GCN simply h_u^(l-1)). */
  message: number[];
  /** Weight(s) the aggregator gave this message: α_{uv} per head (attention) or 1/√(d̂_u d̂_v) (gcn). */
  weight?: number[];
  /** v's own message (self-loop aggregators: gcn, attention). */
  self?: boolean;
}

/** One component of m_v spelled out: the neighbours' values for it and what AGG made of them. */
export interface AggregationTerm {
  component: number;
  values: number[];
  /** The weight of each value, for weighted aggregators (gcn, attention). */
  weights?: number[];
  result: number;
}

export interface LinearTerm {
  /** Input component index. */
  k: number;
  x: number;
  w: number;
  product: number;
}

/** One Linear map's share of an output component: the largest terms, and the rest summed. */
export interface LinearPartTerms {
  part: number;
  terms: LinearTerm[];
  restSum: number;
  restCount: number;
}

export interface UpdateComponent {
  component: number;
  parts: LinearPartTerms[];
  /** Sum of the biases of all parts for this component. */
  bias: number;
  pre: number;
  post: number;
}

/** A Linear map the update applies, found on the layer and verified against the traced output. */
export interface UpdatePart {
  /** Name of the layer's property holding the Linear (e.g. "linear"). */
  name: string;
  /** What it is applied to: the aggregated message, v's own previous vector, or both concatenated. */
  input: 'aggregated' | 'self' | 'self+aggregated' | 'self‖aggregated' | 'aggregated‖self';
  /** LaTeX for the part, e.g. "W^{(1)} m_v^{(1)} + b^{(1)}". */
  latex: string;
  /** True for a bare "+ b" (no weight matrix in UPDATE: GCN and GAT apply W in MESSAGE). */
  identity: boolean;
}

export interface UpdateExplanation {
  parts: UpdatePart[];
  components: UpdateComponent[];
}

/** A neighbour u in one relation's group: its vector entering the layer and what W_r made of it. */
export interface RelationNeighbour {
  node: number;
  /** h_u^(l-1). */
  input: number[];
  /** W_r h_u^(l-1), exactly as the model's MESSAGE computed it. */
  message: number[];
}

/** One message relation's share of an R-GCN layer at v: N_r(v), the messages W_r h_u and their mean. */
export interface RelationGroup {
  /** The message relation's index (the layer's r) and full name, e.g. "drug-target→drug". */
  index: number;
  name: string;
  /** The graph's relation ("drug-target") and the kind of node receiving (v's kind, "drug"). */
  relation: string;
  receiverKind: string;
  /** a_{r1} … a_{rB}: W_r = Σ_b a_{rb} V_b, this relation's mix of the layer's shared bases. */
  coefficients: number[];
  /** u ∈ N_r(v) in edge order (a pair listed twice sends twice). */
  neighbours: RelationNeighbour[];
  /** (1 / |N_r(v)|) Σ_u W_r h_u. */
  mean: number[];
}

/**
 * R-GCN on a typed graph, at v: the messages grouped by relation, each relation's mean, the self term
 * W_0 h_v + b, and their sum — checked against the traced layer before it is offered (see relational.ts).
 */
export interface RelationalExplanation {
  /** Relations that brought v at least one message, in the layer's relation order. */
  groups: RelationGroup[];
  /** Names of the layer's message relations that brought v nothing (e.g. every "…→protein" for a drug). */
  silent: string[];
  numBases: number;
  /** W_0 h_v^(l-1) + b. */
  self: number[];
  /** Σ_r mean_r + W_0 h_v + b: the layer's output before the activation. */
  sum: number[];
}

export interface LayerExplanation {
  /** 1-based layer number. */
  layer: number;
  /** The layer class's name, e.g. "SeedGcnLayer". */
  kind: string;
  /** The layer's own formula (LaTeX). */
  formula: string;
  aggregator: AggregatorKind;
  activation: ActivationKind;
  /** h_v^(l-1): v's vector entering the layer. */
  input: number[];
  neighbours: NeighbourMessage[];
  /** True when MESSAGE is not the identity (the messages are not simply h_u^(l-1)). */
  messageTransformed: boolean;
  /** m_v^(l). */
  aggregated: number[];
  aggregationTerms: AggregationTerm[];
  /** R-GCN on a typed graph: the messages grouped by relation (absent for other layers and untyped graphs). */
  relations?: RelationalExplanation;
  /** How the update recombines, or null when the layer's update is not a recognised Linear form. */
  update: UpdateExplanation | null;
  /** UPDATE's result before the activation. */
  pre: number[];
  /** h_v^(l): after the activation (what the next layer or the decoder reads). */
  post: number[];
}

export interface PartnerScore {
  node: number;
  score: number;
  probability: number;
  known: boolean;
}

/** Where the pair (v, partner) stands in the data: message-passing (training) edge, held out, or unknown. */
export type PairStatus = 'train' | 'held-out' | 'unknown';

export interface OutputExplanation {
  decoder: string;
  decoderLatex: string;
  partner: number;
  /** h_p^(L), the partner's final vector. */
  partnerVector: number[];
  status: PairStatus;
  score: number;
  probability: number;
  /** Largest terms h_{v,k} · h_{p,k} of the dot product, and the rest summed (empty for other decoders). */
  terms: { k: number; a: number; b: number; product: number }[];
  restSum: number;
  restCount: number;
  /** v's known partners, strongest first. */
  knownPartners: PartnerScore[];
  /** 1 + number of v's known partners scoring higher than this pair (excluding the partner itself). */
  rankAmongKnown: number;
  /** Share of all other drugs that v scores lower than this partner, 0..1. */
  percentile: number;
  /** The strongest predicted partners of v (known or not). */
  topPartners: PartnerScore[];
  /** Strongest partner that is not a known interaction (the default partner). */
  strongestUnknown: number;
}

export interface NodeExplanation {
  node: number;
  epoch: number;
  layers: LayerExplanation[];
  /** h_v^(L), the model's output vector for v. */
  output: number[];
  /** hops[k-1] = nodes exactly k message-passing hops from v (k = 1..L); they can influence v. */
  hops: number[][];
  /** The components spelled out on the Aggregate and Update screens. */
  components: number[];
  decoder: OutputExplanation;
}

export interface ProjectionLayer {
  label: string;
  /** x0, y0, x1, y1, … for every node. */
  points: Float32Array;
  /** Variance along the two axes and in total (for "explains 43 %"). */
  variance: [number, number];
  totalVariance: number;
}

export interface EmbeddingProjection {
  /** Epochs with a recorded projection, ascending. */
  epochs: number[];
  epoch: number;
  layers: ProjectionLayer[];
}

export interface NodeAttribution {
  node: number;
  /** Σ_k h_{u,k} ∂s/∂h_{u,k} at this level. */
  value: number;
  /** |value| / Σ|values| over every node at this level. */
  share: number;
}

export interface AttributionLevel {
  /** The vectors attributed: 0 = input features, l = output of layer l (input of layer l+1). */
  level: number;
  /** How many hops these vectors are from the pair (L - level). */
  hops: number;
  top: NodeAttribution[];
  /** Σ of all signed values at this level. */
  total: number;
}

export interface AttributedEdge {
  source: number;
  target: number;
  /** Share of the edge's source at its level. */
  share: number;
  /** Attention weight of the edge in the last layer, when the layer has attention. */
  attention?: number;
}

export interface PairExplanation {
  a: number;
  b: number;
  score: number;
  probability: number;
  method: 'gradient×input' | 'attention';
  levels: AttributionLevel[];
  nodes: number[];
  edges: AttributedEdge[];
}
