import { describe, expect, it } from 'vitest';
import { linkSplitFromJson, linkSplitToJson } from '../../../src/model/splitFile';
import { splitLinks, type Pairs } from '../../../src/model/split';
import { drugRoles, splitLinksByDrug, TEST, VAL } from '../../../src/model/drugSplit';
import { createTrainer } from '../../../src/model/tasks';
import type { LinkTrainer } from '../../../src/model/tasks/linkTrainer';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../../../src/settings/schema';
import { communities } from '../../helpers/graphs';

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

describe('link-split/1 of a new-drug split records its held-out drugs', () => {
  const n = 120;
  const graph = communities(n, 5);
  const ids = Array.from({ length: n }, (_, i) => `D${i}`);
  const settings: ModelSettings = { ...DEFAULT_MODEL_SETTINGS, splitMode: 'new-drug-one', hidden: 8, epochs: 2, seed: 4 };

  it.each(['new-drug-one', 'new-drug-both'] as const)('%s: the file lists the validation and test drugs, and reading it back gives the same split', (mode) => {
    const split = splitLinksByDrug(n, graph.edgeSrc, graph.edgeDst, 4, mode);
    const file = JSON.parse(JSON.stringify(linkSplitToJson(split, ids)));
    expect(file.split_mode).toBe(mode);
    expect(file.val_drugs).toEqual(Array.from(split.heldOut!.val));
    expect(file.test_drugs).toEqual(Array.from(split.heldOut!.test));
    // The roles drawn from the seed, independently of the split's own record.
    const role = drugRoles(n, graph.edgeSrc, graph.edgeDst, 4);
    expect(file.val_drugs).toEqual(ids.map((_, v) => v).filter((v) => role[v] === VAL));
    expect(file.test_drugs).toEqual(ids.map((_, v) => v).filter((v) => role[v] === TEST));
    // Read back into a graph with its nodes in the reverse order: the same drugs by id.
    const reversed = [...ids].reverse();
    const back = linkSplitFromJson(file, reversed);
    const byId = (v: Int32Array | undefined, names: string[]) => Array.from(v ?? [], (i) => names[i]).sort();
    expect(byId(back.heldOut!.val, reversed)).toEqual(byId(split.heldOut!.val, ids));
    expect(byId(back.heldOut!.test, reversed)).toEqual(byId(split.heldOut!.test, ids));
    expect(byId(back.unseenNodes, reversed)).toEqual(byId(split.unseenNodes, ids));
    expect(back.heldOut!.mode).toBe(mode);
    const same = linkSplitFromJson(file, ids);
    for (const k of ['trainPos', 'valPos', 'valNeg', 'testPos', 'testNeg'] as const) expect(list(same[k])).toEqual(list(split[k]));
    expect(same.unseenNodes).toEqual(split.unseenNodes);
    expect(same.heldOut).toEqual(split.heldOut);
  });

  it('a run on the split read back trains exactly as on the seeded split (negatives among training drugs only)', async () => {
    const seeded = createTrainer(graph, settings, 'cpu') as LinkTrainer;
    const fromFile = createTrainer(graph, settings, 'cpu', { split: linkSplitFromJson(JSON.parse(JSON.stringify(linkSplitToJson(seeded.split, ids))), ids) });
    // Without the held-out drugs the same pairs would train differently (negatives among all drugs).
    const { heldOut: _h, unseenNodes: _u, ...pairsOnly } = seeded.split;
    const forgetful = createTrainer(graph, settings, 'cpu', { split: pairsOnly });
    try {
      for (let e = 0; e < 2; e++) {
        const [a, b, c] = [await seeded.runEpoch(), await fromFile.runEpoch(), await forgetful.runEpoch()];
        expect(b.loss).toBe(a.loss);
        expect(b.valAuroc).toBe(a.valAuroc);
        if (e === 1) expect(c.loss).not.toBe(a.loss);
      }
    } finally {
      for (const t of [seeded, fromFile, forgetful]) t.dispose();
    }
  });

  it('refuses held-out drugs without a mode, a bad index, or a held-out drug among the training pairs', () => {
    const split = splitLinksByDrug(n, graph.edgeSrc, graph.edgeDst, 4, 'new-drug-one');
    const file = linkSplitToJson(split, ids);
    expect(() => linkSplitFromJson({ ...file, split_mode: undefined }, ids)).toThrow(/split_mode/);
    expect(() => linkSplitFromJson({ ...file, split_mode: 'pairs' }, ids)).toThrow(/split_mode/);
    expect(() => linkSplitFromJson({ ...file, test_drugs: [n] }, ids)).toThrow(/test_drugs/);
    expect(() => linkSplitFromJson({ ...file, val_drugs: [file.train_pos[0][0]] }, ids)).toThrow(/train_pos.*held-out/);
    // A pairs split writes none of the three fields.
    expect(Object.keys(linkSplitToJson(splitLinks(n, graph.edgeSrc, graph.edgeDst, 1), ids))).not.toContain('val_drugs');
  });
});
