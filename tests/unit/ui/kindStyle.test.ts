import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../src/data/graph';
import { isTyped, kindStyles, presentKindsAndRelations, relationDashes } from '../../../src/ui/typed/kindStyle';

describe('node kinds and relations in the view', () => {
  it('keeps drugs as they were and tells every other kind apart by shape', () => {
    const styles = kindStyles(['drug', 'protein', 'side effect', 'gene', 'disease', 'pathway', 'cell', 'tissue']);
    expect(styles[0]).toEqual({ shape: 'ellipse', color: null });
    expect(styles[1].shape).toBe('round-rectangle');
    expect(styles[2].shape).toBe('triangle');
    // Seven kinds, seven shapes and seven colours (the palette cycles only past that).
    expect(new Set(styles.slice(0, 7).map((s) => s.shape)).size).toBe(7);
    expect(new Set(styles.slice(1, 7).map((s) => s.color)).size).toBe(6);
    // A protein looks the same whatever the graph's other kinds are.
    expect(kindStyles(['drug', 'gene', 'protein'])[2]).toEqual(styles[1]);
  });

  it('draws drug-drug solid and the other relations with distinct dashes', () => {
    expect(relationDashes(['drug-drug', 'drug-target', 'drug-side effect'])).toEqual([[], [2, 2], [8, 2, 2, 2]]);
    expect(relationDashes(['drug-target'])).toEqual([[]]);
    const many = relationDashes(['a', 'b', 'c', 'd', 'e']);
    expect(new Set(many.map((d) => d.join(','))).size).toBe(5);
  });

  it('lists only the kinds and relations present, with counts; untyped graphs are not typed', () => {
    const b = new GraphBuilder('t');
    const protein = b.kindId('protein');
    const target = b.relationId('drug-target');
    b.edge(b.node('DB1'), b.node('P1', undefined, protein), undefined, undefined, target);
    b.edge(b.node('DB2'), b.node('P1', undefined, protein), undefined, undefined, target);
    const g = b.build();
    expect(isTyped(g)).toBe(true);
    expect(presentKindsAndRelations(g)).toEqual({
      kinds: [
        { name: 'drug', count: 2 },
        { name: 'protein', count: 1 },
      ],
      relations: [{ name: 'drug-target', count: 2 }],
    });
    const plain = new GraphBuilder('p');
    plain.edge(plain.node('DB1'), plain.node('DB2'));
    expect(isTyped(plain.build())).toBe(false);
  });
});
