/** Exports of the graph in GraphML, GEXF, CX2, Cytoscape.js JSON; images of the network and the chart. */
import type cytoscape from 'cytoscape';
import type { GraphExportInput } from '../../export/graphData';
import { graphFileName } from '../../export/fileName';
import type { GraphFormat } from '../../export/graphFormats';
import { presentAtcGroups } from '../colorScale';
import { predictedRelation } from '../typed/relationWording';
import { chartPng, chartSvg, findChart } from './chartImage';
import { hiddenNames } from '../network/viewFilter';
import { typedLegend } from './legendSvg';
import { networkPng, networkSvg } from './networkImage';
import type { ExportContext, ExportEntry, ExportResult } from './types';

const encoder = new TextEncoder();

const needsGraph = (ctx: ExportContext): true | string => (ctx.store.getState().graph ? true : 'Load data first.');
const needsView = (ctx: ExportContext): true | string => (ctx.getCy() ? true : 'The network view is not shown yet.');
const needsTraining = (ctx: ExportContext): true | string => (ctx.store.getState().history.length > 0 ? true : 'Train at least one epoch first.');

/** Where the view draws each drug (node index → model coordinates). */
function drawnPositions(cy: cytoscape.Core | null): Map<number, { x: number; y: number }> {
  const positions = new Map<number, { x: number; y: number }>();
  cy?.nodes().forEach((n) => {
    const p = n.position();
    positions.set(n.data('index') as number, { x: p.x, y: p.y });
  });
  return positions;
}

/** The graph, the current model's scores of every known pair (asked of the worker now) and the listed candidates. */
async function graphInput(ctx: ExportContext): Promise<GraphExportInput> {
  const { graph, candidates, settings, history } = ctx.store.getState();
  if (!graph) throw new Error('Load data first.');
  const known = await ctx.controller.trainer.knownPairScores();
  if (ctx.store.getState().graph !== graph) throw new Error('The data changed while the file was being prepared; try again.');
  const epoch = history.at(-1)?.epoch ?? 0;
  return {
    graph,
    known,
    candidates,
    positions: drawnPositions(ctx.getCy()),
    candidateRelation: predictedRelation(graph.relations, settings.relation) ?? undefined,
    description: `${settings.task} task, model ${settings.model}, decoder ${settings.decoder}, ${settings.layers} × ${settings.hidden}, features ${settings.features}, seed ${settings.seed}, epoch ${epoch}`,
  };
}

function graphEntry(kind: GraphFormat, label: string, help: string): ExportEntry {
  return {
    kind,
    label,
    help,
    group: 'Network',
    available: needsGraph,
    async run(ctx): Promise<ExportResult> {
      // The writers (graphology among them) load on first use, not with the page.
      const format = (await import('../../export/graphFormats')).GRAPH_FORMATS[kind];
      const input = await graphInput(ctx);
      return { name: graphFileName(input.graph.name, format.extension), type: format.type, bytes: encoder.encode(format.write(input)) };
    },
  };
}

const requireCy = (ctx: ExportContext) => {
  const cy = ctx.getCy();
  if (!cy) throw new Error('The network view is not shown yet.');
  return cy;
};
/** The legend's node-colour key as the page shows it: listed only while its section is open (it covers the view otherwise). */
const groupsOf = (ctx: ExportContext) =>
  document.querySelector('[data-testid="legend"] details[open]') ? presentAtcGroups(ctx.store.getState().graph?.nodes ?? []) : null;
/** The legend's kinds and relations on a typed graph: those the view shows (null when untyped). */
const kindsOf = (ctx: ExportContext) => {
  const { graph, settings } = ctx.store.getState();
  return graph ? typedLegend(graph, new Set(hiddenNames(settings.hide))) : null;
};
const baseName = (ctx: ExportContext) => graphFileName(ctx.store.getState().graph?.name ?? 'network', '').slice(0, -1);

export const graphExports: ExportEntry[] = [
  graphEntry('graphml', 'GraphML', 'The graph with every prediction, for Cytoscape, Gephi, yEd and NetworkX (.graphml).'),
  graphEntry('gexf', 'GEXF', 'The graph with every prediction, for Gephi and Gephi Lite (GEXF 1.3).'),
  graphEntry('cx2', 'CX2', 'The graph with every prediction, for Cytoscape and NDEx (.cx2).'),
  graphEntry('cyjs', 'Cytoscape.js JSON', 'The graph with every prediction as Cytoscape.js elements (.cyjs, also opens in Cytoscape).'),
  {
    kind: 'png',
    label: 'Network PNG',
    help: 'The network view as shown, with its legend, at twice the screen resolution.',
    group: 'Network',
    available: needsView,
    async run(ctx) {
      return { name: `${baseName(ctx)}-network.png`, type: 'image/png', bytes: await networkPng(requireCy(ctx), groupsOf(ctx), kindsOf(ctx)) };
    },
  },
  {
    kind: 'svg',
    label: 'Network SVG',
    help: 'The network view as shown, with its legend, as a vector image.',
    group: 'Network',
    available: needsView,
    async run(ctx) {
      return { name: `${baseName(ctx)}-network.svg`, type: 'image/svg+xml', bytes: encoder.encode(networkSvg(requireCy(ctx), groupsOf(ctx), kindsOf(ctx))) };
    },
  },
  {
    kind: 'chart-svg',
    label: 'Chart SVG',
    help: 'The training chart (loss, validation AUROC and AUPRC by epoch) as a vector image.',
    group: 'Model and runs',
    available: needsTraining,
    async run(ctx) {
      return { name: `${baseName(ctx)}-training.svg`, type: 'image/svg+xml', bytes: encoder.encode(chartSvg(findChart()).svg) };
    },
  },
  {
    kind: 'chart-png',
    label: 'Chart PNG',
    help: 'The training chart (loss, validation AUROC and AUPRC by epoch) at twice its size.',
    group: 'Model and runs',
    available: needsTraining,
    async run(ctx) {
      return { name: `${baseName(ctx)}-training.png`, type: 'image/png', bytes: await chartPng(findChart()) };
    },
  },
];
