import { describe, expect, it } from 'vitest';
import { STRENGTH_STOPS, atcColor, ATC_GROUPS, NO_ATC_COLOR, strengthColor } from '../../../src/ui/colorScale';

describe('strengthColor', () => {
  it('hits the stops at 0, 0.25, …, 1', () => {
    STRENGTH_STOPS.forEach((stop, i) => expect(strengthColor(i / (STRENGTH_STOPS.length - 1))).toBe(stop));
  });

  it('interpolates channel-wise between stops', () => {
    // halfway between #deebf7 and #9ecae1: (222+158)/2=190=be, (235+202)/2=218.5→219=db, (247+225)/2=236=ec
    expect(strengthColor(0.125)).toBe('#bedbec');
  });

  it('clamps out-of-range values and greys NaN', () => {
    expect(strengthColor(-3)).toBe(STRENGTH_STOPS[0]);
    expect(strengthColor(7)).toBe(STRENGTH_STOPS.at(-1));
    expect(strengthColor(NaN)).toBe('#bbbbbb');
  });
});

describe('atcColor', () => {
  it('colours by the first ATC level and falls back for unknown or missing codes', () => {
    expect(atcColor(['B01AA03'])).toBe(ATC_GROUPS.B.color);
    expect(atcColor(['Z99'])).toBe(NO_ATC_COLOR);
    expect(atcColor(undefined)).toBe(NO_ATC_COLOR);
  });
});
