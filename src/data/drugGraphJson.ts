/**
 * The project's own JSON graph format, "drug-graph/1" (the demo set uses it):
 *   { format: "drug-graph/1", name, drugs: [{ id, name, smiles?, atc?[], categories?[] }],
 *     interactions: [{ a, b, type?, note? }] }
 */
import { LoadError } from './errors';
import { GraphBuilder, type DrugGraph, type LoadReport } from './graph';

export const DRUG_GRAPH_FORMAT = 'drug-graph/1';

interface JsonDrug {
  id?: unknown;
  name?: unknown;
  smiles?: unknown;
  atc?: unknown;
  categories?: unknown;
}

interface JsonInteraction {
  a?: unknown;
  b?: unknown;
  type?: unknown;
  note?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const strList = (v: unknown): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : undefined;

export function parseDrugGraphJson(text: string, file: string): { graph: DrugGraph; report: LoadReport } {
  let doc: { format?: unknown; name?: unknown; drugs?: unknown; interactions?: unknown };
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new LoadError('malformed-json', file, `not valid JSON (${(e as Error).message}).`);
  }
  if (doc === null || typeof doc !== 'object' || doc.format !== DRUG_GRAPH_FORMAT) {
    throw new LoadError('malformed-json', file, `a JSON file must have "format": "${DRUG_GRAPH_FORMAT}".`);
  }
  if (!Array.isArray(doc.drugs) || !Array.isArray(doc.interactions)) {
    throw new LoadError('malformed-json', file, 'expected arrays "drugs" and "interactions".');
  }
  const b = new GraphBuilder(str(doc.name) ?? file);
  (doc.drugs as JsonDrug[]).forEach((d, i) => {
    const id = str(d?.id);
    if (!id) return b.skip('drug without an "id"', i + 1);
    b.annotate(id, { name: str(d.name), smiles: str(d.smiles), atc: strList(d.atc), categories: strList(d.categories) });
  });
  (doc.interactions as JsonInteraction[]).forEach((x, i) => {
    const a = str(x?.a);
    const c = str(x?.b);
    if (!a || !c) return b.skip('interaction without both "a" and "b"', i + 1);
    if (!b.has(a) || !b.has(c)) b.warn('Some interactions name drugs missing from "drugs"; they were added by id.');
    b.edgeByIds(a, c, str(x.type), str(x.note));
  });
  if (b.edgeCount === 0) throw new LoadError('no-interactions', file, 'the file lists no interactions.');
  return { graph: b.build({ keepNotes: true }), report: b.report([file]) };
}
