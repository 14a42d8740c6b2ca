/** What a fuzzed load must end in (shared by the fuzz test and the hostile benchmark). */
import { isLoadError, type LoadErrorKind } from '../../src/data/errors';
import type { ParseResult } from '../../src/data/parseResult';

/** Kinds an in-memory file may end in; 'io' ("reading failed") would be an unexpected exception wrapped. */
const SPECIFIC: LoadErrorKind[] = [
  'empty',
  'binary',
  'unsupported',
  'truncated',
  'no-data-in-archive',
  'malformed-xml',
  'not-drugbank',
  'malformed-json',
  'unmappable',
  'no-interactions',
  'line-too-long',
  'too-large',
  'checksum',
  'memory',
];

export type Outcome = { ok: true; r: ParseResult } | { ok: false; e: unknown };

/**
 * The time a load may take: `baseMs`, plus 20 µs per chunk the stream delivers — each chunk costs the
 * pipeline ~6–7 µs in Node (320 KB in 1-byte chunks: 2.4 s; in 256-byte chunks: 0.06 s), linear, so a
 * big file in 1-byte chunks is slow without hanging. Browsers deliver file and fetch chunks of KiBs.
 */
export const timeLimitMs = (baseMs: number, bytes: number, chunk: number): number => baseMs + (Math.ceil(bytes / chunk) * 20) / 1000;

/** Why the outcome is wrong, or null. */
export function checkOutcome(name: string, o: Outcome, ms: number, maxMs: number): string | null {
  if (ms > maxMs) return `took ${Math.round(ms)} ms (limit ${maxMs})`;
  if (!o.ok) {
    if (!isLoadError(o.e)) return `threw ${o.e instanceof Error ? `${o.e.name}: ${o.e.message}` : String(o.e)}`;
    if (!SPECIFIC.includes(o.e.kind)) return `a LoadError of kind ${o.e.kind}: ${o.e.message}`;
    if (!o.e.message.startsWith(name)) return `the message does not name ${name}: ${o.e.message}`;
    if (o.e.message.length < name.length + 12) return `a message that says nothing: ${o.e.message}`;
    return null;
  }
  const { graph: g, report } = o.r;
  const n = g.nodes.length;
  if (report.nodes !== n || report.edges !== g.edgeSrc.length) return 'the report counts differ from the graph';
  if (g.edgeSrc.length === 0) return 'a load without interactions (should be a no-interactions error)';
  const seen = new Set<number>();
  for (let i = 0; i < g.edgeSrc.length; i++) {
    const a = g.edgeSrc[i];
    const b = g.edgeDst[i];
    if (!(a >= 0 && a < b && b < n)) return `edge ${i} is ${a}–${b} with ${n} drugs`;
    if (seen.has(a * n + b)) return `edge ${i} repeats a pair`;
    seen.add(a * n + b);
  }
  if (new Set(g.nodes.map((d) => d.id)).size !== n) return 'two drugs share an id';
  for (let i = 0; i < (g.negativeSrc?.length ?? 0); i++) {
    if (seen.has(g.negativeSrc![i] * n + g.negativeDst![i])) return 'a negative pair is also an interaction';
  }
  return null;
}
