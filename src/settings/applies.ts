/**
 * Which settings a model reads, so the Model panel offers only controls that change something and the
 * runs table shows only the chips that shaped a run. One table for both: a row not listed here applies
 * to every GNN; a heuristic reads only the rows in HEURISTIC_READS (a new GNN setting is hidden for
 * heuristics without a change here).
 */
import { isHeuristicKind, type ModelKind } from './options';
import type { SettingKey } from './schema';

/** GNN settings that only some layer kinds read. */
const ONLY_FOR: Partial<Record<SettingKey, readonly ModelKind[]>> = {
  heads: ['gat'],
  aggregator: ['mpnn'],
  update: ['mpnn'],
  bases: ['rgcn'],
  // R-GCN is relational already; every other layer has a heterogeneous form.
  hetero: ['seed-gcn', 'gcn', 'sage', 'gat', 'gin', 'mpnn'],
};

/**
 * What a heuristic's scores depend on: the task and the split (and, on the page, how many seeds to
 * repeat over and how many candidates to list). No layers, features, decoder, optimiser or backend.
 */
const HEURISTIC_READS: ReadonlySet<SettingKey> = new Set<SettingKey>(['model', 'task', 'testFraction', 'splitMode', 'seed', 'seeds', 'candidates']);

/**
 * `relationCount`: relations in the loaded graph, where known (the page). With one relation or none
 * there is nothing to choose, so the Relation control is hidden; the runs table, which has no graph,
 * shows its chip only when a relation was named. `kindCount`: node kinds in the graph. The per-relation
 * form (hetero) needs two message relations at least: two relations, or one joining two kinds (drug →
 * protein and protein → drug are two message relations).
 */
export function settingApplies(name: SettingKey, model: ModelKind, relationCount?: number, kindCount?: number): boolean {
  if (name === 'relation' && relationCount !== undefined && relationCount < 2) return false;
  if (name === 'hetero' && relationCount !== undefined && relationCount < 2 && (kindCount ?? 1) < 2) return false;
  if (isHeuristicKind(model)) return HEURISTIC_READS.has(name);
  const only = ONLY_FOR[name];
  return only === undefined || only.includes(model);
}
