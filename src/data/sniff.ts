/**
 * Looks at the first bytes of a file to tell containers (zip, gzip) and obvious non-text files apart
 * before any decoding. Magic bytes win over file extensions: downloads are often renamed.
 */

export type Container = 'zip' | 'gzip' | 'plain';

/** A recognised binary format we refuse, with a hint for the user. */
interface KnownBinary {
  magic: number[];
  offset?: number;
  what: string;
  kind: 'binary' | 'unsupported';
}

const KNOWN: KnownBinary[] = [
  { magic: [0x42, 0x5a, 0x68], what: 'bzip2-compressed; decompress it or re-pack it as .zip or .gz', kind: 'unsupported' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'xz-compressed; decompress it or re-pack it as .zip or .gz', kind: 'unsupported' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive; re-pack it as .zip', kind: 'unsupported' },
  { magic: [0x28, 0xb5, 0x2f, 0xfd], what: 'zstd-compressed; decompress it or re-pack it as .zip or .gz', kind: 'unsupported' },
  { magic: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive; re-pack it as .zip', kind: 'unsupported' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document, not data', kind: 'binary' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image, not data', kind: 'binary' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image, not data', kind: 'binary' },
  { magic: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image, not data', kind: 'binary' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (.xls/.doc); save the sheet as CSV', kind: 'binary' },
  { magic: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file; export it as CSV', kind: 'binary' },
  { magic: [0x89, 0x48, 0x44, 0x46], what: 'an HDF5 file; export it as CSV', kind: 'binary' },
  { magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database; export a table as CSV', kind: 'binary' },
];

export function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[offset + i] !== magic[i]) return false;
  return true;
}

export function detectContainer(head: Uint8Array): Container {
  // Local file header, or the end-of-central-directory record of an empty archive.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  return 'plain';
}

/** A known binary format, or undefined. */
export function knownBinary(head: Uint8Array): { what: string; kind: 'binary' | 'unsupported' } | undefined {
  for (const k of KNOWN) if (startsWith(head, k.magic, k.offset)) return k;
  // Python pickles (PyTorch .pt, .pkl) start with PROTO 2..5.
  if (head.length > 2 && head[0] === 0x80 && head[1] >= 2 && head[1] <= 5) {
    return { what: 'a Python pickle (.pt/.pkl); export the arrays as CSV', kind: 'binary' };
  }
  return undefined;
}

export type TextEncodingGuess = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Byte-order marks and BOM-less UTF-16 (every other byte NUL in ASCII text). */
export function guessUnicode(head: Uint8Array): TextEncodingGuess {
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  const n = Math.min(head.length, 512) & ~1;
  if (n >= 8) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (head[i] === 0) evenZero++;
      if (head[i + 1] === 0) oddZero++;
    }
    const half = n / 2;
    if (oddZero > half * 0.9 && evenZero === 0) return 'utf-16le';
    if (evenZero > half * 0.9 && oddZero === 0) return 'utf-16be';
  }
  return 'utf-8';
}

/**
 * Offset of the first byte that makes this look like binary rather than text, or -1.
 * Text may contain any byte >= 0x20 (including non-UTF-8 legacy encodings) plus tab, CR, LF and FF;
 * a NUL, or several other control bytes, means binary.
 */
export function binaryOffset(head: Uint8Array): number {
  const n = Math.min(head.length, 8192);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c) continue;
    if (b === 0x00) return i;
    if (++controls > Math.max(4, n / 100)) return i;
  }
  return -1;
}
