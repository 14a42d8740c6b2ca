import { describe, expect, it } from 'vitest';
import { isolationPlan, type IsolationEnvironment } from '../../../src/ui/crossOriginIsolation';
import { threadsLabel } from '../../../src/ui/threadsLabel';

/** A GitHub Pages visit: https, service workers available, not isolated yet. */
const pages: IsolationEnvironment = {
  crossOriginIsolated: false,
  isSecureContext: true,
  hasServiceWorker: true,
  optedOut: false,
  reloadedBefore: false,
  protocol: 'https:',
  devServer: false,
};

describe('cross-origin isolation plan', () => {
  it('registers the service worker on a first visit to a host without the headers', () => {
    expect(isolationPlan(pages)).toEqual({ action: 'register' });
  });

  it('does nothing once isolated (headers or the worker), even when opted out since', () => {
    expect(isolationPlan({ ...pages, crossOriginIsolated: true })).toEqual({ action: 'none', state: { isolated: true } });
    expect(isolationPlan({ ...pages, crossOriginIsolated: true, optedOut: true }).action).toBe('none');
  });

  it('never reloads twice: after one reload that did not isolate it gives up, saying so', () => {
    const plan = isolationPlan({ ...pages, reloadedBefore: true });
    expect(plan).toEqual({ action: 'none', state: { isolated: false, reason: 'the service worker did not take effect after a reload' } });
  });

  it('falls back with a reason where a service worker cannot work', () => {
    const reason = (env: Partial<IsolationEnvironment>) => {
      const plan = isolationPlan({ ...pages, ...env });
      return plan.action === 'register' || plan.state.isolated ? null : plan.state.reason;
    };
    expect(reason({ isSecureContext: false, protocol: 'file:' })).toMatch(/file:\/\//);
    expect(reason({ isSecureContext: false, protocol: 'http:' })).toMatch(/plain http off localhost/);
    expect(reason({ hasServiceWorker: false })).toMatch(/service workers unavailable/);
    expect(reason({ optedOut: true })).toMatch(/#coi=off/);
    expect(reason({ devServer: true })).toMatch(/dev server/);
  });

  it('opting out unregisters the worker (from the next load on)', () => {
    expect(isolationPlan({ ...pages, optedOut: true }).action).toBe('unregister');
  });
});

describe('the backend line’s threads', () => {
  it('counts threads when there are several', () => {
    const four = threadsLabel({ threads: 4, tfjsThreads: 1, requested: 4, isolated: true, kernelThreads: 4 }, { isolated: true });
    expect(four.short).toBe('4 threads');
    expect(four.detail).toBe("4 threads (cross-origin isolated; 4 asked for; SIMD kernels on 4, TensorFlow.js's own ops on 1)");
  });

  it('says why there is one: no isolation (with the page’s reason), or one asked for', () => {
    const none = threadsLabel(
      { threads: 1, requested: 2, isolated: false, tfjsThreads: 1, kernelThreads: 1 },
      { isolated: false, reason: 'turned off (#coi=off)' },
    );
    expect(none).toEqual({ short: '1 thread (no cross-origin isolation)', detail: '1 thread (no cross-origin isolation: turned off (#coi=off))' });
    expect(threadsLabel({ threads: 1, requested: 1, isolated: true, tfjsThreads: 1, kernelThreads: 1 }, { isolated: true }).short).toBe('1 thread');
    expect(threadsLabel({ threads: 1, requested: 2, isolated: true, tfjsThreads: 1, kernelThreads: 1 }, { isolated: true }).short).toBe(
      '1 thread (threaded build not loaded)',
    );
  });
});
