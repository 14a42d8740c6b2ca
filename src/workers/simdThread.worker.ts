/**
 * A helper thread of the SIMD kernels: instantiates the module on the trainer's shared wasm memory,
 * says ready, then runs whatever its slot names each time the generation moves — whole, or chunk by
 * chunk from the shared counter (Atomics.wait blocks this worker between rounds; it takes no further
 * messages).
 */
import { takeChunks } from '../model/kernels/simdParallel';
import { COUNTER, GENERATION, PENDING, readCall, SLOT_OFFSET, SLOT_SIZE, writeResult, type SimdThreadStart } from './simdThreadProtocol';

self.onmessage = (event: MessageEvent<SimdThreadStart>) => {
  const { index, bytes, memory, control } = event.data;
  const module = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), { env: { memory } }).exports as Record<
    string,
    (...args: number[]) => number | void
  >;
  const state = new Int32Array(control, 0, COUNTER + 1);
  const counter = state.subarray(COUNTER, COUNTER + 1);
  const slot = new Float64Array(control, SLOT_OFFSET + 8 * SLOT_SIZE * index, SLOT_SIZE);
  self.postMessage('ready');
  let seen = Atomics.load(state, GENERATION);
  for (;;) {
    Atomics.wait(state, GENERATION, seen);
    seen = Atomics.load(state, GENERATION);
    const call = readCall(slot);
    if (call) {
      const fn = module[call.fn];
      writeResult(slot, call.chunks ? takeChunks(fn, call.args, call.chunks, counter) : { value: fn(...call.args) || 0, chunks: 1 });
    }
    if (Atomics.sub(state, PENDING, 1) === 1) Atomics.notify(state, PENDING);
  }
};
