/** The settings ↔ the location hash ("#hidden=32&lr=0.003"), so a URL restores a run. */
import { DEFAULT_SETTINGS, rowOf, SETTING_KEYS, type AppSettings, type SettingKey } from './schema';

const byUrlKey = new Map(SETTING_KEYS.map((name) => [rowOf(name).key, name]));

/** Hash keys owned by other parts of the page (view state), passed through untouched. */
const OTHER_HASH_KEYS = new Set<string>();

/** Settings from a location hash ("#dataset=demo&lr=0.01…"); unknown keys and bad values are reported, not fatal. */
export function settingsFromHash(hash: string): { settings: AppSettings; warnings: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const settings = { ...DEFAULT_SETTINGS } as Record<SettingKey, unknown>;
  const warnings: string[] = [];
  for (const [key, raw] of params) {
    const name = byUrlKey.get(key);
    if (!name) {
      if (!OTHER_HASH_KEYS.has(key)) warnings.push(`Ignored unknown setting “${key}” in the URL.`);
      continue;
    }
    const parsed = rowOf(name).parse(raw);
    if ('error' in parsed) warnings.push(`Ignored ${key}=${raw} in the URL: ${parsed.error}.`);
    else settings[name] = parsed.value;
  }
  return { settings: settings as AppSettings, warnings };
}

/**
 * Only the settings that differ from their defaults ("" when none do), so shared links stay short
 * and carry no teaching or view state nobody chose; a missing key parses back to its default.
 */
export function settingsToHash(settings: AppSettings): string {
  const params = new URLSearchParams();
  for (const name of SETTING_KEYS) {
    const row = rowOf(name) as { key: string; defaultValue: unknown; format(v: unknown): string };
    const value = row.format(settings[name]);
    if (value !== row.format(row.defaultValue)) params.set(row.key, value);
  }
  const query = params.toString();
  return query ? `#${query}` : '';
}
