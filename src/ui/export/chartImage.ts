/**
 * The training chart (MetricsChart's inline SVG) as a standalone file: a copy with the page's CSS
 * written into each element's style (a file has no style sheet), xmlns, a white background and the
 * key the page shows beside it (loss, val AUROC, val AUPRC). PNG: that SVG drawn on a canvas at 2×.
 */
import { escapeXml } from '../../export/graphData';
import { canvasToPng, IMAGE_SCALE, svgImage } from './networkImage';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** What the chart's CSS sets; copied from the computed style. */
const STYLE_PROPERTIES = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-size', 'font-family', 'opacity'] as const;
const KEY_HEIGHT = 18;
const KEY = [
  ['loss', 'loss'],
  ['auroc', 'val AUROC'],
  ['auprc', 'val AUPRC'],
] as const;

export function findChart(root: ParentNode = document): SVGSVGElement {
  const chart = root.querySelector<SVGSVGElement>('svg.metrics-chart');
  if (!chart) throw new Error('The training chart is not on the page.');
  return chart;
}

export function chartSvg(chart: SVGSVGElement): { svg: string; width: number; height: number } {
  const box = chart.viewBox.baseVal;
  const width = box.width;
  const height = box.height + KEY_HEIGHT;
  const copy = chart.cloneNode(true) as SVGSVGElement;
  const originals = [chart, ...chart.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const computed = getComputedStyle(el);
    copies[i].setAttribute('style', STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';'));
  });
  copy.removeAttribute('class');
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `${box.x} ${box.y} ${width} ${height}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  copy.prepend(background);
  // The key, in the series' own colours.
  const key = KEY.map(([cls, label], k) => {
    const stroke = chart.querySelector(`.series.${cls}`);
    const color = stroke ? getComputedStyle(stroke).stroke : '#444';
    const x = 34 + k * 80;
    const y = box.height + 10;
    return `<line x1="${x}" y1="${y}" x2="${x + 12}" y2="${y}" stroke="${color}" stroke-width="3"/><text x="${x + 16}" y="${y + 3}" font-size="9" fill="#445">${escapeXml(label)}</text>`;
  }).join('');
  const markup = new XMLSerializer().serializeToString(copy).replace(/<\/svg>$/, `<g class="chart-key" font-family="system-ui, sans-serif">${key}</g></svg>`);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${markup}`, width, height };
}

export async function chartPng(chart: SVGSVGElement): Promise<Uint8Array> {
  const { svg, width, height } = chartSvg(chart);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * IMAGE_SCALE);
  canvas.height = Math.round(height * IMAGE_SCALE);
  const context = canvas.getContext('2d')!;
  context.drawImage(await svgImage(svg), 0, 0, canvas.width, canvas.height);
  return canvasToPng(canvas);
}
