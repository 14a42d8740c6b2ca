/**
 * The type task's end-of-run report for the CLI: per-type F1 on the test pairs (with the type's
 * sentence when a type table is given) and the most confused type pairs, as JSON and as lines.
 */
import type { TypeReport } from '../model/tasks/typeTrainer';

export interface TypeRow {
  type: string;
  sentence?: string;
  f1: number | null;
  precision: number | null;
  recall: number | null;
  support: number;
  predicted: number;
}

export interface TypeReportJson {
  /** Test pairs, one row per type in the data's type order. */
  perType: TypeRow[];
  /** The largest off-diagonal cells of the test confusion matrix. */
  confusions: { truth: string; predicted: string; count: number }[];
}

const num = (x: number) => (Number.isNaN(x) ? null : Math.round(x * 1e4) / 1e4);

export function typeReportJson(report: TypeReport, typeNames: string[], sentences: Map<string, string>): TypeReportJson {
  const nameOf = (t: number) => typeNames[t] ?? String(t);
  return {
    perType: report.perType.map((s) => {
      const type = nameOf(s.cls);
      const sentence = sentences.get(type);
      return {
        type,
        ...(sentence ? { sentence } : {}),
        f1: num(s.f1),
        precision: num(s.precision),
        recall: num(s.recall),
        support: s.support,
        predicted: s.predicted,
      };
    }),
    confusions: report.confusions.map((c) => ({ truth: nameOf(c.truth), predicted: nameOf(c.predicted), count: c.count })),
  };
}

/** Human lines: the five weakest and strongest types with support, then the confusions. */
export function typeReportLines(r: TypeReportJson): string[] {
  const rated = r.perType.filter((x) => x.support > 0).sort((a, b) => (a.f1 ?? 0) - (b.f1 ?? 0));
  const line = (x: TypeRow) => `  type ${x.type}: F1 ${(x.f1 ?? 0).toFixed(3)}, support ${x.support}${x.sentence ? ` — ${x.sentence}` : ''}`;
  const out = [
    `test per-type F1 (${rated.length} types with test pairs); weakest:`,
    ...rated.slice(0, 5).map(line),
    'strongest:',
    ...rated.slice(-5).reverse().map(line),
  ];
  out.push('most confused (true → predicted: count):');
  for (const c of r.confusions) out.push(`  ${c.truth} → ${c.predicted}: ${c.count}`);
  return out;
}
