/**
 * Streaming .zip and .gz decompression with fflate, as ByteSinks. Both decoders are synchronous: a
 * compressed chunk goes in, its decompressed bytes come out through the entry sinks before `write`
 * returns. Truncation is detected at `end` (an entry never finished, a gzip trailer that disagrees).
 *
 * Hostile archives are bounded: compressed bytes go to fflate in slices of at most SLICE bytes (fflate
 * hands out everything one push inflates as one buffer, and deflate expands up to 1032:1), the output
 * is checked against an expansion-ratio and a size guard after every slice, and every member's CRC-32
 * is compared with the one the archive states (fflate's streaming decoders do not check it).
 */
import { Gunzip, Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import CRC32 from 'crc-32';
import { LoadError } from './errors';
import type { ByteSink } from './sinks';

/** Largest compressed slice handed to fflate at once: at most ~16.5 MB of output per push (deflate tops out at 1032:1). */
const SLICE = 16 * 1024;

/** The expansion guard: limits on what one gzip stream or zip entry may decompress to. */
export const EXPANSION_LIMITS = {
  /** Output / input ratio above which decompression stops (real data: ogbl-ddi 3.5:1, DrugBank XML ~10:1). */
  ratio: 100,
  /** Output below this size is never stopped by the ratio (a small, very repetitive file is fine). */
  ratioFrom: 16 * 1024 * 1024,
  /** Output above this size is refused whatever the ratio (DrugBank's full XML is ~1.9 GB). */
  maxBytes: 4 * 1024 ** 3,
};

/** Throws when `bytesOut` decompressed from `bytesIn` passes the ratio or size guard. */
function checkExpansion(label: string, member: string, bytesIn: number, bytesOut: number): void {
  const { ratio, ratioFrom, maxBytes } = EXPANSION_LIMITS;
  const what = member ? `"${member}"` : 'the gzip stream';
  if (bytesOut > maxBytes) {
    throw new LoadError('too-large', label, `${what} decompresses to more than ${fmtBytes(maxBytes)}; stopped there to keep the page alive.`);
  }
  if (bytesOut > ratioFrom && bytesOut > ratio * bytesIn) {
    throw new LoadError(
      'too-large',
      label,
      `${what} expands ${Math.round(bytesOut / Math.max(1, bytesIn)).toLocaleString('en-US')}:1 ` +
        `(${fmtBytes(bytesOut)} from ${fmtBytes(bytesIn)} so far), past the limit of ${ratio}:1 — a decompression bomb? Stopped.`,
    );
  }
}

function fmtBytes(n: number): string {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** Entries we read from a zip: data files, optionally gzipped inside the archive. */
const DATA_ENTRY = /\.(xml|csv|tsv|txt|tab|json)(\.gz)?$/i;

export function isDataEntry(name: string): boolean {
  if (name.endsWith('/') || name.startsWith('__MACOSX/')) return false;
  const base = name.slice(name.lastIndexOf('/') + 1);
  return !base.startsWith('.') && DATA_ENTRY.test(base);
}

/** Opens the sink for one archive entry; `label` is "archive.zip/entry.csv". */
export type EntryOpener = (label: string, entryName: string) => ByteSink;

export class ZipSink implements ByteSink {
  private readonly unzip = new Unzip();
  private readonly seen: string[] = [];
  private current: { name: string; done: boolean; crc: number; bytesOut: number; startIn: number } | undefined;
  /** Entries read to their end, with the CRC-32 of their data, checked against the central directory. */
  private readonly finished: { name: string; crc: number; size: number }[] = [];
  /** An error thrown by an entry's sink (parse error, StopReading …), passed through unchanged. */
  private downstream: unknown;
  private picked = 0;
  private bytes = 0;
  /** Archive bytes pushed before the slice being decompressed (an entry starting in it began after them). */
  private bytesBefore = 0;
  private empty = false;
  /** The archive's last bytes (the central directory lives there), as chunks. */
  private readonly tail = new Tail(1 << 20);

  constructor(
    private readonly label: string,
    private readonly open: EntryOpener,
  ) {
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (f) => this.onFile(f);
  }

  write(chunk: Uint8Array): void {
    // An archive with no entries is just the end-of-central-directory record, "PK\x05\x06".
    if (this.bytes === 0) this.empty = chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x05 && chunk[3] === 0x06;
    this.tail.push(chunk);
    for (let o = 0; o < chunk.length; o += SLICE) {
      const slice = chunk.subarray(o, o + SLICE);
      this.bytesBefore = this.bytes;
      this.bytes += slice.length;
      this.push(slice, false);
    }
  }

  end(): void {
    this.push(new Uint8Array(0), true);
    if (this.current && !this.current.done) {
      throw new LoadError('truncated', this.label, `the zip archive ends inside "${this.current.name}" — truncated download?`);
    }
    if (this.seen.length === 0) {
      throw new LoadError(
        this.empty ? 'no-data-in-archive' : 'truncated',
        this.label,
        this.empty ? 'the zip archive is empty.' : 'no complete entry found: the zip archive is truncated or damaged.',
      );
    }
    if (this.picked === 0) {
      const list = this.seen.slice(0, 8).join(', ') + (this.seen.length > 8 ? ', …' : '');
      throw new LoadError(
        'no-data-in-archive',
        this.label,
        `the zip archive holds no XML or table (.xml, .csv, .tsv, .txt, .tab, .json); it contains: ${list}.`,
      );
    }
    this.checkCrcs();
  }

  /** Compares each entry read with the CRC-32 and size in the central directory (when the tail holds it). */
  private checkCrcs(): void {
    const dir = centralDirectory(this.tail.bytes());
    if (!dir) return;
    for (const e of this.finished) {
      const listed = dir.get(e.name)?.shift();
      if (!listed) continue;
      if (listed.crc !== e.crc || (listed.size !== 0xffffffff && listed.size !== e.size % 2 ** 32)) {
        throw new LoadError(
          'checksum',
          this.label,
          `"${e.name}" is damaged: its data has CRC-32 ${hex(e.crc)} (${e.size.toLocaleString('en-US')} bytes), ` +
            `the archive lists ${hex(listed.crc)} (${listed.size.toLocaleString('en-US')} bytes).`,
        );
      }
    }
  }

  private push(chunk: Uint8Array, final: boolean): void {
    try {
      this.unzip.push(chunk, final);
    } catch (e) {
      if (e === this.downstream || e instanceof LoadError) throw e;
      const where = this.current && !this.current.done ? ` inside "${this.current.name}"` : '';
      throw new LoadError('truncated', this.label, `the zip archive is damaged or truncated${where} (${errText(e)}).`);
    }
  }

  private onFile(f: UnzipFile): void {
    this.seen.push(f.name);
    if (f.name === '[Content_Types].xml') {
      throw new LoadError('binary', this.label, 'this is an Office document (.xlsx/.docx), not data; save the sheet as CSV.');
    }
    if (!isDataEntry(f.name)) return; // Not started: fflate skips its bytes.
    this.picked++;
    const entry = { name: f.name, done: false, crc: 0, bytesOut: 0, startIn: this.bytesBefore };
    this.current = entry;
    let sink = this.open(`${this.label}/${f.name}`, f.name);
    if (/\.gz$/i.test(f.name)) sink = new GzipSink(`${this.label}/${f.name}`, sink);
    f.ondata = (err, data, final) => {
      // fflate hands exceptions thrown by this very callback back in `err`: pass ours through unchanged.
      if (err) {
        if (err === this.downstream || err instanceof LoadError) throw err;
        throw new LoadError('truncated', this.label, `cannot decompress "${f.name}": ${errText(err)}.`);
      }
      try {
        if (data.length > 0) {
          entry.bytesOut += data.length;
          entry.crc = CRC32.buf(data, entry.crc);
          // Archive bytes pushed since the entry began: its compressed bytes so far (and a little more).
          checkExpansion(this.label, f.name, this.bytes - entry.startIn, entry.bytesOut);
          sink.write(data);
        }
        if (final) {
          entry.done = true;
          this.finished.push({ name: f.name, crc: entry.crc >>> 0, size: entry.bytesOut });
          sink.end();
        }
      } catch (e) {
        this.downstream = e;
        throw e;
      }
    };
    f.start();
  }
}

/**
 * CRC-32 and uncompressed size of each entry, by name, from the central directory at the end of a zip
 * archive (`tail`: its last bytes). Undefined when the directory is not (wholly) in the tail.
 */
export function centralDirectory(tail: Uint8Array): Map<string, { crc: number; size: number }[]> | undefined {
  const v = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 0xffff; i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  let size = v.getUint32(eocd + 12, true);
  let end = eocd;
  if (size === 0xffffffff && eocd >= 20 + 56 && v.getUint32(eocd - 20, true) === 0x07064b50) {
    // Zip64: the zip64 end record sits right before its locator (no extensible data in practice).
    const z = eocd - 20 - 56;
    if (v.getUint32(z, true) !== 0x06064b50) return undefined;
    size = Number(v.getBigUint64(z + 40, true));
    end = z;
  }
  let p = end - size;
  if (p < 0) return undefined;
  const out = new Map<string, { crc: number; size: number }[]>();
  const utf8 = new TextDecoder();
  while (p + 46 <= end && v.getUint32(p, true) === 0x02014b50) {
    const flags = v.getUint16(p + 8, true);
    const crc = v.getUint32(p + 16, true);
    const usize = v.getUint32(p + 24, true);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const raw = tail.subarray(p + 46, p + 46 + nameLen);
    // As fflate decodes names: UTF-8 when flag bit 11 says so, else one byte per character.
    const name = flags & 0x800 ? utf8.decode(raw) : String.fromCharCode(...raw);
    const list = out.get(name) ?? [];
    list.push({ crc, size: usize });
    out.set(name, list);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Keeps the last `keep` bytes of a stream (as the chunks that hold them). */
class Tail {
  private chunks: Uint8Array[] = [];
  private total = 0;

  constructor(private readonly keep: number) {}

  push(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.total += chunk.length;
    while (this.chunks.length > 1 && this.total - this.chunks[0].length >= this.keep) this.total -= this.chunks.shift()!.length;
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0];
    const out = new Uint8Array(this.total);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

export class GzipSink implements ByteSink {
  private readonly gunzip: Gunzip;
  private bytesIn = 0;
  private bytesOut = 0;
  /** 1-based number of the member being decompressed (a gzip file may hold several, concatenated). */
  private member = 1;
  private downstream: unknown;
  /** CRC-32 and size of the current member's output, checked against its trailer. */
  private crc = 0;
  private memberOut = 0;
  /** The last input bytes (at least two slices), to read a finished member's 8-byte trailer. */
  private readonly recent = new Tail(2 * SLICE + 8);

  constructor(
    private readonly label: string,
    private readonly out: ByteSink,
  ) {
    this.gunzip = new Gunzip((data) => {
      this.bytesOut += data.length;
      this.memberOut += data.length;
      try {
        if (data.length > 0) {
          this.crc = CRC32.buf(data, this.crc);
          checkExpansion(this.label, '', this.bytesIn, this.bytesOut);
          this.out.write(data);
        }
      } catch (e) {
        this.downstream = e;
        throw e;
      }
    });
    // fflate calls this when a second, third … member starts at input offset `at`: the one before ends with its trailer.
    this.gunzip.onmember = (at) => {
      this.checkTrailer(this.trailerAt(at), false);
      this.member++;
    };
  }

  write(chunk: Uint8Array): void {
    for (let o = 0; o < chunk.length; o += SLICE) {
      const slice = chunk.subarray(o, o + SLICE);
      this.bytesIn += slice.length;
      this.recent.push(slice);
      this.push(slice, false);
    }
  }

  end(): void {
    this.push(new Uint8Array(0), true);
    if (this.bytesIn < 18) throw this.truncated();
    this.checkTrailer(this.trailerAt(this.bytesIn), true);
    this.out.end();
  }

  private truncated(): LoadError {
    return new LoadError('truncated', this.label, 'the gzip stream is truncated (it ends before its trailer) — incomplete download?');
  }

  /** The 8 input bytes before absolute offset `at` (undefined if no longer held). */
  private trailerAt(at: number): Uint8Array | undefined {
    const b = this.recent.bytes();
    const start = at - 8 - (this.bytesIn - b.length);
    return start >= 0 && start + 8 <= b.length ? b.subarray(start, start + 8) : undefined;
  }

  /** Checks a finished member's CRC-32 and size (mod 2^32) against its trailer, and starts counting afresh. */
  private checkTrailer(t: Uint8Array | undefined, last: boolean): void {
    const crc = this.crc >>> 0;
    const size = this.memberOut % 2 ** 32;
    this.crc = 0;
    this.memberOut = 0;
    if (!t) return;
    const isize = (t[4] | (t[5] << 8) | (t[6] << 16) | (t[7] << 24)) >>> 0;
    const stated = (t[0] | (t[1] << 8) | (t[2] << 16) | (t[3] << 24)) >>> 0;
    // A cut file ends with bytes of compressed data where the trailer should be: its size is wrong.
    const which = this.member > 1 || !last ? `member ${this.member} of the gzip stream` : 'the gzip stream';
    if (isize !== size) {
      if (last) throw this.truncated();
      throw new LoadError('checksum', this.label, `${which} is damaged: its trailer states ${isize} bytes, it holds ${size}.`);
    }
    if (stated !== crc) {
      throw new LoadError('checksum', this.label, `${which} is damaged: its data has CRC-32 ${hex(crc)}, the trailer states ${hex(stated)}.`);
    }
  }

  private push(chunk: Uint8Array, final: boolean): void {
    try {
      this.gunzip.push(chunk, final);
    } catch (e) {
      if (e === this.downstream || e instanceof LoadError) throw e;
      throw new LoadError('truncated', this.label, `the gzip stream is damaged or truncated (${errText(e)}).`);
    }
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
