/**
 * Shared state of one `loadFiles` call: the graph being built, annotations waiting to be joined, and the
 * caller's column mappings. Parsers write into it; `loadFiles` turns it into a ParseResult.
 */
import { GraphBuilder } from './graph';
import { CompanionStore } from './companions';
import type { ColumnMapping } from './table/layout';
import type { DrugBankProteins } from './drugbank/proteinLists';

export interface LoadContext {
  builder: GraphBuilder;
  companions: CompanionStore;
  /** Caller overrides keyed by file label (file name, or "archive.zip/entry.csv"). */
  columnMappings: Readonly<Record<string, ColumnMapping>>;
  /** Labels of the sources that contributed drugs or interactions (not just annotations). */
  graphSources: string[];
  /** Drug–drug listings DrugBank repeats under both drugs; merged without counting as duplicates. */
  mirroredListings: number;
  /** Files read past without parsing (OGB metadata such as num-node-list.csv), and what each is. */
  skippedFiles: { label: string; what: string }[];
  /** How each table was read (its detected or given layout), for the report: "file: description". */
  tableLayouts: { label: string; description: string }[];
  /**
   * Pairs a label column marks negative, as drug ids [a0, b0, a1, b1, …] per file; resolved to nodes
   * when the load ends (ids may still be renamed by an id map, and only drugs of the graph count).
   */
  negatives: { label: string; ids: string[] }[];
  /** Ids of drugs with a record of their own (a DrugBank `<drug>`), as opposed to bare interaction partners. */
  records: Set<string>;
  /** Which of a DrugBank record's protein lists become protein nodes and edges ('off': targets stay annotations). */
  drugbankProteins: DrugBankProteins;
  /** Lines for the load report's notes from the parsers (joined after the built-in ones). */
  notes: string[];
}

export function createContext(name: string, columnMappings: Record<string, ColumnMapping> = {}, drugbankProteins: DrugBankProteins = 'off'): LoadContext {
  return {
    builder: new GraphBuilder(name),
    companions: new CompanionStore(),
    columnMappings,
    graphSources: [],
    mirroredListings: 0,
    skippedFiles: [],
    tableLayouts: [],
    negatives: [],
    records: new Set(),
    drugbankProteins,
    notes: [],
  };
}
