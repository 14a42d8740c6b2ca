/** The network legend drawn into the image exports: well-formed SVG, escaped, the ATC key only when asked. */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { legendSvg, standaloneLegend } from '../../../src/ui/export/legendSvg';
import { ATC_GROUPS, STRENGTH_STOPS } from '../../../src/ui/colorScale';

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('legend SVG', () => {
  it('is a well-formed standalone SVG with the strength scale’s stops and the candidate line', () => {
    const { svg, width, height } = standaloneLegend(null, 2);
    const doc = parse(svg);
    const root = doc.documentElement!;
    expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual([String(width * 2), String(height * 2)]);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(Array.from(doc.getElementsByTagName('stop'), (s) => s.getAttribute('stop-color'))).toEqual([...STRENGTH_STOPS]);
    expect(doc.getElementsByTagName('line')).toHaveLength(1);
    expect(root.textContent).not.toContain('ATC');
  });

  it('lists the given ATC groups (escaped) and grows by one row per group', () => {
    const none = legendSvg(null);
    const two = legendSvg(['A', 'L']);
    const three = legendSvg(['A', 'C', 'L']);
    expect(three.height - two.height).toBe(15);
    expect(two.height).toBeGreaterThan(none.height);
    const doc = parse(`<svg xmlns="http://www.w3.org/2000/svg">${two.markup}</svg>`);
    const text = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent);
    expect(text).toContain(`A · ${ATC_GROUPS.A.name}`);
    expect(text).toContain('L · Antineoplastic & immunomodulating');
    expect(two.markup).toContain('Antineoplastic &amp; immunomodulating');
    expect(text).toContain('no ATC code');
    expect(Array.from(doc.getElementsByTagName('circle'), (c) => c.getAttribute('fill'))).toEqual([ATC_GROUPS.A.color, ATC_GROUPS.L.color, '#cccccc']);
  });
});
