import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../src/data/graph';
import { kindOfNode, searchableKinds, searchDrugs } from '../../../src/ui/teach/drugSearch';

describe('search across node kinds', () => {
  const b = new GraphBuilder('t');
  const protein = b.kindId('protein');
  const effect = b.kindId('side effect');
  const celecoxib = b.node('DB00482', 'Celecoxib');
  const cox2 = b.node('P35354', 'PTGS2', protein);
  const nausea = b.node('C0027497', 'nausea', effect);
  const p3 = b.node('P3', 'P3', protein);
  b.edge(celecoxib, cox2, undefined, undefined, b.relationId('drug-target'));
  b.edge(celecoxib, nausea, undefined, undefined, b.relationId('drug-side effect'));
  b.edge(p3, cox2, undefined, undefined, b.relationId('ppi'));
  const g = b.build();

  it('finds proteins and side effects by id or name, exact match first, and names each hit’s kind', () => {
    expect(searchDrugs(g.nodes, 'p35354')).toEqual([cox2]);
    expect(searchDrugs(g.nodes, 'nausea')).toEqual([nausea]);
    // "p3" is P3 exactly, and the start of P35354.
    expect(searchDrugs(g.nodes, 'P3')).toEqual([p3, cox2]);
    expect([celecoxib, cox2, nausea].map((i) => kindOfNode(g, i))).toEqual(['drug', 'protein', 'side effect']);
    expect(searchableKinds(g)).toBe('a drug, protein or side effect');
  });

  it('says nothing about kinds on an untyped graph', () => {
    const plain = new GraphBuilder('p');
    plain.edge(plain.node('DB1', 'Aspirin'), plain.node('DB2', 'Warfarin'));
    const pg = plain.build();
    expect(kindOfNode(pg, 0)).toBeNull();
    expect(searchableKinds(pg)).toBe('a drug');
    expect(searchDrugs(pg.nodes, 'arin')).toEqual([1]);
  });
});
