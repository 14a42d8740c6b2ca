/**
 * Save and share, network part, in the real app: after a few epochs on the demo, each graph file
 * (GraphML, GEXF, CX2, Cytoscape.js JSON) read back in the page holds every drug and interaction
 * with the numbers the page shows (candidates as snapshot() lists them, known pairs coloured as
 * the edge layer draws them); the PNG is 2× the view with the edge layer in it; the SVG has one
 * line per drawn edge and the legend; the chart exports are standalone. Images are saved under
 * test-results/screenshots (desktop and phone size).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { knownEdgeStyle, strengthBin } from '../../src/ui/network/edgeStyle';
import { openApp, SCREENSHOTS, snapshot, useServedApp } from './harness';

const app = useServedApp();
/** File names come from the data set's name, “Demo: well-known drug interactions”. */
const BASE = 'Demo_well-known_drug_interactions';

interface EdgeOut {
  id: string;
  source: string;
  target: string;
  known: number;
  type: string;
  split?: string;
  probability?: number;
  score?: number;
}

/** Runs an export in the page; returns its name, type and content as base64. */
async function exportFile(page: Page, kind: string): Promise<{ name: string; type: string; bytes: Buffer }> {
  const r = await page.evaluate(async (k) => {
    const out = await window.playground.export(k as never);
    let binary = '';
    for (let i = 0; i < out.bytes.length; i += 0x8000) binary += String.fromCharCode(...out.bytes.subarray(i, i + 0x8000));
    return { name: out.name, type: out.type, base64: btoa(binary) };
  }, kind);
  return { name: r.name, type: r.type, bytes: Buffer.from(r.base64, 'base64') };
}

/** Reads GraphML or GEXF with the browser's own DOMParser: node ids and names, edges with typed values. */
function parseXmlInPage(page: Page, text: string, format: 'graphml' | 'gexf') {
  return page.evaluate(
    ({ text, format }) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length > 0) throw new Error(doc.getElementsByTagName('parsererror')[0].textContent ?? 'parse error');
      const types = new Map<string, { name: string; type: string }>();
      const values = (el: Element) => {
        const out: Record<string, unknown> = {};
        const items =
          format === 'graphml'
            ? Array.from(el.getElementsByTagName('data'), (d) => [d.getAttribute('key')!, d.textContent ?? ''] as const)
            : Array.from(el.getElementsByTagName('attvalue'), (d) => [d.getAttribute('for')!, d.getAttribute('value') ?? ''] as const);
        for (const [key, raw] of items) {
          const t = types.get(key)!;
          out[t.name] = ['double', 'int', 'integer'].includes(t.type) ? Number(raw) : raw;
        }
        return out;
      };
      if (format === 'graphml') {
        for (const k of Array.from(doc.getElementsByTagName('key')))
          types.set(k.getAttribute('id')!, { name: k.getAttribute('attr.name')!, type: k.getAttribute('attr.type')! });
      } else {
        for (const a of Array.from(doc.getElementsByTagName('attribute')))
          types.set(a.getAttribute('id')!, { name: a.getAttribute('title')!, type: a.getAttribute('type')! });
      }
      const nodes = Array.from(doc.getElementsByTagName('node'), (n) => ({ id: n.getAttribute('id')!, ...values(n) }));
      const edges = Array.from(doc.getElementsByTagName('edge'), (e) => ({
        id: e.getAttribute('id')!,
        source: e.getAttribute('source')!,
        target: e.getAttribute('target')!,
        ...values(e),
      }));
      return { version: doc.documentElement.getAttribute('version'), nodes, edges };
    },
    { text, format },
  );
}

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function save(name: string, bytes: Buffer | string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = resolve(SCREENSHOTS, name);
  writeFileSync(path, bytes);
  return path;
}

/** The view's CSS size and, for known edges whose midpoint is clear of drugs and the legend, that midpoint on screen. */
function viewProbe(page: Page) {
  return page.evaluate(() => {
    const cy = window.playground.cy!;
    const drawn = window.playground.drawnEdges()!;
    const container = cy.container()!;
    const at = (i: number) => cy.$id(`n${i}`).renderedPosition();
    const drugs = cy.nodes().map((n) => n.renderedPosition());
    const width = container.clientWidth;
    const height = container.clientHeight;
    const clear = drawn.known
      .map((e) => {
        const p = at(e.a);
        const q = at(e.b);
        return { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2, length: Math.hypot(p.x - q.x, p.y - q.y) };
      })
      .filter((m) => m.length > 40 && m.x > 10 && m.y > 10 && m.x < width - 10 && m.y < height - 10 && !(m.x < 330 && m.y > height - 330))
      .filter((m) => drugs.every((d) => Math.hypot(d.x - m.x, d.y - m.y) > 14));
    return { width, height, midpoints: clear.slice(0, 12) };
  });
}

/** The bluest pixel (largest blue − red) in a 5 × 5 box around each point of a PNG, decoded in the page. */
function bluestAround(page: Page, png: Buffer, points: { x: number; y: number }[]) {
  return page.evaluate(
    async ({ base64, points }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return points.map(({ x, y }) => {
        const d = ctx.getImageData(Math.round(x) - 2, Math.round(y) - 2, 5, 5).data;
        let best = [d[0], d[1], d[2]];
        for (let i = 0; i < d.length; i += 4) if (d[i + 2] - d[i] > best[2] - best[0]) best = [d[i], d[i + 1], d[i + 2]];
        return best;
      });
    },
    { base64: png.toString('base64'), points },
  );
}

describe('save and share: graph files and images', () => {
  it('writes the page’s graph, predictions and view', async () => {
    const { page, consoleErrors, foreignRequests } = await openApp(app.browser, `${app.server.url}#epochs=3&tour=off`);
    // Before any training there is no chart to save; the reason is given.
    await expect(page.evaluate(() => window.playground.export('chart-svg'))).rejects.toThrow(/Train at least one epoch first/);
    for (let e = 0; e < 3; e++) await page.evaluate(() => window.playground.step());
    await page.waitForFunction(() => window.playground.snapshot().candidates.length > 0 && (window.playground.drawnEdges()?.candidates.length ?? 0) > 0, null, {
      timeout: 60_000,
    });
    const s = await snapshot(page);
    expect(s.epoch).toBe(3);
    const drawn = (await page.evaluate(() => window.playground.drawnEdges()))!;
    const nodeIds = await page.evaluate(() => window.playground.cy!.nodes().map((n) => n.data('drugId') as string));

    // ---- graph files: four formats, one set of numbers.
    const gm = await exportFile(page, 'graphml');
    expect(gm).toMatchObject({ name: `${BASE}.graphml`, type: 'application/graphml+xml' });
    const graphml = await parseXmlInPage(page, gm.bytes.toString('utf8'), 'graphml');
    const gx = await exportFile(page, 'gexf');
    const gexf = await parseXmlInPage(page, gx.bytes.toString('utf8'), 'gexf');
    expect(gexf.version).toBe('1.3');
    const cyjs = JSON.parse((await exportFile(page, 'cyjs')).bytes.toString('utf8'));
    const cx2 = JSON.parse((await exportFile(page, 'cx2')).bytes.toString('utf8')) as Record<string, Record<string, unknown>[]>[];

    const edges = graphml.edges as unknown as EdgeOut[];
    expect(graphml.nodes).toHaveLength(s.nodes);
    expect(edges.filter((e) => e.known === 1)).toHaveLength(s.edges);
    const fileIds = new Set(graphml.nodes.map((n) => n.id));
    expect(fileIds.size).toBe(s.nodes);
    for (const id of nodeIds) expect(fileIds.has(id)).toBe(true);
    // Known pairs: probability = sigmoid(logit), and the colour the edge layer draws is that probability's.
    const byIndex = new Map(edges.filter((e) => e.known === 1).map((e) => [Number(e.id.slice(1)), e]));
    // (Computed in the page: Chromium's Math.exp may differ from Node's in the last bit.)
    const knownEdges = [...byIndex.values()];
    const sigmoids = await page.evaluate(
      (xs) => xs.map((x) => 1 / (1 + Math.exp(-x))),
      knownEdges.map((e) => e.score!),
    );
    expect(knownEdges.map((e) => e.probability)).toEqual(sigmoids);
    expect(drawn.known.length).toBeGreaterThan(100);
    for (const d of drawn.known) expect(d.color).toBe(knownEdgeStyle(strengthBin(byIndex.get(d.index)!.probability!)).color);
    const parts = edges.filter((e) => e.known === 1).map((e) => e.split);
    expect(new Set(parts)).toEqual(new Set(['train', 'val', 'test']));
    // Candidates: exactly the page's list, in order, with its numbers.
    const candidates = edges.filter((e) => e.known === 0);
    expect(candidates.map((e) => ({ a: e.source, b: e.target, score: e.score, probability: e.probability }))).toEqual(s.candidates);
    expect(new Set(candidates.map((e) => e.type))).toEqual(new Set(['candidate']));

    // The other formats carry the same edges and numbers.
    const key = (e: { source: unknown; target: unknown; known: unknown; probability?: unknown; score?: unknown; split?: unknown }) =>
      JSON.stringify([e.source, e.target, e.known, e.probability ?? null, e.score ?? null, e.split ?? null]);
    const expected = edges.map(key);
    expect(gexf.nodes).toHaveLength(s.nodes);
    expect((gexf.edges as unknown as EdgeOut[]).map(key)).toEqual(expected);
    expect(cyjs.elements.nodes).toHaveLength(s.nodes);
    expect(cyjs.elements.edges.map((e: { data: EdgeOut }) => key(e.data))).toEqual(expected);
    // Drawn drugs carry their on-screen layout position.
    const placed = await page.evaluate(() => {
      const n = window.playground.cy!.nodes()[0];
      return { id: n.data('drugId') as string, ...n.position() };
    });
    expect(cyjs.elements.nodes.find((n: { data: { id: string } }) => n.data.id === placed.id).position).toEqual({ x: placed.x, y: placed.y });
    const cxNodes = cx2.find((a) => 'nodes' in a)!.nodes as { id: number; v: { drug_id: string } }[];
    const cxEdges = cx2.find((a) => 'edges' in a)!.edges as { s: number; t: number; v: Record<string, unknown> }[];
    const drugOf = new Map(cxNodes.map((n) => [n.id, n.v.drug_id]));
    expect(cxNodes).toHaveLength(s.nodes);
    expect(cxEdges.map((e) => key({ ...(e.v as { known: number }), source: drugOf.get(e.s), target: drugOf.get(e.t) }))).toEqual(expected);

    // ---- network PNG: 2× the view, the edge layer under the drugs, the legend.
    const view = await viewProbe(page);
    const png = await exportFile(page, 'png');
    expect(png).toMatchObject({ name: `${BASE}-network.png`, type: 'image/png' });
    expect(pngSize(png.bytes)).toEqual({ width: Math.round(view.width * 2), height: Math.round(view.height * 2) });
    save('export-network-desktop.png', png.bytes);
    expect(view.midpoints.length).toBeGreaterThan(3);
    const pixels = await bluestAround(
      page,
      png.bytes,
      view.midpoints.map((m) => ({ x: m.x * 2, y: m.y * 2 })),
    );
    // Under a drawn interaction (clear of drugs and legend): the blue of the strength scale, not the white background.
    for (const [r, , b] of pixels) expect(b - r).toBeGreaterThan(15);
    // The screen's own edge layer (painted by the same code) has the line there too.
    const onScreen = await page.evaluate((points) => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.edge-layer')!;
      const ratio = canvas.width / canvas.clientWidth;
      const ctx = canvas.getContext('2d')!;
      return points.map(({ x, y }) => {
        const d = ctx.getImageData(Math.round(x * ratio) - 2, Math.round(y * ratio) - 2, 5, 5).data;
        let alpha = 0;
        for (let i = 3; i < d.length; i += 4) alpha = Math.max(alpha, d[i]);
        return alpha;
      });
    }, view.midpoints);
    for (const alpha of onScreen) expect(alpha).toBeGreaterThan(100);
    // A control: the same spots in a plain white image of the view's size are white, so the check can fail.
    const blank = await page.evaluate(
      async ({ w, h }) => {
        const c = new OffscreenCanvas(w, h);
        const x = c.getContext('2d')!;
        x.fillStyle = '#fff';
        x.fillRect(0, 0, w, h);
        const b = await c.convertToBlob({ type: 'image/png' });
        let s = '';
        for (const v of new Uint8Array(await b.arrayBuffer())) s += String.fromCharCode(v);
        return btoa(s);
      },
      { w: view.width * 2, h: view.height * 2 },
    );
    const control = await bluestAround(
      page,
      Buffer.from(blank, 'base64'),
      view.midpoints.map((m) => ({ x: m.x * 2, y: m.y * 2 })),
    );
    for (const [r, g, b] of control) expect([r, g, b]).toEqual([255, 255, 255]);

    // ---- network SVG: one line per drawn edge, one circle per drug, the legend's text.
    // Labels follow the view: Cytoscape hides them below min-zoomed-font-size, and the fitted zoom varies
    // with the layout; zoom in far enough that the view shows them (after the PNG checks above).
    await page.evaluate(() => {
      const cy = window.playground.cy!;
      const n = cy.nodes()[0];
      const need = (parseFloat(n.style('min-zoomed-font-size')) || 0) / (parseFloat(n.style('font-size')) || 9);
      if (cy.zoom() < need) cy.zoom(need * 1.05);
    });
    const svg = (await exportFile(page, 'svg')).bytes.toString('utf8');
    save('export-network-desktop.svg', svg);
    const counts = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.getElementsByTagName('parsererror').length > 0) throw new Error('SVG does not parse');
      return {
        xmlns: doc.documentElement.namespaceURI,
        known: doc.querySelectorAll('line.known').length,
        candidates: doc.querySelectorAll('line.candidate').length,
        drugs: doc.querySelectorAll('g.drugs circle').length,
        labels: doc.querySelectorAll('g.drugs text').length,
        text: doc.documentElement.textContent ?? '',
      };
    }, svg);
    expect(counts.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(counts.known).toBe(drawn.known.length);
    expect(counts.candidates).toBe(drawn.candidates.length);
    expect(counts.drugs).toBe(nodeIds.length);
    expect(counts.labels).toBeGreaterThan(0);
    expect(counts.text).toContain('Predicted association strength');
    expect(counts.text).toContain('not a known interaction');
    // The node-colour key follows the page's legend: folded there, left out here; opened, listed.
    expect(counts.text).not.toContain('Node colour: ATC main group');
    await page.getByTestId('legend').locator('summary').click();
    const withKey = (await exportFile(page, 'svg')).bytes.toString('utf8');
    expect(withKey).toContain('Node colour: ATC main group');
    expect(withKey).toContain('C · Cardiovascular');
    save('export-network-desktop-atc.png', (await exportFile(page, 'png')).bytes);

    // ---- chart: standalone SVG with inline styles and the page's series; PNG at 2×.
    const chart = (await exportFile(page, 'chart-svg')).bytes.toString('utf8');
    save('export-chart.svg', chart);
    const chartCheck = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const series = (cls: string) => doc.querySelector(`path.series.${cls}`) as SVGPathElement | null;
      const onPage = (cls: string) => document.querySelector(`svg.metrics-chart path.series.${cls}`)!.getAttribute('d');
      return {
        root: [doc.documentElement.namespaceURI, doc.documentElement.getAttribute('width'), doc.documentElement.getAttribute('height')],
        same: ['loss', 'auroc', 'auprc'].map((c) => series(c)?.getAttribute('d') === onPage(c) && (onPage(c) ?? '').length > 0),
        lossStyle: series('loss')?.getAttribute('style') ?? '',
        text: doc.documentElement.textContent ?? '',
      };
    }, chart);
    expect(chartCheck.root).toEqual(['http://www.w3.org/2000/svg', '300', '168']);
    expect(chartCheck.same).toEqual([true, true, true]);
    expect(chartCheck.lossStyle).toMatch(/stroke:\s*rgb\(230, 85, 13\)/);
    expect(chartCheck.lossStyle).toMatch(/fill:\s*none/);
    expect(chartCheck.text).toMatch(/val AUROC/);
    const chartPng = await exportFile(page, 'chart-png');
    expect(pngSize(chartPng.bytes)).toEqual({ width: 600, height: 336 });
    save('export-chart.png', chartPng.bytes);

    // ---- the panel's button downloads the same file.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button[data-export="graphml"]').click()]);
    expect(download.suggestedFilename()).toBe(`${BASE}.graphml`);

    // ---- phone size: the PNG follows the view.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => window.playground.cy!.container()!.clientWidth <= 390, null, { timeout: 10_000 });
    const phoneView = await viewProbe(page);
    const phone = await exportFile(page, 'png');
    expect(pngSize(phone.bytes)).toEqual({ width: Math.round(phoneView.width * 2), height: Math.round(phoneView.height * 2) });
    save('export-network-phone.png', phone.bytes);

    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
