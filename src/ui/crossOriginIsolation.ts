/**
 * Cross-origin isolation for hosts that cannot send COOP/COEP headers (GitHub Pages, a lab's
 * folder…): the page registers the `coi-serviceworker` script (emitted beside index.html by the build),
 * which re-serves every response of this site with those headers, and reloads once so that the page
 * is served through it. Isolation gives the workers SharedArrayBuffer, which the threaded wasm
 * backend needs. Where that cannot work (file://, plain http off localhost, no service worker API,
 * opted out with `#coi=off`) nothing is registered and the page runs single-threaded, saying why.
 */

/** The service worker's script, beside index.html (see vite.config.ts). */
export const ISOLATION_WORKER_URL = './coi-serviceworker.js';
/** Set just before the reload, cleared once the page is isolated: at most one reload without success. */
const RELOAD_MARK = 'playground:coi-reload';
/** How long the first visit waits for the service worker to activate before starting without it. */
const ACTIVATION_WAIT_MS = 5000;

export type IsolationState = { isolated: true } | { isolated: false; reason: string };

/** What the page finds at start, as plain values (so the decision is testable without a browser). */
export interface IsolationEnvironment {
  crossOriginIsolated: boolean;
  isSecureContext: boolean;
  hasServiceWorker: boolean;
  /** The `coi` setting is 'off'. */
  optedOut: boolean;
  /** This tab already reloaded for the service worker and is still not isolated. */
  reloadedBefore: boolean;
  protocol: string;
  /** Vite's dev server, which does not serve the service worker's script (it is emitted by the build). */
  devServer: boolean;
}

export type IsolationPlan = { action: 'none'; state: IsolationState } | { action: 'unregister'; state: IsolationState } | { action: 'register' };

export function isolationPlan(env: IsolationEnvironment): IsolationPlan {
  if (env.crossOriginIsolated) return { action: 'none', state: { isolated: true } };
  if (env.optedOut) return { action: 'unregister', state: { isolated: false, reason: 'turned off (#coi=off)' } };
  if (env.devServer) return { action: 'none', state: { isolated: false, reason: 'the dev server (npm run dev) is not isolated; the build is' } };
  if (!env.isSecureContext) {
    const where = env.protocol === 'file:' ? 'a file:// page' : 'plain http off localhost';
    return { action: 'none', state: { isolated: false, reason: `service workers need https or localhost, this is ${where}` } };
  }
  if (!env.hasServiceWorker) return { action: 'none', state: { isolated: false, reason: 'service workers unavailable (private mode or blocked)' } };
  if (env.reloadedBefore) return { action: 'none', state: { isolated: false, reason: 'the service worker did not take effect after a reload' } };
  return { action: 'register' };
}

function sessionMark(action: 'get' | 'set' | 'clear'): boolean {
  try {
    if (action === 'get') return sessionStorage.getItem(RELOAD_MARK) !== null;
    if (action === 'set') sessionStorage.setItem(RELOAD_MARK, '1');
    else sessionStorage.removeItem(RELOAD_MARK);
    return true;
  } catch {
    // Storage refused (some privacy modes): without the mark a reload could repeat, so none is made.
    return action === 'get';
  }
}

const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms));

/**
 * Makes the page cross-origin isolated if it can. Resolves with the page's state, or never when it
 * reloads the page (the first visit, once the service worker is active).
 */
export async function ensureCrossOriginIsolation(optedOut: boolean): Promise<IsolationState> {
  const plan = isolationPlan({
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    isSecureContext: globalThis.isSecureContext === true,
    hasServiceWorker: 'serviceWorker' in navigator,
    optedOut,
    reloadedBefore: sessionMark('get'),
    protocol: location.protocol,
    devServer: import.meta.env.DEV,
  });
  if (plan.action === 'none') {
    if (plan.state.isolated) sessionMark('clear');
    return plan.state;
  }
  if (plan.action === 'unregister') {
    // Takes effect from the next load: this page was served through the worker already, or not at all.
    const registrations = await navigator.serviceWorker?.getRegistrations().catch(() => []);
    const ours = new URL(ISOLATION_WORKER_URL, document.baseURI).href;
    await Promise.all((registrations ?? []).filter((r) => r.active?.scriptURL === ours).map((r) => r.unregister()));
    return plan.state;
  }
  try {
    await navigator.serviceWorker.register(ISOLATION_WORKER_URL);
    const ready = await Promise.race([navigator.serviceWorker.ready, timeout(ACTIVATION_WAIT_MS)]);
    if (ready === 'timeout') return { isolated: false, reason: 'the service worker is still installing; threads from the next load' };
  } catch (e) {
    return { isolated: false, reason: `the service worker could not be registered (${(e as Error).message || String(e)})` };
  }
  if (!sessionMark('set')) return { isolated: false, reason: 'no reload without session storage (it guards against reload loops)' };
  location.reload();
  return new Promise<never>(() => undefined);
}
