/** The stepper's headings for R-GCN's relation groups, from the data's relation and kind names. */
import { describe, expect, it } from 'vitest';
import { aggregationNumbers } from '../../../src/ui/teach/latex';
import { groupWords, plural, speakers } from '../../../src/ui/teach/relationWords';

describe('relation group words', () => {
  it('names who speaks from the relation and the kinds', () => {
    expect(speakers('drug-target', 'drug', 'protein')).toBe('targets');
    expect(speakers('drug-drug', 'drug', 'drug')).toBe('interacting drugs');
    expect(speakers('drug-target', 'protein', 'drug')).toBe('drugs');
    expect(speakers('drug-protein', 'drug', 'protein')).toBe('proteins');
    expect(speakers('side effect-drug', 'drug', 'side effect')).toBe('side effects');
    // A relation name that names neither end: the senders' kind.
    expect(speakers('binds', 'drug', 'protein')).toBe('proteins');
    expect(plural('pathway')).toBe('pathways');
    expect(plural('body')).toBe('bodies');
  });

  it('reads the senders’ kind from the graph', () => {
    const graph = { nodeKind: Int32Array.from([0, 1]), kinds: ['drug', 'protein'] };
    const group = {
      index: 1,
      name: 'drug-target→drug',
      relation: 'drug-target',
      receiverKind: 'drug',
      coefficients: [],
      neighbours: [{ node: 1, input: [], message: [] }],
      mean: [],
    };
    expect(groupWords(group, graph)).toEqual({ heading: 'What the targets said', detail: 'drug-target: protein → drug' });
  });
});

describe('R-GCN aggregation numbers', () => {
  it('writes m_v as the sum of the relations’ means, numbered as the headings', () => {
    const line = aggregationNumbers('relation-mean', { component: 0, values: [0.5, -0.25], result: 0.25 }, 1);
    expect(line).toContain(String.raw`m_{v,1}^{(1)} &= \underbrace{0.500}_{1} + \underbrace{(-0.250)}_{2} \\ &= 0.2500`);
    expect(aggregationNumbers('relation-mean', { component: 2, values: [], result: 0 }, 2)).toContain(String.raw`(\text{no neighbours})`);
  });
});
