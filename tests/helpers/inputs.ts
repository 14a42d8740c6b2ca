/** In-memory InputFiles for tests, optionally cut into small chunks to exercise chunk boundaries. */
import type { InputFile } from '../../src/data/input';

export function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

export function memoryFile(name: string, data: string | Uint8Array, chunkSize = 1 << 16): InputFile {
  const bytes = bytesOf(data);
  return {
    name,
    size: bytes.length,
    stream() {
      let o = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (o >= bytes.length) {
            controller.close();
            return;
          }
          controller.enqueue(bytes.slice(o, o + chunkSize));
          o += chunkSize;
        },
      });
    },
  };
}

/** An endless stream of a repeated text, for cancellation tests. */
export function endlessFile(name: string, first: string, repeat: string): InputFile {
  const head = new TextEncoder().encode(first);
  const body = new TextEncoder().encode(repeat.repeat(Math.max(1, Math.floor((1 << 16) / repeat.length))));
  return {
    name,
    size: 0,
    stream() {
      let started = false;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(started ? body : head);
          started = true;
        },
      });
    },
  };
}
