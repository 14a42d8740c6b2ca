/**
 * Sentences for interaction types, from a table like DeepDDI's Interaction_information.csv
 * ("Interaction type,Description,…": 1,"#Drug1 may increase the photosensitizing activities of #Drug2").
 * The first column is the type's name as it appears in the data's type column; the column named
 * Description (else the second) is the sentence.
 */
import Papa from 'papaparse';

export function parseTypeSentences(text: string): Map<string, string> {
  const rows = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  if (rows.length < 2) throw new Error('the type table has no rows.');
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const described = header.indexOf('description');
  const col = described >= 0 ? described : 1;
  const out = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const name = row[0]?.trim();
    const sentence = row[col]?.trim();
    if (name && sentence) out.set(name, sentence);
  }
  if (out.size === 0) throw new Error('the type table has no (type, sentence) rows.');
  return out;
}
