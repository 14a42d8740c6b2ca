/**
 * The settings schema, table-driven over every row: each row round-trips through the URL hash and
 * (model rows) the CLI parser, and its limits are enforced alike by the URL, the CLI and the check
 * of a saved model's settings, with the same message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModelSettings } from '../../../src/settings/check';
import { parseCliArgs, SETTING_FLAGS, settingFlagsHelp } from '../../../src/settings/cliArgs';
import {
  DEFAULT_MODEL_SETTINGS,
  DEFAULT_SETTINGS,
  MODEL_SETTING_KEYS,
  modelSettingsOf,
  rowOf,
  SETTING_KEYS,
  type Row,
  type SettingKey,
} from '../../../src/settings/schema';
import { settingsFromHash, settingsToHash } from '../../../src/settings/urlHash';

const format = (row: Row, v: unknown) => (row as { format(x: unknown): string }).format(v);

/** A valid value of the row other than its default, worked out from the row's own limits. */
function otherValue(row: Row): unknown {
  if (row.kind === 'int') return row.defaultValue < row.max ? row.defaultValue + 1 : row.defaultValue - 1;
  if (row.kind === 'float') return row.defaultValue < row.max ? (row.defaultValue + row.max) / 2 : (row.min + row.defaultValue) / 2;
  if (row.kind === 'enum') return row.options.find((o) => o !== row.defaultValue);
  const candidates = ['random', 'morgan+degree', 'files', 'DB00682,DB01050', 'DB00682'];
  return candidates.find((c) => c !== row.defaultValue && 'value' in row.parse(c));
}

/** The row's limits and one value just inside each (these must be accepted everywhere). */
function edgeValues(row: Row): string[] {
  if (row.kind === 'int' || row.kind === 'float') return [String(row.min), String(row.max)];
  if (row.kind === 'enum') return [...row.options];
  return [];
}

/** Values the row must refuse, generated from its limits. */
function badValues(row: Row): string[] {
  if (row.kind === 'int') return [String(row.min - 1), String(row.max + 1), `${row.min}.5`, 'abc', ''];
  if (row.kind === 'float') return [String(row.min - Math.max(1e-6, row.min / 2) - 1e-9), String(row.max * 2 + 1), 'abc', '', 'NaN', 'Infinity'];
  if (row.kind === 'enum') return ['nope', `${row.options[0]}x`, row.options[0].toUpperCase() === row.options[0] ? '' : row.options[0].toUpperCase()];
  if (row.kind === 'features') return ['magic', 'learned+random', 'degree+degree', ''];
  return ['a,'.repeat(60), 'has,,comma', '#&'].filter((v) => !('value' in row.parse(v)));
}

const rows = SETTING_KEYS.map((name) => [name, rowOf(name)] as [SettingKey, Row]);
const modelRows = rows.filter(([, row]) => row.scope === 'model');

describe('the schema', () => {
  it('derives the model settings from the rows of scope model, with the rows’ defaults', () => {
    expect(Object.keys(DEFAULT_MODEL_SETTINGS).sort()).toEqual(modelRows.map(([name]) => name).sort());
    for (const [name, row] of modelRows) expect(DEFAULT_MODEL_SETTINGS[name as keyof typeof DEFAULT_MODEL_SETTINGS], name).toBe(row.defaultValue);
    const all = { ...DEFAULT_SETTINGS, hidden: 24, hops: 3 };
    expect(modelSettingsOf(all)).toEqual({ ...DEFAULT_MODEL_SETTINGS, hidden: 24 });
  });

  it('gives every model setting a CLI flag, every row a distinct URL key and every flag one row', () => {
    expect(SETTING_FLAGS).toHaveLength(MODEL_SETTING_KEYS.length);
    expect(new Set(SETTING_FLAGS).size).toBe(SETTING_FLAGS.length);
    const keys = rows.map(([, row]) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps each default valid by its own row', () => {
    for (const [name, row] of rows) expect(row.parse(format(row, row.defaultValue)), name).toEqual({ value: row.defaultValue });
  });

  it('imports nothing from the model, the UI, the workers or TensorFlow.js', () => {
    const dir = resolve(import.meta.dirname, '../../../src/settings');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const specs = [...readFileSync(resolve(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of specs) expect(spec, `${file} imports ${spec}`).toMatch(/^(\.\/[a-zA-Z]+|node:util)$/);
    }
  });
});

describe.each(rows)('row %s', (name, row) => {
  const value = otherValue(row);
  const raw = format(row, value);

  it('round-trips a value other than its default through the URL hash', () => {
    expect(value, 'a non-default value exists').not.toBeUndefined();
    const settings = { ...DEFAULT_SETTINGS, [name]: value };
    const hash = settingsToHash(settings);
    expect([...new URLSearchParams(hash.slice(1)).keys()]).toEqual([row.key]);
    expect(settingsFromHash(hash)).toEqual({ settings, warnings: [] });
  });

  it('accepts its limits alike in the URL, on the command line and in a saved model', () => {
    for (const edge of edgeValues(row)) {
      const parsed = row.parse(edge);
      expect(parsed, edge).toHaveProperty('value');
      const expected = (parsed as { value: unknown }).value;
      expect(settingsFromHash(`#${row.key}=${encodeURIComponent(edge)}`).settings[name], edge).toEqual(expected);
      if (row.scope !== 'model') continue;
      expect(parseCliArgs([`--${row.flag}`, edge]).settings[name as keyof typeof DEFAULT_MODEL_SETTINGS], edge).toEqual(expected);
      expect(checkModelSettings({ ...DEFAULT_MODEL_SETTINGS, [name]: expected }), edge).toEqual({ settings: { ...DEFAULT_MODEL_SETTINGS, [name]: expected } });
    }
  });

  it('refuses generated bad values alike in the URL, on the command line and in a saved model, with the row’s message', () => {
    const bad = badValues(row);
    expect(bad.length).toBeGreaterThan(0);
    for (const v of bad) {
      const parsed = row.parse(v);
      expect(parsed, JSON.stringify(v)).toHaveProperty('error');
      const message = (parsed as { error: string }).error;
      const fromUrl = settingsFromHash(`#${row.key}=${encodeURIComponent(v)}`);
      expect(fromUrl.settings[name], v).toEqual(row.defaultValue);
      expect(fromUrl.warnings).toEqual([`Ignored ${row.key}=${v} in the URL: ${message}.`]);
      if (row.scope !== 'model') continue;
      const cliMessage = message.startsWith('expected ') ? `--${row.flag} expects ${message.slice(9)}, got "${v}"` : `--${row.flag}: ${message}`;
      expect(() => parseCliArgs([`--${row.flag}`, v]), v).toThrow(cliMessage);
      expect(() => parseCliArgs([`--${row.flag}=${v}`]), v).toThrow(cliMessage);
      // A file stores numbers as numbers: those that are numbers must fail on the row's limits.
      const stored = (row.kind === 'int' || row.kind === 'float') && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v;
      const checked = checkModelSettings({ ...DEFAULT_MODEL_SETTINGS, [name]: stored });
      expect(checked, v).toHaveProperty('error');
      if (typeof stored === typeof row.defaultValue)
        expect((checked as { error: string }).error).toBe(`setting “${name}” = ${JSON.stringify(stored)}: ${message}`);
    }
  });

  if (row.scope === 'model') {
    it('round-trips the same value through the CLI parser, and --help names it with its limits and default', () => {
      expect(parseCliArgs(['data.tsv', `--${row.flag}`, raw]).settings).toEqual({ ...DEFAULT_MODEL_SETTINGS, [name]: value });
      const line = settingFlagsHelp()
        .split('\n')
        .findIndex((l) => l.startsWith(`  --${row.flag} `));
      expect(line, `--${row.flag} in --help`).toBeGreaterThanOrEqual(0);
      const block = settingFlagsHelp()
        .split('\n')
        .slice(line, line + 3)
        .join('\n');
      expect(block).toContain(row.help);
      expect(block).toContain(`default ${format(row, row.defaultValue)}`);
      if (row.kind === 'enum') expect(block).toContain(row.options.join('|'));
      if (row.kind === 'int' || row.kind === 'float') expect(block.toLowerCase()).toContain(row.expected);
    });

    it('is missing from a saved model’s settings: the check names it, or reads a row added later as its default', () => {
      const { [name as keyof typeof DEFAULT_MODEL_SETTINGS]: _dropped, ...rest } = DEFAULT_MODEL_SETTINGS;
      expect(checkModelSettings(rest)).toEqual(row.addedLater ? { settings: DEFAULT_MODEL_SETTINGS } : { error: `setting “${name}” is missing` });
    });
  }
});

describe('the CLI parser', () => {
  it('keeps files as positionals and refuses unknown flags and flags without a value', () => {
    expect(parseCliArgs(['a.tsv', 'b.csv', '--hidden', '32']).positionals).toEqual(['a.tsv', 'b.csv']);
    expect(() => parseCliArgs(['a.tsv', '--hiden', '32'])).toThrow('unknown option --hiden');
    expect(() => parseCliArgs(['a.tsv', '--hidden'])).toThrow('--hidden needs a value');
    expect(() => parseCliArgs(['a.tsv', '--hidden', '--layers', '3'])).toThrow('--hidden needs a value');
  });

  it('parses a command’s own flags beside the settings, and refuses one that would shadow a setting', () => {
    const parsed = parseCliArgs(['a.tsv', '--json', '--split', 's.json', '--lr', '0.5'], { json: { type: 'boolean' }, split: { type: 'string' } });
    expect(parsed.own).toEqual({ json: true, split: 's.json' });
    expect(parsed.settings.learningRate).toBe(0.5);
    expect(() => parseCliArgs([], { hidden: { type: 'string' } })).toThrow(/setting flag/);
  });
});
