/**
 * The heterogeneous form of a zoo layer (PyG's HeteroConv around GCNConv, SAGEConv, …): a copy of the
 * layer with its own parameters per message relation r, each running the seed's steps over r's edges
 * only, then the copies' results combined across the relations that reach the node:
 *
 *   message    m^{(r)}_{u→v} = MESSAGE_r(h_u)                            (each copy's message, side by side)
 *   aggregate  m^{(r)}_v = AGG_r({ m^{(r)}_{u→v} | u ∈ N_r(v) })         (each copy over relation r's CSR operators)
 *   update     h^{(r)}_v = UPDATE_r(h_v, m^{(r)}_v)                       (each copy's update, self term included)
 *   combine    h_v' = COMB_{r ∈ R(v)} h^{(r)}_v                          COMB ∈ {sum, mean, max}
 *
 * R(v): the message relations that end at v's kind (drug → protein reaches proteins only), as HeteroConv
 * groups its convolutions by destination node type; a graph without kinds lets every relation reach
 * every node. A node no relation reaches gets 0. With one relation the layer is the plain layer.
 * R-GCN is relational already and has no such form.
 */
import * as tf from '../tf';
import type { HeteroMode } from '../../settings/options';
import type { GraphOperators } from '../graphOperators';
import { MessagePassingLayer, type LayerSteps, type LayerTrace } from '../messagePassing';

export type HeteroCombine = Exclude<HeteroMode, 'off'>;

const COMBINE_TEX: Record<HeteroCombine, string> = { sum: String.raw`\sum`, mean: String.raw`\operatorname{mean}`, max: String.raw`\max` };

export class HeteroLayer extends MessagePassingLayer {
  readonly formula: string;
  /** One copy of the layer per message relation, in relation order (their variables in that order). */
  readonly perRelation: MessagePassingLayer[];
  private readonly steps: LayerSteps[];

  constructor(
    readonly combine: HeteroCombine,
    readonly numRelations: number,
    /** Builds the copy for relation r (from the caller's seeded generator, relation 0 first). */
    make: (r: number) => MessagePassingLayer,
  ) {
    super();
    this.perRelation = [];
    try {
      for (let r = 0; r < numRelations; r++) this.perRelation.push(make(r));
    } catch (e) {
      this.dispose();
      throw e;
    }
    this.steps = this.perRelation.map((l) => MessagePassingLayer.stepsOf(l));
    const inner = this.perRelation[0].formula.replaceAll('N(v)', 'N_r(v)');
    this.formula = String.raw`h_v' = ${COMBINE_TEX[combine]}_{r \in R(v)} h_v^{(r)},\quad h^{(r)}:\ ${inner}`;
  }

  protected message(h: tf.Tensor2D): tf.Tensor2D {
    return this.sideBySide(this.steps.map((s) => s.message(h)));
  }

  protected aggregate(messages: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    if (graph.numRelations !== this.numRelations) {
      throw new Error(`Per-relation layer built for ${this.numRelations} relation(s), graph has ${graph.numRelations}`);
    }
    const parts = this.columns(messages);
    return this.sideBySide(
      this.steps.map((s, r) => {
        const ops = graph.relation(r);
        return s.aggregate(parts[r], ops, s.edgeWeights(parts[r], ops));
      }),
    );
  }

  /** Each copy's update, side by side ([h^{(1)} ‖ … ‖ h^{(R)}]); `forward` combines them. */
  protected update(h: tf.Tensor2D, aggregated: tf.Tensor2D): tf.Tensor2D {
    const parts = this.columns(aggregated);
    return this.sideBySide(this.steps.map((s, r) => s.update(h, parts[r])));
  }

  override forward(h: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    const messages = this.message(h);
    return this.combined(this.update(h, this.aggregate(messages, graph)), graph);
  }

  override trace(h: tf.Tensor2D, graph: GraphOperators): LayerTrace {
    // The copies' own tensors (slices, per-relation parts) are freed here; the caller frees the three kept.
    const messages = tf.tidy(() => this.message(h));
    const aggregated = tf.tidy(() => this.aggregate(messages, graph));
    const output = tf.tidy(() => this.combined(this.update(h, aggregated), graph));
    return { input: h, messages, aggregated, output };
  }

  /** COMB over the relations reaching each node, from the copies' outputs side by side. */
  private combined(updated: tf.Tensor2D, graph: GraphOperators): tf.Tensor2D {
    const parts = this.columns(updated);
    const n = updated.shape[0];
    const receivers = parts.map((_, r) => graph.receivers(r));
    const everywhere = receivers.every((m) => m === null);
    if (this.combine === 'max') return this.maxOver(parts, receivers, n);
    let sum: tf.Tensor2D;
    if (everywhere) sum = parts.length === 1 ? parts[0] : (tf.addN(parts) as tf.Tensor2D);
    else sum = tf.addN(parts.map((p, r) => (receivers[r] ? tf.mul(p, tf.tensor2d(receivers[r]!, [n, 1])) : p))) as tf.Tensor2D;
    if (this.combine === 'sum' || parts.length === 1) return sum;
    // mean: divided by |R(v)| (1 where no relation reaches v: the sum is 0 there).
    const inverse = new Float32Array(n);
    for (let v = 0; v < n; v++) {
      const count = receivers.reduce((c, m) => c + (m ? m[v] : 1), 0);
      inverse[v] = 1 / Math.max(1, count);
    }
    return tf.mul(sum, tf.tensor2d(inverse, [n, 1]));
  }

  /** Per-feature max over the relations reaching each node (0 where none does); no infinities, for GPU backends. */
  private maxOver(parts: tf.Tensor2D[], receivers: (Float32Array | null)[], n: number): tf.Tensor2D {
    const seen = new Uint8Array(n);
    let acc: tf.Tensor2D = tf.zeros([n, parts[0].shape[1]]);
    parts.forEach((p, r) => {
      const reach = receivers[r];
      const both = new Uint8Array(n);
      const first = new Uint8Array(n);
      for (let v = 0; v < n; v++) {
        const reached = reach ? reach[v] > 0 : true;
        both[v] = reached && seen[v] ? 1 : 0;
        first[v] = reached && !seen[v] ? 1 : 0;
        if (reached) seen[v] = 1;
      }
      const withNew = tf.where(tf.tensor2d(first, [n, 1], 'bool'), p, acc);
      acc = tf.where(tf.tensor2d(both, [n, 1], 'bool'), tf.maximum(acc, p), withNew) as tf.Tensor2D;
    });
    return acc;
  }

  /** The R blocks of equal width of a side-by-side tensor (the tensor itself when R = 1). */
  private columns(x: tf.Tensor2D): tf.Tensor2D[] {
    if (this.numRelations === 1) return [x];
    return tf.split(x, this.numRelations, 1) as tf.Tensor2D[];
  }

  private sideBySide(parts: tf.Tensor2D[]): tf.Tensor2D {
    return parts.length === 1 ? parts[0] : (tf.concat(parts, 1) as tf.Tensor2D);
  }

  override variables(): tf.Variable[] {
    return this.perRelation.flatMap((l) => l.variables());
  }

  override dispose(): void {
    this.perRelation.forEach((l) => l.dispose());
    this.perRelation.length = 0;
  }
}
