/**
 * Per-graph operators the layers share: built once from the message-passing edges, on the
 * backend in use, in the mode (sparse CSR or dense matmul) that suits it.
 */
import { aggregationMatrix, type MessageGraph } from './graphOperators';
import { SparseOperator, type SparseMode } from './sparseOps';

export class GraphOperators {
  private readonly cache = new Map<string, SparseOperator>();

  constructor(
    readonly graph: MessageGraph,
    readonly mode: SparseMode,
  ) {}

  get numNodes(): number {
    return this.graph.numNodes;
  }

  /** A · X where A averages (or sums) each node's in-neighbours. */
  neighbourhood(kind: 'sum' | 'mean'): SparseOperator {
    let op = this.cache.get(kind);
    if (!op) {
      op = new SparseOperator(aggregationMatrix(this.graph, kind), this.mode);
      this.cache.set(kind, op);
    }
    return op;
  }

  dispose(): void {
    for (const op of this.cache.values()) op.dispose();
    this.cache.clear();
  }
}

/**
 * Dense matmul wins on GPUs (no read-back to the CPU) while the N × N matrix stays small;
 * the sparse CSR product wins on the CPU side once the graph is sparse.
 */
export function chooseSparseMode(backend: string, numNodes: number, numMessageEdges: number): SparseMode {
  const gpu = backend === 'webgl' || backend === 'webgpu';
  if (gpu) return numNodes <= 8192 ? 'dense' : 'sparse';
  const density = numMessageEdges / Math.max(1, numNodes * numNodes);
  return backend === 'wasm' && numNodes <= 4096 && density > 0.02 ? 'dense' : 'sparse';
}
