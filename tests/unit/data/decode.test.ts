import { describe, expect, it } from 'vitest';
import { Utf8Chunks } from '../../../src/data/utf8Chunks';
import { scanUtf8 } from '../../../src/data/decode';

describe('UTF-8 decoding chunk by chunk', () => {
  const text = 'ASCII, café, 名前, 🧪 and \uFEFF (a BOM inside the text) — '.repeat(50);
  const bytes = new TextEncoder().encode(text);

  it('equals one-shot decoding for every way of cutting the bytes', () => {
    for (const size of [1, 2, 3, 5, 7, 64, 1000]) {
      const d = new Utf8Chunks(true);
      let out = '';
      for (let o = 0; o < bytes.length; o += size) out += d.decode(bytes.subarray(o, o + size)).join('');
      out += d.flush();
      expect(out).toBe(text);
    }
  });

  it('keeps ASCII runs apart from rare non-ASCII characters, and decodes dense non-ASCII text whole', () => {
    const d = new Utf8Chunks(true);
    expect(d.decode(new TextEncoder().encode('abc é def'))).toEqual(['abc ', 'é', ' def']);
    const dense = '名前'.repeat(1000);
    expect(d.decode(new TextEncoder().encode(dense))).toEqual([dense]);
    const many = 'aé'.repeat(1000);
    expect(d.decode(new TextEncoder().encode(many))).toEqual([many]);
  });

  it('throws on invalid bytes when strict, replaces them otherwise; an unfinished character at the end is invalid', () => {
    const bad = new Uint8Array([0x61, 0xff, 0x62]);
    expect(() => new Utf8Chunks(true).decode(bad)).toThrow();
    expect(new Utf8Chunks(false).decode(bad).join('')).toBe('a\uFFFDb');
    const cut = new Utf8Chunks(true);
    expect(cut.decode(new Uint8Array([0x61, 0xe5, 0x90])).join('')).toBe('a');
    expect(() => cut.flush()).toThrow();
  });

  it('finds the first invalid byte and whether valid UTF-8 came before it', () => {
    expect(scanUtf8(new TextEncoder().encode('abc'))).toEqual({ bad: -1, multibyteBefore: false });
    expect(scanUtf8(new Uint8Array([0x61, 0xe9, 0x62]))).toEqual({ bad: 1, multibyteBefore: false });
    expect(scanUtf8(new Uint8Array([0xc3, 0xa9, 0x61, 0xff]))).toEqual({ bad: 3, multibyteBefore: true });
  });
});
