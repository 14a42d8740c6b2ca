/**
 * Recognises the files of an OGB dataset folder that carry no interactions, so that dropping a whole
 * folder (ogbl-ddi's raw/: edge.csv.gz with num-node-list.csv.gz and num-edge-list.csv.gz) loads the
 * edges and skips the rest with a note instead of failing on a one-column table.
 *
 * A file is skipped only when both its name is one OGB writes (read_graph_raw.py's files besides
 * edge.csv, and the release note) and its content looks like it; anything else goes through the
 * normal detection, so a user's own table that happens to share a name is still read.
 */

/** OGB's raw files that are not the edge list, by base name (without .csv / .csv.gz), and what each holds. */
const NUMERIC_FILES: Record<string, string> = {
  'num-node-list': 'the number of nodes of each graph',
  'num-edge-list': 'the number of edges of each graph',
  'node-feat': 'node features',
  'edge-feat': 'edge features',
  'node-label': 'node labels',
  'graph-label': 'graph labels',
  edge_weight: 'edge weights',
  edge_year: 'edge years',
  node_year: 'node years',
  edge_reltype: 'edge relation types',
};

const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const COUNT = /^\d+$/;
/** Lines of the head looked at: enough to tell, cheap for a 64 KiB head of node features. */
const SAMPLE_LINES = 50;

/**
 * What `label` is when it is an OGB metadata file to skip ("OGB metadata (the number of nodes of
 * each graph: 4,267)"), or null when it is not one (or its content does not fit the name). `head` is the
 * file's start; `atEnd` says whether it is the whole file.
 */
export function ogbMetadata(label: string, head: string, atEnd: boolean): string | null {
  const base = label.slice(label.lastIndexOf('/') + 1);
  if (/^RELEASE_v\d+\.txt$/i.test(base)) {
    return /^\s*#\s*Release note/i.test(head) ? "OGB's release note" : null;
  }
  const name = /^(.+)\.csv(\.gz)?$/i.exec(base)?.[1];
  const what = name === undefined ? undefined : NUMERIC_FILES[name.toLowerCase()];
  if (!what) return null;
  const lines = head.replace(/^\uFEFF/, '').split(/\r?\n/);
  // The last line of a partial head may be cut short: judge complete lines only.
  if (!atEnd) lines.pop();
  const rows = lines.filter((l) => l.trim() !== '').slice(0, SAMPLE_LINES);
  if (rows.length === 0) return null;
  const cells = rows.map((r) => r.split(',').map((c) => c.trim()));
  if (!cells.every((row) => row.every((c) => NUMBER.test(c)))) return null;
  if (name!.toLowerCase().startsWith('num-')) {
    // One count per graph: a single column of non-negative integers.
    if (!cells.every((row) => row.length === 1 && COUNT.test(row[0]))) return null;
    const counts = cells.map((row) => Number(row[0]).toLocaleString('en-US'));
    const shown = counts.length === 1 ? counts[0] : `${counts.slice(0, 3).join(', ')}${counts.length > 3 ? ', …' : ''}`;
    return `OGB metadata (${what}: ${shown})`;
  }
  return `OGB metadata (${what})`;
}
