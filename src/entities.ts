// **entities** finds the mentions of people, states, organisations, places, offices,
// events and documents in each sentence, and resolves them to article-wide entities.
//
// Order here matters: gazetteer phrases first (one dictionary pass), then capitalised
// chunks classified by their head word, then offices composed from title + holder,
// then people found by the title or apposition next to them.
import type { Gazetteer, Hit, TitleEntry } from './gazetteer.js';
import { entityKey } from './iri.js';
import { fold, tokenize, type Token } from './text.js';
import type { Entity, EntityType, Sentence } from './types.js';

export type MentionKind = 'entity' | 'demonym' | 'title' | 'groupref' | 'guestref' | 'pronoun' | 'defref';

export interface Mention {
  kind: MentionKind;
  /** Article offsets. */
  start: number;
  end: number;
  /** Token range in the sentence, [t0, t1). */
  t0: number;
  t1: number;
  type?: EntityType;
  key?: string;
  /** Demonym's country, title's resolved holder. */
  country?: string;
  title?: TitleEntry;
  /** Every office the title's words can name; composeOffices picks one by holder. */
  titles?: TitleEntry[];
  /** A mention inside a larger name or office: not an actor of its own. */
  inner?: boolean;
  /** For a Person mention: the office stated next to it. */
  position?: string;
  /** For a curated organisation: its parent body's label. */
  parent?: string;
  /** For "the organization": refers to the latest body. */
  refBody?: boolean;
  /** For a generic definite reference ("the deputy minister"): its words. */
  refWord?: string;
  /** For a definite reference: the demonym that qualifies it ("the Turkish top diplomat"). */
  refCountry?: string;
  /** The rule that recognised a structural fact attached to this mention. */
  via?: string;
}

/** A structural fact found while reading names (holdsPosition, positionOf, ...). */
export interface NameFact {
  subject: string;
  predicate: 'holdsPosition' | 'positionOf' | 'affiliatedWith' | 'locatedIn' | 'counterpartOf' | 'memberOf';
  object: string;
  start: number;
  end: number;
  rule: string;
}

export interface SentenceAnalysis {
  sentence: Sentence;
  tokens: Token[];
  mentions: Mention[];
  facts: NameFact[];
}

const ORDINAL = /^(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|annual|inaugural)$/i;
const ARABIC_ARTICLE = /^(?:al|el|ad|as|ash|at|az|an|ar|ul|ud)-\p{Lu}/u;
const QUOTE = /^["“”]$/;
const CONNECTORS = new Set(['of', 'the', 'for', 'on', 'and', 'in', 'between', 'de', 'des', 'du', 'la', 'to']);
const PRONOUNS = new Map([['he', 'm'], ['she', 'f'], ['his', 'm'], ['her', 'f'], ['its', 'n']]);
const GROUP_REFS = [
  'the sides', 'both sides', 'the two sides', 'the parties', 'both parties', 'the two parties',
  'the ministers', 'both ministers', 'the two ministers', 'the leaders', 'both leaders', 'the two leaders',
  'the two men', 'the two women', 'the two officials', 'the officials', 'the two presidents', 'the presidents',
  'the two foreign ministers', 'the foreign ministers', 'the three', 'the two', 'they',
].map((s) => s.split(' '));
const GROUP_FIRST = new Set(GROUP_REFS.map((g) => g[0]));
const ARTICLE_THE = new Set(['the']);
// "the Azerbaijani city of Shusha": words for a kind of place.
const PLACE_KINDS = new Set(['city', 'town', 'village', 'capital', 'port', 'province', 'region', 'district', 'resort', 'island']);
// "the organization", "the bloc": a body named again.
const BODY_REFS = new Set(['organization', 'organisation', 'bloc', 'alliance', 'union', 'grouping', 'commonwealth', 'forum', 'body']);
// Offices named again without a name: "the minister", "the president", "the secretary-general".
const GENERIC_OFFICES = new Set(['chief', 'head', 'minister', 'president', 'premier', 'chancellor', 'king', 'emir', 'monarch', 'diplomat', 'envoy', 'ambassador', 'secretary-general', 'chairman', 'chairperson', 'chairwoman', 'leader', 'speaker', 'governor', 'mayor', 'spokesperson', 'spokesman', 'spokeswoman']);
// Countries whose short name takes "the" inside an office label ("of the Netherlands").
const THE_COUNTRIES = /^(United |Netherlands$|Philippines$|Bahamas$|Gambia$|Maldives$|Comoros$|Czech Republic$|Central African Republic$|Dominican Republic$|Seychelles$|Solomon Islands$|Marshall Islands$|Holy See$|Democratic Republic)/;

export function holderPhrase(g: Gazetteer, key: string): string {
  const type = key.slice(0, key.indexOf(':'));
  const label = key.slice(key.indexOf(':') + 1);
  if (type === 'Country') return THE_COUNTRIES.test(label) ? `the ${label}` : label;
  // Bodies take "the" unless their label is an acronym or a single proper word.
  return /\s/.test(label) && !/^the /i.test(label) ? `the ${label}` : label;
}

// ### `Registry` holds the entities of one article and the names that lead to them.
export class Registry {
  readonly entities = new Map<string, Entity>();
  /** Folded name or surname → person key, for later mentions. */
  readonly personNames = new Map<string, string>();
  /** Person key → office key, as stated in the article. */
  readonly offices = new Map<string, string>();

  constructor(readonly g: Gazetteer) {}

  // ### `add` records an entity (or an alias of one) and returns its key.
  add(type: EntityType, label: string, surface?: string, extra?: Partial<Entity>): string {
    const key = entityKey(type, label);
    let e = this.entities.get(key);
    if (!e) {
      e = { key, label, type, aliases: [], ...extra };
      this.entities.set(key, e);
    }
    if (surface && surface !== label && !e.aliases.includes(surface)) e.aliases.push(surface);
    return key;
  }

  addPerson(name: string): string {
    const folded = fold(name);
    const known = this.personNames.get(folded);
    if (known) {
      this.add('Person', this.entities.get(known)!.label, name);
      return known;
    }
    const key = this.add('Person', name);
    this.personNames.set(folded, key);
    const parts = name.split(/\s+/).filter((p) => /^\p{Lu}/u.test(p) && !/^(?:Jr|Sr|II|III|IV)\.?$/.test(p));
    // The surname (last capitalised word) refers back to the full name; for Arabic
    // "X bin Y" names news uses the first name ("Sheikh Tamim"), so keep it too.
    if (parts.length > 1) {
      const last = fold(parts[parts.length - 1]);
      if (!this.personNames.has(last)) this.personNames.set(last, key);
      // "Luiz Inácio Lula da Silva" is "Lula": the word before a particle names the person too
      const words = name.split(/\s+/);
      const particle = words.findIndex((w, i) => i > 0 && /^(?:da|de|do|dos|das|di|del|van|von)$/.test(w));
      // "Moussa Faki Mahamat" is also "Faki": in three-word names the middle word often serves as the surname
      if (words.length === 3 && /^\p{Lu}\p{Ll}{2,}$/u.test(words[1])) {
        const middle = fold(words[1]);
        if (!this.personNames.has(middle)) this.personNames.set(middle, key);
      }
      if (particle > 1) {
        const before = fold(words[particle - 1]);
        if (!this.personNames.has(before)) this.personNames.set(before, key);
      }
      if (/\s(?:bin|bint|ibn)\s/i.test(name)) {
        const first = fold(parts[0]);
        if (!this.personNames.has(first)) this.personNames.set(first, key);
      }
    }
    return key;
  }
}

interface Seg {
  t0: number;
  t1: number;
  hit?: Hit;
  hits?: Hit[];
}

export class Analyzer {
  readonly registry: Registry;
  private readonly g: Gazetteer;

  constructor(g: Gazetteer) {
    this.g = g;
    this.registry = new Registry(g);
  }

  // ### `lookup` finds the longest gazetteer phrase starting at token i.
  private lookup(tokens: Token[], i: number, limit: number): { n: number; hits: Hit[] } | undefined {
    let node = this.g.trie.next?.get(tokens[i].fold);
    if (!node) return undefined;
    // every phrase that starts here, shortest first; the longest one accepted wins
    const found: { n: number; hits: Hit[] }[] = [];
    for (let n = 1; node; n++) {
      if (node.hits) found.push({ n, hits: node.hits });
      if (i + n >= limit) break;
      node = node.next?.get(tokens[i + n].fold);
    }
    for (let f = found.length - 1; f >= 0; f--) {
      const { n, hits } = found[f];
      const ok = hits.filter((h) => this.accept(h, tokens, i, n));
      if (ok.length) return { n, hits: ok };
    }
    return undefined;
  }

  private accept(h: Hit, tokens: Token[], i: number, n: number): boolean {
    const first = tokens[i];
    if (h.kind === 'title') {
      // Lowercase titles count ("the foreign minister"), but a one-word lowercase
      // title such as "president" must not be a plain noun used before "of the board".
      return true;
    }
    if (!first.cap) return false;
    if (h.weak && i === 0) return false;
    // A single all-caps short code ("US", "UK") must be written in capitals.
    if (n === 1 && first.text.length <= 3 && (first.text.match(/\p{Lu}/gu)?.length ?? 0) < 2) return false;
    return true;
  }

  // ### `analyze` reads one sentence: mentions and the structural facts inside names.
  analyze(sentence: Sentence): SentenceAnalysis {
    const tokens = tokenize(sentence.text, sentence.start);
    const segs = this.segment(tokens);
    const mentions: Mention[] = [];
    const facts: NameFact[] = [];
    this.classify(tokens, segs, mentions, facts);
    this.composeOffices(tokens, mentions, facts);
    this.abbreviations(tokens, mentions);
    this.findPeople(tokens, mentions, facts);
    this.bodyLinks(tokens, mentions, facts);
    this.findReferences(tokens, mentions);
    this.placeFacts(tokens, mentions, facts);
    mentions.sort((a, b) => a.start - b.start || b.end - a.end);
    return { sentence, tokens, mentions, facts };
  }

  // ### `segment` cuts the sentence into gazetteer hits and single tokens.
  private segment(tokens: Token[]): Seg[] {
    const segs: Seg[] = [];
    for (let i = 0; i < tokens.length; ) {
      const found = tokens[i].word ? this.lookup(tokens, i, tokens.length) : undefined;
      if (found) {
        segs.push({ t0: i, t1: i + found.n, hit: pick(found.hits), hits: found.hits });
        i += found.n;
      } else {
        segs.push({ t0: i, t1: i + 1 });
        i++;
      }
    }
    return segs;
  }

  private isNameWord(t: Token, index: number): boolean {
    // Arabic names keep their article in lowercase: "Omar al-Bashir", "Abdel Fattah al-Sisi".
    if (t.word && !t.cap && ARABIC_ARTICLE.test(t.text)) return index > 0;
    if (!t.word || !t.cap) return false;
    if (this.g.sets.notNames.has(t.fold)) return false;
    if (index === 0 && /^(?:the|a|an|during|on|in|at|after|before|while|as|at)$/i.test(t.text)) return false;
    return true;
  }

  // ### `classify` groups capitalised chunks and names what each holds.
  private classify(tokens: Token[], segs: Seg[], mentions: Mention[], facts: NameFact[]): void {
    const s = this.g.sets;
    // First, names whose head is lowercase: "78th session of the UN General Assembly", "BRICS summit",
    // "Russian peacekeeping contingent", "Trilateral statement". They bound the capitalised chunks.
    const taken = new Set<number>();
    for (let i = 0; i < segs.length; ) {
      const doc = this.documentAt(tokens, segs, i, mentions, taken);
      if (doc) {
        for (let k = doc[0]; k < doc[1]; k++) taken.add(k);
        i = doc[1];
        continue;
      }
      const lower = this.lowercaseNamed(tokens, segs, i, mentions, facts);
      if (lower > i) {
        for (let k = i; k < lower; k++) taken.add(k);
        i = lower;
      } else i++;
    }
    let i = 0;
    while (i < segs.length) {
      const seg = segs[i];
      const tok = tokens[seg.t0];
      if (taken.has(i)) {
        i++;
        continue;
      }
      if (!seg.hit && !this.isNameWord(tok, seg.t0) && !(tok.word && /^\d/.test(tok.text) && ORDINAL.test(tok.text))) {
        i++;
        continue;
      }
      const j = this.gather(tokens, segs, i, taken);
      this.readChunk(tokens, segs.slice(i, j), mentions, facts);
      i = j;
    }
  }

  // ### `gather` finds where a capitalised chunk that starts at segment i ends: name-like
  // segments joined by connectors that are followed by a name.
  private gather(tokens: Token[], segs: Seg[], i: number, taken: Set<number>): number {
    const s = this.g.sets;
    let between = false;
    let j = i + 1;
    while (j < segs.length && !taken.has(j)) {
      const sj = segs[j];
      const tj = tokens[sj.t0];
      if (sj.hit || this.isNameWord(tj, sj.t0)) {
        j++;
        continue;
      }
      if (tj.fold === 'between') between = true;
      if (!sj.hit && (CONNECTORS.has(tj.fold) || s.particles.has(tj.fold) || (tj.text === '.' && /^(?:\p{Lu}|Jr|Sr)$/u.test(tokens[sj.t0 - 1]?.text ?? '')) || tj.text === '-' || QUOTE.test(tj.text) || (tj.text === "'" && /s$/.test(tokens[sj.t0 - 1]?.text ?? '') && tokens[sj.t0 - 1].end === tj.start))) {
        // a connector only continues the chunk when a name follows it (skipping "the");
        // "and" only inside a name ("Commission between Azerbaijan and Georgia").
        let k = j + 1;
        while (k < segs.length && !segs[k].hit && ARTICLE_THE.has(tokens[segs[k].t0].fold)) k++;
        if (k < segs.length && (segs[k].hit || this.isNameWord(tokens[segs[k].t0], segs[k].t0)) && !(tj.fold === 'and' && !between && !this.headAhead(tokens, segs, k))) {
          j = k;
          continue;
        }
        if (tj.text === '.' && k < segs.length && !/^(?:Jr|Sr)$/.test(tokens[sj.t0 - 1]?.text ?? '')) {
          j = k;
          continue;
        }
        if (tj.text === '.' && /^(?:Jr|Sr)$/.test(tokens[sj.t0 - 1]?.text ?? '')) {
          j++;
          break;
        }
        if (QUOTE.test(tj.text) && k < segs.length) {
          j = k;
          continue;
        }
      }
      break;
    }
    return j;
  }

  // Whether a head noun (organisation, event, document, place) comes soon after k, so "and" stays inside a name ("Conference on Interaction and Confidence-building Measures").
  private headAhead(tokens: Token[], segs: Seg[], k: number): boolean {
    for (let m = k; m < Math.min(segs.length, k + 6); m++) {
      const t = tokens[segs[m].t0];
      if (segs[m].hit) return false;
      if (!t.cap && !CONNECTORS.has(t.fold)) return false;
      if (this.headType(t) !== undefined) return true;
    }
    return false;
  }

  private headType(t: Token): EntityType | undefined {
    const s = this.g.sets;
    if (s.orgHeads.has(t.fold)) return 'Organization';
    if (s.eventHeads.has(t.fold)) return 'Event';
    if (s.documentHeads.has(t.fold)) return 'Document';
    if (s.locationHeads.has(t.fold)) return 'Location';
    return undefined;
  }

  // ### `readChunk` turns one capitalised chunk into mentions.
  private readChunk(tokens: Token[], chunk: Seg[], mentions: Mention[], facts: NameFact[]): void {
    // A compound name: the first head word after any leading title or possessive.
    let begin = 0;
    for (let k = 0; k < chunk.length; k++) {
      if (chunk[k].hit?.kind === 'title') begin = k + 1;
    }
    while (begin < chunk.length && !chunk[begin].hit && CONNECTORS.has(tokens[chunk[begin].t0].fold)) begin++;
    let headAt = -1;
    for (let k = begin; k < chunk.length; k++) {
      const sk = chunk[k];
      if (!sk.hit && this.headType(tokens[sk.t0]) !== undefined) {
        headAt = k;
        break;
      }
    }
    if (headAt >= 0) {
      // Leading plain words before the head belong to the name; a leading demonym too
      // ("Russian Foreign Ministry" is handled as an office-like body below).
      const end = this.extendName(tokens, chunk, headAt);
      for (let k = 0; k < begin; k++) this.emitSegment(tokens, chunk[k], mentions);
      this.emitCompound(tokens, chunk.slice(begin, end), this.headType(tokens[chunk[headAt].t0])!, mentions, facts);
      if (end < chunk.length) this.readChunk(tokens, chunk.slice(end), mentions, facts);
      return;
    }
    // Otherwise: gazetteer hits stand alone; runs of plain name words between them are names.
    let k = 0;
    while (k < chunk.length) {
      const sk = chunk[k];
      if (sk.hit) {
        this.emitSegment(tokens, sk, mentions);
        k++;
        continue;
      }
      let m = k;
      while (m < chunk.length && !chunk[m].hit) m++;
      this.emitRun(tokens, sk.t0, chunk[m - 1].t1, mentions);
      k = m;
    }
  }

  // Where a compound name ends: locations and events stop before "in <place>"; bodies such as embassies keep it.
  private extendName(tokens: Token[], chunk: Seg[], headAt: number): number {
    const head = tokens[chunk[headAt].t0];
    const type = this.headType(head);
    let end = chunk.length;
    for (let k = headAt + 1; k < chunk.length; k++) {
      const t = tokens[chunk[k].t0];
      if (chunk[k].hit) continue;
      if (t.fold === 'in' && !(type === 'Organization' && /^(?:embassy|consulate|consulate-general|mission|office|representation)$/.test(head.fold))) {
        end = k;
        break;
      }
      if (t.fold === 'to' && type !== 'Organization') {
        end = k;
        break;
      }
    }
    return end;
  }

  private emitSegment(tokens: Token[], seg: Seg, mentions: Mention[]): void {
    const h = seg.hit;
    if (!h) return;
    const start = tokens[seg.t0].start;
    const end = tokens[seg.t1 - 1].end;
    const surface = textOf(tokens, seg.t0, seg.t1);
    if (h.kind === 'title') {
      mentions.push({ kind: 'title', start, end, t0: seg.t0, t1: seg.t1, title: h.title, titles: seg.hits?.filter((x) => x.kind === 'title').map((x) => x.title!) });
    } else if (h.kind === 'demonym') {
      this.registry.add('Country', h.label, surface, this.countryExtra(h.label));
      mentions.push({ kind: 'demonym', start, end, t0: seg.t0, t1: seg.t1, country: h.label, key: entityKey('Country', h.label), type: 'Country' });
    } else if (h.type) {
      const key = this.registry.add(h.type, h.label, surface, h.wikidata ? { wikidata: h.wikidata } : undefined);
      if (h.type === 'Country') Object.assign(this.registry.entities.get(key)!, this.countryExtra(h.label));
      mentions.push({ kind: 'entity', start, end, t0: seg.t0, t1: seg.t1, type: h.type, key, country: h.country, parent: h.parent });
    }
  }

  // ### `bodyLinks` reads what a curated body's own name says: "OIC Council of Foreign Ministers"
  // belongs to the OIC, "Ministry of Foreign Affairs of Azerbaijan" to Azerbaijan. The curated
  // parent or country counts only when the name written in the text contains it.
  private bodyLinks(tokens: Token[], mentions: Mention[], facts: NameFact[]): void {
    for (const m of mentions) {
      if (m.type !== 'Organization' || !m.key || m.kind !== 'entity') continue;
      const surface = ` ${fold(textOf(tokens, m.t0, m.t1))} `;
      const says = (names: string[]): boolean => names.some((n) => n && surface.includes(` ${fold(n)} `));
      if (m.parent) {
        const p = this.g.orgs.get(m.parent);
        // only "Council of Foreign Ministers of the OIC": a name merely containing the parent's
        // ("UN General Assembly", "ASEAN Regional Forum") says nothing about membership
        if (p && [p.label, ...(p.aliases ?? [])].some((n) => n && surface.includes(` of ${fold(n)} `) || surface.includes(` of the ${fold(n)} `))) {
          const pk = this.registry.add('Organization', p.label, undefined, p.wikidata ? { wikidata: p.wikidata } : undefined);
          if (pk !== m.key) facts.push({ subject: m.key, predicate: 'affiliatedWith', object: pk, start: m.start, end: m.end, rule: 'name.sub-body' });
        }
      }
      if (m.country) {
        const c = this.g.countries.get(m.country);
        if (c && says([c.label, ...(c.names ?? []), ...(c.demonyms ?? [])])) {
          const ck = this.registry.add('Country', c.label, undefined, this.countryExtra(c.label));
          facts.push({ subject: m.key, predicate: 'affiliatedWith', object: ck, start: m.start, end: m.end, rule: 'name.body-of-country' });
        }
      }
    }
  }

  private countryExtra(label: string): Partial<Entity> {
    const c = this.g.countries.get(label);
    return c?.wikidata ? { wikidata: c.wikidata } : {};
  }

  // ### `emitCompound` names an organisation, event, document or place by its head word.
  private emitCompound(tokens: Token[], segs: Seg[], type: EntityType, mentions: Mention[], facts: NameFact[]): void {
    if (!segs.length) return;
    let t0 = segs[0].t0;
    const t1 = segs[segs.length - 1].t1;
    // "the" is not part of the name.
    while (t0 < t1 && ARTICLE_THE.has(tokens[t0].fold)) t0++;
    // A head word alone ("the Council", "the Meeting") names nothing in particular.
    if (t1 - t0 === 1) return;
    const surface = textOf(tokens, t0, t1);
    const inner: Mention[] = [];
    for (const sg of segs) if (sg.hit && sg.t0 >= t0) this.emitSegment(tokens, sg, inner);
    for (const m of inner) m.inner = true;
    mentions.push(...inner);
    // A ministry named by its country ("Ministry of Foreign Affairs of Azerbaijan") or an
    // embassy ("Embassy of Azerbaijan in Tehran") belongs to that country.
    // "the Government of Nigeria", "Federal Government of Somalia": a government is its country (SCHEMA.md).
    const govCountry = type === 'Organization' && /\bgovernment\b/i.test(surface) ? inner.find((x) => x.type === 'Country' && x.kind === 'entity') : undefined;
    if (govCountry) {
      govCountry.inner = false;
      govCountry.start = tokens[t0].start;
      govCountry.end = tokens[t1 - 1].end;
      govCountry.t0 = t0;
      govCountry.t1 = t1;
      this.registry.add('Country', this.registry.entities.get(govCountry.key!)!.label, surface);
      return;
    }
    // "Ministry of Foreign Affairs of the Republic of Azerbaijan": the state by its short name
    let label = normaliseBodyName(surface);
    for (const c of inner) {
      if (c.type !== 'Country' || c.kind !== 'entity' || !c.key) continue;
      const written = textOf(tokens, c.t0, c.t1);
      const before = tokens[c.t0 - 1]?.fold === 'the' ? `the ${written}` : written;
      const canonical = holderPhrase(this.g, c.key);
      if (written !== this.registry.entities.get(c.key)?.label) label = label.replace(before, canonical);
    }
    const key = this.registry.add(type, label, surface);
    const m: Mention = { kind: 'entity', start: tokens[t0].start, end: tokens[t1 - 1].end, t0, t1, type, key };
    mentions.push(m);
    if (type === 'Organization') {
      const country = inner.find((x) => x.type === 'Country' && (x.kind === 'demonym' || /\bof\s+(?:the\s+)?$/i.test(tokens.slice(t0, x.t0).map((t) => t.text).join(' ') + ' ')));
      if (country?.key) facts.push({ subject: key, predicate: 'affiliatedWith', object: country.key, start: m.start, end: m.end, rule: 'name.body-of-country' });
      const parent = inner.find((x) => x.type === 'Organization');
      if (parent?.key && parent.key !== key && /^(?:council|committee|secretariat|commission|assembly)/i.test(surface)) {
        facts.push({ subject: key, predicate: 'affiliatedWith', object: parent.key, start: m.start, end: m.end, rule: 'name.sub-body' });
      }
    }
  }

  // ### `emitRun` classifies a run of plain capitalised words: a known name, or a candidate person.
  private emitRun(tokens: Token[], t0: number, t1: number, mentions: Mention[]): void {
    while (t0 < t1 && (CONNECTORS.has(tokens[t0].fold) || tokens[t0].text === '.' || this.g.sets.honorifics.has(tokens[t0].fold))) t0++;
    while (t1 > t0 && (CONNECTORS.has(tokens[t1 - 1].fold) || this.g.sets.particles.has(tokens[t1 - 1].fold) || QUOTE.test(tokens[t1 - 1].text) || (tokens[t1 - 1].text === '.' && !/^(?:Jr|Sr)$/.test(tokens[t1 - 2]?.text ?? '')))) t1--;
    while (t0 < t1 && QUOTE.test(tokens[t0].text)) t0++;
    if (t0 >= t1) return;
    // "Secretary Blinken", "Mr Lavrov", "Sheikh Tamim": a known name after title words is that person
    // (but "Rastislav Káčer" after "Káčer" is the full name, not a first name plus a known one).
    for (let k = t0 + 1; k < t1 && !this.registry.personNames.has(fold(textOf(tokens, t0, t1))); k++) {
      const prefix = tokens.slice(t0, k).filter((t) => t.word);
      if (!prefix.every((t) => this.g.sets.notNames.has(t.fold) || this.g.sets.honorifics.has(t.fold) || this.g.titleWords.has(t.fold))) break;
      if (this.registry.personNames.has(fold(textOf(tokens, k, t1)))) {
        t0 = k;
        break;
      }
    }
    const surface = textOf(tokens, t0, t1);
    const known = this.registry.personNames.get(fold(surface));
    const m: Mention = { kind: 'entity', start: tokens[t0].start, end: tokens[t1 - 1].end, t0, t1 };
    if (known) {
      m.type = 'Person';
      m.key = known;
      this.registry.add('Person', this.registry.entities.get(known)!.label, surface);
    }
    // Unknown runs stay untyped until a title, apposition or verb says what they are.
    mentions.push(m);
  }

  // ### `lowercaseNamed` reads names whose head is written in lowercase; returns the next segment index.
  private lowercaseNamed(tokens: Token[], segs: Seg[], i: number, mentions: Mention[], facts: NameFact[]): number {
    const seg = segs[i];
    const tok = tokens[seg.t0];
    // "the government and people of Azerbaijan", "the authorities of Niger": the state itself (SCHEMA.md).
    if (/^(?:government|people|authorities|leadership|nation)$/.test(tok.fold) && !seg.hit) {
      let k = seg.t0;
      while (/^(?:government|people|authorities|leadership|nation|and|friendly|brotherly)$/.test(tokens[k]?.fold ?? '')) k++;
      if (tokens[k]?.fold === 'of') {
        const at = segs.findIndex((x) => x.t0 === k + 1 || (tokens[k + 1]?.fold === 'the' && x.t0 === k + 2));
        const h = at >= 0 ? segs[at].hit : undefined;
        if (h?.kind === 'entity' && h.type === 'Country') {
          const t1 = segs[at].t1;
          const key = this.registry.add('Country', h.label, textOf(tokens, segs[at].t0, t1), this.countryExtra(h.label));
          mentions.push({ kind: 'entity', start: tok.start, end: tokens[t1 - 1].end, t0: seg.t0, t1, type: 'Country', key });
          return at + 1;
        }
      }
    }
    // "<ordinal> [modifiers] session|summit|meeting [of [the] <Org>]", "<Org> summit",
    // "the [modifiers] meeting of the <Org>": events named by their body and number.
    const det = /^(?:the|a|an)$/.test(tok.fold);
    if (ORDINAL.test(tok.text) || seg.hit?.type === 'Organization' || det) {
      const first = det ? i + 1 : i;
      let k = first + 1;
      if (det && (first >= segs.length || segs[first].hit)) return i;
      if (det && (first < segs.length && ORDINAL.test(tokens[segs[first].t0].text))) k = first + 1;
      else if (det) k = first;
      if (seg.hit?.type === 'Organization') {
        // "G20 foreign ministers' meeting": lowercase words between the body and the head
        let m = k;
        while (m < segs.length && m < k + 3 && !segs[m].hit && (tokens[segs[m].t0].word || tokens[segs[m].t0].text === "'") && !tokens[segs[m].t0].cap && !this.g.sets.eventHeads.has(tokens[segs[m].t0].fold) && !CONNECTORS.has(tokens[segs[m].t0].fold)) m++;
        if (m < segs.length && !segs[m].hit && this.g.sets.eventHeads.has(tokens[segs[m].t0].fold)) k = m;
      }
      if (seg.hit?.type !== 'Organization') {
        while (k < segs.length && k < first + 4 && !segs[k].hit && tokens[segs[k].t0].word && !this.g.sets.eventHeads.has(tokens[segs[k].t0].fold) && !CONNECTORS.has(tokens[segs[k].t0].fold)) k++;
        // "28th Arab League summit": an ordinal before an organisation's summit
        if (k < segs.length && segs[k].hit?.type === 'Organization' && !det) k++;
      }
      if (k < segs.length && !segs[k].hit && this.g.sets.eventHeads.has(tokens[segs[k].t0].fold) && (seg.hit || !tokens[segs[k].t0].cap || det)) {
        let j = k + 1;
        let owner: [number, number] | undefined;
        // "of [the] <Org>": the owner is a whole capitalised chunk ("the CIS Council of Foreign Ministers").
        if (j + 1 < segs.length && tokens[segs[j].t0].fold === 'of') {
          let m = j + 1;
          if (m < segs.length && tokens[segs[m].t0].fold === 'the') m++;
          if (m < segs.length && (segs[m].hit?.type === 'Organization' || (!segs[m].hit && this.isNameWord(tokens[segs[m].t0], segs[m].t0)))) {
            const end = this.gather(tokens, segs, m, new Set());
            const bodyLike = segs.slice(m, end).some((sg) => sg.hit?.type === 'Organization' || (!sg.hit && this.headType(tokens[sg.t0]) === 'Organization'));
            if (bodyLike) {
              owner = [m, end];
              j = end;
            }
          }
        }
        // A bare "the meeting" or "ninth trilateral meeting" names no event of its own.
        const bodyInside = segs.slice(first, k).some((x) => x.hit?.type === 'Organization');
        if (!owner && !bodyInside && (det || !seg.hit)) return i;
        const t0 = segs[first].t0;
        const t1 = segs[j - 1].t1;
        const inner: Mention[] = [];
        for (let m = first; m < (owner ? owner[0] : j); m++) if (segs[m].hit) this.emitSegment(tokens, segs[m], inner);
        if (owner) this.readChunk(tokens, segs.slice(owner[0], owner[1]), inner, facts);
        for (const m of inner) m.inner = true;
        mentions.push(...inner);
        const surface = textOf(tokens, t0, t1);
        const label = canonicalEventLabel(surface, inner, this.registry);
        const key = this.registry.add('Event', label, surface);
        mentions.push({ kind: 'entity', start: tokens[t0].start, end: tokens[t1 - 1].end, t0, t1, type: 'Event', key });
        return j;
      }
    }
    // "<Demonym> [lowercase words] <group head>": "Russian peacekeeping contingent", "Armenian armed forces";
    // "the <Demonym> side" stands for the country itself.
    // "Moscow's foreign ministry": a capital stands for its state's government (SCHEMA.md)
    const capitalOf = seg.hit?.type === 'Location' && seg.hit.country && this.g.countries.get(seg.hit.country)?.capital?.includes(seg.hit.label) ? seg.hit.country : undefined;
    if (seg.hit?.kind === 'demonym' || ((seg.hit?.type === 'Country' || capitalOf) && tokens[seg.t1]?.text.match(/^['’]s$/))) {
      const body = this.bodyOfCountry(tokens, segs, i, mentions, facts);
      if (body > i) return body;
    }
    if (seg.hit?.kind === 'demonym') {
      const after = tokens[seg.t1];
      // "the Chinese capital" is the capital city of that state
      const capital = this.g.countries.get(seg.hit.label)?.capital?.[0];
      if (after?.fold === 'capital' && capital && !tokens[seg.t1 + 1]?.cap) {
        const key = this.registry.add('Location', capital, textOf(tokens, seg.t0, seg.t1 + 1));
        mentions.push({ kind: 'entity', start: tok.start, end: after.end, t0: seg.t0, t1: seg.t1 + 1, type: 'Location', key });
        facts.push({ subject: key, predicate: 'locatedIn', object: entityKey('Country', seg.hit.label), start: tok.start, end: after.end, rule: 'place.demonym-city' });
        let n = i + 1;
        while (n < segs.length && segs[n].t0 <= seg.t1) n++;
        return n;
      }
      if (after && /^(?:sides?|government|authorities|leadership)$/.test(after.fold)) {
        const key = this.registry.add('Country', seg.hit.label, textOf(tokens, seg.t0, seg.t1 + 1), this.countryExtra(seg.hit.label));
        mentions.push({ kind: 'entity', start: tok.start, end: after.end, t0: seg.t0, t1: seg.t1 + 1, type: 'Country', key });
        let n = i + 1;
        while (n < segs.length && segs[n].t0 <= seg.t1) n++;
        return n;
      }
      for (let k = seg.t1; k < Math.min(tokens.length, seg.t1 + 4); k++) {
        const t = tokens[k];
        if (!t.word) break;
        const two = k + 1 < tokens.length ? `${t.fold} ${tokens[k + 1].fold}` : '';
        const end = this.g.sets.groupHeads.has(two) ? k + 2 : this.g.sets.groupHeads.has(t.fold) ? k + 1 : 0;
        if (end) {
          const surface = textOf(tokens, seg.t0, end);
          this.emitSegment(tokens, seg, mentions);
          mentions[mentions.length - 1].inner = true;
          const key = this.registry.add('Organization', surface, surface);
          mentions.push({ kind: 'entity', start: tok.start, end: tokens[end - 1].end, t0: seg.t0, t1: end, type: 'Organization', key });
          facts.push({ subject: key, predicate: 'affiliatedWith', object: entityKey('Country', seg.hit.label), start: tok.start, end: tokens[end - 1].end, rule: 'name.body-of-country' });
          let n = i + 1;
          while (n < segs.length && segs[n].t0 < end) n++;
          return n;
        }
        if (t.cap) break;
      }
    }
    // "COP28", "COP 29"
    if (/^COP\d+$/.test(tok.text) || (tok.text === 'COP' && /^\d+$/.test(tokens[seg.t0 + 1]?.text ?? ''))) {
      const t1 = tok.text === 'COP' ? seg.t0 + 2 : seg.t0 + 1;
      const label = textOf(tokens, seg.t0, t1).replace(/\s+/, '');
      const key = this.registry.add('Event', label, textOf(tokens, seg.t0, t1));
      mentions.push({ kind: 'entity', start: tok.start, end: tokens[t1 - 1].end, t0: seg.t0, t1, type: 'Event', key });
      let n = i + 1;
      while (n < segs.length && segs[n].t0 < t1) n++;
      return n;
    }
    return i;
  }

  // ### `documentAt` reads a signed document named by its kind and tail: "a program of cooperation
  // between the foreign ministries of Russia and Turkmenistan for 2025-2026", "the Trilateral statement
  // signed ...", "a Memorandum of Understanding in the fields of ...". Only next to a signing verb,
  // so an ordinary "plan" or "statement" stays a word. Returns the segment range it took.
  private documentAt(tokens: Token[], segs: Seg[], i: number, mentions: Mention[], taken: Set<number>): [number, number] | undefined {
    const seg = segs[i];
    const head = tokens[seg.t0];
    if (seg.hit || !this.g.sets.documentHeads.has(head.fold)) return undefined;
    // the name may start with capitalised words or "joint", "trilateral": "Cooperation Program", "Joint Statement"
    let first = i;
    // ("Baku Declaration", "Helsinki Final Act": a place or body can name it too)
    const namePart = (sg: Seg): boolean => {
      const t = tokens[sg.t0];
      if (sg.hit) return sg.hit.kind === 'entity' && (sg.hit.type === 'Location' || sg.hit.type === 'Organization');
      return t.word && (DOC_ADJECTIVES.test(t.text) || (t.cap && !this.g.sets.notNames.has(t.fold)));
    };
    while (first > 0 && !taken.has(first - 1) && namePart(segs[first - 1])) first--;
    const t0 = segs[first].t0;
    const before = tokens.slice(Math.max(0, t0 - 4), t0).map((t) => t.fold);
    const after = tokens.slice(seg.t1, seg.t1 + 3).map((t) => t.fold);
    const prevDoc = mentions.find((m) => m.type === 'Document' && (m.t1 === t0 - 2 || m.t1 === t0 - 1) && /^(?:a|an|the|and)$/.test(tokens[t0 - 1]?.fold ?? ''));
    const signing = before.some((w) => SIGN_VERBS.has(w)) || after.some((w) => SIGN_VERBS.has(w)) || prevDoc !== undefined;
    if (!signing) return undefined;
    if (first === i && !head.cap && !DOC_KINDS.test(head.fold)) return undefined;
    const t1 = docTail(tokens, seg.t1);
    // a bare "statement" or "plan" names nothing in particular
    if (first === i && t1 === seg.t1 && !/^memorandum$/.test(head.fold)) return undefined;
    const surface = textOf(tokens, t0, t1);
    const label = first === i && !head.cap ? surface : titleCaseDoc(surface);
    const inner: Mention[] = [];
    for (let k = first; k < segs.length && segs[k].t1 <= t1; k++) if (segs[k].hit) this.emitSegment(tokens, segs[k], inner);
    for (const m of inner) m.inner = true;
    mentions.push(...inner);
    const key = this.registry.add('Document', label, surface);
    mentions.push({ kind: 'entity', start: tokens[t0].start, end: tokens[t1 - 1].end, t0, t1, type: 'Document', key });
    let n = i + 1;
    while (n < segs.length && segs[n].t0 < t1) n++;
    return [first, n];
  }

  // ### `bodyOfCountry` names a state's ministry or mission written by possessive or demonym:
  // "China's foreign ministry" → "Ministry of Foreign Affairs of China", "Mexico's consulate in
  // Mumbai" → "Consulate of Mexico in Mumbai", "the Japanese Embassy" → "Embassy of Japan".
  private bodyOfCountry(tokens: Token[], segs: Seg[], i: number, mentions: Mention[], facts: NameFact[]): number {
    const seg = segs[i];
    const h = seg.hit!;
    const country = h.type === 'Location' ? h.country! : h.label;
    let k = seg.hit!.kind === 'demonym' ? seg.t1 : seg.t1 + 1;
    const w = (j: number): string => tokens[j]?.fold ?? '';
    let kind: string | undefined;
    if (w(k) === 'foreign' && /^ministry$/.test(w(k + 1))) {
      kind = 'Ministry of Foreign Affairs';
      k += 2;
    } else if (w(k) === 'ministry' && w(k + 1) === 'of' && w(k + 2) === 'foreign' && w(k + 3) === 'affairs') {
      kind = 'Ministry of Foreign Affairs';
      k += 4;
    } else if (/^(?:embassy|consulate|consulate-general|mission)$/.test(w(k))) {
      kind = tokens[k].text[0].toUpperCase() + tokens[k].text.slice(1).toLowerCase();
      k += 1;
    }
    if (!kind) return i;
    const countryKey = this.registry.add('Country', country, undefined, this.countryExtra(country));
    let label = `${kind} of ${holderPhrase(this.g, countryKey)}`;
    let place: Mention | undefined;
    if (kind !== 'Ministry of Foreign Affairs' && w(k) === 'in') {
      const after = segs.findIndex((x) => x.t0 === k + 1 || (w(k + 1) === 'the' && x.t0 === k + 2));
      const h = after >= 0 ? segs[after].hit : undefined;
      if (h?.kind === 'entity' && (h.type === 'Location' || h.type === 'Country')) {
        const inner: Mention[] = [];
        this.emitSegment(tokens, segs[after], inner);
        place = inner[0];
        place.inner = true;
        mentions.push(place);
        label += ` in ${h.type === 'Country' ? holderPhrase(this.g, entityKey('Country', h.label)) : h.label}`;
        k = segs[after].t1;
      }
    }
    const t0 = seg.t0;
    const surface = textOf(tokens, t0, k);
    const key = this.registry.add('Organization', label, surface);
    const start = tokens[t0].start;
    const end = tokens[k - 1].end;
    mentions.push({ kind: 'entity', start, end, t0, t1: k, type: 'Organization', key });
    facts.push({ subject: key, predicate: 'affiliatedWith', object: countryKey, start, end, rule: 'name.body-of-country' });
    if (place?.key) facts.push({ subject: key, predicate: 'locatedIn', object: place.key, start, end, rule: 'place.in-place' });
    let n = i + 1;
    while (n < segs.length && segs[n].t0 < k) n++;
    return n;
  }

  // ### `composeOffices` builds "<Title> of <Holder>" offices from titles and their holders.
  private composeOffices(tokens: Token[], mentions: Mention[], facts: NameFact[]): void {
    const byStart = new Map<number, Mention>();
    for (const m of mentions) if (!m.inner) byStart.set(m.t0, m);
    const endingAt = (t: number): Mention | undefined => mentions.find((m) => !m.inner && m.t1 === t);
    for (const m of [...mentions]) {
      if (m.kind !== 'title' || !m.title) continue;
      let holder: Mention | undefined;
      let to: Mention | undefined;
      let from = m.t0;
      let until = m.t1;
      // left: "<Country>'s", "<Demonym>", "<Org>", across modifiers ("Pakistan's caretaker Foreign Minister")
      let lt = m.t0;
      while (lt > 0 && this.g.modifierWords.has(tokens[lt - 1].fold)) lt--;
      const prev = endingAt(lt);
      let prevPoss = tokens[lt - 1]?.text.match(/^['’]s$/) ? endingAt(lt - 1) : undefined;
      // "the country's Minister of Foreign Affairs": the country named last in the sentence.
      if (!prevPoss && tokens[lt - 1]?.text.match(/^['’]s$/) && tokens[lt - 2]?.fold === 'country' && tokens[lt - 3]?.fold === 'the') {
        const last = mentions.filter((x) => x.type === 'Country' && x.kind === 'entity' && x.t1 <= lt - 3)[0];
        if (last) {
          prevPoss = { ...last, inner: false };
          lt = lt - 3 + 1;
        }
      }
      if (prevPoss && (prevPoss.type === 'Country' || prevPoss.type === 'Organization')) {
        holder = prevPoss;
        from = prevPoss.t0;
      } else if (prev && (prev.kind === 'demonym' || prev.type === 'Organization' || prev.type === 'Country')) {
        holder = prev;
        from = prev.t0;
      }
      // "Assistant Secretary of State for European and Eurasian Affairs": a portfolio after "for" is part of the title.
      let r = m.t1;
      let portfolio = '';
      if (tokens[r]?.fold === 'for' && tokens[r + 1]?.cap) {
        let k = r + 1;
        let end = 0;
        // The portfolio ends with a word like "Affairs" or "Reconciliation"; what follows is a name.
        while (k < tokens.length && (tokens[k].cap || (tokens[k].fold === 'and' && tokens[k + 1]?.cap)) && tokens[k].word) {
          if (this.g.sets.nameEnders.has(tokens[k].fold)) end = k + 1;
          k++;
        }
        k = end;
        if (k > r + 1) {
          portfolio = ` for ${textOf(tokens, r + 1, k)}`;
          for (const x of mentions) if (x.t0 >= r + 1 && x.t1 <= k) x.inner = true;
          until = k;
          r = k;
        }
      }
      // right: "of [the] <Holder>", "to [the] <Country or Org>"
      if (!holder && tokens[r]?.fold === 'of') {
        let k = r + 1;
        if (tokens[k]?.fold === 'the') k++;
        const h = byStart.get(k);
        if (h && (h.type === 'Country' || h.type === 'Organization') && h.kind !== 'demonym') {
          holder = h;
          until = h.t1;
          r = h.t1;
        }
      }
      if (tokens[r]?.fold === 'to') {
        let k = r + 1;
        if (tokens[k]?.fold === 'the') k++;
        const h = byStart.get(k);
        if (h && (h.type === 'Country' || h.type === 'Organization') && h.kind !== 'demonym' && /ambassador|representative|envoy|delegation|head/i.test(m.title.title)) {
          to = h;
          until = h.t1;
        }
      }
      // "Kazakhstan's Deputy Prime Minister and Foreign Minister": a second title joined by
      // "and" shares the holder written before the first.
      if (!holder && tokens[m.t0 - 1]?.fold === 'and') {
        const first = mentions.find((x) => x.kind === 'title' && x.type === 'Position' && x.t1 === m.t0 - 1 && x.key);
        const firstHolder = first ? mentions.find((x) => x.inner && (x.kind === 'demonym' || x.type === 'Country' || x.type === 'Organization') && x.t0 === first.t0) : undefined;
        if (firstHolder) holder = firstHolder;
      }
      let holderLabel = holder ? (holder.kind === 'demonym' ? holder.country! : this.registry.entities.get(holder.key!)?.label) : undefined;
      let holderKey = holder ? holder.key : undefined;
      // One form can name different offices by country ("Foreign Secretary" is the UK's foreign
      // minister but India's senior diplomat): take the entry restricted to the holder, else the general one.
      const entries = m.titles ?? [m.title];
      let title = entries.find((t) => holderLabel && t.onlyFor?.includes(holderLabel)) ?? entries.find((t) => !t.onlyFor?.length);
      if (!holderLabel) {
        // With no holder written, an office that exists in one state only implies it ("Secretary of State"),
        // unless the same words also name a general office.
        const implied = entries.length === 1 && entries[0].onlyFor?.length === 1 ? entries[0] : undefined;
        if (implied) {
          title = implied;
          holderLabel = implied.onlyFor![0];
          holderKey = entityKey('Country', holderLabel);
          this.registry.add('Country', holderLabel, undefined, this.countryExtra(holderLabel));
        }
      }
      if (!title || !holderLabel || !holderKey) continue;
      if (title.holder === 'country' && !holderKey.startsWith('Country:')) {
        // a country-level title held in an organisation ("EU Foreign Minister") is not a state office
        if (!holderKey.startsWith('Organization:')) continue;
      }
      const label = `${title.title}${portfolio} of ${holderPhrase(this.g, holderKey)}${to ? ` to ${holderPhrase(this.g, to.key!)}` : ''}`;
      const surface = textOf(tokens, from, until);
      const posKey = this.registry.add('Position', label, surface, { attrs: { title: title.title + portfolio } });
      if (title.alias) this.registry.add('Position', label, `${title.alias}`);
      if (holder) holder.inner = true;
      if (to) to.inner = true;
      m.key = posKey;
      m.type = 'Position';
      m.start = tokens[from].start;
      m.end = tokens[until - 1].end;
      m.t0 = from;
      m.t1 = until;
      m.country = holderLabel;
      facts.push({ subject: posKey, predicate: 'positionOf', object: holderKey, start: m.start, end: m.end, rule: 'office.title-holder' });
    }
  }

  // ### `findPeople` types name runs as people from the title, apposition or verb beside them.
  private findPeople(tokens: Token[], mentions: Mention[], facts: NameFact[]): void {
    const ordered = mentions.filter((m) => !m.inner).sort((a, b) => a.t0 - b.t0);
    for (let idx = 0; idx < ordered.length; idx++) {
      const m = ordered[idx];
      if (m.kind !== 'entity' || (m.type && m.type !== 'Person')) continue;
      const prev = ordered[idx - 1];
      const gapPrev = prev ? tokens.slice(prev.t1, m.t0) : [];
      const before = tokens[m.t0 - 1];
      let office: Mention | undefined;
      let rule = '';
      // "<Title> <Name>", "his Russian counterpart <Name>", "<Title>, <Name>,"
      if (prev && prev.kind === 'title' && isNameGap(gapPrev, this.g.sets.honorifics)) {
        office = prev.type === 'Position' ? prev : undefined;
        rule = 'office.title-name';
        if (!m.type) this.typePerson(tokens, m);
      } else if ((before && /^(?:colleague|Sheikh|Mr|Mrs|Ms|Dr)$/i.test(before.text.replace(/\.$/, ''))) || counterpartBefore(tokens, mentions, m, this.g.sets.honorifics) >= 0) {
        if (!m.type) this.typePerson(tokens, m);
      }
      // "<Name>, [the] <Office>[,]" apposition
      const next = ordered[idx + 1];
      const nextNext = ordered[idx + 2];
      const headsName = nextNext && nextNext.kind === 'entity' && (!nextNext.type || nextNext.type === 'Person') && nextNext.t0 === next?.t1;
      if (!office && next && next.kind === 'title' && next.type === 'Position' && !headsName) {
        const gapWords = tokens.slice(m.t1, next.t0).map((t) => t.fold).filter((w) => !APPOSITION_FILLER.has(w) && !this.g.sets.titleModifiers.has(w) && ![...this.g.sets.titleModifiers].some((x) => x.split(' ').includes(w)));
        if (tokens[m.t1]?.text === ',' && gapWords.length === 0) {
          office = next;
          rule = 'office.name-apposition';
          if (!m.type) this.typePerson(tokens, m);
        }
      }
      if (!m.type) {
        // "<Name>, head of the ...", "<Name>, a senior ..." and names before a speech verb.
        const after = tokens.slice(m.t1, m.t1 + 3).map((t) => t.fold);
        const words = m.t1 - m.t0;
        const runWords = tokens.slice(m.t0, m.t1).filter((t) => t.word);
        const plausible = runWords.length >= 2 && runWords.length <= 5 && runWords.every((t) => !this.g.sets.notNames.has(t.fold));
        if (plausible && ((after[0] === ',' && /^(?:head|chairman|chair|director|deputy|member|a|an|who)$/.test(after[1] ?? '')) || PERSON_VERBS.has(after[0] ?? '') || (OBJECT_VERBS.has(before?.fold ?? '') && words <= 5))) {
          this.typePerson(tokens, m);
        }
      }
      if (m.type === 'Person' && !office && prev?.kind === 'title' && !prev.type && rule === 'office.title-name' && tokens[m.t1]?.fold === 'of') {
        const k = tokens[m.t1 + 1]?.fold === 'the' ? m.t1 + 2 : m.t1 + 1;
        const h = mentions.find((x) => x.t0 === k && x.kind === 'entity' && (x.type === 'Country' || x.type === 'Organization'));
        const title = h ? (prev.titles ?? [prev.title!]).find((t) => !t.onlyFor?.length) : undefined;
        if (h?.key && title) {
          const label = `${title.title} of ${holderPhrase(this.g, h.key)}`;
          const posKey = this.registry.add('Position', label, undefined, { attrs: { title: title.title } });
          h.inner = true;
          prev.type = 'Position';
          prev.key = posKey;
          office = prev;
          facts.push({ subject: posKey, predicate: 'positionOf', object: h.key, start: prev.start, end: h.end, rule: 'office.title-holder' });
        }
      }
      if (m.type === 'Person' && office?.key) {
        m.position = office.key;
        this.registry.offices.set(m.key!, office.key);
        facts.push({ subject: m.key!, predicate: 'holdsPosition', object: office.key, start: Math.min(office.start, m.start), end: Math.max(office.end, m.end), rule });
        // "<Office> and <Office>, <Name>" or "<Name>, <Office> and <Office>": both offices are held.
        const dir = office.t0 < m.t0 ? -1 : 1;
        for (let cur = office; ; ) {
          const other = mentions.find((x) => x.kind === 'title' && x.type === 'Position' && x.key && (dir === 1 ? x.t0 === cur.t1 + 1 && tokens[cur.t1]?.fold === 'and' : x.t1 === cur.t0 - 1 && tokens[x.t1]?.fold === 'and'));
          if (!other?.key) break;
          other.inner = true;
          facts.push({ subject: m.key!, predicate: 'holdsPosition', object: other.key, start: Math.min(other.start, m.start), end: Math.max(other.end, m.end), rule });
          cur = other;
        }
      }
      // "his <Demonym> counterpart[,] [<Title>] <Name>": the counterpart holds the speaker's title for that country.
      const cp = m.type === 'Person' ? counterpartBefore(tokens, mentions, m, this.g.sets.honorifics) : -1;
      if (cp >= 0) {
        const demM = mentions.find((x) => (x.kind === 'demonym' || x.type === 'Country') && x.t1 === cp);
        const speaker = ordered.slice(0, idx).reverse().find((x) => x.type === 'Person' && x.key !== m.key) ?? ordered.slice(idx + 1).find((x) => x.type === 'Person' && x.key !== m.key);
        if (speaker?.key) {
          const poss = tokens[demM ? demM.t0 - 1 : cp - 1];
          const start = poss && /^(?:his|her|their)$/i.test(poss.text) ? poss.start : demM ? demM.start : tokens[cp].start;
          facts.push({ subject: m.key!, predicate: 'counterpartOf', object: speaker.key, start, end: m.end, rule: 'counterpart.demonym' });
          if (demM) demM.inner = true;
          const speakerOffice = this.registry.offices.get(speaker.key);
          const title = speakerOffice ? this.registry.entities.get(speakerOffice)?.attrs?.title : undefined;
          const country = demM?.kind === 'demonym' ? demM.country : demM?.key ? this.registry.entities.get(demM.key)?.label : undefined;
          if (demM && title && country && !m.position) {
            const label = `${title} of ${holderPhrase(this.g, entityKey('Country', country))}`;
            const posKey = this.registry.add('Position', label, undefined, { attrs: { title } });
            m.position = posKey;
            this.registry.offices.set(m.key!, posKey);
            facts.push({ subject: m.key!, predicate: 'holdsPosition', object: posKey, start, end: m.end, rule: 'counterpart.demonym' });
            facts.push({ subject: posKey, predicate: 'positionOf', object: entityKey('Country', country), start: demM.start, end: tokens[cp].end, rule: 'counterpart.demonym' });
          }
        }
      }
    }
    // Offices that are attached to a person are not actors of their own.
    for (const m of mentions) if (m.kind === 'title' && mentions.some((p) => p.position && p.position === m.key && (p.t0 === m.t1 || p.t1 <= m.t0 + 1 || Math.abs(p.t0 - m.t1) <= 1 || Math.abs(m.t0 - p.t1) <= 2))) m.inner = true;
    // Names learnt later in this sentence ("Russian Foreign Minister Sergey Lavrov ... with Lavrov").
    for (const m of mentions) {
      if (m.kind !== 'entity' || m.type) continue;
      const known = this.registry.personNames.get(fold(textOf(tokens, m.t0, m.t1)));
      if (known) {
        m.type = 'Person';
        m.key = known;
      }
    }
    // Untyped runs that nothing marked as a person: a place after "in/to/at", else dropped.
    for (let k = mentions.length - 1; k >= 0; k--) {
      const m = mentions[k];
      if (m.kind === 'entity' && !m.type) {
        const before = tokens[m.t0 - 1]?.fold;
        const words = tokens.slice(m.t0, m.t1).filter((t) => t.word);
        const nameLike = words.every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) || ARABIC_ARTICLE.test(t.text) || this.g.sets.particles.has(t.fold) || /^\p{Lu}$/u.test(t.text)) && words.every((t) => !this.g.sets.notNames.has(t.fold));
        const placeKind = before === 'of' && PLACE_KINDS.has(tokens[m.t0 - 2]?.fold ?? '');
        const possessed = /^['’]s$/.test(tokens[m.t1]?.text ?? '');
        if (before && !possessed && (/^(?:in|to|at|from|near|outside)$/.test(before) || placeKind) && words.length <= 3 && words.every((t) => /^\p{Lu}/u.test(t.text) && !this.g.sets.notNames.has(t.fold))) {
          m.type = 'Location';
          m.key = this.registry.add('Location', textOf(tokens, m.t0, m.t1));
        } else if (nameLike && words.length >= 2 && words.length <= 6 && m.t0 > 0 && /^\p{Lu}/u.test(words[words.length - 1].text) && !this.g.sets.nameEnders.has(words[words.length - 1].fold) && !/-(?:led|based|backed)$/.test(words[words.length - 1].fold)) {
          // Two to six capitalised words no gazetteer knows and no head word types are,
          // in news, a person's name ("for Luiz Inácio Lula da Silva").
          this.typePerson(tokens, m);
        } else {
          mentions.splice(k, 1);
        }
      }
    }
  }

  private typePerson(tokens: Token[], m: Mention): void {
    const surface = textOf(tokens, m.t0, m.t1);
    m.type = 'Person';
    m.key = this.registry.addPerson(surface);
  }

  // ### `abbreviations` folds "Name (ABBR)" into one mention and learns the abbreviation as an alias.
  private abbreviations(tokens: Token[], mentions: Mention[]): void {
    for (const m of mentions) {
      if ((m.kind !== 'entity' && !(m.kind === 'title' && m.type === 'Position')) || !m.key || tokens[m.t1]?.text !== '(' || tokens[m.t1 + 2]?.text !== ')') continue;
      const abbr = tokens[m.t1 + 1];
      if (!/^[\p{Lu}\d][\p{Lu}\d&-]{1,9}$/u.test(abbr.text)) continue;
      const inside = mentions.find((x) => x !== m && x.t0 === m.t1 + 1 && x.t1 === m.t1 + 2);
      if (inside) inside.inner = true;
      const e = m.kind === 'entity' ? this.registry.entities.get(m.key) : undefined;
      if (e && e.label !== abbr.text && !e.aliases.includes(abbr.text)) e.aliases.push(abbr.text);
    }
  }

  // ### `findReferences` marks pronouns, "the sides" and "the minister"-like references for the relation stage.
  private findReferences(tokens: Token[], mentions: Mention[]): void {
    // Tokens inside the names found so far; the references added below lie behind the scan.
    const inName = new Uint8Array(tokens.length);
    for (const m of mentions) inName.fill(1, m.t0, m.t1);
    const covered = (t: number): boolean => inName[t] === 1;
    for (let i = 0; i < tokens.length; i++) {
      if (covered(i)) continue;
      const f = tokens[i].fold;
      // "his Slovak counterpart" with no name after it: the person who holds that state's office.
      if (/^(?:his|her|their)$/.test(f)) {
        const dem = mentions.find((x) => x.kind === 'demonym' && x.t0 === i + 1);
        if (dem && tokens[dem.t1]?.fold === 'counterpart' && !tokens[dem.t1 + 1]?.cap && tokens[dem.t1 + 1]?.text !== ',') {
          dem.inner = true;
          mentions.push({ kind: 'defref', start: tokens[i].start, end: tokens[dem.t1].end, t0: i, t1: dem.t1 + 1, refCountry: dem.country, refWord: '' });
          i = dem.t1;
          continue;
        }
      }
      // "his guest", "the visitors": the other side of the meeting just described.
      if (/^(?:his|her|their|the)$/.test(f) && /^(?:guests?|visitors?|hosts?|interlocutors?)$/.test(tokens[i + 1]?.fold ?? '')) {
        mentions.push({ kind: 'guestref', start: tokens[i].start, end: tokens[i + 1].end, t0: i, t1: i + 2 });
        i++;
        continue;
      }
      if (PRONOUNS.has(f)) {
        mentions.push({ kind: 'pronoun', start: tokens[i].start, end: tokens[i].end, t0: i, t1: i + 1 });
        continue;
      }
      let found = false;
      if (GROUP_FIRST.has(f)) for (const g of GROUP_REFS) {
        if (g.every((w, k) => tokens[i + k]?.fold === w)) {
          mentions.push({ kind: 'groupref', start: tokens[i].start, end: tokens[i + g.length - 1].end, t0: i, t1: i + g.length });
          i += g.length - 1;
          found = true;
          break;
        }
      }
      if (found) continue;
      // "the organization", "the bloc": the body named last.
      if (f === 'the' && BODY_REFS.has(tokens[i + 1]?.fold ?? '') && !tokens[i + 2]?.cap) {
        mentions.push({ kind: 'pronoun', start: tokens[i].start, end: tokens[i + 1].end, t0: i, t1: i + 2, refBody: true });
        i++;
        continue;
      }
      // "the minister", "the Kyrgyz deputy minister", "the president": a generic office named again.
      if (/^(?:the|this)$/.test(f)) {
        let k = i + 1;
        const dem = mentions.find((x) => (x.kind === 'demonym' || (x.kind === 'entity' && x.type === 'Organization')) && x.t0 === k);
        if (dem) k = dem.t1;
        while (k < tokens.length && /^(?:deputy|vice|first|foreign|prime|top|chief|senior)$/.test(tokens[k].fold)) k++;
        if (k < tokens.length && GENERIC_OFFICES.has(tokens[k].fold) && !covered(k) && !tokens[k + 1]?.cap) {
          if (dem) dem.inner = true;
          const holder = dem?.kind === 'demonym' ? dem.country : dem?.key ? this.registry.entities.get(dem.key)?.label : undefined;
          mentions.push({ kind: 'defref', start: tokens[i].start, end: tokens[k].end, t0: i, t1: k + 1, refCountry: holder, refWord: tokens.slice(dem ? dem.t1 : i + 1, k + 1).map((t) => t.fold).join(' ') });
          i = k;
        }
      }
    }
    // "the minister", "the Turkish top diplomat", "the President": a title with no holder and no name.
    for (const m of mentions) {
      if (m.kind !== 'title' || m.inner || m.type === 'Position') continue;
      const prev = tokens[m.t0 - 1];
      const dem = mentions.find((x) => x.kind === 'demonym' && x.t1 === m.t0);
      const det = tokens[(dem ? dem.t0 : m.t0) - 1];
      const nextM = mentions.find((x) => x.t0 === m.t1 && x.type === 'Person');
      if (!nextM && det && /^(?:the|this)$/i.test(det.text)) {
        m.kind = 'defref';
        m.refCountry = dem?.country;
        if (dem) dem.inner = true;
        m.start = det.start;
        m.t0 = det === prev ? m.t0 - 1 : dem!.t0 - 1;
      }
    }
  }

  // ### `placeFacts` reads "<place> of <Country>" and "<place>, <Country>" as locatedIn.
  private placeFacts(tokens: Token[], mentions: Mention[], facts: NameFact[]): void {
    const top = mentions.filter((m) => !m.inner && m.kind === 'entity').sort((a, b) => a.t0 - b.t0);
    for (let i = 0; i + 1 < top.length; i++) {
      const a = top[i];
      const b = top[i + 1];
      if (a.type !== 'Location' || b.type !== 'Country') continue;
      const gap = tokens.slice(a.t1, b.t0).map((t) => t.fold).join(' ');
      if (gap === 'of' || gap === ',') {
        facts.push({ subject: a.key!, predicate: 'locatedIn', object: b.key!, start: tokens[gap === 'of' && tokens[a.t0 - 1]?.fold === 'the' ? a.t0 - 1 : a.t0].start, end: b.end, rule: gap === 'of' ? 'place.of-country' : 'place.comma-country' });
      }
    }
    // "<place, body or event> in <place>": "the Gulustan Palace in Baku", "the meeting of the CIS
    // Council of Foreign Ministers in Bishkek", "the Embassy of Azerbaijan in Tehran".
    for (let i = 0; i + 1 < top.length; i++) {
      const a = top[i];
      const b = top[i + 1];
      if (!(a.type === 'Location' || a.type === 'Organization' || a.type === 'Event') || !(b.type === 'Location' || b.type === 'Country')) continue;
      if (tokens[a.t1]?.fold === 'in' && (b.t0 === a.t1 + 1 || (b.t0 === a.t1 + 2 && tokens[a.t1 + 1].fold === 'the'))) {
        facts.push({ subject: a.key!, predicate: 'locatedIn', object: b.key!, start: a.start, end: b.end, rule: 'place.in-place' });
      }
    }
    for (const m of top) {
      if (m.type !== 'Organization') continue;
      const place = mentions.find((x) => x.inner && x.type === 'Location' && x.t0 > m.t0 && x.t1 <= m.t1 && tokens[x.t0 - 1]?.fold === 'in');
      if (place?.key) facts.push({ subject: m.key!, predicate: 'locatedIn', object: place.key, start: m.start, end: m.end, rule: 'place.in-place' });
    }
    // "Christina Markus Lassen of Denmark": a person of a state, when no office says it.
    for (let i = 0; i + 1 < top.length; i++) {
      const a = top[i];
      const b = top[i + 1];
      if (a.type !== 'Person' || b.type !== 'Country' || b.kind !== 'entity' || tokens[a.t1]?.fold !== 'of' || b.t0 !== a.t1 + 1 && !(b.t0 === a.t1 + 2 && tokens[a.t1 + 1].fold === 'the')) continue;
      if (a.position) continue;
      facts.push({ subject: a.key!, predicate: 'affiliatedWith', object: b.key!, start: a.start, end: b.end, rule: 'person.of-country' });
    }
    // "the Azerbaijani city of Shusha", "the Uzbek capital, Tashkent": the place lies in the demonym's country.
    for (const m of top) {
      if (m.type !== 'Location') continue;
      const kindAt = tokens[m.t0 - 1]?.fold === 'of' ? m.t0 - 2 : tokens[m.t0 - 1]?.text === ',' ? m.t0 - 2 : -1;
      if (kindAt < 1 || !PLACE_KINDS.has(tokens[kindAt].fold)) continue;
      const dem = mentions.find((x) => x.kind === 'demonym' && x.t1 === kindAt);
      if (!dem?.key) continue;
      dem.inner = true;
      facts.push({ subject: m.key!, predicate: 'locatedIn', object: dem.key, start: dem.start, end: m.end, rule: 'place.demonym-city' });
    }
    // Gazetteer places whose country is curated ("Baku" in Azerbaijan) are not stated by
    // the text, so they give no fact here.
  }
}

// Words after which a two-to-five-word capitalised run that no gazetteer knows is a person.
const OBJECT_VERBS = new Set(['with', 'by', 'counterpart', 'received', 'thanked', 'congratulated', 'told', 'of', 'met', 'meets', 'invited', 'telephoned', 'phoned', 'welcomed', 'hosted', 'briefed', 'informed', 'urged', 'greeted', 'accompanied', 'replaced', 'succeeded', 'appointed', 'condemned', 'criticized', 'criticised', 'accused', 'praised', 'supported']);
// Words that may stand between a name and its office in an apposition: "X, who is the newly appointed Y".
const APPOSITION_FILLER = new Set([',', 'the', 'who', 'is', 'was', 'has', 'been', 'now', 'currently', 'also']);
const PERSON_VERBS = new Set(['said', 'says', 'met', 'noted', 'stressed', 'added', 'told', 'visited', 'arrived', 'thanked', 'expressed', 'congratulated', 'received', 'called', 'spoke', 'signed', 'attended', 'welcomed', 'invited', 'praised', 'condemned', 'discussed', 'underlined', 'emphasized', 'emphasised', 'pointed', 'held', 'has', 'had', 'was', 'is', 'will', 'also', 'hosted', 'informed', 'briefed', 'offered', 'conveyed', 'handed', 'gave', 'wrote', 'posted', 'urged', 'announced', 'reiterated']);

// ### `counterpartBefore` finds "counterpart" before a name, across a comma or a title
// ("his U.S. counterpart, Secretary of State Antony Blinken"); -1 when there is none.
function counterpartBefore(tokens: Token[], mentions: Mention[], m: Mention, honorifics: Set<string>): number {
  for (let t = m.t0 - 1; t >= 0 && t >= m.t0 - 12; t--) {
    if (tokens[t].fold === 'counterpart') return t;
    if (tokens[t].text === ',' || honorifics.has(tokens[t].fold) || mentions.some((x) => x.kind === 'title' && t >= x.t0 && t < x.t1)) continue;
    return -1;
  }
  return -1;
}

// ### `isNameGap` says whether an office and a name stand close enough to belong together:
// nothing, a comma, or a parenthesised abbreviation ("the Secretary-General of the OTS (OTS), Omuraliev").
function isNameGap(gap: Token[], honorifics?: Set<string>): boolean {
  if (gap.length === 0) return true;
  // "the Emir of Qatar, Sheikh Tamim": an honorific may stand before the name
  if (honorifics && gap.length <= 3 && gap.every((t, i) => (i === 0 && t.text === ',') || honorifics.has(t.fold) || t.text === '.')) return true;
  if (gap.length === 1) return gap[0].text === ',';
  if (gap[0].text === '(' && gap.length <= 5) {
    const close = gap.findIndex((t) => t.text === ')');
    return close > 0 && gap.slice(close + 1).every((t) => t.text === ',');
  }
  return false;
}

function pick(hits: Hit[]): Hit {
  const rank = (h: Hit): number => (h.kind === 'entity' ? (h.type === 'Organization' ? 0 : h.type === 'Country' ? 1 : 2) : h.kind === 'demonym' ? 3 : 4);
  return [...hits].sort((a, b) => rank(a) - rank(b))[0];
}

export function textOf(tokens: Token[], t0: number, t1: number): string {
  let s = '';
  for (let k = t0; k < t1; k++) {
    const t = tokens[k];
    if (k > t0 && t.start > tokens[k - 1].end) s += ' ';
    s += t.text;
  }
  return s;
}

const SIGN_VERBS = new Set(['signed', 'sign', 'signs', 'signing', 'inked', 'adopted', 'adopt', 'concluded', 'initialled', 'initialed', 'endorsed']);
const DOC_ADJECTIVES = /^(?:joint|trilateral|bilateral|tripartite|final)$/i;
// Kinds of document that name one by themselves when lowercase ("a memorandum of understanding", "a program of cooperation").
const DOC_KINDS = /^(?:memorandum|program|programme|plan|agreement|treaty|protocol|roadmap|accord|declaration|statement|communiqu[eé])$/;
const DATE_WORD = /^(?:\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|the\s)/;

// ### `docTail` extends a document name over its tail: "of understanding", "of cooperation",
// "between the foreign ministries of A and B", "for 2025-2026", "for the 2024-2025 period",
// "on Comprehensive Cooperation", "in the fields of ...". It stops at a clause break, a date,
// or "and a" that starts the next document.
function docTail(tokens: Token[], t: number): number {
  let k = t;
  const stop = (i: number): boolean => {
    const x = tokens[i];
    if (!x || !x.word) return true;
    if (/^(?:with|during|at|which|that|signed|was|were|by|after|before|as|who|when|while|under|to)$/.test(x.fold)) return true;
    if (x.fold === 'and' && /^(?:a|an|the)$/.test(tokens[i + 1]?.fold ?? '')) return true;
    if (x.fold === 'on' && DATE_WORD.test(tokens[i + 1]?.fold ?? '')) return true;
    // "... on energy cooperation in Tbilisi": a place after the topic is where it was signed
    if (x.fold === 'in' && i > t && (tokens[i + 1]?.cap || (tokens[i + 1]?.fold === 'the' && tokens[i + 2]?.cap && !/^fields?$/.test(tokens[i + 2]?.fold ?? '')))) return true;
    return false;
  };
  for (let guard = 0; guard < 4 && k < tokens.length; guard++) {
    const f = tokens[k].fold;
    if (f === 'of' && tokens[k + 1]?.word && !/^(?:the|a|an)$/.test(tokens[k + 1].fold) && !/^\d/.test(tokens[k + 1].text)) {
      k += 2;
    } else if (f === 'between' || ((f === 'on' || f === 'in') && !stop(k))) {
      let j = k + 1;
      while (j < tokens.length && j < k + 14 && !stop(j) && tokens[j].fold !== 'for') j++;
      if (j === k + 1) break;
      k = j;
    } else if (f === 'for' && tokens[k + 1]) {
      let j = k + 1;
      if (tokens[j].fold === 'the') j++;
      if (/^\d{4}(?:-\d{2,4})?$/.test(tokens[j]?.text ?? '')) {
        j++;
        if (/^(?:period|years?)$/.test(tokens[j]?.fold ?? '')) j++;
        k = j;
      } else if (tokens[j]?.cap) {
        while (j < tokens.length && (tokens[j].cap || (tokens[j].fold === 'and' && tokens[j + 1]?.cap))) j++;
        k = j;
      } else break;
    } else break;
  }
  return k;
}

function titleCaseDoc(s: string): string {
  return s
    .split(' ')
    .map((w, i) => (i === 0 || /^(?:statement|declaration|memorandum|understanding|agreement|communiqu[eé])$/i.test(w) ? w[0].toUpperCase() + w.slice(1) : w))
    .join(' ');
}

// Body names: a leading "the" is not part of the name.
function normaliseBodyName(s: string): string {
  return s.replace(/^the\s+/i, '');
}

// Event labels use the canonical name of the organisation they belong to
// ("78th session of the UN General Assembly" → "... of the United Nations General Assembly").
function canonicalEventLabel(surface: string, inner: Mention[], reg: Registry): string {
  let label = surface.replace(/^(?:the|a)\s+/i, '').replace(/^high-level week of the\s+/i, '');
  for (const m of inner) {
    const e = m.key ? reg.entities.get(m.key) : undefined;
    if (!e) continue;
    for (const alias of e.aliases) if (alias !== e.label && label.includes(alias)) label = label.replace(alias, e.label);
  }
  return label;
}
