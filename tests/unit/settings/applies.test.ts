/** Which settings a model reads: the Model panel's rows and the runs table's chips both follow settingApplies. */
import { describe, expect, it } from 'vitest';
import { settingApplies } from '../../../src/settings/applies';
import { HEURISTIC_KINDS, LAYER_KINDS } from '../../../src/settings/options';
import { MODEL_PANEL_KEYS } from '../../../src/settings/schema';

describe('settingApplies', () => {
  it('a heuristic reads only the task, the split and the seeds: no layer, optimiser, feature or backend control', () => {
    for (const kind of HEURISTIC_KINDS) {
      const shown = MODEL_PANEL_KEYS.filter((k) => settingApplies(k, kind));
      expect(shown).toEqual(expect.arrayContaining(['model', 'task', 'testFraction', 'splitMode', 'seed', 'seeds', 'candidates']));
      for (const hidden of [
        'hidden',
        'layers',
        'heads',
        'dropout',
        'decoder',
        'learningRate',
        'batchSize',
        'epochs',
        'patience',
        'features',
        'aggregation',
        'backend',
      ] as const) {
        expect(settingApplies(hidden, kind), `${kind} ${hidden}`).toBe(false);
      }
    }
  });

  it('every GNN reads the layer and optimiser settings; heads only GAT, aggregator and update only the free MPNN', () => {
    for (const kind of LAYER_KINDS) {
      for (const k of ['hidden', 'layers', 'dropout', 'learningRate', 'epochs', 'features', 'backend', 'seed'] as const)
        expect(settingApplies(k, kind)).toBe(true);
      expect(settingApplies('heads', kind)).toBe(kind === 'gat');
      expect(settingApplies('aggregator', kind)).toBe(kind === 'mpnn');
      expect(settingApplies('update', kind)).toBe(kind === 'mpnn');
    }
  });
});

describe('settingApplies: the relation', () => {
  it('is offered only when the loaded graph has relations to choose from', () => {
    expect(settingApplies('relation', 'gcn', 0)).toBe(false);
    expect(settingApplies('relation', 'gcn', 1)).toBe(false);
    expect(settingApplies('relation', 'rgcn', 3)).toBe(true);
    expect(settingApplies('relation', 'gcn')).toBe(true); // no graph known (the runs table)
  });
});

describe('settingApplies: the per-relation form (hetero)', () => {
  it('needs two message relations (two relations, or one joining two node kinds) and a zoo layer other than R-GCN', () => {
    expect(settingApplies('hetero', 'sage', 0)).toBe(false); // untyped graph: one message relation
    expect(settingApplies('hetero', 'sage', 1, 1)).toBe(false); // drug-drug only
    expect(settingApplies('hetero', 'sage', 1, 2)).toBe(true); // drug-target: drug → protein and protein → drug
    expect(settingApplies('hetero', 'gcn', 2)).toBe(true);
    expect(settingApplies('hetero', 'rgcn', 2, 2)).toBe(false); // relational already
    expect(settingApplies('hetero', 'katz', 2, 2)).toBe(false);
    for (const kind of LAYER_KINDS) expect(settingApplies('hetero', kind)).toBe(kind !== 'rgcn');
  });
});
