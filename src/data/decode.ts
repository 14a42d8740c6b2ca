/**
 * Bytes → text for one file (or archive entry): refuses empty and binary input, honours BOMs and an XML
 * declaration's encoding, and decodes UTF-8 strictly until the first invalid byte. Then it falls back
 * with a warning: to windows-1252 if everything so far was ASCII (the file is most likely in a legacy
 * 8-bit encoding), otherwise to UTF-8 with U+FFFD replacement (a few stray bytes in a UTF-8 file).
 */
import { LoadError } from './errors';
import { binaryOffset, guessUnicode, knownBinary } from './sniff';
import type { ByteSink, TextSink } from './sinks';
import { Utf8Chunks } from './utf8Chunks';

/** Decodes chunk by chunk; UTF-8 uses Utf8Chunks (fast in Node), others TextDecoder's stream mode. */
interface ChunkDecoder {
  /** One or more strings, in order (Utf8Chunks keeps ASCII runs apart; see there). */
  decode(chunk: Uint8Array): string[];
  flush(): string;
}

function streamDecoder(label: string): ChunkDecoder {
  const d = new TextDecoder(label);
  return { decode: (c) => [d.decode(c, { stream: true })], flush: () => d.decode() };
}

/** Single-byte encodings have no characters split across chunks, so no stream mode is needed. */
function singleByteDecoder(label: string): ChunkDecoder {
  const d = new TextDecoder(label);
  return { decode: (c) => [d.decode(c)], flush: () => '' };
}

/** Bytes to collect before deciding on binary / encoding. */
const HEAD_BYTES = 4096;
/**
 * Most bytes decoded into one string (Node's file chunks are this size). A gigabyte-sized string would
 * crash V8 (the fallback decode of one huge chunk did); under 1 MiB strings also stay on V8's heap.
 */
export const DECODE_SLICE = 1 << 19;

export class TextDecodingSink implements ByteSink {
  private decoder: ChunkDecoder | undefined;
  private strict = true;
  private sawNonAscii = false;
  private bytes = 0;
  private head: Uint8Array[] = [];
  private headBytes = 0;

  constructor(
    private readonly label: string,
    private readonly out: TextSink,
    private readonly warn: (message: string) => void,
    /** Wording for empty input: "is empty" or "is empty after decompression". */
    private readonly emptyWhat = 'is empty (0 bytes)',
  ) {}

  write(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.decoder === undefined) {
      this.head.push(chunk);
      this.headBytes += chunk.length;
      if (this.headBytes >= HEAD_BYTES) this.start();
      return;
    }
    this.emit(chunk);
  }

  end(): void {
    if (this.decoder === undefined) {
      if (this.headBytes === 0) throw new LoadError('empty', this.label, `the file ${this.emptyWhat}.`);
      this.start();
    }
    let rest: string;
    try {
      rest = this.decoder!.flush();
    } catch {
      // The input ends inside a UTF-8 character.
      rest = this.fallBack((this.decoder as Utf8Chunks).pending ?? new Uint8Array(0), true);
    }
    if (rest) this.out.write(rest);
    this.out.end();
  }

  private start(): void {
    const head = concat(this.head, this.headBytes);
    this.head = [];
    const known = knownBinary(head);
    if (known) throw new LoadError(known.kind, this.label, `this is ${known.what}.`);
    const unicode = guessUnicode(head);
    if (unicode !== 'utf-8') {
      // UTF-16 has NUL bytes by design; decode without the binary check.
      this.decoder = streamDecoder(unicode);
      this.strict = false;
      this.sawNonAscii = true;
    } else {
      const bad = binaryOffset(head);
      if (bad >= 0) {
        throw new LoadError(
          'binary',
          this.label,
          `this looks like binary data, not text (control byte 0x${head[bad].toString(16).padStart(2, '0')} at byte ${bad}). ` +
            'Expected DrugBank XML, a CSV/TSV table or drug-graph JSON, optionally as .zip or .gz.',
        );
      }
      const declared = xmlDeclaredEncoding(head);
      if (declared) {
        this.decoder = declared;
        this.strict = false;
      } else {
        this.decoder = new Utf8Chunks(true);
      }
    }
    // A UTF-8 BOM is not text (Utf8Chunks keeps BOMs, so a chunk starting with U+FEFF is not mangled).
    const bom = unicode === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    this.emit(bom ? head.subarray(3) : head);
  }

  /** Decodes in slices: a decompressed chunk can be tens of MB, and one string per slice keeps strings small. */
  private emit(chunk: Uint8Array): void {
    for (let o = 0; o < chunk.length; o += DECODE_SLICE) this.emitSlice(chunk.subarray(o, o + DECODE_SLICE));
  }

  private emitSlice(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    let texts: string[];
    if (this.strict) {
      const held = (this.decoder as Utf8Chunks).pending;
      try {
        texts = this.decoder!.decode(chunk);
        // Any multi-byte sequence makes the text shorter than the bytes.
        if (!this.sawNonAscii) {
          let chars = 0;
          for (const t of texts) chars += t.length;
          if (chars !== chunk.length + (held?.length ?? 0)) this.sawNonAscii = true;
        }
      } catch {
        texts = [this.fallBack(held ? concat([held, chunk], held.length + chunk.length) : chunk, false)];
      }
    } else {
      texts = this.decoder!.decode(chunk);
    }
    for (const t of texts) if (t) this.out.write(t);
  }

  /** The strict decoder rejected this chunk: pick a lenient one, warn once, decode the chunk again. */
  private fallBack(chunk: Uint8Array, last: boolean): string {
    const { bad, multibyteBefore } = scanUtf8(chunk);
    // Valid multi-byte UTF-8 before the first bad byte means a UTF-8 file with a few stray bytes.
    const legacy = !this.sawNonAscii && !multibyteBefore;
    this.decoder = legacy ? singleByteDecoder('windows-1252') : new Utf8Chunks(false);
    this.strict = false;
    const at = bad >= 0 ? `at byte ${this.bytes - chunk.length + bad}` : `within bytes ${this.bytes - chunk.length}–${this.bytes}`;
    this.warn(
      legacy
        ? `${this.label} is not valid UTF-8 (first bad byte ${at}); it was read as windows-1252.`
        : `${this.label} contains bytes that are not valid UTF-8 (first ${at}); they were replaced by "\uFFFD".`,
    );
    const text = this.decoder.decode(chunk).join('');
    return last ? text + this.decoder.flush() : text;
  }
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence (-1 if none is provably invalid), and
 * whether a valid multi-byte sequence came before it. Only run once, after strict decoding failed.
 */
export function scanUtf8(b: Uint8Array): { bad: number; multibyteBefore: boolean } {
  let i = 0;
  let multibyteBefore = false;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return { bad: i, multibyteBefore };
    const have = Math.min(len, n - i);
    for (let k = 1; k < have; k++) if ((b[i + k] & 0xc0) !== 0x80) return { bad: i, multibyteBefore };
    if (have < len) return { bad: -1, multibyteBefore }; // Cut at the chunk end: not provably invalid here.
    multibyteBefore = true;
    i += len;
  }
  return { bad: -1, multibyteBefore };
}

/** A decoder for the encoding an XML declaration names, when it is not UTF-8 and the platform knows it. */
function xmlDeclaredEncoding(head: Uint8Array): ChunkDecoder | undefined {
  if (!(head[0] === 0x3c && head[1] === 0x3f)) return undefined; // "<?"
  const decl = String.fromCharCode(...head.subarray(0, Math.min(200, head.length)));
  const m = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(decl);
  if (!m || /^utf-?8$/i.test(m[1])) return undefined;
  try {
    return streamDecoder(m[1]);
  } catch {
    return undefined; // Unknown label: strict UTF-8 with fallback will do.
  }
}

/** Joins byte chunks (no copy for a single chunk). */
export function concat(parts: Uint8Array[], total: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
