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
 * which keeps the writer well above 50 MB/s. Numbers are written in full: JavaScript's shortest decimal
 * that reads back to the same double (a float32 logit stays exact), the probability as sigmoid(logit) in float64.
 */
import Papa from 'papaparse';
import { NO_PART, TYPE_TOP, type LinkRows, type NodeRows, type PredictionTask, type RowBlock, type TypeRows } from '../model/predictionRows';

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
  }

  /** One field as papaparse writes it: quoted only when it holds the delimiter, a quote, a newline or outer spaces. */
  quote(text: string): string {
    return text === '' ? '' : Papa.unparse([[text]], { delimiter: this.delimiter, newline: '\n', header: false });
  }

  header(task: PredictionTask): string {
    return predictionColumns(task, this.source.classes ?? []).map((c) => this.quote(c)).join(this.delimiter) + '\n';
  }

  block(rows: RowBlock): string {
    if (rows.task === 'link') return this.linkRows(rows);
    if (rows.task === 'type') return this.typeRows(rows);
    return this.nodeRows(rows);
  }

  private split(part: number): string {
    return part === NO_PART ? NO_SPLIT : (PART_NAMES[part] ?? NO_SPLIT);
  }

  private linkRows(r: LinkRows): string {
    const t = this.delimiter;
    const parts: string[] = new Array(r.a.length);
    for (let i = 0; i < r.a.length; i++) {
      const a = r.a[i];
      const b = r.b[i];
      const s = r.score[i];
      parts[i] =
        this.ids[a] + t + this.names[a] + t + this.ids[b] + t + this.names[b] + t + r.known[i] + t + this.split(r.part[i]) + t +
        num(s) + t + num(1 / (1 + Math.exp(-s))) + t + (r.rank ? r.rank[i] : '') + '\n';
    }
    return parts.join('');
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
      let line = this.ids[v] + t + this.names[v] + t + this.split(r.part[i]) + t + className(r.label[i]) + t + className(best) + t + num(r.probability[i * c + best]);
      for (let k = 0; k < c; k++) line += t + num(r.probability[i * c + k]);
      parts[i] = line + '\n';
    }
    return parts.join('');
  }
}

/** Full precision: the shortest decimal that reads back to the same double. */
function num(x: number): string {
  return String(x);
}
