/** The stepper's screen list, what each screen reports as "the vector on screen", and drug search. */
import { describe, expect, it } from 'vitest';
import type { NodeExplanation } from '../../../src/model/teach/types';
import { findDrug, searchDrugs } from '../../../src/ui/teach/drugSearch';
import { highlightFor, screensFor, screenVector } from '../../../src/ui/teach/screens';

const layer = (l: number) => ({
  layer: l,
  aggregated: [l, 0],
  post: [l, 1],
  neighbours: [
    { node: 1, message: [0, 0] },
    { node: 0, message: [0, 0], self: true },
  ],
});
const e = { node: 0, layers: [layer(1), layer(2)], output: [9, 9], decoder: { partner: 4 } } as unknown as NodeExplanation;

describe('stepper screens', () => {
  it('are Message, Aggregate, Update per layer, then Output', () => {
    expect(screensFor(2).map((s) => `${s.layer}${s.kind[0]}`)).toEqual(['1m', '1a', '1u', '2m', '2a', '2u', '2o']);
  });

  it('report m_v, h_v^(l) and the output as the vector on screen', () => {
    const s = screensFor(2);
    expect(screenVector(s[0], e)).toBeNull();
    expect(screenVector(s[1], e)).toEqual([1, 0]);
    expect(screenVector(s[5], e)).toEqual([2, 1]);
    expect(screenVector(s[6], e)).toEqual([9, 9]);
  });

  it('light up the senders (not v itself) and, on Output, the partner', () => {
    const s = screensFor(2);
    expect(highlightFor(s[0], e)).toEqual({ focus: 0, senders: [1], flow: true, partner: null });
    expect(highlightFor(s[6], e)).toEqual({ focus: 0, senders: [], flow: false, partner: 4 });
  });
});

describe('drug search', () => {
  const nodes = [
    { id: 'DB00682', name: 'Warfarin' },
    { id: 'DB06605', name: 'Apixaban' },
    { id: 'DB00001', name: 'Lepirudin' },
  ];
  it('finds by DrugBank ID or name, case-insensitively', () => {
    expect(findDrug(nodes, 'db00682')).toBe(0);
    expect(findDrug(nodes, 'apixaban')).toBe(1);
    expect(findDrug(nodes, 'nothing')).toBeNull();
  });
  it('suggests prefix matches first', () => {
    expect(searchDrugs(nodes, 'a')).toEqual([1, 0]); // Apixaban starts with it, Warfarin contains it
    expect(searchDrugs(nodes, 'DB0000')).toEqual([2]);
  });
});
