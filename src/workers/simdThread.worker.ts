/**
 * A helper thread of the SIMD kernels: instantiates the module on the trainer's shared wasm memory,
 * says ready, then runs whatever its slot names each time the generation moves (Atomics.wait blocks
 * this worker between rounds; it takes no further messages).
 */
import { GENERATION, PENDING, SIMD_FUNCTIONS, SLOT_OFFSET, SLOT_SIZE, type SimdThreadStart } from './simdThreadProtocol';

self.onmessage = (event: MessageEvent<SimdThreadStart>) => {
  const { index, bytes, memory, control } = event.data;
  const module = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), { env: { memory } }).exports as Record<
    string,
    (...args: number[]) => number | undefined
  >;
  const state = new Int32Array(control, 0, 2);
  const slot = new Float64Array(control, SLOT_OFFSET + 8 * SLOT_SIZE * index, SLOT_SIZE);
  self.postMessage('ready');
  let seen = Atomics.load(state, GENERATION);
  for (;;) {
    Atomics.wait(state, GENERATION, seen);
    seen = Atomics.load(state, GENERATION);
    const fn = SIMD_FUNCTIONS[slot[0]];
    if (fn) slot[1] = module[fn](...Array.from(slot.subarray(2))) ?? 0;
    if (Atomics.sub(state, PENDING, 1) === 1) Atomics.notify(state, PENDING);
  }
};
