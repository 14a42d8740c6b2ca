/** The network legend drawn into the image exports: well-formed SVG, escaped, the ATC key only when asked. */
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from '../../../src/data/graph';
import { legendSvg, standaloneLegend, typedLegend } from '../../../src/ui/export/legendSvg';
import { nodeShapeSvg, UNIT_POLYGONS } from '../../../src/ui/export/nodeShapeSvg';
import { ATC_GROUPS, NO_ATC_COLOR, STRENGTH_STOPS } from '../../../src/ui/colorScale';

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('legend SVG', () => {
  it('is a well-formed standalone SVG with the strength scale’s stops and the candidate line', () => {
    const { svg, width, height } = standaloneLegend(null, null, 2);
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

  it('lists a typed graph’s kinds with their shapes and relations with their patterns, less the hidden ones', () => {
    const b = new GraphBuilder('t');
    const protein = b.kindId('protein');
    const sideEffect = b.kindId('side effect');
    const target = b.relationId('drug-target');
    const causes = b.relationId('drug-side effect');
    b.edge(b.node('DB1'), b.node('DB2'));
    b.edge(b.node('DB1'), b.node('P1', undefined, protein), undefined, undefined, target);
    b.edge(b.node('DB2'), b.node('P1', undefined, protein), undefined, undefined, target);
    b.edge(b.node('DB2'), b.node('S1', undefined, sideEffect), undefined, undefined, causes);
    const graph = b.build();
    const doc = parse(standaloneLegend(null, typedLegend(graph)).svg);
    const rows = (cls: string) => Array.from(doc.getElementsByTagName('g')).filter((g) => g.getAttribute('class') === cls);
    const kinds = rows('legend-kind');
    expect(kinds.map((g) => g.getElementsByTagName('text')[0].textContent)).toEqual(['drug · 2 (colour: ATC group)', 'protein · 1', 'side effect · 1']);
    // Drugs a grey circle (their colour is the ATC group's), proteins a blue rounded square, side effects a vermilion triangle.
    const icon = (g: XmlElement) => g.childNodes[0] as XmlElement;
    expect(kinds.map((g) => [icon(g).tagName, icon(g).getAttribute('fill')])).toEqual([
      ['circle', NO_ATC_COLOR],
      ['rect', '#0072B2'],
      ['polygon', '#D55E00'],
    ]);
    const relations = rows('legend-relation');
    expect(relations.map((g) => g.getElementsByTagName('text')[0].textContent)).toEqual(['drug-drug · 1', 'drug-target · 2', 'drug-side effect · 1']);
    expect(relations.map((g) => g.getElementsByTagName('line')[0].getAttribute('stroke-dasharray'))).toEqual([null, '2 2', '8 2 2 2']);
    expect(doc.documentElement!.textContent).not.toContain('ATC main group');

    const hidden = typedLegend(graph, new Set(['protein', 'drug-target']))!;
    expect([hidden.kinds.map((k) => k.name), hidden.relations.map((r) => r.name)]).toEqual([
      ['drug', 'side effect'],
      ['drug-drug', 'drug-side effect'],
    ]);
    // Two rows fewer, 15 px each.
    expect(legendSvg(null, typedLegend(graph)).height - legendSvg(null, hidden).height).toBe(30);

    const plain = new GraphBuilder('p');
    plain.edge(plain.node('DB1'), plain.node('DB2'));
    expect(typedLegend(plain.build())).toBeNull();
  });
});

describe('node shapes in the SVG image', () => {
  const points = (markup: string) =>
    parse(`<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`)
      .getElementsByTagName('polygon')[0]
      .getAttribute('points')!
      .split(' ')
      .map((p) => p.split(',').map(Number));

  it('draws drugs as the circles they always were', () => {
    expect(nodeShapeSvg('ellipse', 10, 20, 12, 12, ' fill="#f00"')).toBe('<circle cx="10" cy="20" r="6" fill="#f00"/>');
    expect(nodeShapeSvg('ellipse', 0, 0, 12, 6, '')).toBe('<ellipse cx="0" cy="0" rx="6" ry="3"/>');
  });

  it('places polygons in the node’s box as Cytoscape does (hand-computed corners)', () => {
    // Triangle: apex up, base on the box's bottom edge.
    expect(points(nodeShapeSvg('triangle', 100, 50, 20, 10, ''))).toEqual([
      [100, 45],
      [90, 55],
      [110, 55],
    ]);
    // Hexagon: flat top and bottom, points left and right (corners at 120°, 180°, … stretched to the box).
    expect(points(nodeShapeSvg('hexagon', 0, 0, 20, 20, ''))).toEqual([
      [-5, -10],
      [-10, 0],
      [-5, 10],
      [5, 10],
      [10, 0],
      [5, -10],
    ]);
    expect(points(nodeShapeSvg('diamond', 0, 0, 4, 4, ''))).toEqual([
      [0, 2],
      [2, 0],
      [0, -2],
      [-2, 0],
    ]);
    // Star: ten corners, the first at the top centre, filling the box, symmetric about the vertical axis.
    const star = UNIT_POLYGONS.star;
    expect(star).toHaveLength(20);
    expect([star[0], star[1]].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0, -1]);
    const xs = star.filter((_, i) => i % 2 === 0);
    const ys = star.filter((_, i) => i % 2 === 1);
    expect([Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-1, 1, -1, 1]);
    expect(xs.reduce((a, x) => a + x, 0)).toBeCloseTo(0, 12);
  });

  it('draws proteins as rounded squares with Cytoscape’s corner radius', () => {
    expect(nodeShapeSvg('round-rectangle', 10, 10, 20, 20, ' fill="#0072B2"')).toBe(
      '<rect class="round-rectangle" x="0" y="0" width="20" height="20" rx="5" fill="#0072B2"/>',
    );
    expect(nodeShapeSvg('round-rectangle', 0, 0, 80, 80, '')).toContain('rx="8"');
  });
});
