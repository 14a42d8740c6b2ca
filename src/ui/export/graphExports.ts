/** Exports of the graph in GraphML, GEXF, CX2, Cytoscape.js JSON; images of the network and the chart. */
import type { ExportEntry } from './types';

export const graphExports: ExportEntry[] = [];
