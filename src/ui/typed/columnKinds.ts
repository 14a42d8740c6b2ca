/**
 * The column dialog's typed-graph fields (kind of each column, relation) onto a column mapping: the
 * same `sourceKind`, `targetKind` and `relation` fields the CLI's `--columns` sets. Defaults (drug,
 * drug, no relation) leave the mapping untyped, so a plain drug–drug table loads as it always has.
 */
import { DEFAULT_KIND } from '../../data/graph';
import type { ColumnMapping, ColumnDetection } from '../../data/table/layout';

/** Kinds offered in the "kind" fields; any other text is a kind too. */
export const SUGGESTED_KINDS = ['drug', 'protein', 'side effect'] as const;

export interface KindFields {
  sourceKind: string;
  targetKind: string;
  /** Empty: `<source kind>-<target kind>`. */
  relation: string;
}

/** The relation a table's rows get when the relation field is left empty. */
export function defaultRelation(sourceKind: string, targetKind: string): string {
  return `${sourceKind.trim() || DEFAULT_KIND}-${targetKind.trim() || DEFAULT_KIND}`;
}

/** The fields as a mapping shows them (defaults where it names nothing). */
export function kindFieldsOf(m: ColumnMapping): KindFields {
  return { sourceKind: m.sourceKind ?? DEFAULT_KIND, targetKind: m.targetKind ?? DEFAULT_KIND, relation: m.relation ?? '' };
}

/** `m` with the fields written in; a field at its default is left out of the mapping. */
export function withKindFields(m: ColumnMapping, f: KindFields): ColumnMapping {
  const { sourceKind: _s, targetKind: _t, relation: _r, ...rest } = m;
  const sourceKind = f.sourceKind.trim();
  const targetKind = f.targetKind.trim();
  const relation = f.relation.trim();
  return {
    ...rest,
    ...(sourceKind && sourceKind !== DEFAULT_KIND ? { sourceKind } : {}),
    ...(targetKind && targetKind !== DEFAULT_KIND ? { targetKind } : {}),
    ...(relation ? { relation } : {}),
  };
}

/**
 * The mapping the dialog starts from. A drug–target table (the loader would attach its targets to
 * drugs) offered in the dialog is proposed as drug–protein edges of relation drug-target, as the
 * CLI's `kind:protein,relation:drug-target`.
 */
export function initialMapping(d: ColumnDetection): ColumnMapping {
  const plain = d.mapping ?? { source: 0, target: Math.min(1, d.header.length - 1), hasHeader: d.hasHeader, delimiter: d.delimiter };
  return d.role === 'targets' ? withKindFields(plain, { sourceKind: DEFAULT_KIND, targetKind: 'protein', relation: 'drug-target' }) : plain;
}

/**
 * The tables whose columns the dialog asks about: edge tables not detected with confidence, and —
 * when the tables are all there is (no XML, no graph to add to) and none lists interactions — the
 * drug–target tables, which alone would only annotate drugs that are not there: the dialog offers
 * them as drug–protein edges instead.
 */
export function tablesToConfirm(detections: ColumnDetection[], tablesAlone: boolean): ColumnDetection[] {
  const unsure = detections.filter((d) => d.role === 'edges' && (d.confidence === 'low' || d.problem || !d.mapping));
  const noEdges = !detections.some((d) => d.role === 'edges');
  const targets = tablesAlone && noEdges ? detections.filter((d) => d.role === 'targets') : [];
  return [...unsure, ...targets];
}
