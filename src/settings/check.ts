/**
 * Model settings read from a file (a saved model) pass the same checks as settings read from the
 * URL or the command line: every model setting present (a row added later reads as its default in
 * older files), each value one its row accepts.
 */
import { DEFAULT_MODEL_SETTINGS, MODEL_SETTING_KEYS, rowOf, type ModelSettings } from './schema';

/** The settings, or a message naming the first missing or invalid one. */
export function checkModelSettings(raw: unknown): { settings: ModelSettings } | { error: string } {
  if (!raw || typeof raw !== 'object') return { error: 'no settings object' };
  const given = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of MODEL_SETTING_KEYS) {
    const row = rowOf(key);
    const value = given[key] === undefined && row.addedLater ? row.defaultValue : given[key];
    if (value === undefined) return { error: `setting “${key}” is missing` };
    const expected = typeof DEFAULT_MODEL_SETTINGS[key];
    if (typeof value !== expected) return { error: `setting “${key}” is ${JSON.stringify(value)}, not a ${expected}` };
    const parsed = row.parse(String(value));
    if ('error' in parsed) return { error: `setting “${key}” = ${JSON.stringify(value)}: ${parsed.error}` };
    out[key] = parsed.value;
  }
  return { settings: out as ModelSettings };
}
