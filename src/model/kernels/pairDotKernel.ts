/**
 * `PairDot`: s_i = h_{a_i} · h_{b_i} as a kernel registered for cpu, wasm, webgl and webgpu, so the
 * dot-product decoder never reads embeddings back to the CPU on a GPU backend.
 *
 * Gradient: dh = P · h with P the symmetric N × N matrix holding g_i at (a_i, b_i) and (b_i, a_i),
 * over the pairs' CSR (built on the CPU from the index arrays, which live there anyway). On webgl and
 * webgpu it is a CsrSpmm call with values gather(g, perm) (P is symmetric: its own transpose); on
 * cpu and wasm one typed-array kernel, PairDotGrad, does the permutation and the product.
 */
import * as tf from '../tf';
import { CSR_SPMM, registerCsrSpmm } from './csrSpmm';
import { spmmRows } from './csrSpmmCpu';
import { pairCsr, pairDots } from './pairDot';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import type { CpuBackendView, WasmBackendView } from './backendViews';

export const PAIR_DOT = 'PairDot';
/** dh from dy for cpu/wasm in one typed-array pass (wasm's GatherV2 of the 2·P values measured ~27 ms at 41k pairs). */
const PAIR_DOT_GRAD = 'PairDotGrad';

type Info = tf.TensorInfo;
interface Inputs {
  h: Info;
  a: Info;
  b: Info;
}

const pairDotCpu: tf.KernelFunc = ({ inputs, backend }) => {
  const { h, a, b } = inputs as unknown as Inputs;
  const be = backend as CpuBackendView;
  const out = new Float32Array(a.shape[0]);
  pairDots(be.readSync(h.dataId) as Float32Array, h.shape[1], be.readSync(a.dataId) as Int32Array, be.readSync(b.dataId) as Int32Array, out);
  return be.makeTensorInfo([a.shape[0]], 'float32', out);
};

const pairDotWasm: tf.KernelFunc = ({ inputs, backend }) => {
  const { h, a, b } = inputs as unknown as Inputs;
  const be = backend as WasmBackendView;
  const out = be.makeOutput([a.shape[0]], 'float32'); // first: allocation may move the heap
  const view = <T>(t: Info) => be.typedArrayFromHeap(t) as T;
  pairDots(view<Float32Array>(h), h.shape[1], view<Int32Array>(a), view<Int32Array>(b), view<Float32Array>(out));
  return out;
};

class PairDotProgram implements WebGPUProgram {
  variableNames = ['h', 'pa', 'pb'];
  outputShape: number[];
  shaderKey = 'pairDot';
  dispatchLayout = { x: [0] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [64, 1, 1];
  size = true;
  constructor(p: number) {
    this.outputShape = [p];
    this.dispatch = [Math.ceil(p / 64), 1, 1];
  }
  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let d = uniforms.hShape.y;
          let ao = pa[index] * d;
          let bo = pb[index] * d;
          var acc = 0.0;
          for (var j = 0; j < d; j = j + 1) {
            acc = acc + h[ao + j] * h[bo + j];
          }
          setOutputAtIndex(index, acc);
        }
      }`;
  }
}

const pairDotWebgpu: tf.KernelFunc = ({ inputs, backend }) => {
  const { h, a, b } = inputs as unknown as Inputs;
  const be = backend as { runWebGPUProgram(p: WebGPUProgram, i: Info[], dtype: 'float32'): Info };
  return be.runWebGPUProgram(new PairDotProgram(a.shape[0]), [h, a, b], 'float32');
};

const pairDotWebgl: tf.KernelFunc = ({ inputs, backend }) => {
  const { h, a, b } = inputs as unknown as Inputs;
  const d = h.shape[1];
  const program = {
    variableNames: ['h', 'pa', 'pb'],
    outputShape: [a.shape[0]],
    userCode: `
      void main() {
        int i = getOutputCoords();
        int ra = int(round(getPa(i)));
        int rb = int(round(getPb(i)));
        float acc = 0.0;
        for (int j = 0; j < ${d}; j++) acc += getH(ra, j) * getH(rb, j);
        setOutput(acc);
      }`,
  };
  return (backend as { compileAndRun(p: typeof program, i: Info[], dtype: 'float32'): Info }).compileAndRun(program, [h, a, b], 'float32');
};

interface GradInputs {
  h: Info;
  dy: Info;
  rowPtr: Info;
  colIdx: Info;
  perm: Info;
}

/** values[k] = dy[perm[k]], then the blocked CSR product: dh = P · h. */
function pairGradArrays(h: Float32Array, dy: Float32Array, rowPtr: Int32Array, colIdx: Int32Array, perm: Int32Array, d: number, out: Float32Array): void {
  const values = new Float32Array(perm.length);
  for (let k = 0; k < perm.length; k++) values[k] = dy[perm[k]];
  spmmRows(rowPtr, colIdx, values, h, d, out);
}

const pairDotGradCpu: tf.KernelFunc = ({ inputs, backend }) => {
  const i = inputs as unknown as GradInputs;
  const be = backend as CpuBackendView;
  const read = <T>(t: Info) => be.readSync(t.dataId) as T;
  const out = new Float32Array(i.h.shape[0] * i.h.shape[1]);
  pairGradArrays(read(i.h), read(i.dy), read(i.rowPtr), read(i.colIdx), read(i.perm), i.h.shape[1], out);
  return be.makeTensorInfo(i.h.shape, 'float32', out);
};

const pairDotGradWasm: tf.KernelFunc = ({ inputs, backend }) => {
  const i = inputs as unknown as GradInputs;
  const be = backend as WasmBackendView;
  const out = be.makeOutput(i.h.shape, 'float32');
  const view = <T>(t: Info) => be.typedArrayFromHeap(t) as T;
  pairGradArrays(view(i.h), view(i.dy), view(i.rowPtr), view(i.colIdx), view(i.perm), i.h.shape[1], view(out));
  return out;
};

const GRAD_IMPLEMENTATIONS: Record<string, tf.KernelFunc> = { cpu: pairDotGradCpu, wasm: pairDotGradWasm };

const IMPLEMENTATIONS: Record<string, tf.KernelFunc> = { cpu: pairDotCpu, wasm: pairDotWasm, webgl: pairDotWebgl, webgpu: pairDotWebgpu };

let registered = false;

function registerPairDot(): void {
  if (registered) return;
  registered = true;
  registerCsrSpmm();
  for (const [backendName, kernelFunc] of Object.entries(IMPLEMENTATIONS)) {
    if (!tf.getKernel(PAIR_DOT, backendName)) tf.registerKernel({ kernelName: PAIR_DOT, backendName, kernelFunc });
  }
  for (const [backendName, kernelFunc] of Object.entries(GRAD_IMPLEMENTATIONS)) {
    if (!tf.getKernel(PAIR_DOT_GRAD, backendName)) tf.registerKernel({ kernelName: PAIR_DOT_GRAD, backendName, kernelFunc });
  }
  tf.registerGradient({
    kernelName: PAIR_DOT,
    inputsToSave: ['h', 'rowPtr', 'colIdx', 'perm'],
    gradFunc: (dy, saved) => {
      const [h, rowPtr, colIdx, perm] = saved;
      return {
        h: () => {
          if (GRAD_IMPLEMENTATIONS[tf.getBackend()]) {
            return tf.engine().runKernel(PAIR_DOT_GRAD, { h, dy: dy as tf.Tensor, rowPtr, colIdx, perm }) as tf.Tensor;
          }
          const values = tf.gather(dy as tf.Tensor, perm);
          const csr = { rowPtr, colIdx, values, tRowPtr: rowPtr, tColIdx: colIdx, tValues: values };
          return tf.engine().runKernel(CSR_SPMM, { ...csr, x: h }) as tf.Tensor;
        },
      };
    },
  });
}

/** Backends with a PairDot kernel. */
export const PAIR_DOT_BACKENDS = Object.keys(IMPLEMENTATIONS);

/** s_i = h_{a_i} · h_{b_i}, differentiable in h, computed on the current backend. */
export function pairDotKernel(h: tf.Tensor2D, a: Int32Array, b: Int32Array): tf.Tensor1D {
  registerPairDot();
  if (a.length === 0) return tf.zeros([0]); // nothing to score (and nothing to gather in the gradient)
  const n = h.shape[0];
  const csr = pairCsr(n, a, b);
  return tf.tidy(() => {
    const inputs = {
      h,
      a: tf.tensor1d(a, 'int32'),
      b: tf.tensor1d(b, 'int32'),
      rowPtr: tf.tensor1d(csr.rowPtr, 'int32'),
      colIdx: tf.tensor1d(csr.colIdx, 'int32'),
      perm: tf.tensor1d(csr.perm, 'int32'),
    };
    return tf.engine().runKernel(PAIR_DOT, inputs) as tf.Tensor1D;
  });
}
