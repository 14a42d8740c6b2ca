import { describe, expect, it } from 'vitest';
import type { ColumnDetection } from '../../../src/data/table/layout';
import { mappedRelation } from '../../../src/data/table/layout';
import { defaultRelation, initialMapping, kindFieldsOf, tablesToConfirm, withKindFields } from '../../../src/ui/typed/columnKinds';

const detection = (file: string, role: ColumnDetection['role'], confident = true): ColumnDetection => ({
  file,
  delimiter: '\t',
  hasHeader: true,
  header: ['Drug', 'Gene'],
  rows: [['DB00357', 'P05108']],
  role,
  mapping: role === 'edges' && confident ? { source: 0, target: 1 } : null,
  description: '',
  confidence: confident ? 'high' : 'low',
});

describe('column dialog kind fields', () => {
  it('leaves a drug–drug mapping untyped at the defaults', () => {
    const m = withKindFields({ source: 0, target: 1 }, { sourceKind: 'drug', targetKind: ' drug ', relation: '  ' });
    expect(m).toEqual({ source: 0, target: 1 });
    expect(mappedRelation(m)).toBeUndefined();
  });

  it('writes the CLI mapping fields and derives the relation the loader will use', () => {
    const m = withKindFields({ source: 0, target: 1 }, { sourceKind: 'drug', targetKind: 'protein', relation: '' });
    expect(m).toEqual({ source: 0, target: 1, targetKind: 'protein' });
    expect(mappedRelation(m)).toBe('drug-protein');
    expect(defaultRelation('drug', 'protein')).toBe('drug-protein');
    const named = withKindFields(m, { ...kindFieldsOf(m), relation: 'drug-target' });
    expect(mappedRelation(named)).toBe('drug-target');
    // Back to the defaults removes the fields again.
    expect(withKindFields(named, { sourceKind: 'drug', targetKind: 'drug', relation: '' })).toEqual({ source: 0, target: 1 });
  });

  it('proposes a drug–target table as drug–protein edges', () => {
    const m = initialMapping(detection('ChG.tsv', 'targets'));
    expect(m).toMatchObject({ source: 0, target: 1, hasHeader: true, targetKind: 'protein', relation: 'drug-target' });
    expect(initialMapping(detection('ddi.tsv', 'edges', false)).targetKind).toBeUndefined();
  });

  it('asks about a drug–target table only when nothing else could hold the interactions', () => {
    const targets = detection('ChG.tsv', 'targets');
    const edges = detection('ddi.tsv', 'edges');
    const unsure = detection('odd.tsv', 'edges', false);
    expect(tablesToConfirm([targets], true).map((d) => d.file)).toEqual(['ChG.tsv']);
    // Dropped with XML or added to a graph: the targets annotate drugs, as before.
    expect(tablesToConfirm([targets], false)).toEqual([]);
    // With a drug–drug table: a companion, as before.
    expect(tablesToConfirm([targets, edges], true)).toEqual([]);
    expect(tablesToConfirm([targets, unsure], true).map((d) => d.file)).toEqual(['odd.tsv']);
  });
});
