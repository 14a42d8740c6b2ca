/**
 * Predictions as CSV or TSV text, one block of rows at a time (pure: no DOM, no tensors; the page's
 * worker and the CLI share it). Columns per task:
 *
 * - link: drug_a_id, drug_a_name, drug_b_id, drug_b_name, known (0/1), split (train/val/test, "-" for
 *   an unknown pair or a known pair outside the split), score (the decoder's logit), probability
 *   (its sigmoid), rank (1 = strongest; empty for all pairs);
 * - type: drug_a_id, drug_a_name, drug_b_id, drug_b_name, split, known_type, predicted_type,
 *   predicted_probability, type_2, probability_2, type_3, probability_3 (types as their text);
 * - node: drug_id, drug_name, split, atc_group (known, may be empty), predicted_group,
 *   predicted_probability, then probability_<group> for every group.
 *
 * Text fields (ids, names, type texts) are quoted by papaparse's `unparse` (once per distinct value:
 * delimiter, quote, newline, outer spaces); numbers never need quoting, so rows are joined directly,
 * which keeps the writer above 50 MB/s. Numbers are written with 9 significant digits (formatNumber): float32's
 * full precision, which the model computes in; the probability is sigmoid(logit), computed in float64.
 */
import Papa from 'papaparse';
import { ByteBuffer, formatNumber, writeNumber, writeUint } from './asciiBytes';
import { TYPE_TOP, type LinkRows, type NodeRows, type PredictionTask, type RowBlock, type TypeRows } from '../model/predictionRows';

export type PredictionFormat = 'csv' | 'tsv';
export const PREDICTION_FORMATS: readonly PredictionFormat[] = ['csv', 'tsv'];

/** What the rows' indices refer to. */
export interface PredictionNames {
  nodes: readonly { id: string; name: string }[];
  /** Interaction types' text (type task). */
  edgeTypes?: readonly string[];
  /** Class names (node task). */
  classes?: readonly string[];
}

/** Written for an unknown pair's split and for a known pair the split left out. */
export const NO_SPLIT = '-';
const PART_NAMES = ['train', 'val', 'test'];

export function predictionColumns(task: PredictionTask, classes: readonly string[] = []): string[] {
  if (task === 'link') return ['drug_a_id', 'drug_a_name', 'drug_b_id', 'drug_b_name', 'known', 'split', 'score', 'probability', 'rank'];
  if (task === 'type') {
    const extra = Array.from({ length: TYPE_TOP - 1 }, (_, j) => [`type_${j + 2}`, `probability_${j + 2}`]).flat();
    return ['drug_a_id', 'drug_a_name', 'drug_b_id', 'drug_b_name', 'split', 'known_type', 'predicted_type', 'predicted_probability', ...extra];
  }
  return ['drug_id', 'drug_name', 'split', 'atc_group', 'predicted_group', 'predicted_probability', ...classes.map((c) => `probability_${c}`)];
}

export const predictionMime = (format: PredictionFormat) => (format === 'tsv' ? 'text/tab-separated-values' : 'text/csv');

/** Turns row blocks into text; the first call of `block` is preceded by `header()`. */
export class PredictionsWriter {
  readonly delimiter: string;
  private readonly ids: string[];
  private readonly names: string[];
  private readonly types: string[];
  private readonly classes: string[];
  /** Each node's "id<delimiter>name" field pair, UTF-8, for the byte path of link rows. */
  private readonly nodeBytes: Uint8Array[];
  private readonly out = new ByteBuffer();
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly source: PredictionNames,
    readonly format: PredictionFormat,
  ) {
    if (!PREDICTION_FORMATS.includes(format)) throw new Error(`Unknown predictions format “${String(format)}”: csv or tsv.`);
    this.delimiter = format === 'tsv' ? '\t' : ',';
    this.ids = source.nodes.map((n) => this.quote(n.id));
    this.names = source.nodes.map((n) => this.quote(n.name));
    this.types = (source.edgeTypes ?? []).map((t) => this.quote(t));
    this.classes = (source.classes ?? []).map((c) => this.quote(c));
    this.nodeBytes = this.ids.map((id, i) => this.encoder.encode(id + this.delimiter + this.names[i]));
  }

  /** One field as papaparse writes it: quoted only when it holds the delimiter, a quote, a newline or outer spaces. */
  quote(text: string): string {
    return text === '' ? '' : Papa.unparse([[text]], { delimiter: this.delimiter, newline: '\n', header: false });
  }

  header(task: PredictionTask): string {
    return (
      predictionColumns(task, this.source.classes ?? [])
        .map((c) => this.quote(c))
        .join(this.delimiter) + '\n'
    );
  }

  /** The rows as UTF-8 text: link rows written byte by byte (the 9.1 M-row case), the others as strings. */
  blockBytes(rows: RowBlock): Uint8Array {
    if (rows.task === 'link') return this.linkBytes(rows);
    return this.encoder.encode(rows.task === 'type' ? this.typeRows(rows) : this.nodeRows(rows));
  }

  /** The same rows as a string. */
  block(rows: RowBlock): string {
    return rows.task === 'link' ? new TextDecoder().decode(this.linkBytes(rows)) : rows.task === 'type' ? this.typeRows(rows) : this.nodeRows(rows);
  }

  private split(part: number): string {
    return PART_NAMES[part] ?? NO_SPLIT;
  }

  private linkBytes(r: LinkRows): Uint8Array {
    const out = this.out;
    const t = this.delimiter.charCodeAt(0);
    const parts = [...PART_NAMES, NO_SPLIT].map((p) => this.encoder.encode(p));
    const nodes = this.nodeBytes;
    const copy = (b: Uint8Array, p: number, src: Uint8Array) => {
      for (let j = 0; j < src.length; j++) b[p++] = src[j];
      return p;
    };
    for (let i = 0; i < r.a.length; i++) {
      const na = nodes[r.a[i]];
      const nb = nodes[r.b[i]];
      // Two id/name pairs, five short fields, two numbers (≤ 32 bytes each), a rank (≤ 16).
      const b = out.reserve(na.length + nb.length + 128);
      let p = out.length;
      const s = r.score[i];
      p = copy(b, p, na);
      b[p++] = t;
      p = copy(b, p, nb);
      b[p++] = t;
      b[p++] = r.known[i] ? 49 : 48;
      b[p++] = t;
      p = copy(b, p, parts[r.part[i] < 3 ? r.part[i] : 3]);
      b[p++] = t;
      p = writeNumber(b, p, s);
      b[p++] = t;
      p = writeNumber(b, p, 1 / (1 + Math.exp(-s)));
      b[p++] = t;
      if (r.rank) p = writeUint(b, p, r.rank[i]);
      b[p++] = 10;
      out.length = p;
    }
    return out.take();
  }

  private typeRows(r: TypeRows): string {
    const t = this.delimiter;
    const typeText = (k: number) => (k >= 0 ? (this.types[k] ?? String(k)) : '');
    const parts: string[] = new Array(r.a.length);
    for (let i = 0; i < r.a.length; i++) {
      const a = r.a[i];
      const b = r.b[i];
      let line = this.ids[a] + t + this.names[a] + t + this.ids[b] + t + this.names[b] + t + this.split(r.part[i]) + t + typeText(r.known[i]);
      for (let j = 0; j < TYPE_TOP; j++) {
        const k = r.top[i * TYPE_TOP + j];
        line += t + typeText(k) + t + (k >= 0 ? num(r.probability[i * TYPE_TOP + j]) : '');
      }
      parts[i] = line + '\n';
    }
    return parts.join('');
  }

  private nodeRows(r: NodeRows): string {
    const t = this.delimiter;
    const c = r.classes;
    const className = (k: number) => (k >= 0 ? (this.classes[k] ?? String(k)) : '');
    const parts: string[] = new Array(r.node.length);
    for (let i = 0; i < r.node.length; i++) {
      const v = r.node[i];
      let best = 0;
      for (let k = 1; k < c; k++) if (r.probability[i * c + k] > r.probability[i * c + best]) best = k;
      let line =
        this.ids[v] + t + this.names[v] + t + this.split(r.part[i]) + t + className(r.label[i]) + t + className(best) + t + num(r.probability[i * c + best]);
      for (let k = 0; k < c; k++) line += t + num(r.probability[i * c + k]);
      parts[i] = line + '\n';
    }
    return parts.join('');
  }
}

const num = formatNumber;
