/**
 * Numbers as the predictions writer prints them: 9 significant digits (float32's full precision), the
 * byte path identical to the string path, every float32 read back exactly, doubles within half a unit
 * of the ninth digit, JavaScript's notation for the rest.
 */
import { describe, expect, it } from 'vitest';
import { ByteBuffer, formatNumber, writeNumber, writeUint } from '../../../src/export/asciiBytes';
import { Rng } from '../../../src/model/rng';

const dec = new TextDecoder();
const bytesOf = (x: number) => {
  const b = new Uint8Array(40);
  return dec.decode(b.subarray(0, writeNumber(b, 0, x)));
};

describe('9-digit numbers', () => {
  it('fixed cases: short values as JavaScript writes them, long ones cut to 9 digits, exponents outside 1e-6 … 1e21', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [0.5, '0.5'],
      [1, '1'],
      [-1, '-1'],
      [1000, '1000'],
      [0.001, '0.001'],
      [123456789, '123456789'],
      [1234567891, '1234567890'],
      [999999999.6, '1000000000'],
      [9.9999999999, '10'],
      [0.99999999996, '1'],
      [3.1415927410125732, '3.14159274'],
      [-2.8595485687, '-2.85954857'],
      [1e-6, '0.000001'],
      [1e-7, '1e-7'],
      [1.5e-8, '1.5e-8'],
      [1e21, '1e+21'],
      [1e-300, '1e-300'],
      [1e299, '1e+299'],
      // Past 1e±300 (no logit or probability gets there): as JavaScript writes them.
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [5e-324, '5e-324'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'],
      [0.1 + 0.2, '0.3'],
    ];
    for (const [x, s] of cases) {
      expect(formatNumber(x), String(x)).toBe(s);
      expect(bytesOf(x), String(x)).toBe(s);
    }
  });

  it('every float32 (random bit patterns) reads back to itself; bytes = string', () => {
    const rng = new Rng(4);
    const f = new Float32Array(1);
    const bits = new Uint32Array(f.buffer);
    for (let i = 0; i < 100_000; i++) {
      bits[0] = rng.int(2 ** 32) >>> 0;
      const x = f[0];
      if (!Number.isFinite(x)) continue;
      const s = formatNumber(x);
      if (Math.fround(Number(s)) !== x || bytesOf(x) !== s) expect([x, s, bytesOf(x)]).toBe('round trip');
    }
  });

  it('doubles: within 5e-9 relative (half a unit of the ninth digit), at most 9 significant digits', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 50_000; i++) {
      const x = (rng.next() - 0.5) * 10 ** (rng.int(40) - 20);
      const s = formatNumber(x);
      if (x === 0) continue;
      const rel = Math.abs(Number(s) - x) / Math.abs(x);
      const digits = s.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '').replace(/0+$/, '').length;
      if (rel > 5.0000001e-9 || digits > 9 || bytesOf(x) !== s) expect([x, s, rel, digits]).toBe('within 9 digits');
    }
  });

  it('integers and the growable buffer', () => {
    const out = new ByteBuffer(2);
    for (const n of [0, 7, 10, 123456, 2 ** 53 - 1]) {
      const b = out.reserve(20);
      out.length = writeUint(b, out.length, n);
      b[out.length++] = 44;
    }
    expect(dec.decode(out.take())).toBe('0,7,10,123456,9007199254740991,');
    expect(out.length).toBe(0);
  });
});
