/**
 * How a table's columns are read: the caller-facing ColumnMapping (what the UI's confirm dialog edits)
 * and the internal TableLayout that detection produces.
 */

/** Column indices (0-based) of an interaction table. The UI's column dialog edits one of these. */
export interface ColumnMapping {
  source: number;
  target: number;
  /** Interaction type / label column. */
  type?: number;
  /**
   * The type column holds a `;`-separated list of labels (one row per pair with all its side effects,
   * e.g. "Nausea; Headache"): every label is kept for the multilabel task.
   */
  typeList?: boolean;
  /**
   * Multi-hot label columns (one row per pair, a 0/1 column per label, the header naming the labels, as
   * pandas writes a Decagon-style label matrix): each 1 is one of the pair's labels for the multilabel task.
   */
  labelColumns?: number[];
  /** Numeric weight or score column. */
  weight?: number;
  /**
   * A binary label column (1/0, true/false, pos/neg, yes/no): positive rows are interactions, negative
   * rows are kept apart as the table's own negatives (DrugGraph.negativeSrc/negativeDst), never edges.
   */
  label?: number;
  /** Optional columns that name or describe each endpoint (e.g. TDC's Drug1/Drug2 SMILES). */
  sourceName?: number;
  targetName?: number;
  sourceSmiles?: number;
  targetSmiles?: number;
  /**
   * Typed graphs: the kind of node each column holds ('drug' when omitted, e.g. 'protein' for a
   * drug–target table) and the relation its rows are (default '<source kind>-<target kind>').
   * A table with any of these is read as edges of that relation, never as a companion.
   */
  sourceKind?: string;
  targetKind?: string;
  relation?: string;
  /** Whether the first (non-comment) row is a header. Detected when omitted. */
  hasHeader?: boolean;
  /** Field delimiter. Detected when omitted. */
  delimiter?: string;
}

/** Column indices of a companion table that annotates drugs by id. */
export interface AnnotationColumns {
  id: number;
  name?: number;
  smiles?: number;
  atc?: number;
  groups?: number;
  categories?: number;
  type?: number;
  /** UniProt accession or gene id of a target (drug–target tables such as BioSNAP ChG-Miner). */
  target?: number;
  /** Keep only rows whose `filterColumn` equals `filterValue` (e.g. dhimmel's category = "target"). */
  filterColumn?: number;
  filterValue?: string;
}

export type TableRole = 'edges' | 'annotations' | 'targets' | 'id-map';

export interface TableLayout {
  delimiter: string;
  /** Physical lines before the header (or first data row): comments such as SNAP's "# Directed graph". */
  skipLines: number;
  hasHeader: boolean;
  header: string[];
  role: TableRole;
  edges?: ColumnMapping;
  annotations?: AnnotationColumns;
  idMap?: { from: number; to: number };
  /** Both drug columns hold integers (ogbl-ddi style): a row whose id is not a whole number ≥ 0 is rejected. */
  integerIds?: boolean;
  /** One line for the report, e.g. "drug–drug pairs (Drug1, Drug2) with interaction type (Label)". */
  description: string;
  /** 'high' when header names or id patterns made the choice obvious; 'low' when the UI should ask. */
  confidence: 'high' | 'low';
}

/** What `detectColumns` hands the UI's column dialog. */
export interface ColumnDetection {
  /** Label used as the key of `columnMappings` in load options. */
  file: string;
  delimiter: string;
  hasHeader: boolean;
  header: string[];
  /** First data rows (at most 10), as text. */
  rows: string[][];
  /** 'metadata': a file a load skips (OGB's num-node-list.csv and the like; see ogbMetadata.ts). */
  role: TableRole | 'metadata';
  /** The detected interaction columns (when role is 'edges'). */
  mapping: ColumnMapping | null;
  description: string;
  confidence: 'high' | 'low';
  /** When detection failed: why (the UI then asks the user for the columns). */
  problem?: string;
}

/** The relation a mapping's rows are, or undefined for plain drug–drug interactions. */
export function mappedRelation(m: ColumnMapping): string | undefined {
  if (m.relation) return m.relation;
  if (!m.sourceKind && !m.targetKind) return undefined;
  return `${m.sourceKind || 'drug'}-${m.targetKind || 'drug'}`;
}
