/**
 * Reads one CSV/TSV table into the load: interaction rows go to the GraphBuilder, companion rows
 * (names, SMILES, ATC codes, targets, id maps) to the CompanionStore. The layout comes from
 * `detectTable` on the file's first 64 KiB, or from the caller's ColumnMapping.
 */
import { LoadError } from '../errors';
import { detach, type TextSink } from '../sinks';
import type { LoadContext } from '../context';
import type { CompanionSource } from '../companions';
import type { Annotation } from '../companions';
import { LABEL_NEGATIVE, LABEL_POSITIVE, MULTI_HOT_ONE, MULTI_HOT_ZERO, detectTable, normDrugType, type Detected } from './detect';
import { RowReader } from './rowReader';
import { mappedRelation, type AnnotationColumns, type ColumnMapping } from './layout';

/** ogbl-ddi's valid_neg/test_neg and the like: sampled NON-interactions, never edges. */
const NEGATIVES = /(^|[^a-z])neg(ative)?s?([^a-z]|$)/i;

export function isNegativeSampleFile(label: string): boolean {
  return NEGATIVES.test(label.slice(label.lastIndexOf('/') + 1));
}

export class TableSink implements TextSink {
  private readonly layout: Detected;
  private readonly reader: RowReader;
  private rowIndex = 0;
  private dataRows = 0;
  private added = 0;
  private ignored = false;
  private companion: CompanionSource | undefined;
  private readonly onRow: (fields: string[], line: number) => void;

  constructor(
    private readonly label: string,
    private readonly ctx: LoadContext,
    head: string,
    atEnd: boolean,
  ) {
    const forced: ColumnMapping | undefined = ctx.columnMappings[label];
    this.layout = detectTable(label, head, atEnd, forced);
    const { layout } = this;
    const b = ctx.builder;
    if (layout.role === 'edges' && isNegativeSampleFile(label)) {
      this.ignored = true;
      b.warn(`${label} looks like a file of negative samples (non-interactions, by its name); it was not added to the graph.`);
    }
    ctx.tableLayouts.push({ label, description: layout.description });
    if (layout.role === 'edges' && layout.confidence === 'low' && !forced) {
      b.warn(`${label}: columns were guessed (${layout.description}); check them in the column dialog.`);
    }
    if (layout.role === 'annotations' || layout.role === 'targets') {
      this.companion = ctx.companions.open(label, layout.role, provides(layout.annotations!, layout.role));
    } else if (layout.role === 'id-map') {
      this.companion = ctx.companions.open(label, 'id-map', 'DrugBank ids');
    }
    this.onRow = this.pickRowHandler();
    this.reader = new RowReader({
      delimiter: layout.delimiter,
      onRow: (fields, line) => {
        const i = this.rowIndex++;
        if (i < layout.skipLines || (layout.hasHeader && i === layout.skipLines)) return;
        this.dataRows++;
        this.onRow(fields, line);
      },
      onSkip: (reason, line) => {
        // A skipped header would make the first data row the header: refuse instead.
        if (this.rowIndex <= layout.skipLines && (layout.hasHeader || this.rowIndex < layout.skipLines)) {
          throw new LoadError('line-too-long', label, `the header line cannot be read: ${reason}.`, line);
        }
        b.skip(`${label}: ${reason}`, line);
      },
    });
  }

  write(text: string): void {
    this.reader.write(text);
  }

  end(): void {
    this.reader.end();
    const b = this.ctx.builder;
    if (this.dataRows === 0) b.warn(`${this.label} has no data rows.`);
    if (this.layout.role === 'edges' && this.added > 0) this.ctx.graphSources.push(this.label);
  }

  private pickRowHandler(): (fields: string[], line: number) => void {
    const { layout } = this;
    if (this.ignored) return () => {};
    if (layout.role === 'edges') return this.edgeRow(layout.edges!);
    if (layout.role === 'id-map') {
      const { from, to } = layout.idMap!;
      const need = Math.max(from, to) + 1;
      return (f, line) => {
        if (f.length < need) return this.short(f.length, need, line);
        const a = f[from].trim();
        const z = f[to].trim();
        if (a && z) this.companion!.rename(a, z);
      };
    }
    return this.annotationRow(layout.annotations!);
  }

  private short(got: number, need: number, line: number): void {
    this.ctx.builder.skip(`${this.label}: row has ${got} field${got === 1 ? '' : 's'}, expected at least ${need}`, line);
  }

  private edgeRow(m: ColumnMapping): (fields: string[], line: number) => void {
    const b = this.ctx.builder;
    // A multi-label row without its label list is damaged, not a pair without side effects.
    const need = Math.max(m.source, m.target, m.label ?? -1, m.typeList ? (m.type ?? -1) : -1, ...(m.labelColumns ?? [])) + 1;
    const multiHot = m.labelColumns ? this.multiHotLabels(m.labelColumns) : undefined;
    const integerIds = this.layout.integerIds === true;
    // Typed tables (drug–protein …): kinds and relation resolved once, not per row.
    const relationName = mappedRelation(m);
    const relation = relationName === undefined ? 0 : b.relationId(relationName);
    const sourceKind = m.sourceKind ? b.kindId(m.sourceKind) : 0;
    const targetKind = m.targetKind ? b.kindId(m.targetKind) : 0;
    let negatives: string[] | undefined;
    if (m.label !== undefined) {
      negatives = [];
      this.ctx.negatives.push({ label: this.label, ids: negatives });
    }
    return (f, line) => {
      if (f.length < need) return this.short(f.length, need, line);
      const a = f[m.source].trim();
      const z = f[m.target].trim();
      if (!a || !z) {
        b.skip(`${this.label}: empty drug id`, line);
        return;
      }
      // Numeric id files (ogbl-ddi): NaN, Infinity, -1 or 1.5 is a damaged row, not a drug named "NaN".
      if (integerIds && !(WHOLE.test(a) && WHOLE.test(z))) {
        b.skip(`${this.label}: drug id is not a whole number ≥ 0 (NaN, Infinity, -1, 1.5 …) in a table of numeric ids`, line);
        return;
      }
      if (negatives !== undefined) {
        const v = f[m.label!].trim().toLowerCase();
        if (LABEL_NEGATIVE.has(v)) {
          negatives.push(detach(a), detach(z));
          return;
        }
        if (!LABEL_POSITIVE.has(v)) {
          b.skip(
            `${this.label}: label is neither positive (1, true, pos, yes) nor negative (0, false, neg, no); ` +
              'if the column is an interaction type, map it as the type',
            line,
          );
          return;
        }
      }
      const ia = b.node(a, m.sourceName !== undefined ? f[m.sourceName] : undefined, sourceKind);
      const iz = b.node(z, m.targetName !== undefined ? f[m.targetName] : undefined, targetKind);
      if (m.sourceSmiles !== undefined) this.smiles(ia, f[m.sourceSmiles]);
      if (m.targetSmiles !== undefined) this.smiles(iz, f[m.targetSmiles]);
      let labels = m.typeList && m.type !== undefined ? labelList(f[m.type]) : undefined;
      if (multiHot) {
        const read = multiHot(f, line);
        if (read === null) return;
        labels = read;
      }
      const type = labels ? labels[0] : m.type !== undefined ? f[m.type]?.trim() || undefined : undefined;
      let ok: boolean;
      if (m.weight !== undefined) {
        const w = Number.parseFloat(f[m.weight] ?? '');
        ok = Number.isFinite(w) ? b.weightedEdge(ia, iz, w, type, undefined, relation) : b.edge(ia, iz, type, undefined, relation);
      } else {
        ok = b.edge(ia, iz, type, undefined, relation);
      }
      if (labels) for (let i = 1; i < labels.length; i++) b.extraLabel(ia, iz, labels[i]);
      if (ok) this.added++;
    };
  }

  /**
   * Reads a multi-hot row's labels (the headers of its 1 cells; undefined for a pair with none, which
   * stays a known pair), or null after skipping a row with a cell that is not 0/1, named by its column.
   */
  private multiHotLabels(columns: number[]): (f: string[], line: number) => string[] | undefined | null {
    const names = columns.map((c) => detach((this.layout.header[c] ?? '').trim()));
    return (f, line) => {
      const labels: string[] = [];
      for (let k = 0; k < columns.length; k++) {
        const v = (f[columns[k]] ?? '').trim().toLowerCase();
        if (MULTI_HOT_ONE.has(v)) labels.push(names[k]);
        else if (!MULTI_HOT_ZERO.has(v)) {
          this.ctx.builder.skip(`${this.label}: label column "${names[k]}" holds a value other than 0 or 1 (1/0, 1.0/0.0, true/false)`, line);
          return null;
        }
      }
      return labels.length > 0 ? labels : undefined;
    };
  }

  private smiles(i: number, value: string | undefined): void {
    const node = this.ctx.builder.nodes[i];
    if (node.smiles || !value) return;
    const s = value.trim();
    if (s) node.smiles = detach(s);
  }

  private annotationRow(c: AnnotationColumns): (fields: string[], line: number) => void {
    const src = this.companion!;
    const b = this.ctx.builder;
    const cell = (f: string[], i: number | undefined): string => (i === undefined ? '' : (f[i] ?? '').trim());
    return (f, line) => {
      const id = cell(f, c.id);
      if (!id) {
        b.skip(`${this.label}: row without a drug id`, line);
        return;
      }
      if (c.filterColumn !== undefined && cell(f, c.filterColumn).toLowerCase() !== c.filterValue) return;
      const ann: Annotation = {};
      const name = cell(f, c.name);
      if (name) ann.name = detach(name);
      const smiles = cell(f, c.smiles);
      if (smiles) ann.smiles = detach(smiles);
      const type = normDrugType(cell(f, c.type));
      if (type) ann.type = type;
      const atc = list(cell(f, c.atc), /\s*[|;,]\s*/);
      if (atc.length) ann.atc = atc;
      const groups = list(cell(f, c.groups), /\s*\|\s*/);
      if (groups.length) ann.groups = groups;
      const categories = list(cell(f, c.categories), /\s*\|\s*/);
      if (categories.length) ann.categories = categories;
      const target = cell(f, c.target);
      if (target) ann.targets = [detach(target)];
      src.annotate(detach(id), ann);
    };
  }
}

const WHOLE = /^\d+$/;

/** A multi-label cell's labels ("Nausea; Headache"), each once, in order; undefined when it has none. */
function labelList(cell: string | undefined): string[] | undefined {
  const labels = [...new Set(list(cell?.trim() ?? '', /\s*;\s*/))];
  return labels.length > 0 ? labels : undefined;
}

function list(value: string, sep: RegExp): string[] {
  if (!value) return [];
  return value
    .split(sep)
    .map((v) => v.trim())
    .filter((v) => v !== '')
    .map(detach);
}

function provides(c: AnnotationColumns, role: 'annotations' | 'targets'): string {
  const parts: string[] = [];
  if (c.name !== undefined) parts.push('names');
  if (c.smiles !== undefined) parts.push('SMILES');
  if (c.atc !== undefined) parts.push('ATC codes');
  if (c.groups !== undefined) parts.push('groups');
  if (c.categories !== undefined) parts.push('categories');
  if (c.type !== undefined) parts.push('types');
  if (role === 'targets') parts.push('targets');
  return parts.join(', ');
}
