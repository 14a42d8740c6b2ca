/**
 * The MLP decoder's element-wise parts as kernels for cpu and wasm (loops in pairMlp.ts), each with a
 * registered gradient that is itself one kernel:
 *
 *   PairHadamard  X = h[a] ⊙ h[b]                → gradient PairHadamardGrad (dh, one pass over the pairs)
 *   PairMlpHead   s = ReLU(Z + b₁) · w₂ + b₂      → gradient PairMlpHeadGrad (dZ, db₁, dw₂, db₂ in one pass)
 *
 * The decoder is then pairMlpHead(matMul(pairHadamard(h, a, b), W₁), b₁, w₂, b₂): the matmul and its
 * gradients stay tfjs ops (XNNPACK on wasm, through wasmMatMul.ts). Other backends keep the plain ops.
 */
import * as tf from '../tf';
import { mlpHead, mlpHeadGradient, pairHadamard, pairHadamardGradient } from './pairMlp';
import { installWasmOverrides } from './wasmOverrides';
import type { CpuBackendView, WasmBackendView } from './backendViews';

export const PAIR_HADAMARD = 'PairHadamard';
const PAIR_HADAMARD_GRAD = 'PairHadamardGrad';
export const PAIR_MLP_HEAD = 'PairMlpHead';
const PAIR_MLP_HEAD_GRAD = 'PairMlpHeadGrad';

type Info = tf.TensorInfo;

/** Reads inputs and makes outputs the same way on cpu (JS arrays) and wasm (views into the module heap). */
interface Io {
  outputs(shapes: number[][]): Info[];
  f32(t: Info): Float32Array;
  i32(t: Info): Int32Array;
}

function cpuIo(backend: unknown): Io {
  const be = backend as CpuBackendView;
  const fresh = new Map<Info, Float32Array>();
  return {
    outputs: (shapes) =>
      shapes.map((s) => {
        const values = new Float32Array(s.reduce((x, y) => x * y, 1));
        const info = be.makeTensorInfo(s, 'float32', values);
        fresh.set(info, values);
        return info;
      }),
    // makeTensorInfo keeps the array it was given, so filling it afterwards fills the tensor.
    f32: (t) => fresh.get(t) ?? (be.readSync(t.dataId) as Float32Array),
    i32: (t) => be.readSync(t.dataId) as Int32Array,
  };
}

function wasmIo(backend: unknown): Io {
  const be = backend as WasmBackendView;
  return {
    // Callers make every output before taking any view: allocation may grow the heap, detaching older views.
    outputs: (shapes) => shapes.map((s) => be.makeOutput(s, 'float32')),
    f32: (t) => be.typedArrayFromHeap(t) as Float32Array,
    i32: (t) => be.typedArrayFromHeap(t) as Int32Array,
  };
}

const IO: Record<string, (backend: unknown) => Io> = { cpu: cpuIo, wasm: wasmIo };

/** One kernel function per backend from a body written once against Io. */
function perBackend(body: (inputs: Record<string, Info>, io: Io) => Info | Info[]): Record<string, tf.KernelFunc> {
  return Object.fromEntries(
    Object.entries(IO).map(([name, io]) => [name, (({ inputs, backend }) => body(inputs as Record<string, Info>, io(backend))) as tf.KernelFunc]),
  );
}

const KERNELS: Record<string, Record<string, tf.KernelFunc>> = {
  [PAIR_HADAMARD]: perBackend(({ h, a, b }, io) => {
    const d = h.shape[1];
    const [out] = io.outputs([[a.shape[0], d]]);
    pairHadamard(io.f32(h), d, io.i32(a), io.i32(b), io.f32(out));
    return out;
  }),
  [PAIR_HADAMARD_GRAD]: perBackend(({ h, dy, a, b }, io) => {
    const [out] = io.outputs([h.shape]);
    pairHadamardGradient(io.f32(h), h.shape[0], h.shape[1], io.i32(a), io.i32(b), io.f32(dy), io.f32(out));
    return out;
  }),
  [PAIR_MLP_HEAD]: perBackend(({ z, b1, w2, b2 }, io) => {
    const [out] = io.outputs([[z.shape[0]]]);
    mlpHead(io.f32(z), z.shape[1], io.f32(b1), io.f32(w2), io.f32(b2)[0], io.f32(out));
    return out;
  }),
  [PAIR_MLP_HEAD_GRAD]: perBackend(({ z, b1, w2, dy }, io) => {
    const d = z.shape[1];
    const outs = io.outputs([z.shape, [d], [d, 1], [1]]);
    const [dz, db1, dw2, db2] = outs.map((t) => io.f32(t));
    db2[0] = mlpHeadGradient(io.f32(z), d, io.f32(b1), io.f32(w2), io.f32(dy), dz, db1, dw2);
    return outs;
  }),
};

/** Backends with these kernels. */
export const PAIR_MLP_BACKENDS = Object.keys(IO);

let registered = false;

function registerPairMlp(): void {
  if (registered) return;
  registered = true;
  installWasmOverrides(); // the decoder's matmul gradients take transposed operands
  for (const [kernelName, impls] of Object.entries(KERNELS)) {
    for (const [backendName, kernelFunc] of Object.entries(impls)) {
      if (!tf.getKernel(kernelName, backendName)) tf.registerKernel({ kernelName, backendName, kernelFunc });
    }
  }
  tf.registerGradient({
    kernelName: PAIR_HADAMARD,
    inputsToSave: ['h', 'a', 'b'],
    gradFunc: (dy, saved) => {
      const [h, a, b] = saved;
      return { h: () => tf.engine().runKernel(PAIR_HADAMARD_GRAD, { h, dy: dy as tf.Tensor, a, b }) as tf.Tensor };
    },
  });
  tf.registerGradient({
    kernelName: PAIR_MLP_HEAD,
    inputsToSave: ['z', 'b1', 'w2'],
    gradFunc: (dy, saved) => {
      const [z, b1, w2] = saved;
      // One pass gives all four; computed here, not in the closures, so it runs once (the engine's
      // backward scope disposes any gradient no closure asks for).
      const [dz, db1, dw2, db2] = tf.engine().runKernel(PAIR_MLP_HEAD_GRAD, { z, b1, w2, dy: dy as tf.Tensor }) as tf.Tensor[];
      return { z: () => dz, b1: () => db1, w2: () => dw2, b2: () => db2 };
    },
  });
}

/** X_i = h_{a_i} ⊙ h_{b_i} (P × d), differentiable in h; cpu and wasm only (PAIR_MLP_BACKENDS). */
export function pairHadamardKernel(h: tf.Tensor2D, a: Int32Array, b: Int32Array): tf.Tensor2D {
  registerPairMlp();
  return tf.tidy(() => tf.engine().runKernel(PAIR_HADAMARD, { h, a: tf.tensor1d(a, 'int32'), b: tf.tensor1d(b, 'int32') }) as tf.Tensor2D);
}

/** s_i = ReLU(Z_i + b₁) · w₂ + b₂ (P), differentiable in all four; w₂ is d × 1 and b₂ has one entry. */
export function pairMlpHeadKernel(z: tf.Tensor2D, b1: tf.Tensor1D, w2: tf.Tensor2D, b2: tf.Tensor1D): tf.Tensor1D {
  registerPairMlp();
  return tf.engine().runKernel(PAIR_MLP_HEAD, { z, b1, w2, b2 }) as tf.Tensor1D;
}
