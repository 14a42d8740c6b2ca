/**
 * A growable byte buffer that writes numbers as ASCII digits straight into bytes: the predictions writer's
 * hot path (9.1 M rows of ogbl-ddi), where building strings and encoding them costs several times more.
 * Pure: no DOM, no tensors.
 */

/** 10^k for k = −330 … 330, exact as JavaScript parses them (index k + 330). */
const POW10 = Array.from({ length: 661 }, (_, i) => Number(`1e${i - 330}`));

const F64 = new Float64Array(1);
const HI = new Uint32Array(F64.buffer, 4, 1);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** ⌊log10 v⌋ or one less, from the binary exponent (cheaper than Math.log10; nineDigits corrects it). */
function decimalExponent(v: number): number {
  if (!LITTLE_ENDIAN) return Math.floor(Math.log10(v));
  F64[0] = v;
  return Math.floor((((HI[0] >>> 20) & 0x7ff) - 1023) * 0.3010299956639812) - 1;
}

let digitsM = 0;
let digitsE = 0;

/**
 * 9 significant digits of a finite v with 1e-300 ≤ v < 1e300, into digitsM (1e8 ≤ m < 1e9, trailing
 * zeros kept) and digitsE (the decimal exponent of the first digit); module variables, not an object,
 * on the hot path.
 */
function nineDigits(v: number): void {
  let e = decimalExponent(v);
  let m = Math.round(v * POW10[8 - e + 330]);
  // The exponent estimate may be one or two low, and rounding may carry into a tenth digit.
  while (m >= 1e9) m = Math.round(v * POW10[8 - ++e + 330]);
  if (m < 1e8) m = Math.round(v * POW10[8 - --e + 330]);
  if (m >= 1e9) {
    m = 1e8;
    e++;
  }
  digitsM = m;
  digitsE = e;
}

/**
 * A number with 9 significant digits, trailing zeros dropped: float32's full precision (any float32
 * written so reads back to the same float32; the model computes in float32), in JavaScript's notation
 * (plain from 1e-6 to below 1e21, else e.g. 1.5e-8). ByteBuffer.number writes the same characters.
 */
export function formatNumber(x: number): string {
  const neg = x < 0;
  const v = neg ? -x : x;
  // Zero, NaN, ±Infinity and magnitudes past the table (subnormal doubles): as JavaScript writes them.
  if (!(v >= 1e-300 && v < 1e300)) return v === 0 ? '0' : String(x);
  nineDigits(v);
  let m = digitsM;
  const e = digitsE;
  while (m % 10 === 0) m /= 10;
  const d = String(m);
  const k = d.length;
  let out: string;
  if (e >= 21 || e < -6) out = d[0] + (k > 1 ? '.' + d.slice(1) : '') + (e < 0 ? 'e-' : 'e+') + Math.abs(e);
  else if (e < 0) out = '0.' + '0'.repeat(-e - 1) + d;
  else if (k <= e + 1) out = d + '0'.repeat(e + 1 - k);
  else out = d.slice(0, e + 1) + '.' + d.slice(e + 1);
  return neg ? '-' + out : out;
}

const ZERO = 48;
const DOT = 46;
const MINUS = 45;
const SCRATCH = new Uint8Array(24);

/** Writes the ASCII string s at b[p…]; returns the position after it. */
function writeAscii(b: Uint8Array, p: number, s: string): number {
  for (let i = 0; i < s.length; i++) b[p++] = s.charCodeAt(i);
  return p;
}

/** Writes a non-negative integer below 2^53 at b[p…] (at most 16 bytes); returns the position after it. */
export function writeUint(b: Uint8Array, p: number, n: number): number {
  if (n < 10) {
    b[p] = ZERO + n;
    return p + 1;
  }
  let k = 0;
  do {
    SCRATCH[k++] = ZERO + (n % 10);
    n = Math.floor(n / 10);
  } while (n > 0);
  while (k > 0) b[p++] = SCRATCH[--k];
  return p;
}

/** Writes formatNumber(x)'s characters at b[p…] (at most 32 bytes) without making a string; returns the position after them. */
export function writeNumber(b: Uint8Array, p: number, x: number): number {
  const neg = x < 0;
  const v = neg ? -x : x;
  if (!(v >= 1e-300 && v < 1e300)) return writeAscii(b, p, v === 0 ? '0' : String(x));
  nineDigits(v);
  let m = digitsM;
  const e = digitsE;
  while (m % 10 === 0) m = (m / 10) | 0;
  // The digits of m (below 1e9: 32-bit integer arithmetic), most significant first, in SCRATCH[0..k).
  const k = m < 1e4 ? (m < 10 ? 1 : m < 100 ? 2 : m < 1e3 ? 3 : 4) : m < 1e6 ? (m < 1e5 ? 5 : 6) : m < 1e7 ? 7 : m < 1e8 ? 8 : 9;
  for (let i = k - 1; i >= 0; i--) {
    SCRATCH[i] = ZERO + (m % 10);
    m = (m / 10) | 0;
  }
  if (neg) b[p++] = MINUS;
  if (e >= 21 || e < -6) {
    b[p++] = SCRATCH[0];
    if (k > 1) {
      b[p++] = DOT;
      for (let i = 1; i < k; i++) b[p++] = SCRATCH[i];
    }
    b[p++] = 101; // e
    b[p++] = e < 0 ? MINUS : 43; // - or +
    return writeUint(b, p, Math.abs(e));
  }
  if (e < 0) {
    b[p++] = ZERO;
    b[p++] = DOT;
    for (let i = 0; i < -e - 1; i++) b[p++] = ZERO;
    for (let i = 0; i < k; i++) b[p++] = SCRATCH[i];
    return p;
  }
  for (let i = 0; i <= e; i++) b[p++] = i < k ? SCRATCH[i] : ZERO;
  if (k > e + 1) {
    b[p++] = DOT;
    for (let i = e + 1; i < k; i++) b[p++] = SCRATCH[i];
  }
  return p;
}

/** A growable byte buffer: reserve room, write at `length` with the functions above, take the bytes. */
export class ByteBuffer {
  buf: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  /** Makes room for n more bytes; returns the (possibly new) buffer. */
  reserve(n: number): Uint8Array {
    if (this.length + n > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    return this.buf;
  }

  /** Bytes written so far, copied out; the buffer is emptied for the next block. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    return out;
  }
}
