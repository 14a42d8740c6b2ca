/**
 * An idle page must not keep the browser producing frames: Cytoscape.js asks for every animation frame
 * whether or not it draws (60 frames a second, a few per cent of a core on an idle page, and the second
 * core that training threads need). The project's patch (patches/cytoscape+*.patch) lets its loop poll
 * four times a second once nothing has been drawn for ~half a second, and wakes it on any redraw.
 */
import { describe, expect, it } from 'vitest';
import { useServedApp } from './harness';

const app = useServedApp();

interface FrameCounter {
  /** requestAnimationFrame calls so far. */
  asked: number;
  /** Frames asked for and not yet run. */
  pending: number;
}

describe('animation frames on an idle page', () => {
  it('are asked for a few times a second, and a redraw asks for one at once', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(() => {
      const counter: FrameCounter = { asked: 0, pending: 0 };
      (window as unknown as { frames: FrameCounter }).frames = counter;
      const request = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => {
        counter.asked++;
        counter.pending++;
        return request((time) => {
          counter.pending--;
          callback(time);
        });
      };
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${app.server.url}#backend=cpu&tour=off`);
    await page.waitForFunction(() => window.playground?.snapshot().edges > 0 && window.playground.snapshot().status === 'idle', null, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    const asked = () => page.evaluate(() => (window as unknown as { frames: FrameCounter }).frames.asked);
    const before = await asked();
    await page.waitForTimeout(2000);
    // ~8 in 2 s (four a second); asking for every frame would be ~120.
    expect((await asked()) - before).toBeLessThan(30);

    // Selecting a drug restyles it: the loop must ask for a frame now, not at its next poll.
    const woke = await page.evaluate(() => {
      const counter = (window as unknown as { frames: FrameCounter }).frames;
      const cy = window.playground.cy!;
      const pendingBefore = counter.pending;
      cy.nodes()[0].select();
      return { pendingBefore, pendingAfter: counter.pending };
    });
    expect(woke.pendingAfter).toBeGreaterThanOrEqual(1);
    // ...and draws it.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.playground.cy!.one('render', () => resolve());
          window.playground.cy!.nodes()[1].select();
        }),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
