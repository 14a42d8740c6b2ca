import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS, settingsFromHash, settingsToHash } from '../../../src/state/settings';

describe('settings table ↔ URL hash', () => {
  it('round-trips every setting', () => {
    const custom = { ...DEFAULT_SETTINGS, hidden: 24, learningRate: 0.003, epochs: 250, seed: 99, features: 'random' as const };
    const { settings, warnings } = settingsFromHash(settingsToHash(custom));
    expect(warnings).toEqual([]);
    expect(settings).toEqual(custom);
  });

  it('writes one key per row, with the row’s URL name', () => {
    const keys = [...new URLSearchParams(settingsToHash(DEFAULT_SETTINGS).slice(1)).keys()];
    expect(keys.sort()).toEqual(Object.values(SETTINGS).map((r) => r.key).sort());
  });

  it('rejects bad values with a reason and keeps the default', () => {
    const { settings, warnings } = settingsFromHash('#hidden=abc&lr=5&epochs=1.5&features=magic&seed=-1');
    expect(settings.hidden).toBe(DEFAULT_SETTINGS.hidden);
    expect(settings.learningRate).toBe(DEFAULT_SETTINGS.learningRate);
    expect(settings.epochs).toBe(DEFAULT_SETTINGS.epochs);
    expect(settings.features).toBe(DEFAULT_SETTINGS.features);
    expect(settings.seed).toBe(DEFAULT_SETTINGS.seed);
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(/hidden=abc.*whole number from 2 to 256/);
    expect(warnings[2]).toMatch(/epochs=1\.5/);
  });

  it('reports unknown keys without failing', () => {
    const { settings, warnings } = settingsFromHash('#bogus=1&hidden=8');
    expect(settings.hidden).toBe(8);
    expect(warnings).toEqual(['Ignored unknown setting “bogus” in the URL.']);
  });
});
