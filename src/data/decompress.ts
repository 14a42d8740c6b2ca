/**
 * Streaming .zip and .gz decompression with fflate, as ByteSinks. Both decoders are synchronous: a
 * compressed chunk goes in, its decompressed bytes come out through the entry sinks before `write`
 * returns. Truncation is detected at `end` (an entry never finished, a gzip trailer that disagrees).
 */
import { Gunzip, Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { LoadError } from './errors';
import type { ByteSink } from './sinks';

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
  private current: { name: string; done: boolean } | undefined;
  /** An error thrown by an entry's sink (parse error, StopReading …), passed through unchanged. */
  private downstream: unknown;
  private picked = 0;
  private bytes = 0;
  private empty = false;

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
    this.bytes += chunk.length;
    this.push(chunk, false);
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
    const entry = { name: f.name, done: false };
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
        if (data.length > 0) sink.write(data);
        if (final) {
          entry.done = true;
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

export class GzipSink implements ByteSink {
  private readonly gunzip: Gunzip;
  private bytesIn = 0;
  private bytesOut = 0;
  private members = 0;
  private downstream: unknown;
  /** Last 8 input bytes: the gzip trailer (CRC32, size mod 2^32). */
  private readonly tail = new Uint8Array(8);
  private tailLen = 0;

  constructor(
    private readonly label: string,
    private readonly out: ByteSink,
  ) {
    this.gunzip = new Gunzip((data) => {
      this.bytesOut += data.length;
      try {
        if (data.length > 0) this.out.write(data);
      } catch (e) {
        this.downstream = e;
        throw e;
      }
    });
    this.gunzip.onmember = () => {
      this.members++;
    };
  }

  write(chunk: Uint8Array): void {
    this.bytesIn += chunk.length;
    this.keepTail(chunk);
    this.push(chunk, false);
  }

  end(): void {
    this.push(new Uint8Array(0), true);
    const truncated = (): LoadError =>
      new LoadError('truncated', this.label, 'the gzip stream is truncated (it ends before its trailer) — incomplete download?');
    if (this.bytesIn < 18) throw truncated();
    // With one member the trailer must state the output size; a cut file fails this check.
    if (this.members <= 1) {
      const t = this.tail;
      const isize = (t[4] | (t[5] << 8) | (t[6] << 16) | (t[7] << 24)) >>> 0;
      if (isize !== this.bytesOut % 2 ** 32) throw truncated();
    }
    this.out.end();
  }

  private push(chunk: Uint8Array, final: boolean): void {
    try {
      this.gunzip.push(chunk, final);
    } catch (e) {
      if (e === this.downstream || e instanceof LoadError) throw e;
      throw new LoadError('truncated', this.label, `the gzip stream is damaged or truncated (${errText(e)}).`);
    }
  }

  private keepTail(chunk: Uint8Array): void {
    const n = chunk.length;
    if (n >= 8) {
      this.tail.set(chunk.subarray(n - 8));
      this.tailLen = 8;
      return;
    }
    const keep = Math.min(this.tailLen, 8 - n);
    this.tail.copyWithin(0, this.tailLen - keep, this.tailLen);
    this.tail.set(chunk, keep);
    this.tailLen = keep + n;
  }
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
