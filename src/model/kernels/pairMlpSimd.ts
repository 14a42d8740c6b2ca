/**
 * The whole MLP link decoder s = w₂ · ReLU(W₁ (h_a ⊙ h_b) + b₁) + b₂ as one wasm kernel and one
 * gradient kernel (assembly/simd.ts, through simdKernels.ts), for the wasm backend where its
 * SIMD kernels load and both widths are multiples of 4:
 *
 *   PairMlpSimd      → s (P) and Z = X·W₁ (P × m, kept for the backward pass; X is not kept)
 *   PairMlpSimdGrad  → dh, dW₁, db₁, dw₂, db₂ in one pass over blocks of 64 pairs
 *   PairMlpSimdBce   the training step under BCE: loss and all five gradients in one pass, Z never stored
 *   pairMlpSimdRows  the candidate scan's blocks of rows: s(u, v) for every v > u, read from h in place
 *
 * Why: as separate kernels (pairMlpKernel.ts: Hadamard, XNNPACK matmul, head and their gradients) each
 * step is a pass over P × 64 floats in memory and the products run at XNNPACK's speed; here a block's
 * rows stay in cache from gather to scatter. Other backends, and odd widths, keep pairMlpKernel.ts.
 */
import * as tf from '../tf';
import { simdKernelsFor, type SimdKernels } from './simdKernels';
import type { WasmBackendView } from './backendViews';

const PAIR_MLP_SIMD = 'PairMlpSimd';
const PAIR_MLP_SIMD_GRAD = 'PairMlpSimdGrad';
const PAIR_MLP_SIMD_BCE = 'PairMlpSimdBce';

type Info = tf.TensorInfo;

/** Runs body with a scratch buffer of the decoder kernels' size on the backend's heap. */
function withScratch<T>(be: WasmBackendView, simd: SimdKernels, n: number, d: number, m: number, body: (scratch: number) => T): T {
  const scratch = be.makeOutput([simd.pairMlpScratchFloats(n, d, m)], 'float32');
  try {
    return body(be.getMemoryOffset(scratch.dataId));
  } finally {
    be.disposeData(scratch.dataId);
  }
}

const forward: tf.KernelFunc = ({ inputs, backend }) => {
  const { h, a, b, w1, b1, w2, b2 } = inputs as Record<string, Info>;
  const simd = simdKernelsFor(backend)!;
  const be = backend as WasmBackendView;
  const [p, d, m] = [a.shape[0], h.shape[1], w1.shape[1]];
  const s = be.makeOutput([p], 'float32');
  const z = be.makeOutput([p, m], 'float32');
  const at = (t: Info) => be.getMemoryOffset(t.dataId);
  const bias2 = be.typedArrayFromHeap(b2)[0];
  withScratch(be, simd, h.shape[0], d, m, (scratch) => simd.pairMlpForward(at(h), d, at(a), at(b), p, at(w1), m, at(b1), at(w2), bias2, at(s), at(z), scratch));
  return [s, z];
};

const backward: tf.KernelFunc = ({ inputs, backend }) => {
  const { h, a, b, w1, b1, w2, z, dy } = inputs as Record<string, Info>;
  const simd = simdKernelsFor(backend)!;
  const be = backend as WasmBackendView;
  const [n, d, p, m] = [h.shape[0], h.shape[1], a.shape[0], w1.shape[1]];
  const outs = [
    be.makeOutput([n, d], 'float32'),
    be.makeOutput([d, m], 'float32'),
    be.makeOutput([m], 'float32'),
    be.makeOutput([m, 1], 'float32'),
    be.makeOutput([1], 'float32'),
  ];
  const at = (t: Info) => be.getMemoryOffset(t.dataId);
  const [dh, dw1, db1, dw2, db2] = outs;
  const sumG = withScratch(be, simd, n, d, m, (scratch) =>
    simd.pairMlpBackward(at(h), n, d, at(a), at(b), p, at(w1), m, at(b1), at(w2), at(z), at(dy), at(dh), at(dw1), at(db1), at(dw2), scratch, false),
  );
  be.typedArrayFromHeap(db2)[0] = sumG;
  return outs;
};

/** Outputs: the mean loss ([1]), then dh, dW₁, db₁, dw₂, db₂ of it; attrs: positives (the first pairs are labelled 1). */
const bceStep: tf.KernelFunc = ({ inputs, backend, attrs }) => {
  const { h, a, b, w1, b1, w2, b2 } = inputs as Record<string, Info>;
  const { positives } = attrs as unknown as { positives: number };
  const simd = simdKernelsFor(backend)!;
  const be = backend as WasmBackendView;
  const [n, d, p, m] = [h.shape[0], h.shape[1], a.shape[0], w1.shape[1]];
  const outs = [[1], [n, d], [d, m], [m], [m, 1], [1]].map((shape) => be.makeOutput(shape, 'float32'));
  const at = (t: Info) => be.getMemoryOffset(t.dataId);
  const [loss, dh, dw1, db1, dw2, db2] = outs;
  const bias2 = be.typedArrayFromHeap(b2)[0];
  const sum = withScratch(be, simd, n, d, m, (scratch) =>
    simd.pairMlpBceStep(
      at(h),
      n,
      d,
      at(a),
      at(b),
      0,
      positives,
      p,
      at(w1),
      m,
      at(b1),
      at(w2),
      bias2,
      1 / p,
      at(dh),
      at(dw1),
      at(db1),
      at(dw2),
      at(db2),
      scratch,
      false,
    ),
  );
  be.typedArrayFromHeap(loss)[0] = sum / p;
  return outs;
};

let registered = false;

function register(): void {
  if (registered) return;
  registered = true;
  tf.registerKernel({ kernelName: PAIR_MLP_SIMD, backendName: 'wasm', kernelFunc: forward });
  tf.registerKernel({ kernelName: PAIR_MLP_SIMD_GRAD, backendName: 'wasm', kernelFunc: backward });
  tf.registerKernel({ kernelName: PAIR_MLP_SIMD_BCE, backendName: 'wasm', kernelFunc: bceStep });
  tf.registerGradient({
    kernelName: PAIR_MLP_SIMD_BCE,
    inputsToSave: [],
    outputsToSave: [false, true, true, true, true, true],
    gradFunc: (dy, saved) => {
      // The gradients are outputs for this only; the loss's upstream gradient scales them.
      const up = (Array.isArray(dy) ? dy[0] : dy) as tf.Tensor;
      const [dh, dw1, db1, dw2, db2] = saved;
      return { h: () => tf.mul(dh, up), w1: () => tf.mul(dw1, up), b1: () => tf.mul(db1, up), w2: () => tf.mul(dw2, up), b2: () => tf.mul(db2, up) };
    },
  });
  tf.registerGradient({
    kernelName: PAIR_MLP_SIMD,
    inputsToSave: ['h', 'a', 'b', 'w1', 'b1', 'w2'],
    outputsToSave: [false, true],
    gradFunc: (dy, saved) => {
      const [h, a, b, w1, b1, w2, z] = saved;
      const ds = (Array.isArray(dy) ? dy[0] : dy) as tf.Tensor; // Z is an output for the backward pass only
      // One kernel gives all five; run here, not in the closures, so it runs once.
      const [dh, dw1, db1, dw2, db2] = tf.engine().runKernel(PAIR_MLP_SIMD_GRAD, { h, a, b, w1, b1, w2, z, dy: ds }) as tf.Tensor[];
      return { h: () => dh, w1: () => dw1, b1: () => db1, w2: () => dw2, b2: () => db2 };
    },
  });
}

/** Whether pairMlpSimd can score with embeddings of width d and a hidden layer of width m here. */
export function pairMlpSimdAvailable(d: number, m: number): boolean {
  return tf.getBackend() === 'wasm' && d % 4 === 0 && m % 4 === 0 && simdKernelsFor(tf.backend()) !== null;
}

/** s_i = w₂ · ReLU(W₁ (h_{a_i} ⊙ h_{b_i}) + b₁) + b₂ (P), differentiable in h, W₁, b₁, w₂ (m × 1) and b₂ (1). */
export function pairMlpSimd(h: tf.Tensor2D, a: Int32Array, b: Int32Array, w1: tf.Tensor2D, b1: tf.Tensor1D, w2: tf.Tensor2D, b2: tf.Tensor1D): tf.Tensor1D {
  register();
  return tf.tidy(() => {
    const inputs = { h, a: tf.tensor1d(a, 'int32'), b: tf.tensor1d(b, 'int32'), w1, b1, w2, b2 };
    const [s] = tf.engine().runKernel(PAIR_MLP_SIMD, inputs) as tf.Tensor[];
    return s as tf.Tensor1D;
  });
}

/**
 * Mean binary cross-entropy of the decoder's logits over the pairs, the first `positives` labelled 1
 * and the rest 0 — bceWithLogits(pairMlpSimd(…), labels) — with its gradients computed in the same
 * pass (PairMlpSimdBce: Z stays in cache, and the gradient of each score comes straight from it), so
 * the backward pass only scales them by the upstream gradient. Differentiable in h, W₁, b₁, w₂, b₂.
 */
export function pairMlpSimdBceLoss(
  h: tf.Tensor2D,
  a: Int32Array,
  b: Int32Array,
  positives: number,
  w1: tf.Tensor2D,
  b1: tf.Tensor1D,
  w2: tf.Tensor2D,
  b2: tf.Tensor1D,
): tf.Scalar {
  register();
  return tf.tidy(() => {
    const inputs = { h, a: tf.tensor1d(a, 'int32'), b: tf.tensor1d(b, 'int32'), w1, b1, w2, b2 };
    const [loss] = tf.engine().runKernel(PAIR_MLP_SIMD_BCE, inputs, { positives } as unknown as tf.NamedAttrMap) as tf.Tensor[];
    return tf.reshape(loss, []) as tf.Scalar;
  });
}

/** The candidate scan's rows of scores. Call dispose when done; each call's array is reused by the next. */
export interface RowScorer {
  /** Rows u0 … u0 + count − 1 against every later node: row r's s(u, v) at [r·n + v − u − 1] (u = u0 + r). */
  rows(u0: number, count: number): Float32Array;
  dispose(): void;
}

/**
 * The scan's rows through pairMlpScanRows (no gradient, no pair lists: per row, Z = H[u+1:n] · diag(h_u) W₁).
 * The returned array is reused by the next call. Only where pairMlpSimdAvailable(d, m).
 */
export function pairMlpSimdRows(h: tf.Tensor2D, w1: tf.Tensor2D, b1: tf.Tensor1D, w2: tf.Tensor2D, b2: tf.Tensor1D): RowScorer {
  const backend = tf.backend();
  const simd = simdKernelsFor(backend)!;
  const be = backend as unknown as WasmBackendView;
  const [n, d] = h.shape;
  const m = w1.shape[1];
  const scratch = be.makeOutput([simd.pairMlpScratchFloats(n, d, m)], 'float32');
  const at = (t: { dataId: object }) => be.getMemoryOffset(t.dataId);
  const bias2 = b2.dataSync()[0];
  let block: Info | null = null;
  return {
    rows(u0, count) {
      if (!block || block.shape[0] < count * n) {
        if (block) be.disposeData(block.dataId);
        block = be.makeOutput([count * n], 'float32');
      }
      simd.pairMlpScanRows(at(h), d, u0, count, n, at(w1), m, at(b1), at(w2), bias2, at(block), at(scratch));
      // A fresh view each time: the heap may have grown (and detached older views) since the last call.
      return (be.typedArrayFromHeap(block) as Float32Array).subarray(0, count * n);
    },
    dispose() {
      be.disposeData(scratch.dataId);
      if (block) be.disposeData(block.dataId);
    },
  };
}
