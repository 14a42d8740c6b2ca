/**
 * The CSR product Y = A · X as a WebGL fragment program: one output texel per (row, feature), which
 * loops over that row's entries (GLSL ES 3.00 allows the data-dependent loop bounds). Indices are
 * stored as floats in textures, exact below 2^24, far above any graph this app can hold.
 */
import type { KernelFunc, TensorInfo } from '../tf';
import { outputShape, type SpmmInputs } from './csrSpmmCpu';

interface GpgpuProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
}

const program = (shape: [number, number]): GpgpuProgram => ({
  variableNames: ['rowPtr', 'colIdx', 'csrVals', 'x'],
  outputShape: shape,
  userCode: `
    void main() {
      ivec2 rc = getOutputCoords();
      int start = int(round(getRowPtr(rc.x)));
      int end = int(round(getRowPtr(rc.x + 1)));
      float acc = 0.0;
      for (int k = start; k < end; k++) {
        acc += getCsrVals(k) * getX(int(round(getColIdx(k))), rc.y);
      }
      setOutput(acc);
    }`,
});

interface WebglBackend {
  compileAndRun(program: GpgpuProgram, inputs: TensorInfo[], dtype?: 'float32'): TensorInfo;
}

export const csrSpmmWebgl: KernelFunc = ({ inputs, backend }) => {
  const i = inputs as unknown as SpmmInputs;
  return (backend as WebglBackend).compileAndRun(program(outputShape(i)), [i.rowPtr, i.colIdx, i.values, i.x], 'float32');
};
