import { describe, expect, it } from 'vitest';
import { applyPreset, PRESETS, presetNamed, presetProblems, usesPreset } from '../../../src/settings/presets';
import { parseCliArgs, settingFlagsHelp } from '../../../src/settings/cliArgs';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/settings/schema';

describe('presets', () => {
  it('every preset holds only model settings with values their rows accept', () => {
    for (const p of PRESETS) expect(presetProblems(p)).toEqual([]);
  });

  it('names are unique and found by name', () => {
    expect(new Set(PRESETS.map((p) => p.name)).size).toBe(PRESETS.length);
    for (const p of PRESETS) expect(presetNamed(p.name)).toBe(p);
    expect(() => presetNamed('nope')).toThrow(/unknown preset "nope": expected one of seed, best, ogbl-ddi, type-published/);
  });

  it('a bad value in a preset is reported by its row', () => {
    expect(presetProblems({ name: 'x', label: 'x', help: 'x', settings: { hidden: 9999 } })).toEqual(['x: hidden expected a whole number from 2 to 512']);
  });

  it('usesPreset: the defaults use "best" and not "seed"', () => {
    expect(usesPreset(DEFAULT_MODEL_SETTINGS, presetNamed('best'))).toBe(true);
    expect(usesPreset(DEFAULT_MODEL_SETTINGS, presetNamed('seed'))).toBe(false);
    expect(usesPreset({ ...DEFAULT_MODEL_SETTINGS, model: 'seed-gcn', decoder: 'dot' }, presetNamed('seed'))).toBe(true);
  });

  it('type-published: the type task with the direction-aware MLP head and mini-batches, from the CLI too', () => {
    const s = parseCliArgs(['--preset', 'type-published', 'Drugbank.txt']).settings;
    expect(s).toMatchObject({ task: 'type', decoder: 'mlp', layers: 1, hidden: 128 });
    expect(s.batchSize).toBeGreaterThan(0);
    expect(s.learningRate).toBeLessThan(DEFAULT_MODEL_SETTINGS.learningRate);
    expect(usesPreset(DEFAULT_MODEL_SETTINGS, presetNamed('type-published'))).toBe(false);
    expect(usesPreset(s, presetNamed('type-published'))).toBe(true);
  });

  it('CLI --preset applies the preset over the defaults, and explicit flags override it', () => {
    const seed = parseCliArgs(['--preset', 'seed', 'data.tsv']).settings;
    expect(seed.model).toBe('seed-gcn');
    expect(seed.decoder).toBe('dot');
    expect(seed.hidden).toBe(DEFAULT_MODEL_SETTINGS.hidden);
    const overridden = parseCliArgs(['--decoder', 'mlp', '--preset', 'seed']).settings;
    expect(overridden).toMatchObject({ model: 'seed-gcn', decoder: 'mlp' });
    const ddi = parseCliArgs(['--preset', 'ogbl-ddi', '--epochs', '5']).settings;
    expect(ddi).toMatchObject({ model: 'sage', hidden: 512, loss: 'auc', negatives: 3, batchSize: 65_536, epochs: 5 });
    expect(() => parseCliArgs(['--preset', 'fast'])).toThrow('--preset: unknown preset "fast"');
    expect(settingFlagsHelp()).toContain('--preset NAME');
  });
});

describe('applyPreset', () => {
  it('resets the recipe to the defaults before the preset, keeping the data and evaluation settings', () => {
    const current = { ...DEFAULT_MODEL_SETTINGS, task: 'type' as const, seed: 7, testFraction: 0.2 };
    const ogb = applyPreset(current, presetNamed('ogbl-ddi'));
    expect(ogb.hidden).toBe(512);
    const back = applyPreset(ogb, presetNamed('best'));
    expect(back).toEqual({ ...current });
    expect(usesPreset(back, presetNamed('best'))).toBe(true);
    expect(usesPreset(ogb, presetNamed('best'))).toBe(false);
    expect(usesPreset(ogb, presetNamed('ogbl-ddi'))).toBe(true);
  });

  it('a preset that names a kept setting sets it', () => {
    expect(applyPreset(DEFAULT_MODEL_SETTINGS, presetNamed('type-published')).task).toBe('type');
  });
});
