/**
 * Split files from their texts (the CLI's --split and the page's dropped split files share this):
 * which files are split files, parsing against the loaded graph, the messages, and the counts shown.
 */
import { describe, expect, it } from 'vitest';
import { hasTypeSplitFolder, looksLikeLinkSplit, typeSplitMembers, typeSplitPartOf } from '../../../src/model/splitFileNames';
import { splitCounts, splitFromTexts, type SplitTarget } from '../../../src/model/splitTexts';
import { linkSplitToJson } from '../../../src/model/splitFile';
import { splitLinks } from '../../../src/model/split';
import { isTypeSplit } from '../../../src/model/typeSplitFile';
import { pickSplitFiles, splitCountsText } from '../../../src/ui/splitFiles';

/** A ring of 12 drugs with chords: 24 interactions, ids not in index order. */
function ringGraph(): SplitTarget {
  const n = 12;
  const src: number[] = [];
  const dst: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const step of [1, 3]) {
      const j = (i + step) % n;
      src.push(Math.min(i, j));
      dst.push(Math.max(i, j));
    }
  }
  return {
    nodes: Array.from({ length: n }, (_, i) => ({ id: `DB${String(n - i).padStart(3, '0')}` })),
    edgeSrc: Int32Array.from(src),
    edgeDst: Int32Array.from(dst),
    edgeTypes: [],
  };
}

describe('which files are split files', () => {
  it('knows the SumGNN folder by its members, dev.txt before valid.txt, and names what is missing', () => {
    expect(typeSplitPartOf('sumgnn_split/Dev.txt')).toBe('val');
    expect(typeSplitPartOf('edges.txt')).toBeNull();
    expect(typeSplitMembers(['train.txt', 'valid.txt', 'dev.txt', 'test.txt', 'node2id.json']).files).toEqual({
      train: 'train.txt',
      val: 'dev.txt',
      test: 'test.txt',
      node2id: 'node2id.json',
    });
    expect(typeSplitMembers(['train.txt', 'test.txt']).missing).toEqual(['dev.txt (or valid.txt)', 'node2id.json']);
    // A lone train.txt may be an edge list; two members, or node2id.json, make a folder.
    expect(hasTypeSplitFolder(['train.txt', 'names.csv'])).toBe(false);
    expect(hasTypeSplitFolder(['train.txt', 'test.txt'])).toBe(true);
    expect(hasTypeSplitFolder(['node2id.json'])).toBe(true);
  });

  it('knows a link-split/1 JSON by its "format"', () => {
    expect(looksLikeLinkSplit('{"format":"link-split/1","node_ids":[')).toBe(true);
    expect(looksLikeLinkSplit('{\n  "format" : "link-split/1"')).toBe(true);
    expect(looksLikeLinkSplit('{"format":"drug-graph/1"}')).toBe(false);
  });
});

describe('splitFromTexts', () => {
  const graph = ringGraph();
  const ids = graph.nodes.map((n) => n.id);
  const split = splitLinks(12, graph.edgeSrc, graph.edgeDst, 1);
  const text = JSON.stringify(linkSplitToJson(split, ids));

  it('reads a link-split/1 file made for the graph, with its counts', () => {
    const back = splitFromTexts({ kind: 'link', file: 's.json', text }, graph);
    if (isTypeSplit(back)) throw new Error('a link split');
    expect(Array.from(back.testPos.a)).toEqual(Array.from(split.testPos.a));
    const counts = splitCounts(back);
    // Every interaction is in one positive part; the negatives match the positives one for one.
    expect(counts.train + counts.val + counts.test).toBe(24);
    expect([counts.valNeg, counts.testNeg]).toEqual([counts.val, counts.test]);
  });

  it('refuses a split made for other data: same ids, pairs that are not interactions', () => {
    const other: SplitTarget = { ...graph, edgeSrc: graph.edgeSrc.map((u) => (u + 1) % 12), edgeDst: graph.edgeDst.map((v) => (v + 5) % 12) };
    expect(() => splitFromTexts({ kind: 'link', file: 's.json', text }, other)).toThrow(
      /positive pairs are not interactions of the loaded data \(first: "train_pos"\[0\]/,
    );
  });

  it('says when the text is not JSON or names drugs the graph lacks', () => {
    expect(() => splitFromTexts({ kind: 'link', file: 's.json', text: '{"format": "link-split/1",' }, graph)).toThrow(/not valid JSON/);
    const fewer = { ...graph, nodes: graph.nodes.slice(0, 11) };
    expect(() => splitFromTexts({ kind: 'link', file: 's.json', text }, fewer)).toThrow(/1 drug\(s\) of the split file are not in the graph, e.g. DB001/);
  });

  it('reads the type folder by drug id and label, and counts its typed pairs', () => {
    const typed: SplitTarget = { ...graph, edgeTypes: ['2', '1'] };
    const node2id = JSON.stringify({ DB001: 0, DB002: 1, DB003: 2 });
    const s = splitFromTexts({ kind: 'type', files: [], texts: { train: '0 1 0\n1 2 1\n', val: '2 0 1', test: '0 2 0', node2id } }, typed);
    expect(splitCounts(s)).toEqual({ kind: 'type', train: 2, val: 1, test: 1 });
    expect(() => splitFromTexts({ kind: 'type', files: [], texts: { train: '0 1 0', val: '0 1 7', test: '0 1 0', node2id } }, typed)).toThrow(
      /dev.txt line 1: type 7 \(label 8\)/,
    );
  });
});

describe('pickSplitFiles (the page: files dropped or opened together)', () => {
  const file = (name: string, text: string) => new File([text], name);

  it('takes the SumGNN folder out of a drop with data, and names missing members', async () => {
    const data = file('Drugbank.txt', 'drug1\tdrug2\tLabel\n');
    const picked = await pickSplitFiles([data, file('train.txt', '0 1 0'), file('valid.txt', '1 2 0'), file('test.txt', '0 2 0'), file('node2id.json', '{}')]);
    expect(picked.data).toEqual([data]);
    expect(picked.split).toEqual({
      kind: 'type',
      files: ['train.txt', 'valid.txt', 'test.txt', 'node2id.json'],
      texts: { train: '0 1 0', val: '1 2 0', test: '0 2 0', node2id: '{}' },
    });
    await expect(pickSplitFiles([file('train.txt', ''), file('node2id.json', '{}')])).rejects.toThrow(/lacks dev.txt \(or valid.txt\), test.txt/);
  });

  it('takes a link-split/1 JSON by its content, leaves other JSON and a lone train.txt as data, and refuses two splits at once', async () => {
    const split = file('whatever.json', '{"format":"link-split/1","node_ids":[]}');
    const graphJson = file('graph.json', '{"format":"drug-graph/1"}');
    const lone = file('train.txt', 'a,b\n');
    const picked = await pickSplitFiles([graphJson, split, lone]);
    expect(picked.split).toMatchObject({ kind: 'link', file: 'whatever.json' });
    expect(picked.data).toEqual([graphJson, lone]);
    expect((await pickSplitFiles([graphJson, lone])).split).toBeNull();
    await expect(pickSplitFiles([split, file('b.json', '{"format":"link-split/1"}')])).rejects.toThrow(/Several splits/);
  });

  it('says the counts in words', () => {
    expect(splitCountsText({ kind: 'type', train: 134641, val: 19224, test: 38419 })).toBe('train 134,641 · validation 19,224 · test 38,419 typed pairs');
    expect(splitCountsText({ kind: 'link', train: 10, val: 2, test: 3, valNeg: 2, testNeg: 3, heldOut: { mode: 'new-drug-one', val: 1, test: 2 } })).toBe(
      'train 10 · validation 2 (+2 negatives) · test 3 (+3 negatives) pairs; new-drug-one: 1 validation and 2 test drugs held out',
    );
  });
});
