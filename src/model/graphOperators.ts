/**
 * Per-graph operators the layers share: built once from the message-passing edges, on the
 * backend in use, in the mode (sparse CSR or dense matmul) that suits it.
 */
import {
  aggregationMatrix,
  edgeIndexOf,
  relationCount,
  relationReceivers,
  relationSubgraph,
  withSelfLoops,
  type EdgeIndex,
  type MessageGraph,
  type NeighbourhoodKind,
} from './messageGraph';
import { CSR_SPMM_BACKENDS } from './kernels/csrSpmm';
import { SparseOperator, type SparseMode } from './sparseOps';

export class GraphOperators {
  private readonly cache = new Map<string, SparseOperator>();
  private readonly edgeCache = new Map<string, EdgeIndex>();
  private readonly relationCache = new Map<number, GraphOperators>();
  private readonly receiverCache = new Map<number, Float32Array | null>();

  constructor(
    readonly graph: MessageGraph,
    readonly mode: SparseMode,
  ) {}

  get numNodes(): number {
    return this.graph.numNodes;
  }

  /** A · X where A sums, averages or GCN-normalises each node's in-neighbours. */
  neighbourhood(kind: NeighbourhoodKind): SparseOperator {
    let op = this.cache.get(kind);
    if (!op) {
      op = new SparseOperator(aggregationMatrix(this.graph, kind), this.mode);
      this.cache.set(kind, op);
    }
    return op;
  }

  /** Message relations (R-GCN's N_r); 1 when the graph is untyped. */
  get numRelations(): number {
    return relationCount(this.graph);
  }

  /** A_r · X where A_r averages each node's in-neighbours through relation r only (R-GCN's 1 / |N_r(v)|). */
  relationMean(r: number): SparseOperator {
    const key = `mean/${r}`;
    let op = this.cache.get(key);
    if (!op) {
      op = new SparseOperator(aggregationMatrix(relationSubgraph(this.graph, r), 'mean'), this.mode);
      this.cache.set(key, op);
    }
    return op;
  }

  /**
   * The operators of message relation r's edges alone (every operator above, built lazily on the same
   * backend): a per-relation layer runs its own aggregation over them (layers/hetero.ts).
   */
  relation(r: number): GraphOperators {
    let ops = this.relationCache.get(r);
    if (!ops) {
      ops = new GraphOperators(relationSubgraph(this.graph, r), this.mode);
      this.relationCache.set(r, ops);
    }
    return ops;
  }

  /** Per node, 1 where relation r ends at the node's kind; null without kinds (see relationReceivers). */
  receivers(r: number): Float32Array | null {
    if (!this.receiverCache.has(r)) this.receiverCache.set(r, relationReceivers(this.graph, r));
    return this.receiverCache.get(r)!;
  }

  /** The message edges grouped by destination, optionally with a self-loop per node (for max and attention). */
  edges(selfLoops: boolean): EdgeIndex {
    const key = selfLoops ? 'loops' : 'plain';
    let e = this.edgeCache.get(key);
    if (!e) {
      e = edgeIndexOf(selfLoops ? withSelfLoops(this.graph) : this.graph);
      this.edgeCache.set(key, e);
    }
    return e;
  }

  dispose(): void {
    for (const op of this.cache.values()) op.dispose();
    this.cache.clear();
    for (const ops of this.relationCache.values()) ops.dispose();
    this.relationCache.clear();
    this.edgeCache.clear();
  }
}

/**
 * Which aggregation path to use. Measured (bench/train.ts; figures in src/model/kernels/README.md):
 * the registered CSR kernel was the fastest path on every backend at every size tried — on wasm and
 * cpu against the dataSync-based 'sparse' path and the dense N × N matmul (which lost at all sizes,
 * 5× at 200k edges), on webgl against the dense matmul from the 165-node demo up (SwiftShader) —
 * and it needs no N × N matrix and no read-back. So: 'kernel' wherever it is registered, else the
 * typed-array 'sparse' path. 'dense' stays available as an override.
 */
export function chooseSparseMode(backend: string, _numNodes: number, _numMessageEdges: number): SparseMode {
  return CSR_SPMM_BACKENDS.includes(backend) ? 'kernel' : 'sparse';
}
