/**
 * axe-core in the page under test, run on the whole document. Injected by evaluating its source
 * through the DevTools protocol: the app's Content-Security-Policy (script-src 'self') rightly
 * refuses an inline <script> (page.addScriptTag), and the audit should see the page with its real CSP.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** CSS selectors of the offending elements (the first few). */
  targets: string[];
}

/** Moderate rules the page is kept free of as well (they were met and fixed). */
export const MODERATE_RULES_KEPT = ['region', 'landmark-unique', 'empty-table-header', 'aria-allowed-role', 'aria-prohibited-attr'];

/** Runs axe-core (WCAG 2 A/AA and best practices) on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => String(n.target.join(' '))) }));
  });
}

/** The violations a state must not have: serious or critical ones, and the moderate rules kept. */
export const blocking = (violations: AxeViolation[]): AxeViolation[] =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || MODERATE_RULES_KEPT.includes(v.id));
