import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { detectColumns } from '../../../src/data/detectColumns';
import { memoryFile } from '../../helpers/inputs';
import { describeWithSharedData, sharedFile } from '../../helpers/sharedData';

describe('detectColumns (for the column dialog)', () => {
  it('returns the detected mapping, the header and the first rows', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `DB0000${i % 10}\tDB0001${i % 10}\t${(i % 3) + 1}`);
    const d = await detectColumns(memoryFile('Drugbank.txt', ['drug1\tdrug2\tLabel', ...rows].join('\n')));
    expect(d).toMatchObject({
      file: 'Drugbank.txt',
      delimiter: '\t',
      hasHeader: true,
      header: ['drug1', 'drug2', 'Label'],
      role: 'edges',
      mapping: { source: 0, target: 1, type: 2 },
      confidence: 'high',
    });
    expect(d.rows).toHaveLength(10);
    expect(d.rows[0]).toEqual(['DB00000', 'DB00010', '1']);
  });

  it('recognises paired column names (left/right, from/to) and their weight', async () => {
    const d = await detectColumns(memoryFile('e.csv', 'weight;left;right\n0.5;x;y\n1.5;y;z\n'));
    expect(d.mapping).toMatchObject({ source: 1, target: 2, weight: 0, delimiter: ';' });
  });

  it('guesses header-less token pairs with low confidence', async () => {
    const d = await detectColumns(memoryFile('pairs.txt', 'aspirin warfarin\nwarfarin heparin\n'));
    expect(d).toMatchObject({ role: 'edges', confidence: 'low', hasHeader: false, mapping: { source: 0, target: 1 } });
  });

  it('still shows the columns of a table it cannot map, with the problem', async () => {
    const d = await detectColumns(memoryFile('labels.csv', 'smiles,toxic,soluble\nCC(=O)O,0,1\n'));
    expect(d.mapping).toBeNull();
    expect(d.header).toEqual(['smiles', 'toxic', 'soluble']);
    expect(d.rows).toEqual([['CC(=O)O', '0', '1']]);
    expect(d.problem).toMatch(/cannot tell which columns/);
  });

  it('looks inside a zip and names the entry; reads only the start of big files', async () => {
    const big = 'Drug1,Drug2\n' + 'DB00001,DB00002\n'.repeat(500_000);
    const zip = zipSync({ 'ddi/edges.csv': strToU8(big) });
    const t0 = performance.now();
    const d = await detectColumns(memoryFile('bundle.zip', zip, 4096));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(d).toMatchObject({ file: 'bundle.zip/ddi/edges.csv', role: 'edges', mapping: { source: 0, target: 1 } });
  });

  it('says when the file is not a table', async () => {
    const d = await detectColumns(memoryFile('x.xml', '<drugbank/>'));
    expect(d.problem).toMatch(/XML \(DrugBank\), not a table/);
  });
});

describeWithSharedData('detectColumns on real tables', () => {
  it('classifies the shared tables', async () => {
    const cases: [string[], string, string][] = [
      [['biosnap_chch_miner', 'ChCh-Miner_durgbank-chem-chem.tsv'], 'edges', 'drug–drug pairs (Drug1, Drug2)'],
      [['biosnap_chg_miner', 'ChG-Miner_miner-chem-gene.tsv'], 'targets', 'drug–target table (Drug → Gene); targets attach to drugs'],
      [['drugbank_vocabulary', 'drugbank vocabulary.csv'], 'annotations', 'drug annotations by DrugBank ID: names'],
      [['deepddi_drugbank_ddi_86types', 'drug_smiles.csv'], 'annotations', 'drug annotations by drug_id: SMILES'],
      [['dhimmel_drugbank', 'drugbank.tsv'], 'annotations', 'drug annotations by drugbank_id: names, ATC codes, groups, categories, types'],
      [['ogbl_ddi', 'mapping', 'nodeidx2drugid.csv.gz'], 'id-map', 'id map: node idx → DrugBank id (drug id)'],
      [['ogbl_ddi', 'raw', 'edge.csv.gz'], 'edges', 'drug–drug pairs (column 1, column 2)'],
      [
        ['twosides_raw_sample', 'twoside_raw.csv'],
        'edges',
        'drug–drug pairs (drug_1_rxnorn_id, drug_2_rxnorm_id), interaction type from condition_concept_name, weight from PRR',
      ],
    ];
    for (const [path, role, description] of cases) {
      const d = await detectColumns(await sharedFile(...path));
      expect({ role: d.role, description: d.description }).toEqual({ role, description });
    }
  });
});
