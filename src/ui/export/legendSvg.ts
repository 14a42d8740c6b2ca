/**
 * The network legend as SVG markup (no DOM), for the network's SVG and PNG images: the strength
 * scale, the candidate line and, when the page's legend has it open, the node colours of the ATC
 * groups present; on a typed graph also its node kinds (shape and colour) and relations (line
 * pattern), as the page's legend lists them. Long lines are broken in two: the file's font may be
 * wider than the page's.
 */
import type { DrugGraph } from '../../data/graph';
import { escapeXml } from '../../export/graphData';
import { ATC_GROUPS, CANDIDATE_COLOR, NO_ATC_COLOR, STRENGTH_STOPS } from '../colorScale';
import { isTyped, kindStyles, presentKindsAndRelations, relationDashes, type KindShape } from '../typed/kindStyle';
import { nodeShapeSvg } from './nodeShapeSvg';

export const LEGEND_TITLE = ['Predicted association strength', '(known interactions)'];
export const LEGEND_CANDIDATE = ['candidate: strong prediction,', 'not a known interaction'];

const WIDTH = 250;
const PAD = 8;
const ROW = 15;
/** A mid-strength blue, as the page's legend draws the relations' patterns. */
const RELATION_COLOR = '#4292c6';
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"';

export interface LegendSvg {
  /** Markup of a <g> at the origin; place it with a transform. */
  markup: string;
  width: number;
  height: number;
}

/** A typed graph's kinds and relations as the image legend lists them. */
export interface TypedLegend {
  kinds: { name: string; count: number; shape: KindShape; color: string | null }[];
  relations: { name: string; count: number; dash: number[] }[];
}

/** The kinds and relations a typed graph holds, less those the view hides (the `hide` setting); null when untyped. */
export function typedLegend(graph: DrugGraph, hidden: ReadonlySet<string> = new Set()): TypedLegend | null {
  if (!isTyped(graph)) return null;
  const allKinds = graph.kinds ?? ['drug'];
  const allRelations = graph.relations ?? ['drug-drug'];
  const styles = kindStyles(allKinds);
  const dashes = relationDashes(allRelations);
  const { kinds, relations } = presentKindsAndRelations(graph);
  return {
    kinds: kinds.filter((k) => !hidden.has(k.name)).map((k) => ({ ...k, ...styles[allKinds.indexOf(k.name)] })),
    relations: relations.filter((r) => !hidden.has(r.name)).map((r) => ({ ...r, dash: dashes[allRelations.indexOf(r.name)] })),
  };
}

/**
 * `groups`: the ATC main groups to list (see presentAtcGroups); null leaves the node-colour key out.
 * `typed`: a typed graph's kinds and relations (typedLegend); null on untyped graphs.
 */
export function legendSvg(groups: readonly string[] | null, typed: TypedLegend | null = null, idPrefix = 'legend'): LegendSvg {
  const gradientId = `${idPrefix}-strength`;
  const stops = STRENGTH_STOPS.map((c, i) => `<stop offset="${i / (STRENGTH_STOPS.length - 1)}" stop-color="${c}"/>`).join('');
  const inner = WIDTH - 2 * PAD;
  const rows: string[] = [];
  let y = 96;
  if (groups) {
    y += 8 + ROW;
    rows.push(`<text x="${PAD}" y="${y}" font-weight="600">Node colour: ATC main group</text>`);
    const swatch = (color: string, label: string) => {
      y += ROW;
      rows.push(`<circle cx="${PAD + 5}" cy="${y - 4}" r="5" fill="${color}"/><text x="${PAD + 16}" y="${y}">${escapeXml(label)}</text>`);
    };
    for (const g of groups) swatch(ATC_GROUPS[g].color, `${g} · ${ATC_GROUPS[g].name}`);
    swatch(NO_ATC_COLOR, 'no ATC code');
  }
  if (typed && typed.kinds.length > 0) {
    y += 8 + ROW;
    rows.push(`<text x="${PAD}" y="${y}" font-weight="600">Node kinds</text>`);
    for (const k of typed.kinds) {
      y += ROW;
      const icon = nodeShapeSvg(k.shape, PAD + 5, y - 4, 10, 10, ` fill="${k.color ?? NO_ATC_COLOR}"`);
      const label = `${k.name} · ${k.count.toLocaleString('en-US')}${k.color === null ? ' (colour: ATC group)' : ''}`;
      rows.push(`<g class="legend-kind">${icon}<text x="${PAD + 16}" y="${y}">${escapeXml(label)}</text></g>`);
    }
  }
  if (typed && typed.relations.length > 0) {
    y += 8 + ROW;
    rows.push(`<text x="${PAD}" y="${y}" font-weight="600">Relations</text>`);
    for (const r of typed.relations) {
      y += ROW;
      const dash = r.dash.length > 0 ? ` stroke-dasharray="${r.dash.join(' ')}"` : '';
      rows.push(
        `<g class="legend-relation"><line x1="${PAD}" y1="${y - 4}" x2="${PAD + 28}" y2="${y - 4}" stroke="${RELATION_COLOR}" stroke-width="2"${dash}/>` +
          `<text x="${PAD + 36}" y="${y}">${escapeXml(`${r.name} · ${r.count.toLocaleString('en-US')}`)}</text></g>`,
      );
    }
  }
  const height = y + PAD;
  const markup =
    `<g class="legend" ${FONT} font-size="11" fill="#222">` +
    `<defs><linearGradient id="${gradientId}" x1="0" x2="1" y1="0" y2="0">${stops}</linearGradient></defs>` +
    `<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${height - 1}" rx="6" fill="#ffffff" fill-opacity="0.94" stroke="#dde3ea"/>` +
    `<text x="${PAD}" y="19" font-weight="600">${escapeXml(LEGEND_TITLE[0])}</text>` +
    `<text x="${PAD}" y="33" font-weight="600">${escapeXml(LEGEND_TITLE[1])}</text>` +
    `<rect x="${PAD}" y="40" width="${inner}" height="10" rx="3" fill="url(#${gradientId})" stroke="#ccccdd"/>` +
    `<g fill="#555566"><text x="${PAD}" y="63">0</text><text x="${PAD + inner / 2}" y="63" text-anchor="middle">0.5</text>` +
    `<text x="${WIDTH - PAD}" y="63" text-anchor="end">1</text></g>` +
    `<line class="legend-candidate" x1="${PAD}" y1="77" x2="${PAD + 28}" y2="77" stroke="${CANDIDATE_COLOR}" stroke-width="2.5" stroke-dasharray="5 3"/>` +
    `<text x="${PAD + 36}" y="81">${escapeXml(LEGEND_CANDIDATE[0])}</text>` +
    `<text x="${PAD + 36}" y="95">${escapeXml(LEGEND_CANDIDATE[1])}</text>` +
    rows.join('') +
    '</g>';
  return { markup, width: WIDTH, height };
}

/** The legend alone as a standalone SVG document, `scale` times its size (to rasterise sharply). */
export function standaloneLegend(
  groups: readonly string[] | null,
  typed: TypedLegend | null = null,
  scale = 1,
): { svg: string; width: number; height: number } {
  const { markup, width, height } = legendSvg(groups, typed);
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width * scale}" height="${height * scale}" viewBox="0 0 ${width} ${height}">${markup}</svg>`,
    width,
    height,
  };
}
