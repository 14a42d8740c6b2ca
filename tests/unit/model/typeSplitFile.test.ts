/** The type split folder (SumGNN's layout): parsing, direction, the real DeepDDI split, and `train --split DIR`. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTypeSplit, typeSplitFromTexts } from '../../../src/model/typeSplitFile';
import { parseTypeSentences } from '../../../src/data/typeSentences';
import { PROJECT_ROOT, describeWithSharedData, sharedPath } from '../../helpers/sharedData';

// The graph's order differs from node2id's on purpose; its types are named by label (1-based).
const GRAPH_IDS = ['DB3', 'DB1', 'DB2'];
const GRAPH_TYPES = ['2', '1'];
const NODE2ID = JSON.stringify({ DB1: 0, DB2: 1, DB3: 2 });

describe('typeSplitFromTexts', () => {
  it('maps head/tail by drug id, keeps (head, tail) order and takes type = the label rel + 1', () => {
    const s = typeSplitFromTexts({ train: '0 1 0\n2 0 1\n', val: '1 0 0', test: '1 2 1\n\n', node2id: NODE2ID }, GRAPH_IDS, GRAPH_TYPES);
    // train "2 0 1": head DB3 (graph 0), tail DB1 (graph 1), rel 1 → label "2" → graph type 0
    expect(Array.from(s.train.a)).toEqual([1, 0]);
    expect(Array.from(s.train.b)).toEqual([2, 1]);
    expect(Array.from(s.train.type)).toEqual([1, 0]);
    // val "1 0 0": DB2 → DB1, the reverse of train's first pair, kept reversed
    expect([s.val.a[0], s.val.b[0], s.val.type[0]]).toEqual([2, 1, 1]);
    expect([s.test.a[0], s.test.b[0], s.test.type[0]]).toEqual([2, 0, 0]);
    expect(isTypeSplit(s)).toBe(true);
  });
  it('says which line and drug or type is wrong', () => {
    const texts = { train: '0 1 0', val: '0 1 0', test: '0 1 0', node2id: NODE2ID };
    expect(() => typeSplitFromTexts({ ...texts, test: '0 1 0\n0 7 0' }, GRAPH_IDS, GRAPH_TYPES)).toThrow(
      /test.txt line 2: node index 7 is not in node2id.json/,
    );
    expect(() => typeSplitFromTexts({ ...texts, val: '0 1 5' }, GRAPH_IDS, GRAPH_TYPES)).toThrow(/dev.txt line 1: type 5 \(label 6\)/);
    expect(() => typeSplitFromTexts(texts, ['DB1', 'DB3'], GRAPH_TYPES)).toThrow(/drug DB2 is not in the loaded data/);
    expect(() => typeSplitFromTexts({ ...texts, train: '0 1' }, GRAPH_IDS, GRAPH_TYPES)).toThrow(/expected "head tail rel"/);
  });
});

describe('parseTypeSentences', () => {
  it('reads type → Description, quoted commas included', () => {
    const m = parseTypeSentences('Interaction type,Description,Subject\n2,"#Drug1 may, rarely, slow #Drug2",1\n1,#Drug1 helps #Drug2,2\n');
    expect(m.get('2')).toBe('#Drug1 may, rarely, slow #Drug2');
    expect(m.get('1')).toBe('#Drug1 helps #Drug2');
  });
});

describe('train --task type --split DIR (tiny typed data)', () => {
  it('trains on the folder and reports accuracy, macro-F1, κ, per-type F1 with sentences and confusions', () => {
    const dir = mkdtempSync(join(tmpdir(), 'typesplit-'));
    const ids = Array.from({ length: 12 }, (_, i) => `DB${String(i).padStart(5, '0')}`);
    const rows: string[] = [];
    const triples: string[] = [];
    for (let i = 0; i < 12; i++)
      for (let j = i + 1; j < Math.min(12, i + 5); j++) {
        const label = ((i + j) % 3) + 1;
        rows.push(`${ids[i]}\t${ids[j]}\t${label}`);
        triples.push(`${i} ${j} ${label - 1}`);
      }
    writeFileSync(join(dir, 'data.txt'), `drug1\tdrug2\tLabel\n${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'node2id.json'), JSON.stringify(Object.fromEntries(ids.map((id, i) => [id, i]))));
    writeFileSync(join(dir, 'train.txt'), triples.slice(0, 28).join('\n'));
    writeFileSync(join(dir, 'dev.txt'), triples.slice(28, 34).join('\n'));
    writeFileSync(join(dir, 'test.txt'), triples.slice(34).join('\n'));
    writeFileSync(join(dir, 'types.csv'), 'Interaction type,Description\n1,#Drug1 raises #Drug2\n2,#Drug1 lowers #Drug2\n3,#Drug2 slows #Drug1\n');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'train',
        join(dir, 'data.txt'),
        '--task',
        'type',
        '--split',
        dir,
        '--type-names',
        join(dir, 'types.csv'),
        '--epochs',
        '3',
        '--hidden',
        '8',
        '--json',
      ],
      { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/κ/);
    const out = JSON.parse(r.stdout.trim());
    for (const k of ['valAccuracy', 'valMacroF1', 'valKappa', 'testAccuracy', 'testMacroF1', 'testKappa']) expect(typeof out.last[k]).toBe('number');
    const testN = triples.length - 34;
    expect(out.perType.map((t: { type: string }) => t.type).sort()).toEqual(['1', '2', '3']);
    expect(out.perType.reduce((s: number, t: { support: number }) => s + t.support, 0)).toBe(testN);
    expect(out.perType.find((t: { type: string }) => t.type === '3').sentence).toBe('#Drug2 slows #Drug1');
    // accuracy = the diagonal's share, so the confusions hold exactly the misses
    const misses = out.confusions.reduce((s: number, c: { count: number }) => s + c.count, 0);
    expect(misses).toBe(Math.round((1 - out.last.testAccuracy) * testN));
  }, 90_000);

  it('refuses a split folder for the link task', async () => {
    const { buildTrainer } = await import('../../../src/cli/session');
    const { DEFAULT_MODEL_SETTINGS } = await import('../../../src/settings/schema');
    const graph = {
      name: 'g',
      nodes: GRAPH_IDS.map((id) => ({ id, name: id })),
      edgeSrc: Int32Array.from([0, 1]),
      edgeDst: Int32Array.from([1, 2]),
      edgeTypes: GRAPH_TYPES,
      edgeType: Int32Array.from([0, 1]),
    };
    const split = typeSplitFromTexts({ train: '0 1 0', val: '1 2 1', test: '0 2 0', node2id: NODE2ID }, GRAPH_IDS, GRAPH_TYPES);
    await expect(buildTrainer(graph, { ...DEFAULT_MODEL_SETTINGS, task: 'link' }, split, false)).rejects.toThrow(/use it with --task type/);
  });
});

describeWithSharedData('the SumGNN split of DeepDDI (86 types)', () => {
  it('has 134,641 / 19,224 / 38,419 triples that are Drugbank.txt rows in the same direction and label', async () => {
    const { loadGraph, loadSplitFile } = await import('../../../src/cli/trainData');
    const dir = sharedPath('deepddi_drugbank_ddi_86types');
    const graph = await loadGraph([join(dir, 'Drugbank.txt')]);
    const split = await loadSplitFile(join(dir, 'sumgnn_split'), graph);
    if (!isTypeSplit(split)) throw new Error('a folder is a type split');
    expect([split.train.a.length, split.val.a.length, split.test.a.length]).toEqual([134_641, 19_224, 38_419]);
    const rows = new Set(
      readFileSync(join(dir, 'Drugbank.txt'), 'utf8')
        .split('\n')
        .slice(1)
        .map((l) => l.trim()),
    );
    const id = (i: number) => graph.nodes[i].id;
    for (const p of [split.train, split.val, split.test])
      for (let i = 0; i < p.a.length; i += 97) expect(rows.has(`${id(p.a[i])}\t${id(p.b[i])}\t${graph.edgeTypes[p.type[i]]}`)).toBe(true);
  });
});
