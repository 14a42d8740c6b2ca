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
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { LoadError } from '../errors';
import { detach, type TextSink } from '../sinks';
import type { LoadContext } from '../context';

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
        if (name === 'target') k = TARGET;
        break;
      case TARGET:
        if (name === 'polypeptide') {
          k = POLYPEPTIDE;
          const { id, source } = tag.attributes;
          if (id && source === 'Swiss-Prot') this.addTarget(id.trim());
        }
        break;
      case POLYPEPTIDE:
        if (name === 'external-identifiers') k = EXT_IDS;
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
        if (this.resource === 'UniProtKB' && this.identifier) this.addTarget(this.identifier);
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
    case 'targets':
      return TARGETS;
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
