/**
 * OGB dataset files that carry no interactions (ogbl-ddi's raw/num-node-list.csv.gz and
 * num-edge-list.csv.gz, and the like) are skipped with a note instead of failing the load; a file
 * that only shares the name is read as usual. Synthetic files first, then the real ogbl-ddi raw/
 * folder when ../shared/datasets has it.
 */
import { existsSync } from 'node:fs';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../../src/data/detectColumns';
import { LoadError } from '../../../src/data/errors';
import { loadFiles } from '../../../src/data/loadFiles';
import { ogbMetadata } from '../../../src/data/ogbMetadata';
import { memoryFile } from '../../helpers/inputs';
import { describeWithSharedData, sharedFile, sharedPath } from '../../helpers/sharedData';

describe('ogbMetadata (by name and content)', () => {
  it('recognises the per-graph counts, plain or gzipped, under any folder', () => {
    expect(ogbMetadata('num-node-list.csv', '4267\n', true)).toBe('OGB metadata (the number of nodes of each graph: 4,267)');
    expect(ogbMetadata('ogbl_ddi/raw/num-edge-list.csv.gz', '1067911\n', true)).toBe('OGB metadata (the number of edges of each graph: 1,067,911)');
    // A graph-property dataset: one count per graph.
    expect(ogbMetadata('num-node-list.csv', '18\n21\n9\n30\n', true)).toBe('OGB metadata (the number of nodes of each graph: 18, 21, 9, …)');
  });

  it('recognises the other numeric side files and the release note', () => {
    expect(ogbMetadata('node-feat.csv.gz', '0.5,-1.25,3e-2\n1,2,3\n', true)).toBe('OGB metadata (node features)');
    expect(ogbMetadata('edge_weight.csv.gz', '1\n2\n1\n', true)).toBe('OGB metadata (edge weights)');
    expect(ogbMetadata('RELEASE_v1.txt', '# Release note for ogbl-ddi\n\n### v1\n', true)).toBe("OGB's release note");
  });

  it('judges only complete lines of a partial head', () => {
    // "0.3,0." may be a number cut by the chunk boundary: the last line of a partial head is not judged.
    expect(ogbMetadata('node-feat.csv', '0.1,0.2\n0.3,0.', false)).toBe('OGB metadata (node features)');
    expect(ogbMetadata('num-node-list.csv', '42', false)).toBeNull(); // not one complete line yet
  });

  it('leaves alone files whose content does not fit the name, and other names', () => {
    expect(ogbMetadata('num-node-list.csv', 'DB00001,DB00002\nDB00003,DB00004\n', true)).toBeNull();
    expect(ogbMetadata('num-edge-list.csv', '12,40\n', true)).toBeNull(); // two columns: not a count list
    expect(ogbMetadata('num-node-list.csv', '-3\n', true)).toBeNull();
    expect(ogbMetadata('edge.csv', '0,1\n1,2\n', true)).toBeNull(); // OGB's edge list itself
    expect(ogbMetadata('my-num-node-list.csv', '4267\n', true)).toBeNull();
    expect(ogbMetadata('RELEASE_v1.txt', 'DB00001\tDB00002\n', true)).toBeNull();
    expect(ogbMetadata('num-node-list.csv', '\n\n', true)).toBeNull();
  });
});

const gz = (text: string) => gzipSync(strToU8(text));
const EDGES = '0,1\n1,2\n2,3\n3,0\n0,2\n';

describe('loading a dropped OGB raw/ folder (synthetic files)', () => {
  it('loads edge.csv.gz and skips num-node-list / num-edge-list with a note each, in any order', async () => {
    const files = [memoryFile('num-node-list.csv.gz', gz('4\n')), memoryFile('edge.csv.gz', gz(EDGES)), memoryFile('num-edge-list.csv.gz', gz('5\n'))];
    const { graph, report } = await loadFiles(files);
    expect([graph.nodes.length, graph.edgeSrc.length]).toEqual([4, 5]);
    expect(report.warnings).toEqual([expect.stringMatching(/^Only 5 interactions: too few for the 85\/5\/10 split/)]);
    expect(report.notes).toEqual(
      expect.arrayContaining([
        'num-node-list.csv.gz: OGB metadata (the number of nodes of each graph: 4), no interactions; skipped.',
        'num-edge-list.csv.gz: OGB metadata (the number of edges of each graph: 5), no interactions; skipped.',
      ]),
    );
    expect(report.files).toEqual(['num-node-list.csv.gz', 'edge.csv.gz', 'num-edge-list.csv.gz']);
  });

  it('gives the same graph as edge.csv.gz alone', async () => {
    const alone = await loadFiles([memoryFile('edge.csv.gz', gz(EDGES))]);
    const folder = await loadFiles([memoryFile('edge.csv.gz', gz(EDGES)), memoryFile('num-node-list.csv.gz', gz('4\n'))]);
    expect(Array.from(folder.graph.edgeSrc)).toEqual(Array.from(alone.graph.edgeSrc));
    expect(Array.from(folder.graph.edgeDst)).toEqual(Array.from(alone.graph.edgeDst));
    expect(folder.graph.nodes).toEqual(alone.graph.nodes);
  });

  it('says what the files are when nothing but metadata was given', async () => {
    const e = await loadFiles([memoryFile('num-node-list.csv', '4\n'), memoryFile('num-edge-list.csv', '5\n')]).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).kind).toBe('no-interactions');
    expect((e as LoadError).message).toMatch(
      /none of the files lists drug–drug interactions; num-node-list\.csv is OGB metadata \(the number of nodes of each graph: 4\); num-edge-list\.csv is OGB metadata .*Add the interactions too \(for an OGB dataset, raw\/edge\.csv\.gz\)\.$/,
    );
  });

  it('still reads a table that only shares the name, and one the user mapped', async () => {
    const lookalike = await loadFiles([memoryFile('num-node-list.csv', 'Drug1,Drug2\nDB00001,DB00002\nDB00002,DB00003\n')]);
    expect(lookalike.graph.edgeSrc.length).toBe(2);
    // A mapping chosen by the user wins over the name (here: a one-column file is refused as usual).
    const mapped = memoryFile('num-edge-list.csv', '5\n');
    const e = await loadFiles([mapped, memoryFile('edge.csv', EDGES)], {
      columnMappings: { 'num-edge-list.csv': { source: 0, target: 1, delimiter: ',', hasHeader: false } },
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(LoadError);
    expect((e as LoadError).file).toBe('num-edge-list.csv');
  });

  it('the column check before a load does not ask about it (role "metadata")', async () => {
    const d = await detectColumns(memoryFile('num-node-list.csv.gz', gz('4267\n')));
    expect(d.role).toBe('metadata');
    expect(d.description).toBe('OGB metadata (the number of nodes of each graph: 4,267); skipped by the load');
    expect(d.problem).toBeUndefined();
  });
});

describeWithSharedData('the real ogbl-ddi raw/ folder', () => {
  const raw = (f: string) => sharedPath('ogbl_ddi', 'raw', f);
  const present = ['edge.csv.gz', 'num-node-list.csv.gz', 'num-edge-list.csv.gz'].every((f) => existsSync(raw(f)));
  it.skipIf(!present)('loads all three files: 4,267 drugs, 1,067,911 interactions, the two counts skipped with their numbers', async () => {
    const files = await Promise.all(['num-edge-list.csv.gz', 'edge.csv.gz', 'num-node-list.csv.gz'].map((f) => sharedFile('ogbl_ddi', 'raw', f)));
    const { graph, report } = await loadFiles(files);
    expect([graph.nodes.length, graph.edgeSrc.length]).toEqual([4_267, 1_067_911]);
    expect(report.warnings).toEqual([]);
    expect(report.notes).toEqual(
      expect.arrayContaining([
        'num-node-list.csv.gz: OGB metadata (the number of nodes of each graph: 4,267), no interactions; skipped.',
        'num-edge-list.csv.gz: OGB metadata (the number of edges of each graph: 1,067,911), no interactions; skipped.',
      ]),
    );
  });
});
