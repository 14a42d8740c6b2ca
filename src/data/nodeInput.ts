/**
 * Node-only: an InputFile backed by a file on disk (CLI, tests, benchmark). Never imported by the
 * browser bundle.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { InputFile } from './input';

/**
 * 512 KiB per read: few, large chunks for the parser, yet below Node's 1 MiB threshold above which
 * decoded strings become "external" and sit outside V8's heap accounting (RSS then balloons).
 */
const CHUNK = 1 << 19;
/** Chunks read ahead, so the parser does not wait for the disk. */
const READ_AHEAD = 4;

export async function fileFromPath(path: string, name = basename(path)): Promise<InputFile> {
  const { size } = await stat(path);
  return {
    name,
    size,
    stream() {
      let handle: Awaited<ReturnType<typeof open>> | undefined;
      const source: UnderlyingDefaultSource<Uint8Array> = {
        async pull(controller) {
          handle ??= await open(path, 'r');
          // A fresh buffer per chunk: consumers may keep a chunk (zip/gzip decoders do).
          const buf = new Uint8Array(CHUNK);
          const { bytesRead } = await handle.read(buf, 0, CHUNK, null);
          if (bytesRead === 0) {
            await handle.close();
            handle = undefined;
            controller.close();
          } else {
            controller.enqueue(bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead));
          }
        },
        async cancel() {
          await handle?.close();
          handle = undefined;
        },
      };
      return new ReadableStream<Uint8Array>(source, { highWaterMark: READ_AHEAD });
    },
  };
}
