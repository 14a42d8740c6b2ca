/**
 * The push interfaces the loading pipeline is built from:
 * bytes → (unzip | gunzip) → ByteSink per entry → text decoding → TextSink (format router → parser).
 * Everything below the byte reader is synchronous, so one chunk is fully processed before the next is
 * read; that bounds memory and lets the reader check for cancellation between chunks.
 */
export interface ByteSink {
  write(chunk: Uint8Array): void;
  end(): void;
}

export interface TextSink {
  write(text: string): void;
  end(): void;
}

/**
 * V8 keeps substrings as views into their parent string, so a 20-character name cut from a 1 MiB chunk
 * would keep the whole chunk alive. Values that outlive the chunk (names, SMILES, notes) are copied.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
