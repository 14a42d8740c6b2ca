/** The graph formats the page and the CLI write, by name; each writer is pure (no DOM, no tensors). */
import { writeCx2 } from './cx2';
import { writeCyjs } from './cyjs';
import { writeGexf } from './gexf';
import type { GraphExportInput } from './graphData';
import { writeGraphml } from './graphml';

export type GraphFormat = 'graphml' | 'gexf' | 'cx2' | 'cyjs';

export const GRAPH_FORMATS: Record<GraphFormat, { extension: string; type: string; write: (input: GraphExportInput) => string }> = {
  graphml: { extension: 'graphml', type: 'application/graphml+xml', write: writeGraphml },
  gexf: { extension: 'gexf', type: 'application/gexf+xml', write: writeGexf },
  cx2: { extension: 'cx2', type: 'application/json', write: writeCx2 },
  cyjs: { extension: 'cyjs', type: 'application/json', write: writeCyjs },
};

export const isGraphFormat = (f: string): f is GraphFormat => Object.hasOwn(GRAPH_FORMATS, f);
