/**
 * DrugBank's four protein lists under a `<drug>` record, and the relation each becomes when the load
 * asks for proteins as nodes. The node kind is always 'protein', the id the polypeptide's UniProt
 * accession (as in DrugBank's "target UniProt links" table), so XML and links table meet on one node.
 */

/** What a load makes of DrugBank XML proteins: nothing ('off': targets stay drug annotations), the targets, or all four lists. */
export type DrugBankProteins = 'off' | 'targets' | 'all';

/** Element name of each list → the relation of its edges. */
export const PROTEIN_LISTS = {
  targets: 'drug-target',
  enzymes: 'drug-enzyme',
  carriers: 'drug-carrier',
  transporters: 'drug-transporter',
} as const;

export type ProteinList = keyof typeof PROTEIN_LISTS;

export const PROTEIN_KIND = 'protein';

/** Whether a load in this mode reads the list `name` into nodes and edges. */
export function readsList(mode: DrugBankProteins, name: string): name is ProteinList {
  if (mode === 'off' || !(name in PROTEIN_LISTS)) return false;
  return mode === 'all' || name === 'targets';
}
