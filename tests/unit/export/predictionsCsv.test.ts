/**
 * The predictions writer: names with delimiters, quotes, newlines and outer spaces survive a round trip
 * through papaparse in CSV and TSV; numbers are written in full (a logit reads back to the same float32);
 * the columns of every task; no rank for all pairs.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { PredictionsWriter, predictionColumns } from '../../../src/export/predictionsCsv';
import { NO_PART, type LinkRows } from '../../../src/model/predictionRows';

const nodes = [
  { id: 'DB001', name: 'Plain' },
  { id: 'DB,002', name: 'Comma, Inc.' },
  { id: 'DB003', name: 'Say "hi"' },
  { id: 'DB004', name: 'Two\nlines' },
  { id: 'DB005', name: ' spaced\tout ' },
  { id: 'DB006', name: '=1+2' },
];

const link: LinkRows = {
  task: 'link',
  a: Int32Array.from([0, 1, 2, 3]),
  b: Int32Array.from([1, 2, 4, 5]),
  known: Uint8Array.from([1, 1, 0, 1]),
  part: Uint8Array.from([0, 2, NO_PART, 3]),
  score: Float64Array.from([3.14159265, -0.1, 40, 1e-8], Math.fround),
  rank: Uint32Array.from([1, 3, 2, 4]),
};

function parse(text: string, delimiter: string) {
  const r = Papa.parse<Record<string, string>>(text, { header: true, delimiter, skipEmptyLines: true });
  expect(r.errors).toEqual([]);
  return r;
}

describe('predictions CSV/TSV writer', () => {
  for (const format of ['csv', 'tsv'] as const) {
    it(`${format}: header, names quoted as needed, every value back exactly`, () => {
      const w = new PredictionsWriter({ nodes }, format);
      const text = w.header('link') + w.block(link);
      const r = parse(text, format === 'tsv' ? '\t' : ',');
      expect(r.meta.fields).toEqual(predictionColumns('link'));
      expect(r.data).toHaveLength(4);
      r.data.forEach((row, i) => {
        expect(row.drug_a_id).toBe(nodes[link.a[i]].id);
        expect(row.drug_a_name).toBe(nodes[link.a[i]].name);
        expect(row.drug_b_name).toBe(nodes[link.b[i]].name);
        expect(row.known).toBe(String(link.known[i]));
        // Full float32 precision: the logit reads back to the same float32, the probability (its sigmoid) to 9 digits.
        expect(Math.fround(Number(row.score))).toBe(link.score[i]);
        const p = 1 / (1 + Math.exp(-link.score[i]));
        expect(Math.abs(Number(row.probability) - p)).toBeLessThanOrEqual(p * 5e-9);
        expect(Number(row.rank)).toBe(link.rank![i]);
      });
      expect(r.data.map((row) => row.split)).toEqual(['train', 'test', '-', '-']);
      // A huge logit: probability exactly 1 in float64, the logit still tells the ranks apart.
      expect(r.data[2].probability).toBe('1');
      expect(r.data[0].score).toBe('3.14159274');
    });
  }

  it('quotes only what needs it (a plain row is plain), a tab is plain in CSV and quoted in TSV', () => {
    const csv = new PredictionsWriter({ nodes }, 'csv');
    expect(csv.block({ ...link, a: link.a.slice(0, 1), b: link.b.slice(0, 1), rank: null })).toBe(
      'DB001,Plain,"DB,002","Comma, Inc.",1,train,3.14159274,0.958576171,\n',
    );
    expect(csv.quote('a\tb')).toBe('a\tb');
    expect(new PredictionsWriter({ nodes }, 'tsv').quote('a\tb')).toBe('"a\tb"');
    expect(() => new PredictionsWriter({ nodes }, 'xlsx' as 'csv')).toThrow(/csv or tsv/);
  });

  it('type and node rows: their own columns, type texts quoted, empty where nothing is known', () => {
    const w = new PredictionsWriter({ nodes, edgeTypes: ['inhibits, strongly', 'other', 'third'], classes: ['A', 'B'] }, 'csv');
    const typeText =
      w.header('type') +
      w.block({
        task: 'type',
        a: Int32Array.from([0]),
        b: Int32Array.from([1]),
        part: Uint8Array.from([1]),
        known: Int32Array.from([-1]),
        top: Int32Array.from([0, 2, 1]),
        probability: Float64Array.from([0.5, 0.3, 0.2]),
      });
    const t = parse(typeText, ',');
    expect(t.meta.fields).toEqual(predictionColumns('type'));
    expect(t.data[0]).toMatchObject({
      split: 'val',
      known_type: '',
      predicted_type: 'inhibits, strongly',
      predicted_probability: '0.5',
      type_2: 'third',
      probability_3: '0.2',
    });
    const nodeText =
      w.header('node') +
      w.block({
        task: 'node',
        node: Int32Array.from([2, 3]),
        part: Uint8Array.from([0, NO_PART]),
        label: Int32Array.from([1, -1]),
        probability: Float64Array.from([0.25, 0.75, 0.9, 0.1]),
        classes: 2,
      });
    const n = parse(nodeText, ',');
    expect(n.meta.fields).toEqual(['drug_id', 'drug_name', 'split', 'atc_group', 'predicted_group', 'predicted_probability', 'probability_A', 'probability_B']);
    expect(n.data).toEqual([
      {
        drug_id: 'DB003',
        drug_name: 'Say "hi"',
        split: 'train',
        atc_group: 'B',
        predicted_group: 'B',
        predicted_probability: '0.75',
        probability_A: '0.25',
        probability_B: '0.75',
      },
      {
        drug_id: 'DB004',
        drug_name: 'Two\nlines',
        split: '-',
        atc_group: '',
        predicted_group: 'A',
        predicted_probability: '0.9',
        probability_A: '0.9',
        probability_B: '0.1',
      },
    ]);
  });
});
