/**
 * `NegativeCounts` (webgpu): one draw of training negatives (../negatives.ts) made on the GPU, as the
 * n × n matrix of how often each pair (lo, hi) was drawn — what the dense link loss weighs the score
 * matrix with. One invocation per pair runs the same integer hash and the same retries against the
 * training pairs' bit set as the host, then counts its pair with an integer atomicAdd, so the result
 * equals the host's pairCountMatrix exactly, whatever order the invocations run in.
 *
 * Why: on ogbl-ddi, drawing 1.07 M negatives on the host and uploading them (with the CSR their
 * gradient needed) took ~140 ms of every epoch on a real GPU, against a few ms of GPU work.
 */
import * as tf from '../tf';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { NEGATIVE_TRIES, type NegativeDraw } from '../negatives';

export const NEGATIVE_COUNTS = 'NegativeCounts';

type Info = tf.TensorInfo;
interface WebgpuBackend {
  runWebGPUProgram(p: WebGPUProgram, inputs: Info[], dtype: 'int32', uniforms: { type: string; data: number[] }[], output: Info): Info;
}

class NegativeCountsProgram implements WebGPUProgram {
  variableNames = ['trainBits'];
  outputShape: number[];
  shaderKey = 'negativeCounts';
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  // Output declared as array<atomic<i32>> by tfjs.
  atomic = true;
  uniforms = 'n : i32, count : i32, key : i32,';
  constructor(n: number, count: number) {
    this.outputShape = [n * n];
    // One invocation per pair (tfjs folds an over-long x into y itself).
    this.dispatch = [Math.ceil(count / 64), 1, 1];
  }
  getUserCode(): string {
    return `
      fn mix32(v : u32) -> u32 {
        var x = v;
        x = x ^ (x >> 16u);
        x = x * 0x7feb352du;
        x = x ^ (x >> 15u);
        x = x * 0x846ca68bu;
        x = x ^ (x >> 16u);
        return x;
      }
      // floor(y * n / 2^32) in 32-bit halves: exact while n < 2^16 (the host computes it in doubles).
      fn nodeOf(y : u32, n : u32) -> u32 {
        return ((y >> 16u) * n + (((y & 0xffffu) * n) >> 16u)) >> 16u;
      }
      fn isTraining(u : u32, v : u32, n : u32) -> bool {
        let k = min(u, v) * n + max(u, v);
        let word = bitcast<u32>(trainBits[i32(k >> 5u)]);
        return ((word >> (k & 31u)) & 1u) == 1u;
      }
      fn main(index : i32) {
        if (index < uniforms.count) {
          let n = u32(uniforms.n);
          let base = mix32(u32(index) ^ bitcast<u32>(uniforms.key));
          var u = 0u;
          var v = 0u;
          for (var t = 0u; t < ${NEGATIVE_TRIES}u; t = t + 1u) {
            u = nodeOf(mix32(base + (2u * t + 1u) * 0x9e3779b9u), n);
            v = nodeOf(mix32(base + (2u * t + 2u) * 0x9e3779b9u), n);
            if (u != v && !isTraining(u, v, n)) {
              break;
            }
          }
          if (u == v) {
            v = (u + 1u) % n;
          }
          atomicAdd(&result[i32(min(u, v) * n + max(u, v))], 1);
        }
      }`;
  }
}

const negativeCountsWebgpu: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { trainBits } = inputs as unknown as { trainBits: Info };
  const { n, count, key } = attrs as unknown as { n: number; count: number; key: number };
  // Buffers come from a pool: the counts must start from zeros.
  const fill = tf.getKernel('Fill', 'webgpu')!.kernelFunc;
  const zeros = fill({ inputs: {}, backend, attrs: { shape: [n * n], value: 0, dtype: 'int32' } }) as Info;
  const uniforms = [
    { type: 'int32', data: [n] },
    { type: 'int32', data: [count] },
    { type: 'int32', data: [key | 0] },
  ];
  return (backend as unknown as WebgpuBackend).runWebGPUProgram(new NegativeCountsProgram(n, count), [trainBits], 'int32', uniforms, zeros);
};

let registered = false;

/** Whether the GPU can draw negatives on the current backend. */
export function gpuNegativesAvailable(backend: string = tf.getBackend()): boolean {
  return backend === 'webgpu';
}

/**
 * The draw's pair counts as an n × n int32 matrix, computed on the webgpu backend. `trainBits` holds
 * the training pairs' bit set (PairSet.bitWords) as int32 words.
 */
export function negativeCountsOnGpu(n: number, draw: NegativeDraw, trainBits: tf.Tensor1D): tf.Tensor2D {
  if (n >= 1 << 16) throw new Error(`NegativeCounts: ${n} nodes; the GPU draw is exact below 65,536.`);
  if (!registered) {
    registered = true;
    tf.registerKernel({ kernelName: NEGATIVE_COUNTS, backendName: 'webgpu', kernelFunc: negativeCountsWebgpu });
  }
  const flat = tf.engine().runKernel(NEGATIVE_COUNTS, { trainBits }, { n, count: draw.count, key: draw.key } as unknown as tf.NamedAttrMap) as tf.Tensor1D;
  return tf.reshape(flat, [n, n]);
}
