/** Starts the trainer worker and wraps it with Comlink; the page only ever sees TrainerApi. */
import * as Comlink from 'comlink';
import type { TrainerApi } from '../workers/protocol';

export interface TrainerClient {
  api: Comlink.Remote<TrainerApi>;
  terminate(): void;
}

export function startTrainerWorker(): TrainerClient {
  // For the start-up benchmark: worker created → backend ready (controller.initBackend) is its start.
  performance.mark('playground:trainer-created');
  const worker = new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), { type: 'module' });
  return { api: Comlink.wrap<TrainerApi>(worker), terminate: () => worker.terminate() };
}
