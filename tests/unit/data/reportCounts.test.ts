/** Load report counts: drugs without a record of their own, and the table's own negatives. */
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/data/loadFiles';
import { inputFromBytes } from '../../../src/data/input';

const drug = (id: string, partners: string[]): string =>
  `<drug type="small molecule"><drugbank-id primary="true">${id}</drugbank-id><name>${id} name</name><drug-interactions>` +
  partners.map((p) => `<drug-interaction><drugbank-id>${p}</drugbank-id><name>${p} name</name><description>x</description></drug-interaction>`).join('') +
  '</drug-interactions></drug>';
const xml = (drugs: string[]): string => `<?xml version="1.0"?>\n<drugbank xmlns="http://www.drugbank.ca" version="5.1">${drugs.join('')}</drugbank>\n`;

describe('drugs without a record of their own', () => {
  it('DrugBank: partners named only in <drug-interaction> are counted, and a note says what that means', async () => {
    // DB1 and DB2 have records; DB3, DB4 and DB5 appear only as partners.
    const r = await loadFiles([inputFromBytes('db.xml', xml([drug('DB1', ['DB2', 'DB3', 'DB4']), drug('DB2', ['DB1', 'DB5'])]))]);
    expect(r.report).toMatchObject({ nodes: 5, bareDrugs: 3 });
    expect(r.report.notes).toContain(
      '3 of 5 drugs appear only as interaction partners, without a record of their own (a DrugBank <drug> or a companion table row): ' +
        'they have an id and perhaps a name, no SMILES, ATC codes or categories.',
    );
  });

  it('an edge list with a companion table: drugs the companion has no row for', async () => {
    const r = await loadFiles([
      inputFromBytes('ddi.csv', 'Drug1,Drug2\nDB00001,DB00002\nDB00002,DB00003\nDB00003,DB00004\n'),
      inputFromBytes('drugbank vocabulary.csv', 'DrugBank ID,Common name\nDB00001,Lepirudin\nDB00004,Other\nDB09999,Not in graph\n'),
    ]);
    expect(r.report.bareDrugs).toBe(2);
  });

  it('a plain edge list has no records at all: no count', async () => {
    const r = await loadFiles([inputFromBytes('ddi.csv', 'Drug1,Drug2\nDB00001,DB00002\n')]);
    expect(r.report.bareDrugs).toBeUndefined();
  });
});
