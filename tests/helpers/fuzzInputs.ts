/**
 * Generated hostile inputs for the fuzz suite (tests/unit/data/fuzz.test.ts, small) and the hostile
 * benchmark (bench/parseFuzz.ts, many more runs): a valid file of every format the loader reads, then
 * a chain of damage (cut, flipped bytes, NULs, odd line ends, junk, huge fields, a BOM…), optionally
 * wrapped in gzip or zip and damaged again, streamed in random chunk sizes.
 */
import fc from 'fast-check';
import { gzipSync, strToU8, zipSync } from 'fflate';
import { dbIds } from './hostile';

export type Format = 'csv' | 'tsv' | 'labels' | 'numeric' | 'xml' | 'json';

/** A valid file of each format, `n` interactions among ids of `ids`. */
export function validFile(format: Format, n: number): { ext: string; text: string } {
  const ids = dbIds(Math.max(4, n));
  const pair = (i: number): [string, string] => [ids[i % ids.length], ids[(i * 7 + 3) % ids.length]];
  const rows = (f: (a: string, b: string, i: number) => string) => Array.from({ length: n }, (_, i) => f(...pair(i), i)).join('\n');
  switch (format) {
    case 'csv':
      return { ext: 'csv', text: `Drug1,Drug2\n${rows((a, b) => `${a},${b}`)}\n` };
    case 'tsv':
      return { ext: 'tsv', text: `# Directed graph\n# comment\nsource\ttarget\ttype\n${rows((a, b, i) => `${a}\t${b}\tT${i % 3}`)}\n` };
    case 'labels':
      return { ext: 'csv', text: `Drug1_ID,Drug2_ID,Y\n${rows((a, b, i) => `${a},${b},${i % 4 === 0 ? 0 : 1}`)}\n` };
    case 'numeric':
      return { ext: 'csv', text: `${Array.from({ length: n }, (_, i) => `${i % 50},${(i * 7 + 3) % 50}`).join('\n')}\n` };
    case 'xml': {
      const drugs = ids.slice(0, Math.max(2, Math.ceil(n / 3))).map(
        (id, i) =>
          `<drug type="small molecule"><drugbank-id primary="true">${id}</drugbank-id><name>Drug &amp; ${i}</name>` +
          `<drug-interactions>${[1, 2, 3]
            .map((k) => ids[(i + k) % ids.length])
            .map((p) => `<drug-interaction><drugbank-id>${p}</drugbank-id><name>${p}</name><description>d</description></drug-interaction>`)
            .join('')}</drug-interactions></drug>`,
      );
      return {
        ext: 'xml',
        text: `<?xml version="1.0" encoding="UTF-8"?>\n<drugbank xmlns="http://www.drugbank.ca" version="5.1">\n${drugs.join('\n')}\n</drugbank>\n`,
      };
    }
    case 'json': {
      const interactions = Array.from({ length: n }, (_, i) => ({ a: pair(i)[0], b: pair(i)[1], type: `T${i % 2}` }));
      return { ext: 'json', text: JSON.stringify({ format: 'drug-graph/1', drugs: ids.map((id) => ({ id })), interactions }) };
    }
  }
}

/** One kind of damage to a file's bytes, as a description and a pure function of them. */
export type Damage = { what: string; apply: (b: Uint8Array) => Uint8Array };

const at = (b: Uint8Array, f: number): number => Math.min(b.length, Math.floor(f * b.length));
const splice = (b: Uint8Array, pos: number, del: number, ins: Uint8Array): Uint8Array => {
  const out = new Uint8Array(b.length - del + ins.length);
  out.set(b.subarray(0, pos));
  out.set(ins, pos);
  out.set(b.subarray(pos + del), pos + ins.length);
  return out;
};
const replaceAll = (b: Uint8Array, from: number, to: Uint8Array): Uint8Array => {
  const parts: number[] = [];
  for (const x of b)
    if (x === from) parts.push(...to);
    else parts.push(x);
  return Uint8Array.from(parts);
};

/** Damage of every kind, `scale` sizing the big ones (a long field, repeated lines). */
export function damage(scale: number): fc.Arbitrary<Damage> {
  const f = fc.double({ min: 0, max: 1, noNaN: true });
  return fc.oneof(
    f.map((x): Damage => ({ what: `cut at ${x.toFixed(3)}`, apply: (b) => b.slice(0, at(b, x)) })),
    fc.tuple(f, fc.integer({ min: 0, max: 255 })).map(([x, v]): Damage => ({
      what: `byte ${v} at ${x.toFixed(3)}`,
      apply: (b) => (b.length ? splice(b, Math.min(at(b, x), b.length - 1), 1, Uint8Array.of(v)) : b),
    })),
    f.map((x): Damage => ({ what: `NULs at ${x.toFixed(3)}`, apply: (b) => splice(b, at(b, x), 0, new Uint8Array(16)) })),
    fc.constant<Damage>({ what: 'CR-only line ends', apply: (b) => replaceAll(b, 10, Uint8Array.of(13)) }),
    fc.constant<Damage>({ what: 'CRLF line ends', apply: (b) => replaceAll(b, 10, Uint8Array.of(13, 10)) }),
    fc.constant<Damage>({ what: 'no line ends', apply: (b) => b.filter((x) => x !== 10) }),
    fc.constant<Damage>({ what: 'UTF-8 BOM', apply: (b) => splice(b, 0, 0, Uint8Array.of(0xef, 0xbb, 0xbf)) }),
    fc.constant<Damage>({ what: 'UTF-16 BOM', apply: (b) => splice(b, 0, 0, Uint8Array.of(0xff, 0xfe)) }),
    fc
      .tuple(f, fc.uint8Array({ minLength: 1, maxLength: 64 }))
      .map(([x, junk]): Damage => ({ what: `junk at ${x.toFixed(3)}`, apply: (b) => splice(b, at(b, x), 0, junk) })),
    fc
      .tuple(f, fc.string({ unit: 'grapheme', maxLength: 32 }))
      .map(([x, s]): Damage => ({ what: `text ${JSON.stringify(s)} at ${x.toFixed(3)}`, apply: (b) => splice(b, at(b, x), 0, strToU8(s)) })),
    fc
      .tuple(f, fc.constantFrom('"', "'", ',', '\t', ';', '<', '&', '\\', '\u202e', '\ufffd'))
      .map(([x, c]): Damage => ({ what: `${JSON.stringify(c)} at ${x.toFixed(3)}`, apply: (b) => splice(b, at(b, x), 0, strToU8(c)) })),
    f.map((x): Damage => ({ what: `long field at ${x.toFixed(3)}`, apply: (b) => splice(b, at(b, x), 0, strToU8('DB00001'.repeat(scale * 4096))) })),
    f.map((x): Damage => ({
      what: `lines repeated at ${x.toFixed(3)}`,
      apply: (b) => {
        const p = at(b, x);
        const line = b.slice(p, Math.min(b.length, p + 40));
        const many = new Uint8Array(line.length * scale * 64);
        for (let i = 0; i < many.length; i += line.length) many.set(line, i);
        return splice(b, p, 0, many);
      },
    })),
    f.map((x): Damage => ({ what: `self-loops at ${x.toFixed(3)}`, apply: (b) => splice(b, at(b, x), 0, strToU8('\nDB00001,DB00001\nDB00002\tDB00002\n')) })),
  );
}

export type Wrap = 'none' | 'gzip' | 'zip';

export interface FuzzCase {
  format: Format;
  rows: number;
  damages: Damage[];
  wrap: Wrap;
  /** Damage to the gzip/zip container itself. */
  outer: Damage[];
  chunk: number;
}

export function fuzzCase(scale = 1): fc.Arbitrary<FuzzCase> {
  return fc.record({
    format: fc.constantFrom<Format>('csv', 'tsv', 'labels', 'numeric', 'xml', 'json'),
    rows: fc.integer({ min: 0, max: 40 * scale }),
    damages: fc.array(damage(scale), { maxLength: 3 }),
    wrap: fc.constantFrom<Wrap>('none', 'none', 'gzip', 'zip'),
    outer: fc.array(damage(scale), { maxLength: 1 }),
    chunk: fc.constantFrom(1, 7, 64, 4096, 1 << 16),
  });
}

/** The file a case describes: its name and bytes. */
export function build(c: FuzzCase): { name: string; bytes: Uint8Array } {
  const { ext, text } = validFile(c.format, c.rows);
  let bytes = c.damages.reduce<Uint8Array>((b, d) => d.apply(b), strToU8(text));
  let name = `fuzz.${ext}`;
  if (c.wrap === 'gzip') {
    bytes = c.outer.reduce<Uint8Array>((b, d) => d.apply(b), gzipSync(bytes));
    name += '.gz';
  } else if (c.wrap === 'zip') {
    bytes = c.outer.reduce<Uint8Array>((b, d) => d.apply(b), zipSync({ [name]: bytes }));
    name = 'fuzz.zip';
  }
  return { name, bytes };
}

export const describeCase = (c: FuzzCase): string =>
  `${c.format} × ${c.rows} rows; ${c.damages.map((d) => d.what).join(', ') || 'intact'}; ${c.wrap}` +
  (c.wrap !== 'none' && c.outer.length ? ` then ${c.outer.map((d) => d.what).join(', ')}` : '') +
  `; chunks of ${c.chunk}`;
