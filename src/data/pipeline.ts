/**
 * Reads one InputFile through the byte pipeline: container detection by magic bytes (zip, gzip, plain),
 * streaming decompression, text decoding, then a TextSink per data entry. Checks for cancellation
 * between chunks and yields to the event loop now and then, so a worker can receive `cancel()` while a
 * long file is being read.
 */
import { LoadError, cancelled } from './errors';
import { GzipSink, ZipSink } from './decompress';
import { concat, TextDecodingSink } from './decode';
import { detectContainer } from './sniff';
import type { InputFile } from './input';
import type { ByteSink, TextSink } from './sinks';
import { nextTask } from './nextTask';

export interface ReadOptions {
  signal?: AbortSignal;
  /** Called after each chunk with the bytes read so far (compressed bytes for .zip/.gz). */
  onBytes?: (bytesRead: number) => void;
  warn: (message: string) => void;
}

/** Bytes needed to recognise a container. */
const MAGIC_BYTES = 8;
/** Longest stretch of work between two turns of the event loop. */
const YIELD_MS = 50;

/** Thrown by a sink that has seen enough (detectColumns); readInput then returns normally. */
export class StopReading extends Error {}

export async function readInput(file: InputFile, openText: (label: string) => TextSink, opts: ReadOptions): Promise<void> {
  const label = file.name;
  const { signal } = opts;
  if (signal?.aborted) throw cancelled(label);
  let reader: ReadableStreamDefaultReader<Uint8Array>;
  try {
    reader = file.stream().getReader();
  } catch (e) {
    throw new LoadError('io', label, `cannot open the file: ${errText(e)}.`);
  }
  const textSink = (entryLabel: string, emptyWhat?: string): ByteSink => new TextDecodingSink(entryLabel, openText(entryLabel), opts.warn, emptyWhat);
  let sink: ByteSink | undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let bytes = 0;
  let lastYield = performance.now();
  // A stalled source (a slow server) must not delay cancellation: cancelling the reader ends the wait.
  const onAbort = (): void => void reader.cancel().catch(() => {});
  signal?.addEventListener('abort', onAbort, { once: true });

  const start = (head: Uint8Array): ByteSink => {
    const container = detectContainer(head);
    const ext = /\.(zip|gz|gzip)$/i.exec(label)?.[1]?.toLowerCase();
    if (ext && container === 'plain') {
      opts.warn(`${label} is named .${ext} but is not ${ext === 'zip' ? 'a zip archive' : 'gzip-compressed'}; it was read as plain text.`);
    }
    if (container === 'zip') return new ZipSink(label, (entryLabel) => textSink(entryLabel));
    if (container === 'gzip') return new GzipSink(label, textSink(label, 'is empty after decompression'));
    return textSink(label);
  };

  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        if (signal?.aborted) throw cancelled(label);
        throw new LoadError('io', label, `reading failed: ${errText(e)}.`);
      }
      if (signal?.aborted) throw cancelled(label);
      if (chunk.done) break;
      const value = chunk.value;
      bytes += value.length;
      if (sink === undefined) {
        pending.push(value);
        pendingBytes += value.length;
        if (pendingBytes < MAGIC_BYTES) continue;
        sink = start(concat(pending, pendingBytes));
        const first = pending;
        pending = [];
        for (const p of first) sink.write(p);
      } else {
        sink.write(value);
      }
      opts.onBytes?.(bytes);
      if (performance.now() - lastYield > YIELD_MS) {
        await nextTask();
        lastYield = performance.now();
        if (signal?.aborted) throw cancelled(label);
      }
    }
    if (sink === undefined) {
      if (pendingBytes === 0) throw new LoadError('empty', label, 'the file is empty (0 bytes).');
      sink = start(concat(pending, pendingBytes));
      for (const p of pending) sink.write(p);
    }
    sink.end();
    opts.onBytes?.(bytes);
  } catch (e) {
    reader.cancel().catch(() => {});
    if (e instanceof StopReading) return;
    if (signal?.aborted) throw cancelled(label);
    if (e instanceof LoadError) throw e;
    const err = new LoadError('io', label, `reading failed: ${errText(e)}.`);
    (err as { cause?: unknown }).cause = e;
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
