/**
 * The CSR product Y = A · X as a WGSL compute program for the webgpu backend: one invocation per
 * output element (row r, feature j) loops over row r's entries. Nothing leaves the GPU, and the
 * work is proportional to nnz × features (no N × N matrix, no per-edge tensor).
 *
 * Shapes come from the uniforms tfjs generates for every input (`xShape` …), so one pipeline
 * serves every graph size; the buffers are addressed directly by their variable names.
 */
import type { KernelFunc, TensorInfo } from '../tf';
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';
import { outputShape, type SpmmInputs } from './csrSpmmCpu';

const WORKGROUP = 64;

class CsrSpmmProgram implements WebGPUProgram {
  // Names become WGSL storage buffers (`rowPtr: array<i32>`, `csrVals: array<f32>` …).
  variableNames = ['rowPtr', 'colIdx', 'csrVals', 'x'];
  outputShape: number[];
  shaderKey = 'csrSpmm';
  dispatchLayout: { x: number[] };
  dispatch: [number, number, number];
  workgroupSize: [number, number, number] = [WORKGROUP, 1, 1];
  size = true;

  constructor(shape: [number, number]) {
    this.outputShape = shape;
    this.dispatchLayout = { x: [0, 1] };
    this.dispatch = [Math.ceil((shape[0] * shape[1]) / WORKGROUP), 1, 1];
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        if (index < uniforms.size) {
          let f = uniforms.xShape.y;
          let r = index / f;
          let j = index - r * f;
          let end = rowPtr[r + 1];
          var acc = 0.0;
          for (var k = rowPtr[r]; k < end; k = k + 1) {
            acc = acc + csrVals[k] * x[colIdx[k] * f + j];
          }
          setOutputAtIndex(index, acc);
        }
      }`;
  }
}

interface WebgpuBackend {
  runWebGPUProgram(program: WebGPUProgram, inputs: TensorInfo[], dtype: 'float32'): TensorInfo;
}

export const csrSpmmWebgpu: KernelFunc = ({ inputs, backend }) => {
  const i = inputs as unknown as SpmmInputs;
  const program = new CsrSpmmProgram(outputShape(i));
  return (backend as WebgpuBackend).runWebGPUProgram(program, [i.rowPtr, i.colIdx, i.values, i.x], 'float32');
};
