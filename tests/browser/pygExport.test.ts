/**
 * The PyTorch Geometric project from the page: `window.playground.export('pyg')` and the Save and share
 * button give a zip with the page's own settings, graph and split (the split the worker trains on equals
 * the seeded split computed here in Node), with random + degree features as the worker computed them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/cli/trainData';
import { splitLinks } from '../../src/model/split';
import { linkSplitToJson } from '../../src/model/splitFile';
import { PROJECT_ROOT } from '../helpers/sharedData';
import { openApp, useServedApp } from './harness';

const app = useServedApp();
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('PyG hand-off in the page', () => {
  it('exports a zip of the page’s model: settings, graph, split, features; the button downloads it', async () => {
    const { page, consoleErrors, foreignRequests } = await openApp(
      app.browser,
      `${app.server.url}#model=sage&decoder=mlp&features=random%2Bdegree&hidden=16&seed=4&epochs=3&tour=off`,
    );
    const out = await page.evaluate(async () => {
      const r = await window.playground.export('pyg');
      return { name: r.name, type: r.type, bytes: Array.from(r.bytes) };
    });
    // The folder is named after the data set (the page calls the demo "Demo: well-known drug interactions").
    expect(out.name).toMatch(/^Demo-well-known-drug-interactions-sage-link-pyg\.zip$/);
    const folder = out.name.replace(/\.zip$/, '');
    expect(out.type).toBe('application/zip');
    const files = unzipSync(Uint8Array.from(out.bytes));
    const at = (p: string) => files[`${folder}/${p}`];
    expect(Object.keys(files).length).toBe(8);

    const settings = JSON.parse(text(at('settings.json')));
    expect(settings).toMatchObject({ model: 'sage', decoder: 'mlp', features: 'random+degree', hidden: 16, seed: 4, epochs: 3 });
    expect(text(at('train.py'))).toBe(readFileSync(join(PROJECT_ROOT, 'src/export/pyg/train.py'), 'utf8'));

    const graph = await loadGraph([join(PROJECT_ROOT, 'public/datasets/demo.json')]);
    const ids = graph.nodes.map((n) => n.id);
    expect(JSON.parse(text(at('split.json')))).toEqual(linkSplitToJson(splitLinks(ids.length, graph.edgeSrc, graph.edgeDst, 4), ids));
    expect(text(at('data/edges.csv')).trim().split('\n')).toHaveLength(1 + graph.edgeSrc.length);
    const manifest = JSON.parse(text(at('manifest.json')));
    expect(manifest.features).toEqual({ file: 'features.npy', rows: 165, cols: 16 + 17, kinds: ['random', 'degree'] });
    expect(at('features.npy').length).toBeGreaterThan(165 * 33 * 4);

    // The panel's button: a download with the same name, and a status line saying so.
    const button = page.getByRole('button', { name: 'PyTorch Geometric project (.zip)' });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(out.name);
    await expect.poll(() => page.getByTestId('save-status').textContent()).toContain(`Saved ${out.name}`);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});
