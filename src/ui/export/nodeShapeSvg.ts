/**
 * A node drawn as SVG in the shape Cytoscape gives it (the `shape` style: the node kinds' shapes of
 * kindStyle.ts), so the SVG image tells proteins from drugs as the view does. Polygons are
 * Cytoscape's own unit outlines (x, y in [-1, 1], y down, fitted to the node's box); any shape not
 * listed is drawn as the ellipse.
 */
const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** Cytoscape's regular polygon: `sides` corners on the unit circle, the first at the top (y down). */
function ngon(sides: number, rotation: number): number[] {
  const step = (2 * Math.PI) / sides;
  const start = (sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2) + rotation;
  return Array.from({ length: sides }, (_, i) => [Math.cos(start + i * step), Math.sin(-(start + i * step))]).flat();
}

/** Cytoscape's fit: stretched to a width and height of 2, then moved down if the top is above -1. */
function fitToSquare(points: number[]): number[] {
  const xs = points.filter((_, i) => i % 2 === 0);
  const ys = points.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const top = Math.min(...ys) * sy;
  return points.map((v, i) => (i % 2 === 0 ? v * sx : v * sy + (top < -1 ? -1 - top : 0)));
}

/** Cytoscape's five-pointed star: outer corners on the unit circle, inner ones at 1.57 × a regular star's radius. */
function star(): number[] {
  const outer = ngon(5, 0);
  const inner = ngon(5, Math.PI / 5).map((v) => v * 0.5 * (3 - Math.sqrt(5)) * 1.57);
  const points: number[] = [];
  for (let i = 0; i < 5; i++) points.push(outer[2 * i], outer[2 * i + 1], inner[2 * i], inner[2 * i + 1]);
  return fitToSquare(points);
}

/** Outlines as x, y pairs in the unit box. */
export const UNIT_POLYGONS: Record<string, readonly number[]> = {
  triangle: fitToSquare(ngon(3, 0)),
  diamond: [0, 1, 1, 0, 0, -1, -1, 0],
  hexagon: fitToSquare(ngon(6, 0)),
  star: star(),
  vee: [-1, -1, 0, -0.333, 1, -1, 0, 1],
};

/**
 * Markup of one node of `shape` centred at (x, y) with the node's width and height; `paint` holds its
 * fill and stroke attributes (with a leading space). A circle is written exactly as before kinds existed.
 */
export function nodeShapeSvg(shape: string, x: number, y: number, width: number, height: number, paint: string): string {
  const polygon = UNIT_POLYGONS[shape];
  if (polygon) {
    const points: string[] = [];
    for (let i = 0; i < polygon.length; i += 2) points.push(`${fmt(x + (polygon[i] * width) / 2)},${fmt(y + (polygon[i + 1] * height) / 2)}`);
    return `<polygon class="${shape}" points="${points.join(' ')}"${paint}/>`;
  }
  if (shape === 'round-rectangle') {
    // Cytoscape's automatic corner radius.
    const radius = Math.min(width / 4, height / 4, 8);
    return `<rect class="${shape}" x="${fmt(x - width / 2)}" y="${fmt(y - height / 2)}" width="${fmt(width)}" height="${fmt(height)}" rx="${fmt(radius)}"${paint}/>`;
  }
  if (width === height) return `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${fmt(width / 2)}"${paint}/>`;
  return `<ellipse cx="${fmt(x)}" cy="${fmt(y)}" rx="${fmt(width / 2)}" ry="${fmt(height / 2)}"${paint}/>`;
}
