import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, FILES_DATASET, SETTINGS, type AppSettings, type SettingKey } from '../../../src/settings/schema';
import { settingsFromHash, settingsToHash } from '../../../src/settings/urlHash';

describe('settings table ↔ URL hash', () => {
  it('round-trips every setting', () => {
    const custom = { ...DEFAULT_SETTINGS, hidden: 24, learningRate: 0.003, epochs: 250, seed: 99, features: 'random' as const };
    const { settings, warnings } = settingsFromHash(settingsToHash(custom));
    expect(warnings).toEqual([]);
    expect(settings).toEqual(custom);
  });

  it('writes nothing for the defaults and only the keys that differ otherwise', () => {
    expect(settingsToHash(DEFAULT_SETTINGS)).toBe('');
    expect(settingsToHash({ ...DEFAULT_SETTINGS, hidden: 24, tour: 'off' })).toBe('#hidden=24&tour=off');
    // Teaching defaults stay out of every link.
    expect(settingsToHash({ ...DEFAULT_SETTINGS, seed: 3 })).not.toMatch(/drug=|present=|tour=|dataset=/);
  });

  it('round-trips a non-default value of every row exactly, under the row’s URL name', () => {
    const other: AppSettings = {
      dataset: FILES_DATASET,
      proteins: 'targets',
      model: 'gat',
      task: 'type',
      relation: 'drug-target',
      features: 'morgan+degree',
      hidden: 32,
      layers: 3,
      heads: 2,
      bases: 3,
      hetero: 'mean',
      aggregator: 'max',
      update: 'concat',
      dropout: 0.25,
      decoder: 'distmult',
      jk: 'cat',
      edgeDropout: 0.3,
      loss: 'auc',
      negatives: 3,
      batchSize: 4096,
      learningRate: 0.003,
      epochs: 7,
      patience: 20,
      testFraction: 0.2,
      splitMode: 'new-drug-both',
      seed: 42,
      seeds: 3,
      aggregation: 'dense',
      candidates: 3,
      maxEdges: 500,
      minStrength: 0.5,
      focus: 'DB00682,DB01050',
      hide: 'drug-target,side effect',
      hops: 2,
      renderer: 'webgl',
      backend: 'wasm',
      threads: 2,
      isolation: 'off',
      drug: 'DB00682',
      present: '1',
      tour: 'off',
    };
    for (const [name, row] of Object.entries(SETTINGS) as [SettingKey, (typeof SETTINGS)[SettingKey]][]) {
      expect(other[name], name).not.toEqual(row.defaultValue);
      const one = { ...DEFAULT_SETTINGS, [name]: other[name] };
      const hash = settingsToHash(one);
      expect([...new URLSearchParams(hash.slice(1)).keys()], name).toEqual([row.key]);
      expect(settingsFromHash(hash)).toEqual({ settings: one, warnings: [] });
    }
    expect(settingsFromHash(settingsToHash(other))).toEqual({ settings: other, warnings: [] });
  });

  it('still reads defaults written out explicitly (older links)', () => {
    const { settings, warnings } = settingsFromHash('#dataset=demo&hidden=64&lr=0.01&drug=&present=0&tour=on');
    expect(warnings).toEqual([]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects bad values with a reason and keeps the default', () => {
    const { settings, warnings } = settingsFromHash('#hidden=abc&lr=5&epochs=1.5&features=magic&seed=-1');
    expect(settings.hidden).toBe(DEFAULT_SETTINGS.hidden);
    expect(settings.learningRate).toBe(DEFAULT_SETTINGS.learningRate);
    expect(settings.epochs).toBe(DEFAULT_SETTINGS.epochs);
    expect(settings.features).toBe(DEFAULT_SETTINGS.features);
    expect(settings.seed).toBe(DEFAULT_SETTINGS.seed);
    expect(warnings).toHaveLength(5);
    expect(warnings[0]).toMatch(/hidden=abc.*whole number from 2 to 512/);
    expect(warnings[2]).toMatch(/epochs=1\.5/);
  });

  it('reports unknown keys without failing', () => {
    const { settings, warnings } = settingsFromHash('#bogus=1&hidden=8');
    expect(settings.hidden).toBe(8);
    expect(warnings).toEqual(['Ignored unknown setting “bogus” in the URL.']);
  });
});
