/**
 * Model settings read from a file (a saved model) pass the same checks as settings read from the
 * URL: every setting present, each value one the settings table accepts.
 */
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from '../model/settings';
import { SETTINGS } from './settings';

/** The settings, or a message naming the first missing or invalid one. */
export function checkModelSettings(raw: unknown): { settings: ModelSettings } | { error: string } {
  if (!raw || typeof raw !== 'object') return { error: 'no settings object' };
  const given = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_MODEL_SETTINGS) as (keyof ModelSettings)[]) {
    const value = given[key];
    if (value === undefined) return { error: `setting “${key}” is missing` };
    const expected = typeof DEFAULT_MODEL_SETTINGS[key];
    if (typeof value !== expected) return { error: `setting “${key}” is ${JSON.stringify(value)}, not a ${expected}` };
    const row = SETTINGS[key] as { parse(raw: string): { value: unknown } | { error: string } };
    const parsed = row.parse(String(value));
    if ('error' in parsed) return { error: `setting “${key}” = ${JSON.stringify(value)}: ${parsed.error}` };
    out[key] = parsed.value;
  }
  return { settings: out as unknown as ModelSettings };
}
