/**
 * Streaming reader for DrugBank "full database" XML (schema 4.x – 5.1 and later drift).
 *
 * saxes does the tokenising and well-formedness checks; this file only keeps a stack of small integers
 * saying what each open element means at its position (a drug, a drug's own name, an interaction's
 * partner id, …). Everything below an element we do not need is marked IGNORE, so its events cost one
 * array read. Text is only collected inside the few leaf elements we keep: the text handler is switched
 * on when such an element opens and off when it closes, because saxes skips text bookkeeping entirely
 * while no handler is set.
 *
 * Only direct children count: the drug's own `<drugbank-id primary="true">`, not the ones inside
 * `<salts>`; the drug's `<name>`, not a target's; `<drug>` records directly under the root, not the
 * `<drug>` references inside `<pathways>`.
 *
 * A record's `<targets>` always give the drug's `targets` annotation (UniProt accessions). When the load
 * asks for proteins (LoadContext.drugbankProteins), each polypeptide of the targets — and with 'all' of
 * the enzymes, carriers and transporters — also becomes a protein node and a drug-target (drug-enzyme, …)
 * edge; see proteinLists.ts.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { LoadError } from '../errors';
import { detach, type TextSink } from '../sinks';
import type { LoadContext } from '../context';
import { PROTEIN_KIND, PROTEIN_LISTS, readsList, type ProteinList } from './proteinLists';

// What an open element means. Kinds >= TEXT_KINDS collect their text.
const IGNORE = 0;
const DOC = 1;
const ROOT = 2;
const DRUG = 3;
const GROUPS = 4;
const CATEGORIES = 5;
const CATEGORY = 6;
const ATC_CODES = 7;
const CALC_PROPS = 8;
const PROPERTY = 9;
const TARGETS = 10;
const TARGET = 11;
const POLYPEPTIDE = 12;
const EXT_IDS = 13;
const EXT_ID = 14;
const INTERACTIONS = 15;
const INTERACTION = 16;
const TEXT_KINDS = 100;
const DRUG_ID_PRIMARY = 100;
const DRUG_ID_OTHER = 101;
const DRUG_NAME = 102;
const GROUP = 103;
const CATEGORY_NAME = 104;
const PROP_KIND = 105;
const PROP_VALUE = 106;
const EXT_RESOURCE = 107;
const EXT_IDENTIFIER = 108;
const IX_ID = 109;
const IX_NAME = 110;
const IX_DESCRIPTION = 111;
const POLYPEPTIDE_NAME = 112;

/** The element of one entry in each protein list (`<targets>` holds `<target>`s, …). */
const LIST_ENTRIES = new Set(['target', 'enzyme', 'carrier', 'transporter']);

/** Notes are only kept for small graphs (GraphBuilder.build drops them above 20,000 edges anyway). */
const NOTE_LIMIT = 20_000;

/** The schema versions this reader was checked against; others load with a warning. */
const KNOWN_VERSIONS = /^(4\.\d+|5\.0|5\.1)(\.\d+)?$/;

export class DrugBankXmlSink implements TextSink {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  private readonly kinds: number[] = [DOC];
  private depth = 0;
  private started = false;
  /** The file starts at a `<drug>` (a cut-out 4.x fragment): we add the missing `<drugbank>` root. */
  private fragment = false;
  /** Element names carry a namespace prefix ("db:drug"); strip it. */
  private prefixed = false;
  private text = '';
  drugs = 0;
  interactions = 0;

  // The drug record being read.
  private id: string | undefined;
  private firstId: string | undefined;
  private own = -1;
  private drugLine = 0;
  private name: string | undefined;
  private type: string | undefined;
  private groups: string[] = [];
  private categories: string[] = [];
  private atc: string[] = [];
  private targets: string[] = [];
  private smiles: string | undefined;
  /** The protein list open now (`targets`, or with proteins on `enzymes` …), else null. */
  private list: ProteinList | null = null;
  /** The polypeptide being read, when its list becomes protein nodes. */
  private polypeptide: { id: string; uniprot: string; name: string } | null = null;
  /** Polypeptides with an accession in the current list entry (a target such as DNA has none). */
  private entryPolypeptides = 0;
  /** The record's proteins as [relation index, UniProt accession, name], made edges when the record ends. */
  private proteins: [number, string, string][] = [];
  // For the report's notes.
  private proteinEdges = 0;
  private entriesWithoutPolypeptide = 0;
  private polypeptidesWithoutAccession = 0;
  private repeatedProteinPairs = 0;
  /** Interactions seen before the drug's id (never in real exports, but cheap to allow). */
  private pending: [string, string, string][] = [];
  // Current <property>, <external-identifier>, <drug-interaction>.
  private propKind = '';
  private propValue = '';
  private resource = '';
  private identifier = '';
  private ixId = '';
  private ixName = '';
  private ixDescription = '';
  /** Node index of the current interaction's partner when partnerNeedsName already looked it up, else -1. */
  private ixNode = -1;

  constructor(
    private readonly label: string,
    private readonly ctx: LoadContext,
  ) {
    const p = this.parser;
    p.on('opentag', this.onOpen);
    p.on('closetag', this.onClose);
    p.on('cdata', this.onText);
    p.on('error', this.onError);
    p.on('doctype', this.onDoctype);
    // saxes reports "undefined entity." without the name: remember the last entity it resolved.
    const q = p as unknown as { parseEntity(entity: string): string };
    const parseEntity = q.parseEntity.bind(p);
    q.parseEntity = (entity) => {
      this.lastEntity = entity;
      return parseEntity(entity);
    };
  }

  write(text: string): void {
    if (!this.started) {
      this.started = true;
      text = this.prelude(text);
    }
    this.parser.write(text);
  }

  end(): void {
    // A fragment without the closing `</drugbank>`: close the root we opened.
    if (this.fragment && this.depth === 1) this.parser.write('</drugbank>');
    this.parser.close();
    if (this.drugs === 0) {
      throw new LoadError('no-interactions', this.label, 'this DrugBank XML contains no <drug> records directly under <drugbank>.');
    }
    if (this.ctx.drugbankProteins !== 'off') this.noteProteins();
  }

  private noteProteins(): void {
    const n = (x: number): string => x.toLocaleString('en-US');
    const lists = this.ctx.drugbankProteins === 'all' ? 'targets, enzymes, carriers and transporters' : 'targets';
    const notes = [`${this.label}: ${n(this.proteinEdges)} drug–protein edges from the records' ${lists} (proteins by UniProt accession).`];
    if (this.entriesWithoutPolypeptide > 0) {
      notes.push(`${this.label}: ${n(this.entriesWithoutPolypeptide)} of the ${lists} have no polypeptide (e.g. DNA) and so no protein node.`);
    }
    if (this.polypeptidesWithoutAccession > 0) {
      notes.push(`${this.label}: ${n(this.polypeptidesWithoutAccession)} polypeptides have no UniProt accession and were left out.`);
    }
    if (this.repeatedProteinPairs > 0) {
      notes.push(
        `${this.label}: ${n(this.repeatedProteinPairs)} drug–protein pairs were listed again (the drug's record in another file, or the ` +
          'protein in another of its lists); each pair is one edge and keeps the relation it was first listed with.',
      );
    }
    this.ctx.notes.push(...notes);
  }

  /** Handles a 4.x fragment that starts at `<drug>` (no root) by inserting a `<drugbank>` root. */
  private prelude(head: string): string {
    const at = firstElement(head);
    if (at && localName(at.name) === 'drug') {
      this.fragment = true;
      this.ctx.builder.warn(
        `${this.label} starts at a <drug> element without the <drugbank> root (a cut-out fragment, as in ` +
          'DrugBank 4.x subsets); it was read as if wrapped in <drugbank>.',
      );
      return head.slice(0, at.index) + '<drugbank>' + head.slice(at.index);
    }
    return head;
  }

  private readonly onText = (t: string): void => {
    this.text += t;
  };

  /** Entities the DOCTYPE declares: saxes never expands them (no entity expansion attacks), so we say why. */
  private readonly declaredEntities = new Set<string>();
  private lastEntity: string | undefined;

  private readonly onDoctype = (doctype: string): void => {
    for (const m of doctype.matchAll(/<!ENTITY\s+(%\s+)?([^\s"'>]+)/g)) if (!m[1]) this.declaredEntities.add(m[2]);
  };

  private readonly onError = (e: Error): never => {
    const p = this.parser;
    const raw = e.message.replace(/^[^:]*?:?\d+:\d+: /, '');
    const unclosed = /^unclosed tag: (.*)$/.exec(raw);
    const entity = raw === 'undefined entity.' ? this.lastEntity : undefined;
    const detail = unclosed
      ? `the file ends inside <${unclosed[1]}> — truncated download or copy? (malformed XML)`
      : entity !== undefined && this.declaredEntities.has(entity)
        ? `the entity &${entity}; is declared in the file's DOCTYPE (an internal entity). DTD entities are never expanded ` +
          '(that is how entity-expansion attacks work), and DrugBank exports do not use them; replace the reference by its text.'
        : entity !== undefined
          ? `malformed XML: undefined entity &${entity}; (only &lt; &gt; &amp; &quot; &apos; and character references are known).`
          : `malformed XML: ${raw}`;
    throw new LoadError('malformed-xml', this.label, detail, p.line, p.column + 1);
  };

  private readonly onOpen = (tag: SaxesTagPlain): void => {
    const parent = this.kinds[this.depth];
    const d = ++this.depth;
    if (parent === IGNORE) {
      this.kinds[d] = IGNORE;
      return;
    }
    const name = this.prefixed ? localName(tag.name) : tag.name;
    let k = IGNORE;
    switch (parent) {
      case DOC:
        k = this.openRoot(tag);
        break;
      case ROOT:
        if (name === 'drug') k = this.openDrug(tag);
        break;
      case DRUG:
        k = drugChild(name, tag);
        if (k === IGNORE && (name === 'targets' || readsList(this.ctx.drugbankProteins, name))) {
          k = TARGETS;
          this.list = name as ProteinList;
        }
        break;
      case GROUPS:
        if (name === 'group') k = GROUP;
        break;
      case CATEGORIES:
        if (name === 'category') k = CATEGORY;
        break;
      case CATEGORY:
        if (name === 'category') k = CATEGORY_NAME;
        break;
      case ATC_CODES:
        // The code is an attribute; the nested <level> elements are the ATC hierarchy, not needed.
        if (name === 'atc-code') {
          const code = tag.attributes.code;
          if (code) this.atc.push(code.trim());
        }
        break;
      case CALC_PROPS:
        if (name === 'property') {
          k = PROPERTY;
          this.propKind = this.propValue = '';
        }
        break;
      case PROPERTY:
        if (name === 'kind') k = PROP_KIND;
        else if (name === 'value') k = PROP_VALUE;
        break;
      case TARGETS:
        if (LIST_ENTRIES.has(name)) {
          k = TARGET;
          this.entryPolypeptides = 0;
        }
        break;
      case TARGET:
        if (name === 'polypeptide') {
          k = POLYPEPTIDE;
          const { id, source } = tag.attributes;
          if (this.list === 'targets' && id && source === 'Swiss-Prot') this.addTarget(id.trim());
          if (this.readsProteins()) this.polypeptide = { id: id?.trim() ?? '', uniprot: '', name: '' };
        }
        break;
      case POLYPEPTIDE:
        if (name === 'external-identifiers') k = EXT_IDS;
        else if (name === 'name' && this.polypeptide) k = POLYPEPTIDE_NAME;
        break;
      case EXT_IDS:
        if (name === 'external-identifier') {
          k = EXT_ID;
          this.resource = this.identifier = '';
        }
        break;
      case EXT_ID:
        if (name === 'resource') k = EXT_RESOURCE;
        else if (name === 'identifier') k = EXT_IDENTIFIER;
        break;
      case INTERACTIONS:
        if (name === 'drug-interaction') {
          k = INTERACTION;
          this.ixId = this.ixName = this.ixDescription = '';
          this.ixNode = -1;
        }
        break;
      case INTERACTION:
        // Only collect what will be used: the partner's name while the partner is unnamed, the
        // description while notes are still kept. Skipped text costs saxes almost nothing.
        // (DrugBank 3.0 called the partner's id element <drug>.)
        if (name === 'drugbank-id' || name === 'drug') k = IX_ID;
        else if (name === 'name') k = this.partnerNeedsName() ? IX_NAME : IGNORE;
        else if (name === 'description') k = this.ctx.builder.edgeCount < NOTE_LIMIT ? IX_DESCRIPTION : IGNORE;
        break;
    }
    this.kinds[d] = k;
    if (k >= TEXT_KINDS) {
      this.text = '';
      this.parser.on('text', this.onText);
    }
  };

  private readonly onClose = (): void => {
    const k = this.kinds[this.depth--];
    if (k < TEXT_KINDS) {
      if (k === INTERACTION) this.addInteraction(this.ixId, this.ixName, this.ixDescription);
      else if (k === DRUG) this.finishDrug();
      else if (k === PROPERTY) {
        if (this.propKind === 'SMILES' && this.propValue) this.smiles = detach(this.propValue);
      } else if (k === EXT_ID) {
        if (this.resource === 'UniProtKB' && this.identifier) {
          if (this.list === 'targets') this.addTarget(this.identifier);
          if (this.polypeptide && !this.polypeptide.uniprot) this.polypeptide.uniprot = this.identifier;
        }
      } else if (k === POLYPEPTIDE) {
        this.closePolypeptide();
      } else if (k === TARGET) {
        if (this.readsProteins() && this.entryPolypeptides === 0) this.entriesWithoutPolypeptide++;
      } else if (k === TARGETS) {
        this.list = null;
      }
      return;
    }
    this.parser.off('text');
    const t = this.text.trim();
    this.text = '';
    switch (k) {
      case DRUG_ID_PRIMARY:
        if (this.id === undefined && t) {
          this.id = detach(t);
          this.own = this.ctx.builder.node(this.id);
          this.flushPending();
        }
        break;
      case DRUG_ID_OTHER:
        if (this.firstId === undefined && t) this.firstId = detach(t);
        break;
      case DRUG_NAME:
        this.name = detach(t);
        break;
      case GROUP:
        if (t) this.groups.push(detach(t));
        break;
      case CATEGORY_NAME:
        if (t) this.categories.push(detach(t));
        break;
      case PROP_KIND:
        this.propKind = t;
        break;
      case PROP_VALUE:
        this.propValue = t;
        break;
      case EXT_RESOURCE:
        this.resource = t;
        break;
      case EXT_IDENTIFIER:
        this.identifier = t;
        break;
      case IX_ID:
        this.ixId = t;
        break;
      case IX_NAME:
        this.ixName = t;
        break;
      case IX_DESCRIPTION:
        this.ixDescription = t;
        break;
      case POLYPEPTIDE_NAME:
        // Pretty-printed exports wrap long names across lines.
        if (this.polypeptide) this.polypeptide.name = t.replace(/\s+/g, ' ');
        break;
    }
  };

  private openRoot(tag: SaxesTagPlain): number {
    if (tag.name.includes(':')) this.prefixed = true;
    const name = localName(tag.name);
    if (name === 'drugbank') {
      const version = tag.attributes.version;
      if (version && !KNOWN_VERSIONS.test(version)) {
        this.ctx.builder.warn(`${this.label} declares DrugBank version ${version}; read leniently with the 5.1 layout (unknown elements ignored).`);
      }
      return ROOT;
    }
    const p = this.parser;
    const what =
      name.toLowerCase() === 'html'
        ? 'this is an HTML page, not data (a login or error page instead of the download?)'
        : `this XML is not a DrugBank export: its root element is <${tag.name}>, expected <drugbank>`;
    throw new LoadError('not-drugbank', this.label, what + '.', p.line, p.column + 1);
  }

  private openDrug(tag: SaxesTagPlain): number {
    this.drugs++;
    this.id = this.firstId = undefined;
    this.own = -1;
    this.drugLine = this.parser.line;
    this.name = this.smiles = undefined;
    const type = tag.attributes.type;
    this.type = type ? detach(type) : undefined;
    this.groups = [];
    this.categories = [];
    this.atc = [];
    this.targets = [];
    this.proteins = [];
    this.pending.length = 0;
    return DRUG;
  }

  /** The current interaction's partner is not yet a node, or a node still named after its id. */
  private partnerNeedsName(): boolean {
    const i = this.ctx.builder.indexOf(this.ixId);
    if (i === undefined) return true;
    this.ixNode = i;
    return this.ctx.builder.nodes[i].name === this.ixId;
  }

  /** Whether the open list's polypeptides become protein nodes. */
  private readsProteins(): boolean {
    return this.list !== null && readsList(this.ctx.drugbankProteins, this.list);
  }

  /** Keeps the polypeptide just read as one of the record's proteins: its `id` attribute, else its UniProtKB identifier. */
  private closePolypeptide(): void {
    const p = this.polypeptide;
    if (!p || !this.list) return;
    this.polypeptide = null;
    const accession = p.id || p.uniprot;
    if (!accession) {
      this.polypeptidesWithoutAccession++;
      return;
    }
    this.entryPolypeptides++;
    this.proteins.push([this.ctx.builder.relationId(PROTEIN_LISTS[this.list]), detach(accession), detach(p.name)]);
  }

  /** The record's proteins as nodes and edges; a pair already an edge stays one edge (see noteProteins). */
  private addProteinEdges(): void {
    if (this.proteins.length === 0) return;
    const b = this.ctx.builder;
    const kind = b.kindId(PROTEIN_KIND);
    for (const [relation, accession, name] of this.proteins) {
      const p = b.node(accession, name || undefined, kind);
      if (b.hasEdge(this.own, p)) this.repeatedProteinPairs++;
      else if (b.edge(this.own, p, undefined, undefined, relation)) this.proteinEdges++;
    }
  }

  private addTarget(accession: string): void {
    if (!this.targets.includes(accession)) this.targets.push(detach(accession));
  }

  private addInteraction(partner: string, partnerName: string, description: string): void {
    if (!partner) {
      this.ctx.builder.skip(`${this.label}: <drug-interaction> without a partner <drugbank-id>`, this.parser.line);
      return;
    }
    if (this.own < 0) {
      this.pending.push([detach(partner), detach(partnerName), detach(description)]);
      return;
    }
    const b = this.ctx.builder;
    this.interactions++;
    // partnerName is only collected while the partner needs one (see partnerNeedsName), which also
    // remembers a known partner's index.
    const known = this.ixNode >= 0 && !partnerName && partner === this.ixId;
    const other = known ? this.ixNode : b.node(partner, partnerName ? detach(partnerName) : undefined);
    const note = b.edgeCount < NOTE_LIMIT && description ? detach(description) : undefined;
    if (b.edgeUnlessPresent(this.own, other, note) === 'present') this.ctx.mirroredListings++;
  }

  private flushPending(): void {
    const list = this.pending.splice(0);
    for (const [id, name, desc] of list) this.addInteraction(id, name, desc);
  }

  private finishDrug(): void {
    const b = this.ctx.builder;
    // Some old records lack primary="true": fall back to the drug's first direct id.
    if (this.id === undefined && this.firstId !== undefined) {
      this.id = this.firstId;
      this.own = b.node(this.id);
      this.flushPending();
    }
    if (this.id === undefined) {
      b.skip(`${this.label}: <drug> record without a <drugbank-id>`, this.drugLine);
      return;
    }
    this.ctx.records.add(this.id);
    b.annotate(this.id, {
      name: this.name,
      type: this.type,
      groups: this.groups,
      smiles: this.smiles,
      atc: this.atc,
      categories: this.categories,
      targets: this.targets,
    });
    this.addProteinEdges();
    if (this.drugs === 1) this.ctx.graphSources.push(this.label);
  }
}

function drugChild(name: string, tag: SaxesTagPlain): number {
  switch (name) {
    case 'drugbank-id':
      return tag.attributes.primary === 'true' ? DRUG_ID_PRIMARY : DRUG_ID_OTHER;
    case 'name':
      return DRUG_NAME;
    case 'groups':
      return GROUPS;
    case 'categories':
      return CATEGORIES;
    case 'atc-codes':
      return ATC_CODES;
    case 'calculated-properties':
      return CALC_PROPS;
    case 'drug-interactions':
      return INTERACTIONS;
    default:
      return IGNORE;
  }
}

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** Name and offset of the first element start tag, skipping the XML declaration, comments and DOCTYPE. */
export function firstElement(head: string): { name: string; index: number } | undefined {
  let i = 0;
  for (;;) {
    i = head.indexOf('<', i);
    if (i < 0 || i + 1 >= head.length) return undefined;
    const c = head[i + 1];
    if (c === '?') {
      i = head.indexOf('?>', i + 2);
    } else if (head.startsWith('<!--', i)) {
      i = head.indexOf('-->', i + 4);
    } else if (c === '!') {
      const close = head.indexOf('>', i);
      const bracket = head.indexOf('[', i);
      i = bracket >= 0 && bracket < close ? head.indexOf(']>', bracket) : close;
    } else {
      const m = /^<([^\s/>]+)/.exec(head.slice(i, i + 200));
      return m ? { name: m[1], index: i } : undefined;
    }
    if (i < 0) return undefined;
  }
}
