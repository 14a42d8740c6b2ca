import { describe, expect, it } from 'vitest';
import { linkSplitFromJson, linkSplitToJson } from '../../../src/model/splitFile';
import { splitLinks, type Pairs } from '../../../src/model/split';

const list = (p: Pairs) => Array.from(p.a, (a, i) => `${a}-${p.b[i]}`);

describe('link-split/1 import and export', () => {
  const n = 40;
  const src: number[] = [];
  const dst: number[] = [];
  for (let u = 0; u < n; u++)
    for (let v = u + 1; v < n; v++)
      if ((u * 7 + v * 3) % 5 === 0) {
        src.push(u);
        dst.push(v);
      }
  const ids = Array.from({ length: n }, (_, i) => `DB${String(i).padStart(5, '0')}`);
  const split = splitLinks(n, Int32Array.from(src), Int32Array.from(dst), 3);

  it('round-trips through JSON text unchanged', () => {
    const text = JSON.stringify(linkSplitToJson(split, ids));
    const back = linkSplitFromJson(JSON.parse(text), ids);
    for (const k of ['trainPos', 'valPos', 'valNeg', 'testPos', 'testNeg'] as const) expect(list(back[k])).toEqual(list(split[k]));
    expect(back.numNodes).toBe(n);
    expect(JSON.parse(text).format).toBe('link-split/1');
  });

  it('maps node indices by id when the graph orders its nodes differently', () => {
    const file = linkSplitToJson(split, ids);
    const reversed = [...ids].reverse();
    const back = linkSplitFromJson(file, reversed);
    const at = (p: Pairs, i: number) => [reversed[p.a[i]], reversed[p.b[i]]].sort();
    for (let i = 0; i < split.testPos.a.length; i++) expect(at(back.testPos, i)).toEqual([ids[split.testPos.a[i]], ids[split.testPos.b[i]]].sort());
    for (let i = 0; i < back.valNeg.a.length; i++) expect(back.valNeg.a[i]).toBeLessThan(back.valNeg.b[i]);
  });

  it('says what is wrong with a bad file', () => {
    const file = linkSplitToJson(split, ids);
    expect(() => linkSplitFromJson({ ...file, format: 'x' }, ids)).toThrow(/link-split\/1/);
    expect(() => linkSplitFromJson(file, ids.slice(1))).toThrow(/not in the graph.*DB00000/);
    expect(() => linkSplitFromJson({ ...file, val_neg: [[0, 999]] }, ids)).toThrow(/val_neg/);
  });
});
