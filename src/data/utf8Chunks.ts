/**
 * UTF-8 decoding chunk by chunk, tuned for big, mostly-ASCII files such as DrugBank XML.
 *
 * - No `stream` option: Node only takes its fast UTF-8 path for non-streaming calls (`{ stream: true }`
 *   goes through ICU), so each chunk is cut after its last complete character and the 1–3 bytes of a
 *   character split across chunks are carried over by hand.
 * - ASCII runs are decoded apart from the few non-ASCII characters between them. JavaScript engines
 *   store a string with even one non-Latin-1 character at two bytes per character; one "é" in a 512 KiB
 *   chunk would double the chunk's memory and halve decoding speed. Text with many non-ASCII characters
 *   (e.g. CJK names) is decoded whole.
 */
export class Utf8Chunks {
  private readonly decoder: TextDecoder;
  private carry: Uint8Array | null = null;

  constructor(fatal: boolean) {
    // BOM handling is the caller's: with ignoreBOM false every chunk would lose a leading U+FEFF.
    this.decoder = new TextDecoder('utf-8', { fatal, ignoreBOM: true });
  }

  /** Decodes a chunk into one or more strings (in order); throws TypeError on invalid bytes when fatal. */
  decode(chunk: Uint8Array): string[] {
    let start = 0;
    const out: string[] = [];
    const carry = this.carry;
    if (carry !== null) {
      const need = sequenceLength(carry[0]) - carry.length;
      const take = Math.min(need, chunk.length);
      const piece = new Uint8Array(carry.length + take);
      piece.set(carry);
      piece.set(chunk.subarray(0, take), carry.length);
      if (take < need) {
        this.carry = piece;
        return out;
      }
      this.carry = null;
      out.push(this.decoder.decode(piece));
      start = take;
    }
    const end = completeEnd(chunk, start);
    if (end < chunk.length) this.carry = chunk.slice(end);
    this.decodeRuns(chunk.subarray(start, end), out);
    return out;
  }

  /** Decodes what is left at the end of the input (an incomplete character is invalid). */
  flush(): string {
    const carry = this.carry;
    this.carry = null;
    return carry ? this.decoder.decode(carry) : '';
  }

  /** Bytes held back from the last chunk. */
  get pending(): Uint8Array | null {
    return this.carry;
  }

  private decodeRuns(b: Uint8Array, out: string[]): void {
    const d = this.decoder;
    // One scan collects the non-ASCII runs as [start, end) pairs; too many means decode whole.
    const runs: number[] = [];
    let i = nextNonAscii(b, 0);
    while (i >= 0) {
      if (runs.length >= 2 * MAX_RUNS) {
        out.push(d.decode(b));
        return;
      }
      let j = i + 1;
      while (j < b.length && b[j] >= 0x80) j++;
      runs.push(i, j);
      i = nextNonAscii(b, j);
    }
    let from = 0;
    for (let r = 0; r < runs.length; r += 2) {
      if (runs[r] > from) out.push(d.decode(b.subarray(from, runs[r])));
      out.push(d.decode(b.subarray(runs[r], runs[r + 1])));
      from = runs[r + 1];
    }
    if (from < b.length) out.push(d.decode(from === 0 ? b : b.subarray(from)));
  }
}

/** Above this many separate non-ASCII runs per chunk, decode the chunk as one string. */
const MAX_RUNS = 256;

/** Index of the first byte >= 0x80 at or after `from`, or -1; reads four bytes at a time. */
function nextNonAscii(b: Uint8Array, from: number): number {
  const n = b.length;
  let i = from;
  // Byte by byte up to a 4-byte-aligned address, then words, then the tail.
  while (i < n && (b.byteOffset + i) % 4 !== 0) {
    if (b[i] >= 0x80) return i;
    i++;
  }
  const words = (n - i) >> 2;
  if (words > 0) {
    const w = new Uint32Array(b.buffer, b.byteOffset + i, words);
    for (let k = 0; k < words; k++) {
      if ((w[k] & 0x80808080) !== 0) {
        const at = i + k * 4;
        for (let x = at; x < at + 4; x++) if (b[x] >= 0x80) return x;
      }
    }
    i += words * 4;
  }
  for (; i < n; i++) if (b[i] >= 0x80) return i;
  return -1;
}

/** Length of the sequence a lead byte starts; 1 for ASCII and for bytes that cannot start one. */
function sequenceLength(b: number): number {
  if (b >= 0xf0 && b <= 0xf7) return 4;
  if (b >= 0xe0) return b <= 0xef ? 3 : 1;
  if (b >= 0xc0) return 2;
  return 1;
}

/** Index after the last complete character of `b[start:]` (looking back at most 3 bytes). */
function completeEnd(b: Uint8Array, start: number): number {
  const n = b.length;
  for (let p = n - 1; p >= start && p >= n - 4; p--) {
    const c = b[p];
    if (c < 0x80) return n; // ASCII: everything before is complete (or invalid, for the decoder to judge).
    if (c >= 0xc0) return p + sequenceLength(c) > n ? p : n; // Lead byte: is its sequence cut?
  }
  return n;
}
