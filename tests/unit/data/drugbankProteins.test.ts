/**
 * DrugBank XML's targets (and enzymes, carriers, transporters) as protein nodes, on the real samples in
 * ../shared/datasets: every count is computed here independently, by regular expressions over the XML
 * text and papaparse over the links table, and compared with what the loader builds.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { runInspect } from '../../../src/cli/inspect';
import { parseTrainArgs } from '../../../src/cli/train';
import { loadFiles, type LoadOptions } from '../../../src/data/loadFiles';
import type { DrugGraph } from '../../../src/data/graph';
import { describeWithSharedData, sharedFile, sharedPath } from '../../helpers/sharedData';

const SAMPLES = 'drugbank_xml_samples';
/** DrugBank 5.1 exports (the links table is DrugBank 5.1.2). */
const XML_51 = ['bio2bel_test.xml', 'dbparser_drugbank_record.xml', 'dbparser_drugbank_record_biotech.xml', 'dbparser_drugbank_record_small_molecule.xml'];
/** A cut-out DrugBank 4.x fragment (records updated 2014–2015). */
const XML_4 = 'dhimmel_drugbank41_subset.txt';
const LINKS = ['drugbank_target_uniprot_links', 'drug_target_uniprot_links_5.1.2.csv'];
/** The links table's columns as typed-graphs.md maps them: drug → protein, relation drug-target. */
const LINKS_MAPPING = { source: 0, target: 3, sourceName: 1, targetName: 4, targetKind: 'protein', relation: 'drug-target' };

const LISTS = ['targets', 'enzymes', 'carriers', 'transporters'] as const;

interface XmlRecord {
  drug: string;
  /** List → UniProt accessions of its polypeptides, in file order. */
  lists: Record<(typeof LISTS)[number], string[]>;
  /** Every `<polypeptide id>` → its `<name>`. */
  names: Map<string, string>;
}

/** The records of a DrugBank XML text, read with regular expressions (no XML parser), for independent counts. */
function xmlRecords(file: string): XmlRecord[] {
  const text = readFileSync(sharedPath(SAMPLES, file), 'utf8');
  // Top-level records carry a type attribute; the <drug> references inside pathways do not.
  return text
    .split(/<drug type="/)
    .slice(1)
    .map((body) => {
      const drug = /<drugbank-id primary="true">(DB\d+)<\/drugbank-id>/.exec(body)![1];
      const lists = {} as XmlRecord['lists'];
      const names = new Map<string, string>();
      for (const list of LISTS) {
        // The record's own list is its last one: <reactions> name <enzymes> of their own earlier on.
        const block = [...body.matchAll(new RegExp(`<${list}>([\\s\\S]*?)</${list}>`, 'g'))].pop()?.[1] ?? '';
        lists[list] = [...block.matchAll(/<polypeptide id="([^"]+)"[^>]*>\s*<name>([^<]*)<\/name>/g)].map((m) => {
          names.set(m[1], m[2].replace(/\s+/g, ' ').trim());
          return m[1];
        });
      }
      return { drug, lists, names };
    });
}

/** Drug–protein pairs "drug protein" of the given lists, with the relation each pair is first listed with. */
function pairsOf(records: XmlRecord[], lists: readonly (typeof LISTS)[number][]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const r of records) {
    for (const list of lists) for (const p of r.lists[list]) if (!pairs.has(`${r.drug} ${p}`)) pairs.set(`${r.drug} ${p}`, list);
  }
  return pairs;
}

/** The links table's rows as "drug protein" pairs, read with papaparse. */
function linkPairs(): Set<string> {
  const rows = Papa.parse<string[]>(readFileSync(sharedPath(...LINKS), 'utf8'), { skipEmptyLines: true }).data.slice(1);
  return new Set(rows.map((r) => `${r[0]} ${r[3]}`));
}

/** The graph's edges of a relation as "drug protein" pairs. */
function graphPairs(g: DrugGraph, relation: string): Set<string> {
  const out = new Set<string>();
  const r = g.relations!.indexOf(relation);
  const protein = g.kinds!.indexOf('protein');
  for (let e = 0; e < g.edgeSrc.length; e++) {
    if (g.edgeRelation![e] !== r) continue;
    const [a, b] = [g.edgeSrc[e], g.edgeDst[e]];
    const [d, p] = g.nodeKind![a] === protein ? [b, a] : [a, b];
    out.add(`${g.nodes[d].id} ${g.nodes[p].id}`);
  }
  return out;
}

const load = async (files: string[][], options: LoadOptions) => loadFiles(await Promise.all(files.map((f) => sharedFile(...f))), options);
const xmlFiles = (names: string[]) => names.map((n) => [SAMPLES, n]);
const ALL_XML = [...XML_51, XML_4];

describeWithSharedData('DrugBank XML proteins on the real samples', () => {
  const records = ALL_XML.flatMap(xmlRecords);

  it('off (the default): no protein nodes; targets stay the drugs’ annotation', async () => {
    const { graph, report } = await load(xmlFiles(ALL_XML), {});
    expect(graph.nodeKind).toBeUndefined();
    expect(report.nodeKinds).toBeUndefined();
    const cetuximab = graph.nodes.find((n) => n.id === 'DB00002')!;
    expect(new Set(cetuximab.targets)).toEqual(new Set(records.find((r) => r.drug === 'DB00002')!.lists.targets));
  });

  it('targets: one protein node per UniProt accession, named after its polypeptide, and one drug-target edge per pair', async () => {
    const { graph, report } = await load(xmlFiles(ALL_XML), { drugbankProteins: 'targets' });
    const pairs = pairsOf(records, ['targets']);
    const proteins = new Set([...pairs.keys()].map((k) => k.split(' ')[1]));
    expect(pairs.size).toBeGreaterThan(20); // the samples hold real targets
    expect(report.nodeKinds!.protein).toBe(proteins.size);
    expect(report.relations!['drug-target']).toBe(pairs.size);
    expect(graphPairs(graph, 'drug-target')).toEqual(new Set(pairs.keys()));
    const names = new Map(records.flatMap((r) => [...r.names]));
    for (const id of proteins) expect(graph.nodes.find((n) => n.id === id)!.name, id).toBe(names.get(id));
    // Drug–drug interactions and the drugs' own annotations are untouched.
    const off = await load(xmlFiles(ALL_XML), {});
    expect(report.relations!['drug-drug']).toBe(off.report.edges);
    expect(report.nodeKinds!.drug).toBe(off.report.nodes);
    expect(report.bareDrugs).toBe(off.report.bareDrugs);
    // DB00003's one target is DNA: no polypeptide, so no node, and the report says so.
    expect(records.find((r) => r.drug === 'DB00003')!.lists.targets).toEqual([]);
    expect(report.notes!.join('\n')).toMatch(/bio2bel_test\.xml: 1 of the targets have no polypeptide \(e\.g\. DNA\)/);
  });

  it('all: enzymes, carriers and transporters become their own relations; a pair keeps the list it was first listed in', async () => {
    const { graph, report } = await load(xmlFiles(ALL_XML), { drugbankProteins: 'all' });
    const pairs = pairsOf(records, LISTS);
    for (const list of LISTS) {
      const relation = `drug-${list.slice(0, -1)}`;
      const expected = [...pairs].filter(([, l]) => l === list).map(([k]) => k);
      expect(report.relations![relation] ?? 0, relation).toBe(expected.length);
      if (expected.length > 0) expect(graphPairs(graph, relation)).toEqual(new Set(expected));
    }
    expect(report.relations!['drug-enzyme']).toBeGreaterThan(0); // Bivalirudin's myeloperoxidase
  });

  it('XML targets + the links table: one drug–protein–drug graph, counts from both sources united', async () => {
    const links = linkPairs();
    const { graph, report } = await load([...xmlFiles(ALL_XML), LINKS], {
      drugbankProteins: 'targets',
      columnMappings: { [LINKS[1]]: LINKS_MAPPING },
    });
    const union = new Set([...pairsOf(records, ['targets']).keys(), ...links]);
    expect(report.relations!['drug-target']).toBe(union.size);
    expect(graphPairs(graph, 'drug-target')).toEqual(union);
    expect(report.nodeKinds!.protein).toBe(new Set([...union].map((k) => k.split(' ')[1])).size);
    const off = await load(xmlFiles(ALL_XML), {});
    const drugs = new Set([...off.graph.nodes.map((n) => n.id), ...[...links].map((k) => k.split(' ')[0])]);
    expect(report.nodeKinds!.drug).toBe(drugs.size);
  });

  it('for the drugs both cover, a DrugBank 5.1 file’s targets are exactly the links table’s; the 4.x fragment’s are a subset', async () => {
    const links = linkPairs();
    const linked = (drug: string) => new Set([...links].filter((k) => k.startsWith(`${drug} `)));
    const byDrug = (g: DrugGraph, drug: string) => new Set([...graphPairs(g, 'drug-target')].filter((k) => k.startsWith(`${drug} `)));
    for (const [files, exact] of [
      [XML_51, true],
      [[XML_4], false],
    ] as const) {
      const { graph } = await load(xmlFiles([...files]), { drugbankProteins: 'targets' });
      const covered = [...new Set(files.flatMap(xmlRecords).map((r) => r.drug))].filter((d) => linked(d).size > 0);
      expect(covered.length, files.join()).toBeGreaterThan(2);
      for (const drug of covered) {
        const fromXml = byDrug(graph, drug);
        if (exact) expect(fromXml, drug).toEqual(linked(drug));
        else for (const pair of fromXml) expect(links.has(pair), pair).toBe(true);
      }
    }
  });
});

describe('--drugbank-proteins', () => {
  it('train (and predict, export) take it, checked by the settings row; off by default', () => {
    expect(parseTrainArgs(['db.xml']).proteins).toBe('off');
    expect(parseTrainArgs(['db.xml', '--drugbank-proteins', 'all']).proteins).toBe('all');
    expect(() => parseTrainArgs(['db.xml', '--drugbank-proteins', 'enzymes'])).toThrow('--drugbank-proteins expects one of off, targets, all, got "enzymes"');
  });
});

describeWithSharedData('inspect --drugbank-proteins on a real sample', () => {
  it('counts the protein nodes and drug-target edges of the file', async () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      expect(await runInspect([sharedPath(SAMPLES, 'bio2bel_test.xml'), '--drugbank-proteins=targets', '--json'])).toBe(0);
      const report = JSON.parse(out.mock.calls[0][0] as string);
      const pairs = pairsOf(xmlRecords('bio2bel_test.xml'), ['targets']);
      expect(report.relations['drug-target']).toBe(pairs.size);
      expect(report.nodeKinds.protein).toBe(new Set([...pairs.keys()].map((k) => k.split(' ')[1])).size);
    } finally {
      out.mockRestore();
    }
  });
});
