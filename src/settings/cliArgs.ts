/**
 * The CLI's setting flags, derived from the rows: a node:util parseArgs parser (strict: an unknown
 * flag is an error) that checks every value with the row's own parse — the limits and messages of the
 * URL — and the --help lines listing each flag with its help, limits and default. Commands add their
 * own non-setting flags (--split, --json, …) through `own`. Node only (node:util).
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_MODEL_SETTINGS,
  DEFAULT_SETTINGS,
  MODEL_SETTING_KEYS,
  SETTING_KEYS,
  rowOf,
  type AppSettings,
  type ModelSettingKey,
  type ModelSettings,
  type Row,
  type SettingKey,
} from './schema';
import { applyPreset, PRESETS, presetNamed } from './presets';

export type OwnOptions = Record<string, { type: 'string' | 'boolean' }>;
export type OwnValues = Record<string, string | boolean | undefined>;

/** Model settings that have a CLI flag, by flag. */
const SETTING_BY_FLAG = new Map<string, ModelSettingKey>(MODEL_SETTING_KEYS.filter((k) => rowOf(k).flag).map((k) => [rowOf(k).flag!, k]));

export const SETTING_FLAGS: readonly string[] = [...SETTING_BY_FLAG.keys()];

/** Load settings: the view rows with a CLI flag (how files are read, e.g. --drugbank-proteins), by flag. */
const LOAD_BY_FLAG = new Map<string, SettingKey>(SETTING_KEYS.filter((k) => rowOf(k).scope === 'view' && rowOf(k).flag).map((k) => [rowOf(k).flag!, k]));
export type LoadSettings = Pick<AppSettings, 'proteins'>;

/** The load flags as a command's own options (commands that read data files add them). */
export const LOAD_OPTIONS: OwnOptions = Object.fromEntries([...LOAD_BY_FLAG.keys()].map((f) => [f, { type: 'string' }]));

/** The load settings from a command's own values: each checked by its row, the others at their defaults. */
export function parseLoadFlags(own: OwnValues): LoadSettings {
  const out: Record<string, unknown> = { proteins: DEFAULT_SETTINGS.proteins };
  for (const [flag, name] of LOAD_BY_FLAG) {
    const raw = own[flag];
    if (typeof raw !== 'string') continue;
    const result = rowOf(name).parse(raw);
    if ('error' in result) throw new Error(flagError(flag, raw, result.error));
    out[name] = result.value;
  }
  return out as LoadSettings;
}

/** The message for a bad value of a flag, worded as the URL's ("expected …") but naming the flag. */
export function flagError(flag: string, raw: string, error: string): string {
  return error.startsWith('expected ') ? `--${flag} expects ${error.slice('expected '.length)}, got "${raw}"` : `--${flag}: ${error}`;
}

/**
 * parseArgs refuses a value starting with '-' after a flag (`--seed -1`); the hand-written parsers
 * took it, and the row then says what is wrong with it. So such pairs become `--seed=-1` first.
 */
function joinDashValues(args: string[], stringFlags: Set<string>, allFlags: Set<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = args[i + 1];
    if (stringFlags.has(a) && next !== undefined && next.startsWith('-') && !allFlags.has(next.split('=')[0])) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** parseArgs' errors in the CLI's words ("unknown option --x", "--x needs a value"). */
function cliParseError(e: unknown): Error {
  const { code, message } = e as { code?: string; message: string };
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new Error(`unknown option ${/'([^']+)'/.exec(message)?.[1] ?? message}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(-[^' ]+)/.exec(message)?.[1];
    return new Error(flag ? `${flag} needs a value` : message);
  }
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Parses a command's arguments: every setting flag (checked by its row; the others keep their
 * defaults, or the values of `--preset NAME`, which explicit flags override) plus the command's own
 * options; the rest are positionals (the data files). Throws with the CLI's message on an unknown
 * flag or preset, a missing value or a value the row refuses.
 */
export function parseCliArgs(args: string[], own: OwnOptions = {}): { settings: ModelSettings; own: OwnValues; positionals: string[] } {
  for (const name of Object.keys(own)) {
    if (SETTING_BY_FLAG.has(name) || name === 'preset') throw new Error(`--${name} is a setting flag; a command cannot redefine it`);
  }
  const options: OwnOptions = { ...own, preset: { type: 'string' } };
  for (const flag of SETTING_BY_FLAG.keys()) options[flag] = { type: 'string' };
  const allFlags = new Set(Object.keys(options).map((f) => `--${f}`));
  const stringFlags = new Set(
    Object.entries(options)
      .filter(([, o]) => o.type === 'string')
      .map(([f]) => `--${f}`),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joinDashValues(args, stringFlags, allFlags), options, strict: true, allowPositionals: true });
  } catch (e) {
    throw cliParseError(e);
  }
  const presetName = parsed.values.preset as string | undefined;
  let preset;
  try {
    preset = presetName === undefined ? undefined : presetNamed(presetName);
  } catch (e) {
    throw new Error(`--preset: ${(e as Error).message}`, { cause: e });
  }
  const settings: Record<string, unknown> = preset ? applyPreset(DEFAULT_MODEL_SETTINGS, preset) : { ...DEFAULT_MODEL_SETTINGS };
  const ownValues: OwnValues = {};
  // In the order given, so the first bad value is the one reported.
  for (const [flag, value] of Object.entries(parsed.values)) {
    if (flag === 'preset') continue;
    const name = SETTING_BY_FLAG.get(flag);
    if (!name) {
      ownValues[flag] = value as string | boolean;
      continue;
    }
    const result = rowOf(name).parse(value as string);
    if ('error' in result) throw new Error(flagError(flag, value as string, result.error));
    settings[name] = result.value;
  }
  return { settings: settings as ModelSettings, own: ownValues, positionals: parsed.positionals };
}

/** What a flag's value looks like in --help. */
function metavar(row: Row): string {
  if (row.kind === 'enum') return row.options.join('|');
  if (row.kind === 'features') return 'SPEC';
  return row.kind === 'int' ? 'N' : 'X';
}

/** A flag's two --help lines: flag and value, help, what it accepts and its default. */
function flagHelp(flag: string, row: Row): string[] {
  const head = `  --${flag} ${metavar(row)}`;
  const accepts = row.kind === 'enum' ? '' : `${row.expected[0].toUpperCase()}${row.expected.slice(1)}; `;
  return [
    head.length < 23 ? `${head.padEnd(24)}${row.help}` : `${head}\n${' '.repeat(24)}${row.help}`,
    `${' '.repeat(24)}${accepts}default ${row.format(row.defaultValue as never) || '""'}`,
  ];
}

/** The --help lines of every setting flag: flag and value, help, what it accepts and its default. */
export function settingFlagsHelp(): string {
  const lines: string[] = [`  --preset NAME           Start from a preset's settings (flags given as well override them):`];
  for (const p of PRESETS) lines.push(`${' '.repeat(26)}${p.name}: ${p.help}`);
  for (const [flag, name] of SETTING_BY_FLAG) lines.push(...flagHelp(flag, rowOf(name)));
  return lines.join('\n');
}

/** The --help lines of the load flags. */
export function loadFlagsHelp(): string {
  return [...LOAD_BY_FLAG].flatMap(([flag, name]) => flagHelp(flag, rowOf(name))).join('\n');
}
