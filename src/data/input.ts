/**
 * What every loader reads: a named byte stream. A browser `File` satisfies it as is; Node code uses
 * `fileFromPath` (nodeInput.ts) and the parse worker uses `openUrl` (urlInput.ts) for `?data=<url>`.
 */
export interface InputFile {
  name: string;
  /** Size in bytes, or 0 when unknown (e.g. a URL without Content-Length). Only used for progress. */
  size: number;
  /** Opens the bytes. Loaders call it once per load. */
  stream(): ReadableStream<Uint8Array>;
}

/** An in-memory input, handy for tests and for text pasted into the page. */
export function inputFromBytes(name: string, data: Uint8Array | string): InputFile {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return {
    name,
    size: bytes.length,
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          if (bytes.length > 0) controller.enqueue(bytes);
          controller.close();
        },
      }),
  };
}
