/**
 * A helper thread of the SIMD kernels: instantiates the module on the trainer's shared wasm memory,
 * says ready, then, each time the generation moves, takes the call posted to it (unless the caller
 * has taken it back) and runs it chunk by chunk from the shared counter. Atomics.wait
 * blocks this worker between rounds; it takes no further messages.
 */
import { takeChunks } from '../model/kernels/simdParallel';
import { COUNTER, DONE, GENERATION, POSTED, readCall, RUNNING, SLOT_OFFSET, SLOT_SIZE, STATES, writeResult, type SimdThreadStart } from './simdThreadProtocol';

self.onmessage = (event: MessageEvent<SimdThreadStart>) => {
  const { index, bytes, memory, control } = event.data;
  const module = new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>), { env: { memory } }).exports as Record<
    string,
    (...args: number[]) => number | void
  >;
  const words = new Int32Array(control, 0, STATES + index + 1);
  const counter = words.subarray(COUNTER, COUNTER + 1);
  const slot = new Float64Array(control, SLOT_OFFSET + 8 * SLOT_SIZE * index, SLOT_SIZE);
  self.postMessage('ready');
  let seen = Atomics.load(words, GENERATION);
  for (;;) {
    Atomics.wait(words, GENERATION, seen);
    seen = Atomics.load(words, GENERATION);
    if (Atomics.compareExchange(words, STATES + index, POSTED, RUNNING) !== POSTED) continue;
    const call = readCall(slot);
    if (call) {
      const fn = module[call.fn];
      writeResult(slot, takeChunks(fn, call.args, call.chunks, counter));
    }
    Atomics.store(words, STATES + index, DONE);
    Atomics.notify(words, STATES + index);
  }
};
