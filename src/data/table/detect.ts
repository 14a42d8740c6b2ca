/**
 * Works out what a table is from its first rows: the delimiter, whether there is a header (and comment
 * lines above it), and what the columns mean — an interaction list (which two columns are the drugs,
 * which is the type or weight), a companion table that annotates drugs by id (names, SMILES, ATC codes,
 * targets), or an index → DrugBank id map (ogbl-ddi's nodeidx2drugid).
 *
 * Header names decide first (Drug1/Drug2, drug_1_x/drug_2_x, source/target, head/tail, …); value
 * patterns (DrugBank ids, integers, UniProt accessions, SMILES) decide when names say nothing, e.g. for
 * header-less files. A caller's ColumnMapping overrides all of it.
 */
import Papa from 'papaparse';
import { LoadError } from '../errors';
import { mappedRelation, type AnnotationColumns, type ColumnMapping, type TableLayout } from './layout';

const SAMPLE_ROWS = 200;
const DELIMITERS = ['\t', ',', ';', '|', ' '] as const;

// ---------------------------------------------------------------- value patterns

const DBID = /^DB\d{5}$/;
const INT = /^-?\d+$/;
const NUM = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const UNIPROT = /^([OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9]([A-Z][A-Z0-9]{2}[0-9]){1,2})(-\d+)?$/;
const ATC = /^[A-Z]\d{2}[A-Z]{2}\d{2}$/;
const SMILES_CHARS = /^[A-Za-z0-9@+\-[\]()=#$\\/%.:*]{3,}$/;
const SMILES_HINT = /[()=[\]#@]/;

type ValueType = 'dbid' | 'int' | 'num' | 'uniprot' | 'atc' | 'smiles' | 'token' | 'text';

function valueType(v: string): ValueType {
  if (DBID.test(v)) return 'dbid';
  if (INT.test(v)) return 'int';
  if (NUM.test(v)) return 'num';
  if (UNIPROT.test(v)) return 'uniprot';
  const first = v.split('|')[0].trim();
  if (ATC.test(first)) return 'atc';
  if (SMILES_CHARS.test(v) && SMILES_HINT.test(v)) return 'smiles';
  if (!/\s/.test(v) && v.length <= 64) return 'token';
  return 'text';
}

interface ColumnProfile {
  /** Dominant type among non-empty values (>= 80 %), else 'text' or 'token' if mixed. */
  type: ValueType;
  filled: number;
  distinct: number;
  values: Set<string>;
}

function profile(rows: string[][], col: number): ColumnProfile {
  const counts = new Map<ValueType, number>();
  const values = new Set<string>();
  let filled = 0;
  for (const r of rows) {
    const v = (r[col] ?? '').trim();
    if (!v) continue;
    filled++;
    values.add(v);
    const t = valueType(v);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  let type: ValueType = 'text';
  if (filled > 0) {
    const get = (t: ValueType): number => counts.get(t) ?? 0;
    const numeric = get('int') + get('num');
    const order: ValueType[] = ['dbid', 'int', 'uniprot', 'atc', 'smiles'];
    const hit = order.find((t) => get(t) >= 0.8 * filled);
    if (hit) type = hit;
    else if (numeric >= 0.8 * filled) type = 'num';
    else if (get('text') === 0) type = 'token';
  }
  return { type, filled, distinct: values.size, values };
}

const idLike = (t: ValueType): boolean => t === 'dbid' || t === 'int' || t === 'token' || t === 'uniprot';

// ---------------------------------------------------------------- header names

/** "#Drug1_ID" → "drug1 id"; bytes that are not ASCII letters/digits (e.g. mis-decoded GBK) vanish. */
export function normHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const OPPOSITES: [string, string][] = [
  ['source', 'target'],
  ['src', 'dst'],
  ['src', 'tgt'],
  ['from', 'to'],
  ['head', 'tail'],
  ['subject', 'object'],
  ['u', 'v'],
  ['start', 'end'],
  ['left', 'right'],
  ['a', 'b'],
];

/** Values of a binary label column, lower-cased: positives are interactions, negatives are not. */
export const LABEL_POSITIVE = new Set(['1', '1.0', 'true', 't', 'pos', 'positive', 'yes', 'y']);
export const LABEL_NEGATIVE = new Set(['0', '0.0', 'false', 'f', 'neg', 'negative', 'no', 'n', '-1']);
/** Header names a label column goes by (besides the type names: "Label", "Y", "class" …). */
const LABEL_NAMES = new Set(['is interaction', 'interacts', 'positive', 'target', 'outcome', 'ddi', 'has interaction']);

/**
 * A column is a binary label when its sample holds only label values, both a positive and a negative
 * (a column of nothing but "1" may as well be a type, as DeepDDI's Label is).
 */
function isLabelColumn(p: ColumnProfile): boolean {
  let pos = false;
  let neg = false;
  for (const v of p.values) {
    const x = v.toLowerCase();
    if (LABEL_POSITIVE.has(x)) pos = true;
    else if (LABEL_NEGATIVE.has(x)) neg = true;
    else return false;
  }
  return pos && neg;
}

/** Cells of a multi-hot label column, lower-cased (pandas writes ints, floats or bools). Words such as yes/no are not taken: they mean a single label column. */
export const MULTI_HOT_ONE = new Set(['1', '1.0', 'true']);
export const MULTI_HOT_ZERO = new Set(['0', '0.0', 'false']);

/**
 * The columns besides the two drug columns are multi-hot labels: at least two of them, each named in the
 * header (names unique), every sampled cell filled and 0/1. Any other column (a name, a weight, a single
 * 0/1 `label`, a column named as a type or weight) means another layout, so a pair table with one binary label column keeps its meaning.
 */
function multiHotColumns(names: string[], header: string[], profiles: ColumnProfile[], rows: number, ends: number[]): number[] | undefined {
  const rest = names.map((_, c) => c).filter((c) => !ends.includes(c));
  if (rest.length < 2 || rows === 0) return undefined;
  const cells = rest.map((c) => (header[c] ?? '').trim());
  if (cells.some((h) => !h) || new Set(cells).size !== cells.length) return undefined;
  // A column named as a type, label or weight (`label`, `y`, `score`) is that, however its cells look.
  if (rest.some((c) => TYPE_NAMES.has(names[c]) || LABEL_NAMES.has(names[c]) || LABEL_LIST_NAMES.has(names[c]) || WEIGHT_NAMES.has(names[c]))) return undefined;
  const zeroOne = (c: number): boolean =>
    profiles[c].filled === rows && [...profiles[c].values].every((v) => MULTI_HOT_ONE.has(v.toLowerCase()) || MULTI_HOT_ZERO.has(v.toLowerCase()));
  return rest.every(zeroOne) ? rest : undefined;
}

const TYPE_NAMES = new Set([
  'label',
  'y',
  'type',
  'types',
  'interaction type',
  'interaction',
  'relation',
  'rel',
  'relation type',
  'ddi type',
  'event',
  'edge type',
  'class',
  'mechanism',
  'effect',
  'side effect',
  'interaction label',
  // TWOSIDES (condition_concept_name; its condition_meddra_id is the code) and Decagon's combo table.
  'condition concept name',
  'side effect name',
]);

/** A type column under one of these names holds a `;`-separated list of labels per pair (multi-label rows). */
const LABEL_LIST_NAMES = new Set(['labels', 'side effects', 'conditions', 'effects', 'side effect names']);
const WEIGHT_NAMES = new Set(['weight', 'score', 'w', 'confidence', 'prr', 'strength', 'probability', 'prob', 'combined score']);
const ID_NAMES = new Set([
  'drugbank id',
  'drugbank',
  'drug id',
  'drug',
  'id',
  'drugbankid',
  'db id',
  'stitch',
  'compound',
  'chemical',
  'cid',
  'drug drugbank id',
]);
const NAME_NAMES = new Set(['name', 'common name', 'drug name', 'generic name', 'preferred name', 'drugname', 'title']);
const ATC_NAMES = new Set(['atc', 'atc code', 'atc codes', 'atccode', 'atc codes list']);
const TARGET_NAMES = new Set([
  'gene',
  'genes',
  'uniprot id',
  'uniprot',
  'uniprot accession',
  'uniprot ac',
  'target',
  'target id',
  'targets',
  'protein',
  'protein id',
  'gene id',
  'uniprot ids',
  'target uniprot',
  'entrez gene id',
  'gene symbol',
]);
const TARGET_CATEGORY_VALUES = new Set(['target', 'enzyme', 'transporter', 'carrier']);

/** Two headers naming the two ends of a pair: drug1/drug2, Drug1_ID/Drug2_ID, drug_a/drug_b, source/target … */
function isPair(a: string, b: string): boolean {
  if (!a || !b || a === b) return false;
  // 1 ↔ 2 anywhere (drug1, drug 1, drug_1_rxnorn_id vs drug_2_rxnorm_id: allow one more edit for typos).
  const i = a.search(/1/);
  if (i >= 0 && b[i] === '2') {
    const a2 = a.slice(0, i) + '#' + a.slice(i + 1);
    const b2 = b.slice(0, i) + '#' + b.slice(i + 1);
    if (a2 === b2 || (a2.length >= 8 && editDistanceAtMostOne(a2, b2))) return true;
  }
  const ta = a.split(' ');
  const tb = b.split(' ');
  if (ta.length !== tb.length) return false;
  let diff = -1;
  for (let k = 0; k < ta.length; k++) {
    if (ta[k] !== tb[k]) {
      if (diff >= 0) return false;
      diff = k;
    }
  }
  if (diff < 0) return false;
  return OPPOSITES.some(([x, y]) => ta[diff] === x && tb[diff] === y);
}

/**
 * Columns and header lengths the pair search looks at. The search compares every two names, so it is
 * bounded: a header of 78,000 drug ids would otherwise mean 3 billion comparisons. Real interaction
 * tables name their two drug columns within the first few dozen columns, with short names.
 */
export const MAX_PAIR_COLUMNS = 256;
const MAX_PAIR_NAME = 64;

/** Index pairs [i, j] (i < j) of names that form a pair (see isPair), among the first MAX_PAIR_COLUMNS. */
function namedPairs(names: string[]): [number, number][] {
  const n = Math.min(names.length, MAX_PAIR_COLUMNS);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (names[i].length > MAX_PAIR_NAME) continue;
    for (let j = i + 1; j < n; j++) if (names[j].length <= MAX_PAIR_NAME && isPair(names[i], names[j])) out.push([i, j]);
  }
  return out;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

// ---------------------------------------------------------------- delimiter, comments, header

interface Shape {
  delimiter: string;
  /** Comment lines dropped before the header/data. */
  skipLines: number;
  hasHeader: boolean;
  header: string[];
  rows: string[][];
  columns: number;
}

function parseSample(text: string, delimiter: string): string[][] {
  const res = Papa.parse<string[]>(text, { delimiter, newline: '\n', preview: SAMPLE_ROWS + 1, skipEmptyLines: true });
  return res.data.map((r) => {
    const last = r.length - 1;
    if (last >= 0 && r[last].endsWith('\r')) r[last] = r[last].slice(0, -1);
    return delimiter === ' ' ? r.filter((f) => f !== '') : r;
  });
}

function modal(counts: number[]): { value: number; share: number } {
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let value = 0;
  let best = 0;
  for (const [c, f] of freq) {
    if (f > best || (f === best && c > value)) {
      value = c;
      best = f;
    }
  }
  return { value, share: counts.length ? best / counts.length : 0 };
}

/** Everything up to the last complete line, so a cut-off last row does not skew the counts. */
function completeLines(head: string, atEnd: boolean): string {
  if (atEnd) return head;
  const nl = head.lastIndexOf('\n');
  return nl > 0 ? head.slice(0, nl) : head;
}

function detectShape(label: string, head: string, atEnd: boolean, forced?: ColumnMapping): Shape {
  let text = completeLines(head.replace(/^\uFEFF/, ''), atEnd);
  // Leading '#' lines: comments, except that the last one may be the header (BioSNAP "#Drug\tGene").
  // Blank lines are skipped too, but not counted: the row reader never emits them.
  const comment: string[] = [];
  for (;;) {
    const nl = text.indexOf('\n');
    const line = nl < 0 ? text : text.slice(0, nl);
    if (!line.startsWith('#') && line.trim() !== '') break;
    if (line.startsWith('#')) comment.push(line);
    text = nl < 0 ? '' : text.slice(nl + 1);
    if (nl < 0) break;
  }
  const dataText = text;
  if (dataText.trim() === '') {
    throw new LoadError('no-interactions', label, 'the table has no data rows.');
  }

  let delimiter = forced?.delimiter;
  let rows: string[][] = [];
  if (delimiter === undefined) {
    let fallback: { d: string; rows: string[][]; score: number } | undefined;
    for (const d of DELIMITERS) {
      const r = parseSample(dataText, d);
      const m = modal(r.map((x) => x.length));
      if (m.value >= 2 && m.share >= 0.8) {
        delimiter = d;
        rows = r;
        break;
      }
      const score = m.value >= 2 ? m.share : 0;
      if (!fallback || score > fallback.score) fallback = { d, rows: r, score };
    }
    if (delimiter === undefined) {
      if (!fallback || fallback.score === 0) {
        throw new LoadError('unmappable', label, 'the table has a single column: found no tab, comma, semicolon, "|" or space separating two drug columns.');
      }
      delimiter = fallback.d;
      rows = fallback.rows;
    }
  } else {
    rows = parseSample(dataText, delimiter);
  }
  const columns = modal(rows.map((r) => r.length)).value;

  // The last comment line is the header when it splits into as many columns as the data.
  let skipLines = comment.length;
  let headerFromComment: string[] | undefined;
  const lastComment = comment.length ? comment[comment.length - 1].replace(/^#+\s*/, '') : '';
  if (lastComment) {
    const h = parseSample(lastComment, delimiter)[0] ?? [];
    if (h.length === columns) {
      headerFromComment = h;
      skipLines--;
    }
  }

  let hasHeader: boolean;
  let header: string[];
  if (headerFromComment) {
    hasHeader = forced?.hasHeader ?? true;
    header = headerFromComment;
    if (!hasHeader) skipLines++;
  } else {
    hasHeader = forced?.hasHeader ?? looksLikeHeader(rows);
    header = hasHeader ? (rows[0] ?? []) : [];
    if (hasHeader) rows = rows.slice(1);
  }
  header = header.map((h) => h.trim());
  return { delimiter, skipLines, hasHeader, header, rows, columns };
}

/** Column names that only ever appear in headers. */
const HEADER_WORDS =
  /(^| )(id|ids|name|names|drug|drugs|smiles|source|target|src|dst|label|type|weight|score|gene|protein|node|idx|index|from|to|head|tail)( |$)/;

/**
 * A first row is a header when it names columns (known words, or two names forming a pair like
 * drug1/drug2), or when some column's first value is text while the rest of the column is not.
 */
function looksLikeHeader(rows: string[][]): boolean {
  if (rows.length === 0) return false;
  const first = rows[0];
  const names = first.map((v) => (valueType(v.trim()) === 'int' || valueType(v.trim()) === 'num' ? '' : normHeader(v)));
  if (names.some((h) => HEADER_WORDS.test(h) || TYPE_NAMES.has(h) || WEIGHT_NAMES.has(h))) return true;
  if (namedPairs(names).length > 0) return true;
  if (rows.length === 1) return first.every((v) => valueType(v.trim()) === 'text' || valueType(v.trim()) === 'token');
  const body = rows.slice(1);
  for (let c = 0; c < first.length; c++) {
    const v = first[c].trim();
    const t = v === '' ? 'empty' : valueType(v);
    const col = profile(body, c).type;
    if (t === 'empty') {
      // pandas writes an unnamed index column: empty header over integers.
      if (col === 'int' && c === 0) return true;
      continue;
    }
    if (t === col) continue;
    if ((t === 'token' || t === 'text') && col !== 'token' && col !== 'text') return true;
    // "Drug Name" (with a space) over single-word values.
    if (t === 'text' && col === 'token') return true;
  }
  return false;
}

// ---------------------------------------------------------------- roles

export interface Detected extends TableLayout {
  /** Up to SAMPLE_ROWS data rows used for detection (for the column dialog preview). */
  sample: string[][];
  columns: number;
}

/**
 * Detects the layout from the start of a table (`atEnd`: the head is the whole file). Order of
 * preference: the caller's mapping; an interaction list; an index → DrugBank id map; a companion keyed
 * by drug id; a low-confidence guess of two id-like columns. Throws LoadError('unmappable') otherwise.
 */
export function detectTable(label: string, head: string, atEnd: boolean, forced?: ColumnMapping): Detected {
  const shape = detectShape(label, head, atEnd, forced);
  const { header, rows, columns } = shape;
  const base = {
    delimiter: shape.delimiter,
    skipLines: shape.skipLines,
    hasHeader: shape.hasHeader,
    header,
    sample: rows,
    columns,
  };
  const names = Array.from({ length: columns }, (_, i) => normHeader(header[i] ?? ''));
  const profiles = Array.from({ length: columns }, (_, i) => profile(rows, i));
  const shown = (i: number): string => (shape.hasHeader && header[i] ? header[i] : `column ${i + 1}`);

  if (forced) {
    const need = Math.max(forced.source, forced.target, forced.type ?? -1, forced.weight ?? -1, forced.label ?? -1);
    if (forced.source === forced.target || forced.source < 0 || forced.target < 0 || need >= Math.max(columns, 1)) {
      throw new LoadError(
        'unmappable',
        label,
        `the column mapping does not fit the table (it has ${columns} columns; source and target must be two different columns).`,
      );
    }
    return {
      ...base,
      role: 'edges',
      edges: { ...forced, delimiter: shape.delimiter, hasHeader: shape.hasHeader },
      integerIds: integerIds(profiles, forced),
      description:
        `${typedText(forced)}interactions (${shown(forced.source)} – ${shown(forced.target)}) as mapped by you` +
        (forced.label !== undefined ? labelText(shown(forced.label)) : ''),
      confidence: 'high',
    };
  }

  // 1. An interaction list: a pair of id-like columns named as a pair, or two DrugBank-id columns.
  const edges = detectEdges(names, profiles, shape.hasHeader);
  if (edges) {
    const { mapping, confidence } = edges;
    let description = `drug–drug pairs (${shown(mapping.source)}, ${shown(mapping.target)})`;
    const multiHot = shape.hasHeader ? multiHotColumns(names, header, profiles, rows.length, [mapping.source, mapping.target]) : undefined;
    if (multiHot) {
      // The 0/1 cells are labels, not a type, weight or binary label read from the same columns.
      const first = multiHot.slice(0, 3).map(shown).join(', ');
      return {
        ...base,
        role: 'edges',
        edges: { source: mapping.source, target: mapping.target, labelColumns: multiHot, delimiter: shape.delimiter, hasHeader: true },
        integerIds: integerIds(profiles, mapping),
        description: `${description}, labels as ${multiHot.length} multi-hot 0/1 columns (${first}${multiHot.length > 3 ? ', …' : ''})`,
        confidence,
      };
    }
    if (mapping.type !== undefined)
      description += mapping.typeList ? `, labels (;-separated) from ${shown(mapping.type)}` : `, interaction type from ${shown(mapping.type)}`;
    if (mapping.weight !== undefined) description += `, weight from ${shown(mapping.weight)}`;
    if (mapping.label !== undefined) description += labelText(shown(mapping.label));
    return {
      ...base,
      role: 'edges',
      edges: { ...mapping, delimiter: shape.delimiter, hasHeader: shape.hasHeader },
      integerIds: integerIds(profiles, mapping),
      description,
      confidence,
    };
  }

  // 1b. Drug → side effect rows (DeepDDI2's Drug_Side_Effect.txt): typed edges to side-effect nodes.
  const sideEffects = detectSideEffects(names, profiles, shape.hasHeader);
  if (sideEffects) {
    return {
      ...base,
      role: 'edges',
      edges: { ...sideEffects, delimiter: shape.delimiter, hasHeader: shape.hasHeader },
      description: `${typedText(sideEffects)}pairs (${shown(sideEffects.source)} → ${shown(sideEffects.target)}); side effects become nodes`,
      confidence: 'high',
    };
  }

  // 2. ogbl-ddi style map from node index to DrugBank id.
  if (columns === 2) {
    const [p0, p1] = profiles;
    const from = p0.type === 'int' && p1.type === 'dbid' ? 0 : p1.type === 'int' && p0.type === 'dbid' ? 1 : -1;
    if (from >= 0) {
      const to = 1 - from;
      return {
        ...base,
        role: 'id-map',
        idMap: { from, to },
        description: `id map: ${shown(from)} → DrugBank id (${shown(to)})`,
        confidence: 'high',
      };
    }
  }

  // 3. A companion keyed by drug id.
  const ann = detectAnnotations(names, profiles, shape.hasHeader);
  if (ann) {
    const parts: string[] = [];
    if (ann.name !== undefined) parts.push('names');
    if (ann.smiles !== undefined) parts.push('SMILES');
    if (ann.atc !== undefined) parts.push('ATC codes');
    if (ann.groups !== undefined) parts.push('groups');
    if (ann.categories !== undefined) parts.push('categories');
    if (ann.type !== undefined) parts.push('types');
    if (ann.target !== undefined) parts.push('targets');
    const role = ann.target !== undefined ? 'targets' : 'annotations';
    return {
      ...base,
      role,
      annotations: ann,
      description:
        role === 'targets'
          ? `drug–target table (${shown(ann.id)} → ${shown(ann.target!)}); targets attach to drugs`
          : `drug annotations by ${shown(ann.id)}: ${parts.join(', ')}`,
      confidence: 'high',
    };
  }

  // 4. Last resort: two token columns without a recognisable header → low-confidence pairs.
  const tokenCols = profiles.map((p, i) => (idLike(p.type) ? i : -1)).filter((i) => i >= 0);
  if (tokenCols.length >= 2 && (!shape.hasHeader || columns === 2)) {
    const [s, t] = tokenCols;
    return {
      ...base,
      role: 'edges',
      edges: { source: s, target: t, delimiter: shape.delimiter, hasHeader: shape.hasHeader },
      description: `pairs guessed from ${shown(s)} and ${shown(t)} — please confirm`,
      confidence: 'low',
    };
  }

  const named =
    header
      .slice(0, 8)
      .map((h) => `"${h}"`)
      .join(', ') + (header.length > 8 ? `, … (${header.length} in all)` : '');
  const list = shape.hasHeader ? named : `${columns} unnamed columns`;
  throw new LoadError(
    'unmappable',
    label,
    `cannot tell which columns hold the two drugs of an interaction, or a drug id to annotate (columns: ${list}). ` +
      'Choose the columns in the column dialog (or pass a column mapping).',
    shape.skipLines + 1,
  );
}

function detectEdges(names: string[], profiles: ColumnProfile[], hasHeader: boolean): { mapping: ColumnMapping; confidence: 'high' | 'low' } | undefined {
  const n = names.length;
  type Pair = [number, number];
  const pairs: Pair[] = hasHeader ? namedPairs(names) : [];
  const score = ([i, j]: Pair): number => {
    const a = profiles[i].type;
    const b = profiles[j].type;
    if (a === 'dbid' && b === 'dbid') return 4;
    if (a === 'int' && b === 'int') return 3;
    if (idLike(a) && idLike(b)) return /\bid\b|id$/.test(names[i]) ? 2.5 : 2;
    // Named as a pair but with odd values in the sample (a runaway quote, free-text ids): still the ends,
    // unless the names or values say these are the endpoints' names, SMILES or descriptions.
    if (a === 'smiles' || b === 'smiles' || /name|smiles|description|desc/.test(names[i])) return 0;
    return 1;
  };
  let ends: Pair | undefined;
  let best = 0;
  for (const p of pairs) {
    const s = score(p);
    if (s > best) {
      best = s;
      ends = p;
    }
  }
  let confidence: 'high' | 'low' = 'high';
  if (!ends) {
    const db = profiles.map((p, i) => (p.type === 'dbid' ? i : -1)).filter((i) => i >= 0);
    if (db.length >= 2) ends = [db[0], db[1]];
    else if (!hasHeader && n >= 2 && profiles[0].type === 'int' && profiles[1].type === 'int') ends = [0, 1];
  }
  if (!ends) return undefined;
  const [source, target] = ends;
  const mapping: ColumnMapping = { source, target };
  const used = new Set<number>(ends);

  // Attribute pairs: SMILES or names of each endpoint (TDC's Drug1/Drug2, TWOSIDES' concept names).
  for (const [i, j] of pairs) {
    if (used.has(i) || used.has(j)) continue;
    const ti = profiles[i].type;
    if (ti === 'smiles' || /smiles/.test(names[i])) {
      mapping.sourceSmiles = i;
      mapping.targetSmiles = j;
    } else if (ti === 'text' || ti === 'token' || /name/.test(names[i])) {
      if (mapping.sourceName !== undefined) continue;
      mapping.sourceName = i;
      mapping.targetName = j;
    } else continue;
    used.add(i);
    used.add(j);
  }

  // Type, label and weight columns by name; without a header, a third integer/token column with few values
  // is a type. A type-like column holding only 0/1 (true/false, pos/neg) is a label; so is the last column.
  for (let c = 0; c < n; c++) {
    if (used.has(c)) continue;
    const p = profiles[c];
    const labelLike = mapping.label === undefined && isLabelColumn(p);
    // Without a header, 0/1 may as well be the first two types of a file sorted by type (SumGNN's splits):
    // only words (true/false, pos/neg) make a label there.
    const words = ![...p.values].some((v) => INT.test(v) || NUM.test(v));
    if (labelLike && (hasHeader ? TYPE_NAMES.has(names[c]) || LABEL_NAMES.has(names[c]) || c === n - 1 : words)) {
      if (!hasHeader && c !== Math.max(source, target) + 1 && c !== n - 1) continue;
      mapping.label = c;
      used.add(c);
      continue;
    }
    if (hasHeader) {
      if (mapping.type === undefined && (TYPE_NAMES.has(names[c]) || LABEL_LIST_NAMES.has(names[c]))) {
        mapping.type = c;
        if (LABEL_LIST_NAMES.has(names[c])) mapping.typeList = true;
        used.add(c);
      } else if (mapping.weight === undefined && WEIGHT_NAMES.has(names[c]) && p.type !== 'text') {
        // Named as a weight: non-numeric cells simply give no weight (the edge then weighs 1).
        mapping.weight = c;
        used.add(c);
      }
    } else if (c === Math.max(source, target) + 1) {
      if (p.type === 'num') mapping.weight = c;
      else if ((p.type === 'int' || p.type === 'token') && p.distinct <= Math.max(1000, p.filled / 10)) mapping.type = c;
    }
  }
  if (!hasHeader && profiles[source].type !== 'int' && profiles[source].type !== 'dbid') confidence = 'low';
  return { mapping, confidence };
}

/** Header names of a column of side effects (one per row, as a name or a MedDRA term). */
const SIDE_EFFECT_NAMES = new Set(['side effect', 'side effects', 'side effect name', 'adverse effect', 'adverse event', 'adverse reaction']);
export const SIDE_EFFECT_KIND = 'side-effect';

/**
 * A table of one drug-id column and one column its header names as side effects (and no second drug
 * column, which would make it a drug pair's side effect, as in TWOSIDES): drug → side-effect edges,
 * the side effects as nodes of kind 'side-effect'. Only when the header says so unambiguously.
 */
function detectSideEffects(names: string[], profiles: ColumnProfile[], hasHeader: boolean): ColumnMapping | undefined {
  if (!hasHeader) return undefined;
  const effects = names.flatMap((h, i) => (SIDE_EFFECT_NAMES.has(h) && profiles[i].type !== 'dbid' ? [i] : []));
  const drugs = profiles.flatMap((p, i) => (p.type === 'dbid' ? [i] : []));
  if (effects.length !== 1 || drugs.length !== 1) return undefined;
  const mapping: ColumnMapping = { source: drugs[0], target: effects[0], targetKind: SIDE_EFFECT_KIND, relation: `drug-${SIDE_EFFECT_KIND}` };
  const name = names.findIndex((h, i) => i !== drugs[0] && NAME_NAMES.has(h));
  if (name >= 0) mapping.sourceName = name;
  return mapping;
}

/** "drug-protein " for a typed mapping (the relation its rows are), "" for drug–drug interactions. */
function typedText(m: ColumnMapping): string {
  const relation = mappedRelation(m);
  return relation === undefined ? '' : `${relation} `;
}

function labelText(column: string): string {
  return `, label from ${column} (1/true/pos: interaction; 0/false/neg: kept as a negative, not an edge)`;
}

/** Both ends are integer columns in the sample: the table's ids are numbers (ogbl-ddi's edge lists). */
function integerIds(profiles: ColumnProfile[], m: ColumnMapping): boolean {
  return profiles[m.source]?.type === 'int' && profiles[m.target]?.type === 'int';
}

function detectAnnotations(names: string[], profiles: ColumnProfile[], hasHeader: boolean): AnnotationColumns | undefined {
  const n = names.length;
  let id = profiles.findIndex((p) => p.type === 'dbid');
  if (id < 0 && hasHeader) id = names.findIndex((h) => ID_NAMES.has(h));
  if (id < 0) return undefined;
  const ann: AnnotationColumns = { id };
  const free = (c: number): boolean =>
    c !== id && ![ann.name, ann.smiles, ann.atc, ann.groups, ann.categories, ann.type, ann.target, ann.filterColumn].includes(c);
  const find = (test: (h: string, p: ColumnProfile) => boolean): number | undefined => {
    for (let c = 0; c < n; c++) if (free(c) && test(names[c], profiles[c])) return c;
    return undefined;
  };
  if (hasHeader) {
    ann.target = find((h, p) => TARGET_NAMES.has(h) && p.type !== 'text') ?? find((_, p) => p.type === 'uniprot');
    ann.smiles = find((h) => /(^| )smiles( |$)/.test(h));
    ann.atc = find((h) => ATC_NAMES.has(h)) ?? find((_, p) => p.type === 'atc');
    ann.name = find((h) => NAME_NAMES.has(h));
    ann.groups = find((h) => h === 'groups' || h === 'group');
    if (ann.target !== undefined) {
      // dhimmel's proteins.tsv: category ∈ target|enzyme|transporter|carrier; keep the targets.
      const cat = find((h, p) => h === 'category' && [...p.values].every((v) => TARGET_CATEGORY_VALUES.has(v.toLowerCase())));
      if (cat !== undefined) {
        ann.filterColumn = cat;
        ann.filterValue = 'target';
      }
    }
    ann.categories = find((h) => h === 'categories' || h === 'category');
    ann.type = find((h, p) => h === 'type' && [...p.values].every((v) => normDrugType(v) !== undefined));
  } else {
    ann.target = find((_, p) => p.type === 'uniprot');
    ann.smiles = find((_, p) => p.type === 'smiles');
    ann.atc = find((_, p) => p.type === 'atc');
    // Without a header, a text column right after the id is most likely the name.
    if (id + 1 < n && (profiles[id + 1].type === 'text' || profiles[id + 1].type === 'token') && free(id + 1)) ann.name = id + 1;
  }
  const any = [ann.name, ann.smiles, ann.atc, ann.groups, ann.categories, ann.type, ann.target].some((c) => c !== undefined);
  return any ? ann : undefined;
}

/** DrugBank's drug types as the XML spells them ("small molecule", "biotech"), from the CSV spellings too. */
export function normDrugType(v: string): string | undefined {
  const s = v
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
  if (s === 'smallmolecule' || s === 'smallmoleculedrug') return 'small molecule';
  if (s === 'biotech' || s === 'biotechdrug') return 'biotech';
  return undefined;
}
