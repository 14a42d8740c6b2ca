/**
 * Images of the network view as on screen: PNG at 2× (the edge layer, Cytoscape's drugs and
 * labels, and the legend composed onto one canvas) and SVG (the same, drawn as vectors from the
 * drug positions, the edge layer's lines and the legend).
 */
import type cytoscape from 'cytoscape';
import { escapeXml } from '../../export/graphData';
import { EdgeLayer } from '../network/edgeLayer';
import { legendSvg, standaloneLegend, type TypedLegend } from './legendSvg';
import { nodeShapeSvg } from './nodeShapeSvg';

/** Export resolution: pixels per CSS pixel of the view. */
export const IMAGE_SCALE = 2;
/** The legend's inset from the view's bottom-left corner (the page's 0.75rem). */
const LEGEND_INSET = 12;

const fmt = (x: number) => String(Math.round(x * 100) / 100);

function viewSize(cy: cytoscape.Core): { width: number; height: number } {
  const c = cy.container();
  if (!c || c.clientWidth === 0 || c.clientHeight === 0) throw new Error('The network view is not on screen.');
  return { width: c.clientWidth, height: c.clientHeight };
}

export async function canvasToPng(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
  if (!blob) throw new Error('The browser could not encode the image.');
  return new Uint8Array(await blob.arrayBuffer());
}

/** An SVG document as a decoded image (self-contained: no external references). */
export async function svgImage(svg: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  return img;
}

/**
 * PNG of the view at 2×: background, edges (drawn afresh at 2× by the edge layer), drugs with labels, legend.
 * `atcGroups` (here and in networkSvg): the legend's node-colour key, null to leave it out; `typed`: the
 * legend's kinds and relations on a typed graph (typedLegend), null otherwise.
 */
export async function networkPng(cy: cytoscape.Core, atcGroups: readonly string[] | null, typed: TypedLegend | null = null): Promise<Uint8Array> {
  const { width, height } = viewSize(cy);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * IMAGE_SCALE);
  canvas.height = Math.round(height * IMAGE_SCALE);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  EdgeLayer.of(cy)?.paint(context, IMAGE_SCALE);
  // maxWidth/maxHeight rather than scale: with scale Cytoscape multiplies by the device pixel ratio again.
  const drugs = (await cy.png({ output: 'blob-promise', full: false, maxWidth: canvas.width, maxHeight: canvas.height })) as Blob;
  const bitmap = await createImageBitmap(drugs);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const legend = standaloneLegend(atcGroups, typed, IMAGE_SCALE);
  const image = await svgImage(legend.svg);
  const s = IMAGE_SCALE;
  context.drawImage(image, LEGEND_INSET * s, canvas.height - (LEGEND_INSET + legend.height) * s, legend.width * s, legend.height * s);
  return canvasToPng(canvas);
}

/**
 * SVG of the view: the edge layer's lines, the nodes with their shapes, colours and labels, the
 * stepper's overlay edges, the legend.
 */
export function networkSvg(cy: cytoscape.Core, atcGroups: readonly string[] | null, typed: TypedLegend | null = null): string {
  const { width, height } = viewSize(cy);
  const zoom = cy.zoom();
  const pan = cy.pan();
  const lines = EdgeLayer.of(cy)?.lines() ?? [];
  const known = lines.filter((l) => l.kind === 'known');
  const candidates = lines.filter((l) => l.kind === 'candidate');
  const line = (l: (typeof lines)[number]) =>
    `<line class="${l.kind}" x1="${fmt(l.x1)}" y1="${fmt(l.y1)}" x2="${fmt(l.x2)}" y2="${fmt(l.y2)}" stroke="${l.color}" stroke-width="${fmt(l.width)}" stroke-opacity="${fmt(l.opacity)}"${l.kind === 'known' && l.dash.length > 0 ? ` stroke-dasharray="${l.dash.join(' ')}"` : ''}/>`;
  // Cytoscape hides labels whose on-screen size is below min-zoomed-font-size.
  const overlay = cy.edges(':visible').map((e) => {
    const s = e.source().position();
    const t = e.target().position();
    return `<line class="overlay" x1="${fmt(s.x)}" y1="${fmt(s.y)}" x2="${fmt(t.x)}" y2="${fmt(t.y)}" stroke="${e.style('line-color')}" stroke-width="${fmt(parseFloat(e.style('width')))}" stroke-opacity="${e.style('opacity')}"/>`;
  });
  const nodes = cy.nodes(':visible').map((n) => {
    const p = n.position();
    const r = n.height() / 2;
    const border = parseFloat(n.style('border-width')) || 0;
    const paint = ` fill="${n.style('background-color')}" fill-opacity="${n.style('background-opacity')}"${
      border > 0 ? ` stroke="${n.style('border-color')}" stroke-width="${fmt(border)}"` : ''
    }`;
    const shape = nodeShapeSvg(String(n.style('shape')), p.x, p.y, n.width(), n.height(), paint);
    const label = String(n.style('label') ?? '');
    const size = parseFloat(n.style('font-size')) || 9;
    const minSize = parseFloat(n.style('min-zoomed-font-size')) || 0;
    if (!label || size * zoom < minSize) return shape;
    const y = p.y + r + (parseFloat(n.style('text-margin-y')) || 0);
    return `${shape}<text x="${fmt(p.x)}" y="${fmt(y)}" font-size="${fmt(size)}" fill="${n.style('color')}" text-anchor="middle" dominant-baseline="hanging">${escapeXml(label)}</text>`;
  });
  const legend = legendSvg(atcGroups, typed);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<g transform="matrix(${zoom} 0 0 ${zoom} ${pan.x} ${pan.y})">`,
    `<g class="interactions" stroke-linecap="round">${known.map(line).join('')}</g>`,
    `<g class="candidates" stroke-dasharray="6 3">${candidates.map(line).join('')}</g>`,
    `<g class="overlays">${overlay.join('')}</g>`,
    `<g class="drugs">${nodes.join('')}</g>`,
    '</g>',
    `<g transform="translate(${LEGEND_INSET} ${fmt(height - LEGEND_INSET - legend.height)})">${legend.markup}</g>`,
    '</svg>',
  ].join('\n');
}
